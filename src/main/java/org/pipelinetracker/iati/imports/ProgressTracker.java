package org.pipelinetracker.iati.imports;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * The {@link ImportProgress} of the import running now, or of the last one: updated after every activity, logged
 * every {@code tracker.iati.import.progress-every} activities. The percentage is known only when the size of the
 * upload is, and is 100 once an import is done.
 */
@Component
class ProgressTracker {

	/** The importer's log, as before the progress had its own class. */
	private static final Logger log = LoggerFactory.getLogger(IatiImporter.class);

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
		current = new ImportProgress("RUNNING", run.file, 0, run.totalBytes, run.totalBytes == null ? null : 0.0, 0, 0,
				run.startedAt, null);
	}

	/** After each activity. */
	void advanced(ImportRun run, long bytesRead) {
		if (run.activitiesRead % every == 0) {
			log.info("IATI import of {}: {} activities, {} bytes{} read, {} events appended", run.file,
					run.activitiesRead, bytesRead, run.totalBytes == null ? "" : " of " + run.totalBytes,
					run.eventsAppended);
		}
		current = new ImportProgress("RUNNING", run.file, bytesRead, run.totalBytes, percent(bytesRead, run.totalBytes),
				run.activitiesRead, run.eventsAppended, run.startedAt, null);
	}

	void failed(ImportRun run, long bytesRead) {
		current = new ImportProgress("FAILED", run.file, bytesRead, run.totalBytes, percent(bytesRead, run.totalBytes),
				run.activitiesRead, run.eventsAppended, run.startedAt, clock.instant());
	}

	void done(ImportRun run, long bytesRead) {
		current = new ImportProgress("DONE", run.file, bytesRead, run.totalBytes, 100.0, run.activitiesRead,
				run.eventsAppended, run.startedAt, clock.instant());
		log.info("IATI import of {} done: {} activities read, {} imported, {} updated, {} unchanged, {} skipped, {} events appended",
				run.file, run.activitiesRead, run.imported, run.updated, run.unchanged, run.skippedCount(),
				run.eventsAppended);
	}

	private static Double percent(long read, Long total) {
		return total == null || total <= 0 ? null : Math.min(100.0, Math.round(1000.0 * read / total) / 10.0);
	}
}
