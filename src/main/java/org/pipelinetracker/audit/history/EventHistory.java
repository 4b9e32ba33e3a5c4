package org.pipelinetracker.audit.history;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventUtils;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.pipelinetracker.project.api.ProjectEvent;
import org.pipelinetracker.kernel.AuditMetadata;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Reads the audit trail from Axon's {@code domain_event_entry} table. Each row goes through the same upcaster chain
 * and event serializer as the event store's own reads ({@link EventUtils#upcastAndDeserializeTrackedEvents}, as the
 * JPA storage engine does), so old revisions are shown in their current shape, and the global index comes with it.
 * <p>
 * Filters on the recording instant and the event type are SQL conditions. {@code time_stamp} is compared as text:
 * Axon always writes it with {@link DateTimeUtils#formatInstant} (UTC, exactly three fraction digits), so text order
 * is time order. The actor lives in the metadata BLOB, so an actor filter reads the metadata of every row the other
 * filters leave, in batches, and keeps only the global indexes of the requested page.
 */
@Service
class EventHistory {

	private static final String COLUMNS = "global_index, type, aggregate_identifier, sequence_number, event_identifier, "
			+ "time_stamp, payload_type, payload_revision, payload, meta_data";
	private static final int SCAN_BATCH = 1000;

	private final JdbcTemplate jdbc;
	private final Serializer serializer;
	private final Configuration axon;
	private final JsonMapper json;
	private final EventTypes types;

	EventHistory(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer, Configuration axon,
			JsonMapper json, EventTypes types) {
		this.jdbc = jdbc;
		this.serializer = serializer;
		this.axon = axon;
		this.json = json;
		this.types = types;
	}

	/** Every event of the project in stream order; empty when no project has this id (a facility's id included). */
	@Transactional(readOnly = true)
	public Optional<List<HistoryEntry>> project(String projectId) {
		List<TrackedEventMessage<?>> events = upcastAndDeserialize(jdbc.query("select " + COLUMNS
				+ " from domain_event_entry where aggregate_identifier = ? order by sequence_number", this::row, projectId));
		if (events.isEmpty() || !(events.get(0).getPayload() instanceof ProjectEvent)) {
			return Optional.empty();
		}
		return Optional.of(events.stream().map(this::entry).toList());
	}

	/** A page of the events that match {@code search}, in global-index order. */
	@Transactional(readOnly = true)
	public EventPage search(EventSearch search, int page, int size) {
		StringBuilder where = new StringBuilder(" where 1 = 1");
		List<Object> args = new ArrayList<>();
		if (search.from() != null) {
			where.append(" and time_stamp >= ?");
			args.add(DateTimeUtils.formatInstant(ceilToMillis(search.from())));
		}
		if (search.to() != null) {
			where.append(" and time_stamp <= ?");
			args.add(DateTimeUtils.formatInstant(search.to().truncatedTo(ChronoUnit.MILLIS)));
		}
		if (search.type() != null) {
			where.append(" and payload_type = ?");
			args.add(types.storedName(search.type()).orElseThrow());
		}
		long offset = (long) page * size;
		long total;
		List<TrackedDomainEventData<byte[]>> rows;
		if (search.actor() == null) {
			total = jdbc.queryForObject("select count(*) from domain_event_entry" + where, Long.class, args.toArray());
			rows = jdbc.query("select " + COLUMNS + " from domain_event_entry" + where
					+ " order by global_index offset ? rows fetch next ? rows only", this::row, with(args, offset, size));
		}
		else {
			List<Long> window = new ArrayList<>();
			total = scanForActor(where.toString(), args, search.actor(), offset, size, window);
			rows = window.isEmpty() ? List.of() : jdbc.query("select " + COLUMNS + " from domain_event_entry"
					+ " where global_index in (" + String.join(",", Collections.nCopies(window.size(), "?"))
					+ ") order by global_index", this::row, window.toArray());
		}
		List<HistoryEntry> content = upcastAndDeserialize(rows).stream().map(this::entry).toList();
		return new EventPage(content, page, size, total, (int) ((total + size - 1) / size));
	}

	/** Counts the rows recorded by {@code actor}; adds the global indexes of those in [offset, offset + size). */
	private long scanForActor(String where, List<Object> args, String actor, long offset, int size, List<Long> window) {
		long matches = 0;
		long after = Long.MIN_VALUE;
		while (true) {
			List<Object[]> batch = jdbc.query("select global_index, meta_data from domain_event_entry" + where
					+ " and global_index > ? order by global_index fetch first ? rows only",
					(rs, n) -> new Object[] {rs.getLong(1), rs.getBytes(2)}, with(args, after, SCAN_BATCH));
			for (Object[] row : batch) {
				if (actor.equals(metaData((byte[]) row[1]).get(AuditMetadata.ACTOR))) {
					if (matches >= offset && matches < offset + size) {
						window.add((Long) row[0]);
					}
					matches++;
				}
			}
			if (batch.size() < SCAN_BATCH) {
				return matches;
			}
			after = (Long) batch.get(batch.size() - 1)[0];
		}
	}

	private TrackedDomainEventData<byte[]> row(ResultSet rs, int rowNum) throws SQLException {
		byte[] metaData = rs.getBytes("meta_data");
		return new TrackedDomainEventData<>(new GlobalSequenceTrackingToken(rs.getLong("global_index")),
				new GenericDomainEventEntry<>(rs.getString("type"), rs.getString("aggregate_identifier"),
						rs.getLong("sequence_number"), rs.getString("event_identifier"), rs.getString("time_stamp"),
						rs.getString("payload_type"), rs.getString("payload_revision"), rs.getBytes("payload"),
						metaData != null ? metaData : serializer.serialize(MetaData.emptyInstance(), byte[].class).getData()));
	}

	private List<TrackedEventMessage<?>> upcastAndDeserialize(List<TrackedDomainEventData<byte[]>> rows) {
		EventUpcaster upcasters = axon.upcasterChain() != null ? axon.upcasterChain() : NoOpEventUpcaster.INSTANCE;
		return EventUtils.upcastAndDeserializeTrackedEvents(rows.stream(), serializer, upcasters).toList();
	}

	private HistoryEntry entry(TrackedEventMessage<?> message) {
		DomainEventMessage<?> event = (DomainEventMessage<?>) message;
		Object payload = event.getPayload();
		String type;
		JsonNode node;
		if (payload instanceof UnknownSerializedType unknown) { // a stored type this version no longer has
			String name = unknown.serializedType().getName();
			type = name.substring(name.lastIndexOf('.') + 1);
			node = unknown.supportsFormat(JsonNode.class) ? unknown.readData(JsonNode.class) : null;
		}
		else {
			type = event.getPayloadType().getSimpleName();
			node = json.valueToTree(payload);
		}
		MetaData meta = event.getMetaData();
		return new HistoryEntry(event.getSequenceNumber(), message.trackingToken().position().orElseThrow(),
				event.getType(), event.getAggregateIdentifier(), type,
				payload instanceof ProjectEvent projectEvent ? projectEvent.effectiveDate() : null,
				event.getTimestamp(), text(meta, AuditMetadata.ACTOR), text(meta, AuditMetadata.REASON),
				text(meta, AuditMetadata.SOURCE_URL), text(meta, AuditMetadata.RESTATEMENT_REASON),
				text(meta, AuditMetadata.CORRELATION_ID), node);
	}

	private MetaData metaData(byte[] bytes) {
		return bytes == null ? MetaData.emptyInstance()
				: serializer.deserialize(new SerializedMetaData<>(bytes, byte[].class));
	}

	private static String text(MetaData meta, String key) {
		Object value = meta.get(key);
		return value == null ? null : value.toString();
	}

	private static Instant ceilToMillis(Instant instant) {
		Instant millis = instant.truncatedTo(ChronoUnit.MILLIS);
		return millis.isBefore(instant) ? millis.plusMillis(1) : millis;
	}

	private static Object[] with(List<Object> args, Object... more) {
		List<Object> all = new ArrayList<>(args);
		all.addAll(List.of(more));
		return all.toArray();
	}
}
