package org.pipelinetracker.audit.deadletter;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Map;

/**
 * One dead letter: the event a processing group could not handle (or that waits behind one of its sequence), and
 * why. {@code causeType} and {@code causeMessage} are null for an event that was never tried because an earlier
 * event of its sequence is parked; {@code diagnostics} ({@code attempts}: failed handling attempts) is left out when
 * empty.
 */
record DeadLetterView(String processingGroup, String sequenceIdentifier, long sequenceIndex, String deadLetterId,
		String messageType, String payloadType, String eventIdentifier, String aggregateType,
		String aggregateIdentifier, Long sequenceNumber, String eventTimestamp, Instant enqueuedAt,
		Instant lastTouched, Instant processingStarted, String causeType, String causeMessage,
		@JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> diagnostics) {
}
