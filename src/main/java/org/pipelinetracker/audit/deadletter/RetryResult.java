package org.pipelinetracker.audit.deadletter;

import java.util.List;

/**
 * The answer of a retry: how many dead letters of the group were handled (and left the queue), how many remain, and
 * the sequences that still hold dead letters because handling failed again (or another node was retrying them).
 */
record RetryResult(String processingGroup, long retried, long remaining, List<String> failedSequences) {
}
