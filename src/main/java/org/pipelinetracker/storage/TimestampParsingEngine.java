package org.pipelinetracker.storage;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Axon's JDBC engine, reading each stored event's instant once ({@link ParsedTimestampEntry}) instead of once for the
 * token's gap check and again for the message. The rows, the tokens and their gaps are Axon's own: the gap rules
 * below are those of {@code JdbcEventStorageEngine#getTrackedEventData}, with the limits the engine is built with.
 */
final class TimestampParsingEngine extends JdbcEventStorageEngine {

	/** Axon's defaults, given to the builder explicitly so that the gap rules below use the same. */
	static final int MAX_GAP_OFFSET = 10_000;
	static final long LOWEST_GLOBAL_SEQUENCE = 1;
	static final int GAP_TIMEOUT_MS = 60_000;

	/** The builder's gap settings are replaced by the constants above, which the gap rules below use. */
	TimestampParsingEngine(Builder builder) {
		super(builder.maxGapOffset(MAX_GAP_OFFSET).lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE)
				.gapTimeout(GAP_TIMEOUT_MS));
	}

	/** Fixed: the gap rules below and Axon's gap cleaning must use the same timeout. */
	@Override
	public void setGapTimeout(int gapTimeout) {
		throw new UnsupportedOperationException("the gap timeout is fixed at " + GAP_TIMEOUT_MS + " ms");
	}

	@Override
	protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
			throws SQLException {
		long globalSequence = resultSet.getLong(schema().globalIndexColumn());
		ParsedTimestampEntry event = entry(resultSet, true);
		// a recent event may still have gaps before it (uncommitted writes); an old one's gaps are given up
		boolean allowGaps = event.getTimestamp()
				.isAfter(GenericEventMessage.clock.instant().minusMillis(GAP_TIMEOUT_MS));
		GapAwareTrackingToken token;
		if (previousToken == null) {
			token = GapAwareTrackingToken.newInstance(globalSequence, allowGaps
					? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalSequence), globalSequence).boxed()
							.collect(Collectors.toCollection(TreeSet::new))
					: Collections.emptySortedSet());
		}
		else {
			token = previousToken.advanceTo(globalSequence, allowGaps ? MAX_GAP_OFFSET : 0);
		}
		return new TrackedDomainEventData<>(token, event);
	}

	@Override
	protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
		return entry(resultSet, false);
	}

	/**
	 * The row as Axon reads it. On the processors' read ({@code tracked}), an event that is not an aggregate's (stored
	 * with its own id as aggregate id) has no aggregate id, as in Axon's engine.
	 */
	private ParsedTimestampEntry entry(ResultSet resultSet, boolean tracked) throws SQLException {
		EventSchema schema = schema();
		String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
		String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
		return new ParsedTimestampEntry(resultSet.getString(schema.typeColumn()),
				tracked && eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
				resultSet.getLong(schema.sequenceNumberColumn()), eventIdentifier,
				resultSet.getString(schema.timestampColumn()), resultSet.getString(schema.payloadTypeColumn()),
				resultSet.getString(schema.payloadRevisionColumn()), readPayload(resultSet, schema.payloadColumn()),
				readPayload(resultSet, schema.metaDataColumn()));
	}
}
