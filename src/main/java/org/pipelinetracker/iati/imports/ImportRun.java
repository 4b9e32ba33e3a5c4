package org.pipelinetracker.iati.imports;

import org.pipelinetracker.kernel.AuditContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The bookkeeping of one import of one file: who imports, what was read, and everything the report will say.
 * Every skipped item and every note goes through {@link #skip} and {@link #note}; the counts decide whether an
 * activity was imported, updated or unchanged by how far its project's version moved.
 */
final class ImportRun {

	final String file;
	/** The importing user, without the request's correlation (every event of the run carries the same actor). */
	final AuditContext actor;
	/** The size of the upload when known (Content-Length or the file's size), for the progress percentage. */
	final Long totalBytes;
	final Instant startedAt;
	private final List<ImportReport.Entry> skipped = new ArrayList<>();
	private final List<ImportReport.Entry> notes = new ArrayList<>();
	int activitiesRead;
	/** The number of activities in the file, once it is checked (null before). */
	Integer activitiesTotal;
	int imported;
	int updated;
	int unchanged;
	long eventsAppended;

	ImportRun(String file, AuditContext actor, Long totalBytes, Instant startedAt) {
		this.file = file;
		this.actor = new AuditContext(actor.actor(), null, null);
		this.totalBytes = totalBytes;
		this.startedAt = startedAt;
	}

	/** Something of the file that was not recorded: the identifier (plus transaction or link) and why. */
	void skip(String identifier, String reason) {
		skipped.add(new ImportReport.Entry(identifier, reason));
	}

	/** A deterministic adjustment made while importing (a sanitised id, the sector chosen, …). */
	void note(String identifier, String note) {
		notes.add(new ImportReport.Entry(identifier, note));
	}

	int skippedCount() {
		return skipped.size();
	}

	/**
	 * Counts one activity: a new project is imported; an existing one whose version moved ({@code appended} events)
	 * is updated, else unchanged.
	 */
	void counted(boolean created, long appended) {
		eventsAppended += appended;
		if (created) {
			imported++;
		}
		else if (appended > 0) {
			updated++;
		}
		else {
			unchanged++;
		}
	}

	ImportReport report() {
		return new ImportReport(file, activitiesRead, imported, updated, unchanged, List.copyOf(skipped),
				List.copyOf(notes), eventsAppended);
	}
}
