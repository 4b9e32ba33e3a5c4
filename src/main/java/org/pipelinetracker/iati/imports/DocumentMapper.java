package org.pipelinetracker.iati.imports;

import org.pipelinetracker.project.api.ContentLanguage;
import org.pipelinetracker.project.api.DocumentSource;
import org.pipelinetracker.project.app.PublishedRecordService;
import org.pipelinetracker.project.app.Requests;
import org.pipelinetracker.project.query.DocumentView;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Keeps every {@code document-link} of the activity (its own, not those of its results) as a project document: its
 * url, format, title and description in every language (the narratives' languages, resolved as the title's), its
 * categories, languages and date, dated on the project's proposal (a document describes the record). Our own export
 * gives each document its id ({@code pt:document-id}); another publisher's gets {@code D-} and a hash of its url (of
 * its url and content when several links share a url), so a newer file updates the same document. A link the
 * document cannot keep is noted with the reason: no url or one that is not http, https or ftp, no category (IATI
 * requires one), a narrative in a language already given or under a tag that is no language. A link repeated word for
 * word is kept once. The agreements some links stand for are {@link AgreementMapper}'s.
 */
@Component
class DocumentMapper {

	private static final Pattern CATEGORY = Pattern.compile("[A-Z][0-9]{2}");
	private static final int MAX_TITLE = 1000;
	private static final int MAX_DESCRIPTION = 5000;
	private static final int MAX_FORMAT = 100;
	private static final int MAX_URL = 2000;

	private final PublishedRecordService records;

	DocumentMapper(PublishedRecordService records) {
		this.records = records;
	}

	/** A document as it will be linked, with what it is noted for. */
	private record Planned(String id, String url, Map<String, String> titles, Map<String, String> descriptions,
			String format, List<String> categories, List<String> languages, IatiActivity.DocumentLink link) {

		String content() {
			return url + "|" + titles + "|" + descriptions + "|" + format + "|" + categories + "|" + languages + "|"
					+ link.date();
		}
	}

	void record(ActivityImport act) {
		IatiActivity a = act.activity;
		Map<String, Integer> contents = new HashMap<>();
		Map<String, Integer> urls = new HashMap<>();
		for (IatiActivity.DocumentLink d : a.documentLinks) {
			String what = a.identifier + " document-link #" + d.index();
			if (act.own && d.documentId() == null && d.agreementId() != null) {
				continue; // our own export's link of an agreement that is no document (AgreementMapper's)
			}
			Planned planned = plan(act, d, what);
			if (planned == null) {
				continue;
			}
			Integer repeated = contents.putIfAbsent(planned.content(), d.index());
			if (repeated != null) {
				act.documentIds.put(d.index(), act.documentIds.get(repeated));
				act.note(what, "repeats document-link #" + repeated + " word for word; kept once");
				continue;
			}
			String id = planned.id();
			if (id == null) {
				id = urls.containsKey(planned.url()) ? "D-" + ProjectIdentifiers.hash(planned.content(), 12)
						: "D-" + ProjectIdentifiers.hash(planned.url(), 12);
			}
			urls.putIfAbsent(planned.url(), d.index());
			act.documentIds.put(d.index(), id);
			String documentId = id;
			DocumentView kept = act.view().documents.stream().filter(x -> x.documentId().equals(documentId)).findFirst()
					.orElse(null);
			if (kept != null && kept.url().equals(planned.url()) && kept.titles().equals(planned.titles())
					&& kept.descriptions().equals(planned.descriptions()) && Objects.equals(kept.format(), planned.format())
					&& kept.categories().equals(planned.categories()) && kept.languages().equals(planned.languages())
					&& Objects.equals(kept.documentDate(), d.date())) {
				continue; // kept as it is
			}
			String title = planned.titles().isEmpty() ? planned.url() : planned.titles().values().iterator().next();
			act.write(what, () -> records.linkDocument(act.projectId, new Requests.DocumentRequest(documentId,
					DocumentSource.IATI_LINK, planned.url(), planned.titles(), planned.descriptions(), planned.format(),
					planned.categories(), planned.languages(), d.date(), act.view().proposedOn,
					act.with("document '" + ActivityTexts.shorten(title, 120) + "'"), null), act.run.actor));
		}
	}

	/** What of the link can be kept, each adjustment noted; null (noted) when the link cannot be kept. */
	private static Planned plan(ActivityImport act, IatiActivity.DocumentLink d, String what) {
		String url = d.url();
		if (url == null && d.categories().isEmpty() && d.titles().isEmpty()) {
			act.note(what, "empty document-link (no url, no category, no title); ignored");
			return null;
		}
		if (url == null) {
			act.skip(what, "document-link without a url: no document to link to");
			return null;
		}
		if (url.length() > MAX_URL || !PublishedRecordService.isDocumentUrl(url)) {
			act.skip(what, "document url '" + ActivityTexts.shorten(url, 200)
					+ "' is not an absolute http, https or ftp URL (of at most " + MAX_URL + " characters); not kept");
			return null;
		}
		List<String> categories = new ArrayList<>();
		for (String category : d.categories()) {
			if (!CATEGORY.matcher(category).matches()) {
				act.note(what, "category '" + ActivityTexts.shorten(category, 40) + "' is no DocumentCategory code; left out");
			}
			else if (!categories.contains(category)) {
				categories.add(category);
			}
		}
		if (categories.isEmpty()) {
			act.skip(what, "document-link '" + ActivityTexts.shorten(url, 200)
					+ "' has no DocumentCategory (IATI requires one); not kept");
			return null;
		}
		Map<String, String> titles = narratives(act, what, "title", d.titles(), MAX_TITLE);
		Map<String, String> descriptions = narratives(act, what, "description", d.descriptions(), MAX_DESCRIPTION);
		List<String> languages = new ArrayList<>();
		for (String code : d.languages()) {
			String canonical = ContentLanguage.canonical(code).orElse(null);
			if (canonical == null) {
				act.note(what, "language '" + ActivityTexts.shorten(code, 40) + "' is no language code; left out");
			}
			else if (!languages.contains(canonical)) {
				languages.add(canonical);
			}
		}
		String format = d.format();
		if (format != null && format.length() > MAX_FORMAT) {
			act.note(what, "format '" + ActivityTexts.shorten(format, 40) + "' is longer than " + MAX_FORMAT
					+ " characters; left out");
			format = null;
		}
		String id = act.own && ProjectIdentifiers.isRecordId(d.documentId()) ? d.documentId() : null;
		return new Planned(id, url, titles, descriptions, format, List.copyOf(categories), List.copyOf(languages), d);
	}

	/** Narratives by language, the first of each: the others, and those under no language tag, noted. */
	private static Map<String, String> narratives(ActivityImport act, String what, String element,
			List<IatiActivity.Narrative> narratives, int max) {
		Map<String, String> texts = new LinkedHashMap<>();
		for (IatiActivity.Narrative n : narratives) {
			String language = n.language() == null ? ContentLanguage.DEFAULT
					: ContentLanguage.canonical(n.language()).orElse(null);
			if (language == null) {
				act.note(what, element + " narrative '" + ActivityTexts.shorten(n.text(), 40) + "': xml:lang '"
						+ n.language() + "' is not a language tag; not kept");
			}
			else if (texts.containsKey(language)) {
				act.note(what, "another " + element + " narrative in '" + language + "' ('"
						+ ActivityTexts.shorten(n.text(), 40) + "'): one per language is kept, the first");
			}
			else {
				if (n.text().length() > max) {
					act.note(what, element + " narrative in '" + language + "' shortened to " + max + " characters");
				}
				texts.put(language, ActivityTexts.shorten(n.text(), max));
			}
		}
		return texts;
	}
}
