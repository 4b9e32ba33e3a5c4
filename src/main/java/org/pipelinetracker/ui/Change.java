package org.pipelinetracker.ui;

import java.util.List;
import java.util.Map;

/**
 * What one notification of {@code GET /api/stream} tells an open page: the event store's head (highest global index
 * seen), the projects and facilities with new events, and each changed project's latest version (the sequence number
 * of its newest event), so a page can tell when a read model has caught up with it. {@code reload} is true when more
 * changed than one notification lists: the page should then re-read everything it shows.
 */
record Change(long head, List<String> projects, Map<String, Long> versions, List<String> facilities, boolean reload) {
}
