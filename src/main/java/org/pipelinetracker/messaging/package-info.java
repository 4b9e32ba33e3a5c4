/**
 * Axon wiring and throughput: the serializer, metadata propagation, snapshots and the clock; the command bus with
 * group commit and retries of commands that lost a race; the aggregate cache; the event source that wakes the
 * projections and their batch window; persisted deadlines; and, below, several nodes and health.
 */
package org.pipelinetracker.messaging;
