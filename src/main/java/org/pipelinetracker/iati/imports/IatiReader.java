package org.pipelinetracker.iati.imports;

import org.pipelinetracker.iati.conventions.Extension;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import static org.pipelinetracker.iati.imports.IatiElements.attr;
import static org.pipelinetracker.iati.imports.IatiElements.collapse;
import static org.pipelinetracker.iati.imports.IatiElements.date;
import static org.pipelinetracker.iati.imports.IatiElements.ext;
import static org.pipelinetracker.iati.imports.IatiElements.lang;
import static org.pipelinetracker.iati.imports.IatiElements.narratives;
import static org.pipelinetracker.iati.imports.IatiElements.skip;
import static org.pipelinetracker.iati.imports.IatiElements.text;
import static org.pipelinetracker.iati.imports.IatiElements.upper;

/**
 * Streams an IATI activity file with StAX (Woodstox) and hands over one {@link IatiActivity} at a time, so memory does
 * not grow with the file. Lenient on purpose: elements are matched by local name (any namespace, any extra elements
 * and attributes), unknown elements are skipped, values are trimmed, and an unreadable date is noted on the
 * activity instead of failing. The file is first checked whole ({@link IatiFileCheck}): well-formed, no DTD, within
 * the parser's limits ({@link #MAX_ATTRIBUTE_CHARS}, {@link #MAX_TEXT_CHARS}, {@link #MAX_DEPTH}), rooted at
 * {@code iati-activities}.
 */
final class IatiReader {

	/** The longest attribute value read (a URL, a code): longer ones make the file unreadable. */
	static final int MAX_ATTRIBUTE_CHARS = 65_536;
	/** The longest text of one element (a narrative). */
	static final int MAX_TEXT_CHARS = 1 << 20;
	/** The deepest nesting of elements (IATI's deepest is about ten). */
	static final int MAX_DEPTH = 64;
	private static final int MAX_ATTRIBUTES = 64;

	private static final XMLInputFactory FACTORY = factory();

	private IatiReader() {
	}

	/** The root element's local name once reading started (for the "not an IATI file" check). */
	static final class Result {
		String rootElement;
		int activities;
	}

	/** A reader of {@code in} with the limits of this class (DTDs and external entities refused). */
	static XMLStreamReader reader(InputStream in) throws XMLStreamException {
		return FACTORY.createXMLStreamReader(in);
	}

	/** Reads every {@code iati-activity}, wherever it is nested. Malformed XML surfaces as XMLStreamException. */
	static Result read(InputStream in, Consumer<IatiActivity> each) throws XMLStreamException {
		Result result = new Result();
		XMLStreamReader reader = FACTORY.createXMLStreamReader(in);
		String rootLanguage = null;
		try {
			while (reader.hasNext()) {
				if (reader.next() != XMLStreamConstants.START_ELEMENT) {
					continue;
				}
				if (result.rootElement == null) {
					result.rootElement = reader.getLocalName();
					rootLanguage = lang(reader); // a default for activities without one (not in 2.03, seen in 1.x files)
				}
				if (reader.getLocalName().equals("iati-activity")) {
					IatiActivity activity = readActivity(reader, rootLanguage);
					result.activities++;
					each.accept(activity);
				}
			}
		}
		finally {
			reader.close();
		}
		return result;
	}

	private static IatiActivity readActivity(XMLStreamReader r, String rootLanguage) throws XMLStreamException {
		IatiActivity a = new IatiActivity();
		String ownLanguage = lang(r);
		a.defaultLanguage = ownLanguage != null ? ownLanguage : rootLanguage;
		a.lastUpdated = attr(r, "last-updated-datetime");
		a.defaultCurrency = upper(attr(r, "default-currency"));
		while (r.hasNext()) {
			int event = r.next();
			if (event == XMLStreamConstants.END_ELEMENT) {
				return a; // the end of iati-activity: every child is consumed completely below
			}
			if (event != XMLStreamConstants.START_ELEMENT) {
				continue;
			}
			switch (r.getLocalName()) {
				case "iati-identifier" -> a.identifier = text(r);
				case "title" -> {
					a.titles.clear();
					a.title = narratives(r, a.defaultLanguage, a.titles);
				}
				case "description" -> {
					String type = attr(r, "type");
					if (a.description == null && (type == null || type.equals("1"))) {
						a.description = narratives(r, a.defaultLanguage, a.descriptions);
					}
					else {
						skip(r);
					}
				}
				case "reporting-org" -> a.reportingOrg = org(r, null, a.defaultLanguage);
				case "participating-org" -> a.participatingOrgs.add(org(r, attr(r, "role"), a.defaultLanguage));
				case "activity-status" -> {
					a.status = attr(r, "code");
					skip(r);
				}
				case "activity-date" -> {
					String type = attr(r, "type");
					LocalDate date = date(a, "activity-date type " + type, attr(r, "iso-date"));
					if (type != null && date != null) {
						a.dates.putIfAbsent(type, date);
					}
					skip(r);
				}
				case "location" -> {
					if (a.region == null) {
						a.region = ext(r, Extension.REGION);
					}
					skip(r);
				}
				case "sector" -> {
					a.sectors.add(new IatiActivity.Sector(attr(r, "vocabulary"), attr(r, "code"), attr(r, "percentage")));
					skip(r);
				}
				case "recipient-country" -> {
					a.countries.add(new IatiActivity.Country(upper(attr(r, "code")), attr(r, "percentage")));
					skip(r);
				}
				case "default-finance-type" -> {
					a.defaultFinanceType = attr(r, "code");
					skip(r);
				}
				case "default-flow-type" -> {
					a.defaultFlowType = attr(r, "code");
					skip(r);
				}
				case "document-link" -> a.documentLinks.add(documentLink(a, r, a.documentLinks.size() + 1));
				case "transaction" -> a.transactions.add(transaction(a, r, a.transactions.size() + 1));
				case "budget", "planned-disbursement" -> a.plans.add(plan(a, r));
				case "crs-add" -> crsAdd(a, r);
				default -> skip(r);
			}
		}
		return a;
	}

	private static IatiActivity.DocumentLink documentLink(IatiActivity a, XMLStreamReader r, int index)
			throws XMLStreamException {
		String url = attr(r, "url");
		String format = attr(r, "format");
		String agreementId = ext(r, Extension.AGREEMENT_ID);
		String agreementType = ext(r, Extension.AGREEMENT_TYPE);
		String documentId = ext(r, Extension.DOCUMENT_ID);
		LocalDate signedOn = date(a, "document-link " + index + " pt:agreement-signed-on",
				ext(r, Extension.AGREEMENT_SIGNED_ON));
		String parties = ext(r, Extension.AGREEMENT_PARTIES);
		String inherited = lang(r) != null ? lang(r) : a.defaultLanguage;
		String description = null;
		List<String> categories = new ArrayList<>();
		List<String> languages = new ArrayList<>();
		List<IatiActivity.Narrative> titles = new ArrayList<>();
		List<IatiActivity.Narrative> descriptions = new ArrayList<>();
		LocalDate date = null;
		String title = null;
		while (r.hasNext()) {
			int event = r.next();
			if (event == XMLStreamConstants.END_ELEMENT) {
				break;
			}
			if (event != XMLStreamConstants.START_ELEMENT) {
				continue;
			}
			switch (r.getLocalName()) {
				case "category" -> {
					String code = attr(r, "code");
					if (code != null) {
						categories.add(code.toUpperCase(Locale.ROOT));
					}
					skip(r);
				}
				case "language" -> {
					String code = attr(r, "code");
					if (code != null) {
						languages.add(code);
					}
					skip(r);
				}
				case "document-date" -> {
					date = date(a, "document-link " + index + " document-date", attr(r, "iso-date"));
					skip(r);
				}
				case "title" -> title = narratives(r, inherited, titles);
				case "description" -> description = narratives(r, inherited, descriptions);
				default -> skip(r);
			}
		}
		return new IatiActivity.DocumentLink(index, url, List.copyOf(categories), date, title, description,
				agreementId, agreementType, format, List.copyOf(titles), List.copyOf(descriptions),
				List.copyOf(languages), documentId, signedOn, parties);
	}

	private static IatiActivity.Plan plan(IatiActivity a, XMLStreamReader r) throws XMLStreamException {
		boolean budget = "budget".equals(r.getLocalName());
		int index = (int) a.plans.stream().filter(p -> p.budget() == budget).count() + 1;
		String name = r.getLocalName() + " " + index;
		String type = attr(r, "type");
		String status = attr(r, "status");
		String fundingId = ext(r, Extension.FUNDING_ID);
		LocalDate recordedOn = date(a, name + " pt:recorded-on", ext(r, Extension.RECORDED_ON));
		LocalDate periodStart = null;
		LocalDate periodEnd = null;
		String currency = null;
		LocalDate valueDate = null;
		String value = null;
		IatiActivity.Org provider = null;
		IatiActivity.Org receiver = null;
		while (r.hasNext()) {
			int event = r.next();
			if (event == XMLStreamConstants.END_ELEMENT) {
				break;
			}
			if (event != XMLStreamConstants.START_ELEMENT) {
				continue;
			}
			switch (r.getLocalName()) {
				case "period-start" -> {
					periodStart = date(a, name + " period-start", attr(r, "iso-date"));
					skip(r);
				}
				case "period-end" -> {
					periodEnd = date(a, name + " period-end", attr(r, "iso-date"));
					skip(r);
				}
				case "value" -> {
					currency = upper(attr(r, "currency"));
					valueDate = date(a, name + " value-date", attr(r, "value-date"));
					value = text(r);
				}
				case "provider-org" -> provider = org(r, null, a.defaultLanguage);
				case "receiver-org" -> receiver = org(r, null, a.defaultLanguage);
				default -> skip(r);
			}
		}
		return new IatiActivity.Plan(budget, index, type, status, periodStart, periodEnd, currency, valueDate, value,
				provider, receiver, fundingId, recordedOn);
	}

	private static IatiActivity.Transaction transaction(IatiActivity a, XMLStreamReader r, int index)
			throws XMLStreamException {
		IatiActivity.Transaction t = new IatiActivity.Transaction();
		t.index = index;
		t.ref = attr(r, "ref");
		t.source = ext(r, Extension.SOURCE);
		t.instrument = ext(r, Extension.INSTRUMENT);
		t.movement = ext(r, Extension.MOVEMENT);
		t.interestRate = ext(r, Extension.INTEREST_RATE);
		t.maturityYears = ext(r, Extension.MATURITY_YEARS);
		t.graceYears = ext(r, Extension.GRACE_YEARS);
		t.repaymentConvention = ext(r, Extension.REPAYMENT_CONVENTION);
		t.effectiveOn = ext(r, Extension.EFFECTIVE_ON);
		t.closingOn = ext(r, Extension.CLOSING_ON);
		while (r.hasNext()) {
			int event = r.next();
			if (event == XMLStreamConstants.END_ELEMENT) {
				break;
			}
			if (event != XMLStreamConstants.START_ELEMENT) {
				continue;
			}
			switch (r.getLocalName()) {
				case "transaction-type" -> {
					t.type = attr(r, "code");
					skip(r);
				}
				case "transaction-date" -> {
					t.transactionDate = date(a, "transaction " + index + " transaction-date", attr(r, "iso-date"));
					skip(r);
				}
				case "value" -> {
					t.currency = upper(attr(r, "currency"));
					t.valueDate = date(a, "transaction " + index + " value-date", attr(r, "value-date"));
					t.value = text(r);
				}
				case "provider-org" -> t.provider = org(r, null, a.defaultLanguage);
				case "receiver-org" -> t.receiver = org(r, null, a.defaultLanguage);
				case "description" -> t.description = narratives(r);
				case "finance-type" -> {
					t.financeType = attr(r, "code");
					skip(r);
				}
				case "flow-type" -> {
					t.flowType = attr(r, "code");
					skip(r);
				}
				case "sector" -> {
					t.sectors.add(new IatiActivity.Sector(attr(r, "vocabulary"), attr(r, "code"), null));
					skip(r);
				}
				default -> skip(r);
			}
		}
		return t;
	}

	/** {@code crs-add}: only its {@code loan-terms} is read (the first, as the schema allows one). */
	private static void crsAdd(IatiActivity a, XMLStreamReader r) throws XMLStreamException {
		while (r.hasNext()) {
			int event = r.next();
			if (event == XMLStreamConstants.END_ELEMENT) {
				return;
			}
			if (event != XMLStreamConstants.START_ELEMENT) {
				continue;
			}
			if (r.getLocalName().equals("loan-terms") && a.loanTerms == null) {
				a.loanTerms = IatiElements.loanTerms(a, r);
			}
			else {
				skip(r);
			}
		}
	}

	/**
	 * An organisation element: its ref, type, activity-id and crs-channel-code attributes, its best narrative and every
	 * narrative with its language (consumes the element).
	 */
	private static IatiActivity.Org org(XMLStreamReader r, String role, String defaultLanguage) throws XMLStreamException {
		String ref = attr(r, "ref");
		String type = attr(r, "type");
		String activityId = attr(r, "activity-id");
		String crsChannelCode = attr(r, "crs-channel-code");
		String country = upper(ext(r, Extension.COUNTRY));
		List<IatiActivity.Narrative> names = new ArrayList<>();
		String name = narratives(r, defaultLanguage, names);
		return new IatiActivity.Org(ref, role, name, country, type, List.copyOf(names), activityId, crsChannelCode);
	}

	/**
	 * Woodstox, without DTDs or external entities, coalescing text, and with limits on attribute and text sizes, depth
	 * and attributes per element, so a hostile file fails fast, with its location, before it can exhaust memory.
	 */
	private static XMLInputFactory factory() {
		XMLInputFactory factory = new WstxInputFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_COALESCING, true);
		factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, MAX_ATTRIBUTE_CHARS);
		factory.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, MAX_TEXT_CHARS);
		factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, MAX_DEPTH);
		factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, MAX_ATTRIBUTES);
		return factory;
	}
}
