package org.pipelinetracker.audit.history;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One stored event as the audit trail shows it.
 *
 * @param sequence      its position in its aggregate's stream (0, 1, 2, ...)
 * @param globalIndex   its position in the whole event store (increasing in commit order, gaps allowed)
 * @param aggregateType {@code Project}, {@code Facility} or {@code ReportingPeriod}
 * @param aggregateId   the project's or facility's id
 * @param type          the event's simple class name, e.g. {@code FundingCommittedEvent}
 * @param effectiveDate the real-world date it is effective on (valid time); null for events without one (facilities)
 * @param recordedAt    when it was recorded (transaction time), to the millisecond as stored
 * @param actor         who recorded it
 * @param reason        why (null when none was given)
 * @param sourceUrl     the source it cites (null when none was given)
 * @param restatementReason why a write into a closed period was recorded as a restatement (null: not one)
 * @param correlationId the id of the command that produced it: events of one command share it (null for events
 *                      recorded before correlation ids were kept)
 * @param payload       the event, upcasted to its current revision, as a JSON object
 */
record HistoryEntry(long sequence, long globalIndex, String aggregateType, String aggregateId, String type,
		LocalDate effectiveDate, Instant recordedAt, String actor, String reason, String sourceUrl,
		String restatementReason, String correlationId, JsonNode payload) {
}
