package org.pipelinetracker.iati.imports;

import org.pipelinetracker.project.api.CommandRejectedException;
import org.pipelinetracker.project.api.ImportNote;
import org.pipelinetracker.project.app.Requests;
import org.pipelinetracker.project.app.WriteResult;
import org.pipelinetracker.project.query.ProjectTimeline;
import org.pipelinetracker.project.query.ProjectView;
import org.pipelinetracker.kernel.InvalidRequestException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The state of one activity's import, handed from mapper to mapper: the activity, its project id, whether it is
 * our own export, the audit reason every event carries (naming the file and the activity's
 * {@code last-updated-datetime}), the project's version and its current view. A write refused by the project's
 * rules is reported as skipped and does not stop the activity; one already recorded (a duplicate) is silent.
 */
final class ActivityImport {

	final IatiActivity activity;
	final String projectId;
	final ImportRun run;
	final String reason;
	/** The date of {@code last-updated-datetime}, or null. */
	final LocalDate lastUpdated;
	/** The activity comes from this application's own export: its {@code pt:} attributes are trusted. */
	final boolean own;
	private final ProjectTimeline timeline;
	/** The project's version after the last write (-1: no project yet). */
	long version;
	/** The activity's data-quality notes, kept on its project ({@link ImportNotesMapper}): every skip and note of it. */
	final List<Requests.ImportNoteRequest> notes = new ArrayList<>();
	/** The id of the project document each document link (by its position) is kept as ({@link DocumentMapper}). */
	final Map<Integer, String> documentIds = new HashMap<>();
	private ProjectView view;

	ActivityImport(IatiActivity activity, ProjectIdentifiers.Identity identity, ImportRun run, ProjectTimeline timeline) {
		this.activity = activity;
		this.own = identity.own();
		this.projectId = identity.projectId();
		this.run = run;
		this.timeline = timeline;
		this.reason = "IATI import of " + run.file + " (last-updated "
				+ (activity.lastUpdated == null ? "not given" : activity.lastUpdated) + ")";
		this.lastUpdated = lastUpdatedDate(activity.lastUpdated);
	}

	/** The project as recorded now (read again after each write). */
	ProjectView view() {
		if (view == null) {
			view = timeline.current(projectId).orElseThrow();
		}
		return view;
	}

	/** Runs one write: true when recorded, false (reported as skipped) when refused. */
	boolean write(String what, Supplier<WriteResult> write) {
		try {
			WriteResult result = write.get();
			version = Math.max(version, result.version());
			view = null;
			if (result.approvalId() != null) {
				// four-eyes (tracker.approvals.required-for): recorded as waiting, counted once another person approves
				note(what, "submitted for approval as entry " + result.approvalId()
						+ ": it counts once another person approves it (GET /api/approvals)");
			}
			return true;
		}
		catch (CommandRejectedException e) {
			if (e.kind() == CommandRejectedException.Kind.DUPLICATE) {
				return false; // already recorded by an earlier import
			}
			skip(what, e.getMessage());
		}
		catch (InvalidRequestException e) {
			skip(what, e.getMessage());
		}
		return false;
	}

	/** Something of this activity that was not recorded: reported, and kept among the project's import notes. */
	void skip(String what, String reason) {
		run.skip(what, reason);
		notes.add(new Requests.ImportNoteRequest(ImportNote.Kind.NOT_RECORDED, what, reason));
	}

	/** An adjustment made to this activity: reported, and kept among the project's import notes. */
	void note(String what, String note) {
		run.note(what, note);
		notes.add(new Requests.ImportNoteRequest(ImportNote.Kind.ADJUSTED, what, note));
	}

	/** The audit reason, with what this write records. */
	String with(String detail) {
		return detail == null ? reason : reason + ": " + detail;
	}

	private static LocalDate lastUpdatedDate(String value) {
		if (value == null || value.length() < 10) {
			return null;
		}
		try {
			return LocalDate.parse(value.substring(0, 10));
		}
		catch (DateTimeParseException e) {
			return null;
		}
	}
}
