package org.pipelinetracker.iati.imports;

import java.time.Instant;

/**
 * Progress of the import running now (or of the last one): answered by {@code GET /api/import/iati/progress}.
 * {@code state}: IDLE, RUNNING, DONE or FAILED; {@code phase} while running: CHECKING (the whole file is read once to
 * check it, nothing is imported yet) then IMPORTING. {@code percent} is known only when the size of the upload is
 * (Content-Length or the file's size): the check counts for the first tenth, the import for the rest.
 * {@code activitiesTotal} is known once the check is done.
 */
public record ImportProgress(String state, String phase, String file, long bytesRead, Long totalBytes, Double percent,
		int activitiesRead, Integer activitiesTotal, long eventsAppended, Instant startedAt, Instant finishedAt) {

	static final ImportProgress IDLE = new ImportProgress("IDLE", null, null, 0, null, null, 0, null, 0, null, null);
}
