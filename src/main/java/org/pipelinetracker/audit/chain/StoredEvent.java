package org.pipelinetracker.audit.chain;

import org.springframework.jdbc.core.RowMapper;

/**
 * One row of Axon's {@code domain_event_entry} exactly as stored: strings as the database returns them and the
 * payload and metadata as their raw bytes (never deserialized, so the chain covers what is really on disk).
 */
record StoredEvent(long globalIndex, String aggregateIdentifier, long sequenceNumber, String type,
		String eventIdentifier, String payloadType, String payloadRevision, byte[] payload, byte[] metaData,
		String timeStamp) {

	/** The columns, in {@link #MAPPER}'s order; plain SQL for H2 and PostgreSQL alike. */
	static final String COLUMNS = "global_index, aggregate_identifier, sequence_number, type, event_identifier, "
			+ "payload_type, payload_revision, payload, meta_data, time_stamp";

	static final RowMapper<StoredEvent> MAPPER = (rs, row) -> new StoredEvent(rs.getLong("global_index"),
			rs.getString("aggregate_identifier"), rs.getLong("sequence_number"), rs.getString("type"),
			rs.getString("event_identifier"), rs.getString("payload_type"), rs.getString("payload_revision"),
			rs.getBytes("payload"), rs.getBytes("meta_data"), rs.getString("time_stamp"));
}
