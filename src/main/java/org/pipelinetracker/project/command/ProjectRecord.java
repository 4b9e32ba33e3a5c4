package org.pipelinetracker.project.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.project.api.ActivityStatusReportedEvent;
import org.pipelinetracker.project.api.AttachDocumentCommand;
import org.pipelinetracker.project.api.CommandRejectedException;
import org.pipelinetracker.project.api.DocumentAttachedEvent;
import org.pipelinetracker.project.api.DocumentLinkedEvent;
import org.pipelinetracker.project.api.DocumentSource;
import org.pipelinetracker.project.api.ImportNotesRecordedEvent;
import org.pipelinetracker.project.api.LinkDocumentCommand;
import org.pipelinetracker.project.api.ProjectStageChangedEvent;
import org.pipelinetracker.project.api.ProjectTextRecordedEvent;
import org.pipelinetracker.project.api.RecordImportNotesCommand;
import org.pipelinetracker.project.api.RecordProjectTextCommand;
import org.pipelinetracker.project.api.ReportActivityStatusCommand;
import org.pipelinetracker.project.api.Stage;

import java.time.Clock;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The commands of the {@link Project} aggregate that describe its record rather than act in its life: its texts in
 * other languages, its documents, the activity status its publisher reported and the notes of its latest import. Each
 * is accepted in every stage, and recording the same thing again appends nothing. The commands that act in the
 * project's life are {@link Project}'s.
 */
abstract class ProjectRecord extends ProjectState {

	/**
	 * The title and/or description in a language other than the original's ({@link TextPolicy}); recording the same
	 * language again corrects it. Nothing is appended when nothing changes.
	 */
	@CommandHandler
	Long handle(RecordProjectTextCommand command, Clock clock) {
		String language = TextPolicy.requireLanguage("language", command.language());
		TextPolicy.requireOtherThanOriginal(language, originalLanguage());
		ProjectText previous = text(language);
		ProjectText next = ProjectText.recorded(previous, command);
		dates(clock).requireEffective("on", command.recordedOn());
		if (next.equals(previous)) {
			return AggregateLifecycle.getVersion(); // nothing changed: nothing to record
		}
		apply(new ProjectTextRecordedEvent(projectId(), language, next.title(), next.description(), command.recordedOn()));
		return AggregateLifecycle.getVersion();
	}

	/**
	 * The activity status a publisher reported ({@link StatusPolicy}): recorded as such, and the project moves to the
	 * stage it stands for, on {@code reportedOn}, whatever the lifecycle rules of the typed commands would say; a project
	 * that never was in implementation passes through IMPLEMENTATION on the activity's actual start, when given, on its
	 * way to a later stage. The dates are effective and, when the stage moves, not before the current stage began.
	 */
	@CommandHandler
	Long handle(ReportActivityStatusCommand command, Clock clock) {
		String status = StatusPolicy.requireStatus(command.status());
		Stage target = StatusPolicy.stageOf(status, financed(), agreed());
		if (StatusPolicy.repeated(reportedStatus(), status, command.reportingOrgRef(), command.lastUpdated(), stage(),
				target)) {
			return AggregateLifecycle.getVersion();
		}
		DatingPolicy dates = dates(clock);
		dates.requireEffective("reportedOn", command.reportedOn());
		boolean moves = target != stage();
		if (moves) {
			dates.requireNotBeforeStageStart("reportedOn", command.reportedOn());
		}
		boolean startsFirst = StatusPolicy.startsFirst(stage(), target, command.startedOn(), command.reportedOn());
		if (startsFirst) {
			dates.requireNotBeforeStageStart("startedOn", command.startedOn());
		}
		Stage from = stage();
		apply(new ActivityStatusReportedEvent(projectId(), status, target, command.reportedOn(),
				command.reportingOrgRef(), command.reportingOrgName(), command.file(), command.lastUpdated()));
		if (startsFirst) {
			apply(new ProjectStageChangedEvent(projectId(), from, Stage.IMPLEMENTATION, command.startedOn()));
			from = Stage.IMPLEMENTATION;
		}
		if (moves) {
			apply(new ProjectStageChangedEvent(projectId(), from, target, command.reportedOn()));
		}
		return AggregateLifecycle.getVersion();
	}

	/**
	 * A document of the project, accepted in every stage: like a text in another language it describes the record. The
	 * same content again records nothing.
	 */
	@CommandHandler
	Long handle(LinkDocumentCommand command, Clock clock) {
		dates(clock).requireEffective("linkedOn", command.linkedOn());
		KeptDocument kept = document(command.documentId());
		if (kept != null && kept.source() == DocumentSource.UPLOAD) {
			throw CommandRejectedException.duplicate("documentId", Text.of("problem.rule.documentExists")
					.with("documentId", command.documentId()).with("projectId", projectId()));
		}
		if (KeptDocument.of(command).equals(kept)) {
			return AggregateLifecycle.getVersion();
		}
		apply(new DocumentLinkedEvent(projectId(), command.documentId(), command.source(), command.url(),
				command.titles(), command.descriptions(), command.format(), command.categories(), command.languages(),
				command.documentDate(), command.linkedOn()));
		return AggregateLifecycle.getVersion();
	}

	/**
	 * An uploaded file kept as a new document, in every stage: its id is new, the document it supersedes (a new
	 * version; both stay) and what it is attached to exist in this project.
	 */
	@CommandHandler
	Long handle(AttachDocumentCommand command, Clock clock) {
		dates(clock).requireEffective("attachedOn", command.attachedOn());
		if (document(command.documentId()) != null) {
			throw CommandRejectedException.duplicate("documentId", Text.of("problem.rule.documentExists")
					.with("documentId", command.documentId()).with("projectId", projectId()));
		}
		if (command.supersedes() != null && document(command.supersedes()) == null) {
			throw CommandRejectedException.rule("supersedes", Text.of("problem.rule.noSuchDocument")
					.with("projectId", projectId()).with("documentId", command.supersedes()));
		}
		if (command.attachedTo() != null && !hasAttachable(command.attachedTo())) {
			throw CommandRejectedException.rule("attachedTo", Text.of("problem.rule.noSuchAttachment")
					.with("kind", command.attachedTo().kind()).with("id", command.attachedTo().id())
					.with("projectId", projectId()));
		}
		apply(new DocumentAttachedEvent(projectId(), command.documentId(), command.sha256(), command.size(),
				command.mediaType(), command.fileName(), command.title(), command.category(), command.language(),
				command.documentDate(), command.attachedTo(), command.supersedes(), command.attachedOn()));
		return AggregateLifecycle.getVersion();
	}

	/** The data-quality notes of the latest import, in every stage; the same notes again record nothing. */
	@CommandHandler
	Long handle(RecordImportNotesCommand command, Clock clock) {
		dates(clock).requireEffective("recordedOn", command.recordedOn());
		if (command.notes().equals(importNotes())) {
			return AggregateLifecycle.getVersion();
		}
		apply(new ImportNotesRecordedEvent(projectId(), command.file(), command.lastUpdated(),
				List.copyOf(command.notes()), command.recordedOn()));
		return AggregateLifecycle.getVersion();
	}
}
