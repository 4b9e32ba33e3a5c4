package org.pipelinetracker.audit.deadletter;

import java.util.List;

/**
 * The answer of {@code GET /api/admin/dead-letters}: how many dead letters (and sequences) each processing group with a
 * queue holds, and the dead letters themselves, by group, sequence and position in the sequence, at most
 * {@code limit} of them ({@code truncated} when there are more).
 */
record DeadLetterReport(long total, boolean truncated, List<GroupCount> groups, List<DeadLetterView> deadLetters) {

	/** One processing group's queue: the sequences (projects) parked and the dead letters they hold. */
	record GroupCount(String processingGroup, long sequences, long deadLetters) {
	}
}
