/**
 * The audit trail: every stored event with who recorded it, when, why, from which source and in which command
 * (correlation id), read straight from the event store through Axon's upcasters. {@code GET
 * /api/projects/{id}/history} for one project, {@code GET /api/audit/events} across the store.
 */
package org.pipelinetracker.audit.history;
