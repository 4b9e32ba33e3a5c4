package org.pipelinetracker.audit.upcasting;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of {@code audit/upcasting/legacy-edcf-project.json}: one project's stream exactly as the app wrote it
 * before {@code FundingCommittedEvent} had a revision or a {@code facilityId}, and before {@code ProjectProposedEvent}
 * had a revision or a {@code language}; and the same stream with the stall an older stall check recorded in it
 * ({@link #withStallThatNeverHeld()}).
 */
record LegacyRows(List<Row> rows) {

	static final String PROJECT_ID = "KR-UZ-LEGACY-EDCF";
	static final int COMMITMENT = 3;
	/** The due date of the no-funding check of {@link #withStallThatNeverHeld()}: 180 days after the agreement. */
	static final String STALL_DUE_ON = "2024-12-12";

	record Row(String aggregateIdentifier, long sequenceNumber, String type, String eventIdentifier, String payloadType,
			String payloadRevision, String timeStamp, String payload, String metaData) {

		GenericDomainEventEntry<byte[]> entry() {
			return new GenericDomainEventEntry<>(type, aggregateIdentifier, sequenceNumber, eventIdentifier, timeStamp,
					payloadType, payloadRevision, payload.getBytes(StandardCharsets.UTF_8),
					metaData.getBytes(StandardCharsets.UTF_8));
		}

		Row withPayload(String newPayload, String newRevision) {
			return new Row(aggregateIdentifier, sequenceNumber, type, eventIdentifier, payloadType, newRevision, timeStamp,
					newPayload, metaData);
		}
	}

	static LegacyRows load() {
		try (InputStream in = LegacyRows.class.getResourceAsStream("/audit/upcasting/legacy-edcf-project.json")) {
			JsonNode doc = JsonMapper.builder().build().readTree(in);
			List<Row> rows = new ArrayList<>();
			for (JsonNode r : doc.path("rows")) {
				rows.add(new Row(r.path("aggregateIdentifier").asString(), r.path("sequenceNumber").asLong(),
						r.path("type").asString(), r.path("eventIdentifier").asString(), r.path("payloadType").asString(),
						r.path("payloadRevision").isNull() ? null : r.path("payloadRevision").asString(),
						r.path("timeStamp").asString(), r.path("payload").asString(), r.path("metaData").asString()));
			}
			return new LegacyRows(List.copyOf(rows));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	Row commitment() {
		return rows.get(COMMITMENT);
	}

	/** The proposal: stored before texts had a language (no revision, no {@code language}). */
	Row proposal() {
		return rows.get(0);
	}

	/**
	 * The same project as an older version's stall check left it: checked at once after the loan agreement (signed
	 * 2024-06-15, a backdated entry), the no-funding check due 2024-12-12 found no funding yet and recorded a stall,
	 * then the commitment dated 2024-07-01 was recorded a moment later. The stall row is in the shape that version
	 * wrote (no revision, no {@code resolvedOn}); the commitment and what follows move one sequence number on.
	 */
	LegacyRows withStallThatNeverHeld() {
		List<Row> withStall = new ArrayList<>(rows.subList(0, COMMITMENT));
		withStall.add(new Row(PROJECT_ID, COMMITMENT, "Project", "5b0c2f7e-3c1d-4a8e-9f61-2d7a4c9e8b13",
				"org.pipelinetracker.project.api.ProjectStalledEvent", null, "2026-11-23T03:27:36.801Z",
				"{\"projectId\":\"" + PROJECT_ID + "\",\"kind\":\"NO_FUNDING\",\"fundingId\":null,\"days\":180,"
						+ "\"dueOn\":\"" + STALL_DUE_ON + "\"}",
				"{\"traceId\":\"9d1e4b6a-7f20-4c3b-8a55-1e6f0c2d3b47\",\"actor\":\"system:stall-check\","
						+ "\"reason\":\"no-funding check due " + STALL_DUE_ON + "\","
						+ "\"correlationId\":\"9d1e4b6a-7f20-4c3b-8a55-1e6f0c2d3b47\"}"));
		for (Row row : rows.subList(COMMITMENT, rows.size())) {
			withStall.add(new Row(row.aggregateIdentifier(), row.sequenceNumber() + 1, row.type(), row.eventIdentifier(),
					row.payloadType(), row.payloadRevision(), row.timeStamp(), row.payload(), row.metaData()));
		}
		return new LegacyRows(List.copyOf(withStall));
	}

	/** Appends the rows to the event store as another node (or an older version of the app) would have. */
	void insertInto(JdbcTemplate jdbc) {
		for (Row row : rows) {
			jdbc.update("insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type, "
					+ "event_identifier, payload_type, payload_revision, payload, meta_data, time_stamp) "
					+ "values (nextval('domain_event_entry_seq'), ?, ?, ?, ?, ?, ?, ?, ?, ?)",
					row.aggregateIdentifier(), row.sequenceNumber(), row.type(), row.eventIdentifier(), row.payloadType(),
					row.payloadRevision(), row.payload().getBytes(StandardCharsets.UTF_8),
					row.metaData().getBytes(StandardCharsets.UTF_8), row.timeStamp());
		}
	}
}
