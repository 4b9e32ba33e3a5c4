package org.pipelinetracker.iati.imports;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * The {@link ImportProgress} of the import running now, or of the last one: updated while the file is checked and
 * after every activity imported, logged every {@code tracker.iati.import.progress-every} activities. The percentage is
 * known only when the size of the upload is, and is 100 once an import is done.
 */
@Component
class ProgressTracker {

	/** The importer's log, as before the progress had its own class. */
	private static final Logger log = LoggerFactory.getLogger(IatiImporter.class);
	static final String CHECKING = "CHECKING";
	static final String IMPORTING = "IMPORTING";
	/** The share of the percentage the check takes (it reads the file once, much faster than the import). */
	private static final double CHECK_SHARE = 10.0;

	private final Clock clock;
	private final int every;
	private volatile ImportProgress current = ImportProgress.IDLE;

	ProgressTracker(Clock clock, @Value("${tracker.iati.import.progress-every:100}") int every) {
		this.clock = clock;
		this.every = Math.max(1, every);
	}

	ImportProgress current() {
		return current;
	}

	void started(ImportRun run) {
		current = new ImportProgress("RUNNING", CHECKING, run.file, 0, run.totalBytes, run.totalBytes == null ? null : 0.0,
				0, null, 0, run.startedAt, null);
	}

	/** While the file is checked. */
	void checking(ImportRun run, long bytesRead) {
		current = new ImportProgress("RUNNING", CHECKING, run.file, bytesRead, run.totalBytes,
				percent(bytesRead, run.totalBytes, 0, CHECK_SHARE), 0, null, 0, run.startedAt, null);
	}

	/** The check is done: {@code total} activities to import. */
	void checked(ImportRun run, int total) {
		run.activitiesTotal = total;
		log.info("IATI import of {}: the file is sound, {} activities to import", run.file, total);
		current = new ImportProgress("RUNNING", IMPORTING, run.file, 0, run.totalBytes,
				run.totalBytes == null ? null : CHECK_SHARE, 0, total, 0, run.startedAt, null);
	}

	/** After each activity. */
	void advanced(ImportRun run, long bytesRead) {
		if (run.activitiesRead % every == 0) {
			log.info("IATI import of {}: {} of {} activities, {} bytes{} read, {} events appended", run.file,
					run.activitiesRead, run.activitiesTotal, bytesRead, run.totalBytes == null ? "" : " of " + run.totalBytes,
					run.eventsAppended);
		}
		current = new ImportProgress("RUNNING", IMPORTING, run.file, bytesRead, run.totalBytes,
				percent(bytesRead, run.totalBytes, CHECK_SHARE, 100.0 - CHECK_SHARE), run.activitiesRead,
				run.activitiesTotal, run.eventsAppended, run.startedAt, null);
	}

	void failed(ImportRun run, long bytesRead) {
		ImportProgress now = current;
		current = new ImportProgress("FAILED", now.phase(), run.file, bytesRead, run.totalBytes, now.percent(),
				run.activitiesRead, run.activitiesTotal, run.eventsAppended, run.startedAt, clock.instant());
	}

	void done(ImportRun run, long bytesRead) {
		current = new ImportProgress("DONE", null, run.file, bytesRead, run.totalBytes, 100.0, run.activitiesRead,
				run.activitiesTotal, run.eventsAppended, run.startedAt, clock.instant());
		log.info("IATI import of {} done: {} activities read, {} imported, {} updated, {} unchanged, {} skipped, {} events appended",
				run.file, run.activitiesRead, run.imported, run.updated, run.unchanged, run.skippedCount(),
				run.eventsAppended);
	}

	private static Double percent(long read, Long total, double from, double share) {
		if (total == null || total <= 0) {
			return null;
		}
		return Math.min(100.0, Math.round(10.0 * (from + share * read / total)) / 10.0);
	}
}
