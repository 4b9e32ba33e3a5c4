package org.pipelinetracker.iati.imports;

import java.time.Instant;

/**
 * Progress of the import running now (or of the last one): answered by {@code GET /api/import/iati/progress}.
 * {@code percent} is known only when the size of the upload is (Content-Length or the file's size).
 */
public record ImportProgress(String state, String file, long bytesRead, Long totalBytes, Double percent,
		int activitiesRead, long eventsAppended, Instant startedAt, Instant finishedAt) {

	static final ImportProgress IDLE = new ImportProgress("IDLE", null, 0, null, null, 0, 0, null, null);
}
