package org.pipelinetracker.audit.history;

import java.time.Instant;

/**
 * Filters of {@code GET /api/audit/events}; each null means "any".
 *
 * @param from  recorded at or after this instant
 * @param to    recorded at or before this instant
 * @param actor recorded by exactly this actor
 * @param type  an event type's simple class name, already checked against {@link EventTypes}
 */
record EventSearch(Instant from, Instant to, String actor, String type) {
}
