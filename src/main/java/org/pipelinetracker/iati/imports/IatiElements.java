package org.pipelinetracker.iati.imports;

import org.pipelinetracker.iati.conventions.Extension;
import org.pipelinetracker.iati.conventions.Narratives;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How {@link IatiReader} reads one element, leniently: narratives by language (and IATI 1.x text directly in the
 * element), text content trimmed, attributes by local name and our extension attributes, ISO dates (an unreadable one
 * noted on the activity, not fatal), whitespace collapsed within paragraphs.
 */
final class IatiElements {

	private static final Pattern PARAGRAPHS = Pattern.compile("[ \\t\\r]*\\n\\s*\\n\\s*");

	private IatiElements() {
	}

	/** {@link #narratives(XMLStreamReader, String, List)}, keeping no list. */
	static String narratives(XMLStreamReader r) throws XMLStreamException {
		return narratives(r, null, null);
	}

	/**
	 * Consumes the current element and returns its best narrative: the first without a language or in English,
	 * else the first of any language; text directly in the element (IATI 1.x style) counts as a narrative. Adds every
	 * narrative to {@code all} (when given) with its language: its own {@code xml:lang}, else the element's, else
	 * {@code defaultLanguage}.
	 */
	static String narratives(XMLStreamReader r, String defaultLanguage, List<IatiActivity.Narrative> all)
			throws XMLStreamException {
		String elementLanguage = lang(r);
		String inherited = elementLanguage != null ? elementLanguage : defaultLanguage;
		String english = null;
		String any = null;
		StringBuilder direct = new StringBuilder();
		int depth = 1;
		while (r.hasNext() && depth > 0) {
			int event = r.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				if (depth == 1 && r.getLocalName().equals("narrative")) {
					String lang = lang(r);
					String text = collapse(r.getElementText());
					if (!text.isEmpty() && all != null) {
						all.add(new IatiActivity.Narrative(lang != null ? lang : inherited, lang != null, text));
					}
					if (!text.isEmpty()) {
						if (english == null && (lang == null || lang.equalsIgnoreCase(Narratives.LANGUAGE))) {
							english = text;
						}
						if (any == null) {
							any = text;
						}
					}
				}
				else {
					depth++;
				}
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
			}
			else if (depth == 1 && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
				direct.append(r.getText());
			}
		}
		String fallback = collapse(direct.toString());
		if (any == null && !fallback.isEmpty() && all != null) {
			all.add(new IatiActivity.Narrative(inherited, false, fallback));
		}
		return english != null ? english : any != null ? any : fallback.isEmpty() ? null : fallback;
	}

	/** The element's {@code xml:lang}, trimmed; null when absent or blank. */
	static String lang(XMLStreamReader r) {
		String value = r.getAttributeValue(XMLConstants.XML_NS_URI, "lang");
		return value == null || value.isBlank() ? null : value.trim();
	}

	/** The element's text content, trimmed (nested elements are skipped); consumes the element. */
	static String text(XMLStreamReader r) throws XMLStreamException {
		StringBuilder text = new StringBuilder();
		int depth = 1;
		while (r.hasNext() && depth > 0) {
			int event = r.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				depth++;
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
			}
			else if (depth == 1 && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
				text.append(r.getText());
			}
		}
		String trimmed = text.toString().trim();
		return trimmed.isEmpty() ? null : trimmed;
	}

	static void skip(XMLStreamReader r) throws XMLStreamException {
		int depth = 1;
		while (r.hasNext() && depth > 0) {
			int event = r.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				depth++;
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
			}
		}
	}

	static String attr(XMLStreamReader r, String name) {
		for (int i = 0; i < r.getAttributeCount(); i++) {
			if (r.getAttributeLocalName(i).equals(name)) {
				String value = r.getAttributeValue(i).trim();
				return value.isEmpty() ? null : value;
			}
		}
		return null;
	}

	/** An extension attribute of this application ({@link Extension#NAMESPACE}), trimmed; null when absent or blank. */
	static String ext(XMLStreamReader r, String name) {
		String value = r.getAttributeValue(Extension.NAMESPACE, name);
		return value == null || value.isBlank() ? null : value.trim();
	}

	static LocalDate date(IatiActivity a, String what, String value) {
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
		}
		catch (DateTimeParseException e) {
			a.problems.add(what + " '" + value + "' is not an ISO date; ignored");
			return null;
		}
	}

	static String upper(String s) {
		return s == null ? null : s.toUpperCase(Locale.ROOT);
	}

	/** Whitespace within a paragraph becomes one space; paragraphs (split by a blank line) stay apart. */
	static String collapse(String s) {
		if (s == null) {
			return "";
		}
		StringBuilder text = new StringBuilder();
		for (String paragraph : PARAGRAPHS.split(s.trim())) {
			String words = paragraph.replaceAll("\\s+", " ").trim();
			if (!words.isEmpty()) {
				text.append(text.isEmpty() ? "" : "\n\n").append(words);
			}
		}
		return text.toString();
	}

	/**
	 * A {@code crs-add/loan-terms} element: its rates, our {@code pt:funding-id}, the repayment type and plan codes and
	 * the three dates as published (consumes the element).
	 */
	static IatiActivity.LoanTermsPublished loanTerms(IatiActivity a, XMLStreamReader r) throws XMLStreamException {
		String rate = attr(r, "rate-1");
		String secondRate = attr(r, "rate-2");
		String fundingId = ext(r, Extension.FUNDING_ID);
		String repaymentType = null;
		String repaymentPlan = null;
		LocalDate commitment = null;
		LocalDate first = null;
		LocalDate last = null;
		while (r.hasNext()) {
			int event = r.next();
			if (event == XMLStreamConstants.END_ELEMENT) {
				break;
			}
			if (event != XMLStreamConstants.START_ELEMENT) {
				continue;
			}
			switch (r.getLocalName()) {
				case "repayment-type" -> repaymentType = attr(r, "code");
				case "repayment-plan" -> repaymentPlan = attr(r, "code");
				case "commitment-date" -> commitment = date(a, "loan-terms commitment-date", attr(r, "iso-date"));
				case "repayment-first-date" -> first = date(a, "loan-terms repayment-first-date", attr(r, "iso-date"));
				case "repayment-final-date" -> last = date(a, "loan-terms repayment-final-date", attr(r, "iso-date"));
				default -> {
				}
			}
			skip(r);
		}
		return new IatiActivity.LoanTermsPublished(rate, secondRate, repaymentType, repaymentPlan, commitment, first, last,
				fundingId);
	}
}
