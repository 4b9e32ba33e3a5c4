package org.pipelinetracker.storage;

import org.axonframework.eventhandling.GenericDomainEventEntry;

import java.time.Instant;

/**
 * A stored event as read from {@code domain_event_entry}, whose instant is parsed once, when first asked for, with
 * {@link EventTimestamps} (Axon's entry parses its text each time it is asked: twice per event on the processors'
 * read).
 */
final class ParsedTimestampEntry extends GenericDomainEventEntry<Object> {

	private final String text;
	private Instant instant;

	ParsedTimestampEntry(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
			String timestamp, String payloadType, String payloadRevision, Object payload, Object metaData) {
		super(type, aggregateIdentifier, sequenceNumber, eventIdentifier, timestamp, payloadType, payloadRevision,
				payload, metaData);
		this.text = timestamp;
	}

	@Override
	public Instant getTimestamp() {
		Instant parsed = instant;
		if (parsed == null) {
			parsed = EventTimestamps.parse(text);
			instant = parsed;
		}
		return parsed;
	}
}
