package org.pipelinetracker.project.app;

import jakarta.validation.Validator;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.pipelinetracker.kernel.AuditContext;
import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.kernel.Violations;
import org.pipelinetracker.project.api.ImportNote;
import org.pipelinetracker.project.api.LinkDocumentCommand;
import org.pipelinetracker.project.api.ProjectId;
import org.pipelinetracker.project.api.RecordImportNotesCommand;
import org.pipelinetracker.project.api.ReportActivityStatusCommand;
import org.pipelinetracker.project.app.Requests.ActivityStatusRequest;
import org.pipelinetracker.project.app.Requests.Audited;
import org.pipelinetracker.project.app.Requests.DocumentRequest;
import org.pipelinetracker.project.app.Requests.ImportNotesRequest;
import org.springframework.stereotype.Service;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Records what a publisher published about a project, as the IATI import reads it: the activity status it reported,
 * the documents it links and the notes of the import itself. Validated completely (structure, language tags,
 * URLs), turned into commands with the audit metadata and sent, like {@link ProjectWriteService}'s writes; the
 * project's rules then decide. Only the import uses it: a reported status is no typed stage change.
 */
@Service
public class PublishedRecordService {

	private static final Set<String> URL_SCHEMES = Set.of("http", "https", "ftp");

	private final CommandGateway commands;
	private final Validator validator;
	private final Clock clock;

	PublishedRecordService(CommandGateway commands, Validator validator, Clock clock) {
		this.commands = commands;
		this.validator = validator;
		this.clock = clock;
	}

	/** The activity status a publisher reported; the project's stage follows it. */
	public WriteResult reportActivityStatus(String projectId, ActivityStatusRequest r, AuditContext audit) {
		Violations v = validate(r);
		v.throwIfAny();
		return write(projectId, new ReportActivityStatusCommand(id(projectId), r.status().trim(), r.on(), r.startedOn(),
				blankToNull(r.reportingOrgRef()), blankToNull(r.reportingOrgName()), blankToNull(r.file()),
				blankToNull(r.lastUpdated())), audit, r);
	}

	/**
	 * A document of the project: its URL absolute (http, https or ftp), its languages and those of its title and
	 * description language tags (in their canonical form), its categories in upper case.
	 */
	public WriteResult linkDocument(String projectId, DocumentRequest r, AuditContext audit) {
		Violations v = validate(r);
		String url = r.url() == null ? null : r.url().trim();
		if (url != null && !v.has("url")) {
			v.check(isDocumentUrl(url), "url", Text.of("problem.field.documentUrl"));
		}
		Map<String, String> titles = texts(v, "titles", r.titles());
		Map<String, String> descriptions = texts(v, "descriptions", r.descriptions());
		List<String> languages = new ArrayList<>();
		if (r.languages() != null) {
			for (String tag : r.languages()) {
				String canonical = ProjectWriteService.languageOrNull(v, tag, "languages");
				if (canonical != null && !languages.contains(canonical)) {
					languages.add(canonical);
				}
			}
		}
		v.checkUrl("sourceUrl", r.sourceUrl());
		v.throwIfAny();
		Set<String> categories = new LinkedHashSet<>();
		if (r.categories() != null) {
			r.categories().forEach(c -> categories.add(c.trim().toUpperCase(Locale.ROOT)));
		}
		return write(projectId, new LinkDocumentCommand(id(projectId), r.documentId(), r.source(), url, titles,
				descriptions, blankToNull(r.format()), List.copyOf(categories), List.copyOf(languages), r.documentDate(),
				r.on() != null ? r.on() : LocalDate.now(clock)), audit, r);
	}

	/** The notes of the latest import of the project (they replace the notes of the one before). */
	public WriteResult recordImportNotes(String projectId, ImportNotesRequest r, AuditContext audit) {
		Violations v = validate(r);
		v.throwIfAny();
		List<ImportNote> notes = r.notes().stream()
				.map(n -> new ImportNote(n.kind(), blankToNull(n.subject()), n.text().trim())).toList();
		return write(projectId, new RecordImportNotesCommand(id(projectId), blankToNull(r.file()),
				blankToNull(r.lastUpdated()), notes, r.on()), audit, r);
	}

	/** Whether a document's URL can be kept: absolute, with an http, https or ftp scheme. */
	public static boolean isDocumentUrl(String url) {
		try {
			URI uri = new URI(url);
			return uri.isAbsolute() && URL_SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT));
		}
		catch (URISyntaxException e) {
			return false;
		}
	}

	private static Map<String, String> texts(Violations v, String field, Map<String, String> given) {
		Map<String, String> texts = new LinkedHashMap<>();
		if (given != null) {
			given.forEach((tag, text) -> {
				String canonical = ProjectWriteService.languageOrNull(v, tag, field);
				if (canonical != null && text != null) {
					texts.putIfAbsent(canonical, text.trim());
				}
			});
		}
		return texts;
	}

	private WriteResult write(String projectId, Object command, AuditContext audit, Requests.Audited request) {
		return AuditedCommands.write(commands, projectId, command, audit, request);
	}

	private Violations validate(Object request) {
		return AuditedCommands.validate(validator, request);
	}

	private static ProjectId id(String projectId) {
		return AuditedCommands.id(projectId);
	}

	private static String blankToNull(String s) {
		return AuditedCommands.blankToNull(s);
	}
}
