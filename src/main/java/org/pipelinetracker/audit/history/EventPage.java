package org.pipelinetracker.audit.history;

import java.util.List;

/**
 * A page of the audit trail, in global-index order, with the numbers a client needs to page on.
 */
record EventPage(List<HistoryEntry> content, int page, int size, long totalElements, int totalPages) {
}
