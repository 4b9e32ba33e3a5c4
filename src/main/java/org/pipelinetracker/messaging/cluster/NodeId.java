package org.pipelinetracker.messaging.cluster;

/**
 * This node's name: the owner of the token segments it claims and the key of its heartbeat.
 */
public record NodeId(String value) {
}
