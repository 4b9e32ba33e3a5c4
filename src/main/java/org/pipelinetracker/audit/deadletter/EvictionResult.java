package org.pipelinetracker.audit.deadletter;

/**
 * The answer of an eviction: the sequence whose dead letters were removed without being handled, and how many.
 */
record EvictionResult(String processingGroup, String sequenceIdentifier, long evicted) {
}
