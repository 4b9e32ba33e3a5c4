package org.pipelinetracker.storage;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * The event storage engine: Axon's JDBC engine on the very tables Axon's JPA engine uses (Flyway's
 * {@code domain_event_entry} and {@code snapshot_event_entry}), when {@code tracker.event-store.engine=jdbc} (the
 * default). With {@code jpa}, Axon's auto-configuration builds its JPA engine as before; the two read and write the
 * same rows, so the setting can be switched either way on an existing database.
 * <p>
 * Why: the JPA engine persists each event as an entity. Its global index comes from the sequence one value at a
 * time (never pooled: see META-INF/orm.xml), so every event costs a {@code select nextval} round trip before its
 * insert, plus Hibernate's session, persist and flush work. The JDBC engine sends a command's events as one JDBC
 * batch, and the global index is taken from the same sequence inside the insert itself (still one value at a time,
 * in commit order as before). Reading (aggregates, processors) is plain JDBC as well, and each event's recording
 * instant is parsed once, by a parser for the form Axon writes ({@link TimestampParsingEngine}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tracker.event-store.engine", havingValue = "jdbc", matchIfMissing = true)
class EventStoreConfig {

	static final String SEQUENCE = "domain_event_entry_seq";

	@Bean
	EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
			@Qualifier("eventSerializer") Serializer eventSerializer, PersistenceExceptionResolver persistenceExceptionResolver,
			org.axonframework.config.Configuration configuration, TransactionManager transactionManager,
			DataSource dataSource, @Value("${tracker.event-store.fetch-batch-size:100}") int fetchBatchSize)
			throws SQLException {
		return new TimestampParsingEngine(JdbcEventStorageEngine.builder()
				.snapshotSerializer(defaultSerializer)
				.eventSerializer(eventSerializer)
				.upcasterChain(configuration.upcasterChain())
				.snapshotFilter(configuration.snapshotFilter())
				.persistenceExceptionResolver(persistenceExceptionResolver)
				.connectionProvider(new UnitOfWorkAwareConnectionProviderWrapper(
						new SpringDataSourceConnectionProvider(dataSource)))
				.transactionManager(transactionManager)
				.schema(schema())
				.dataType(byte[].class)
				.batchSize(fetchBatchSize)
				.appendEvents(appendEvents(nextIndex(dataSource)))
				.readEventDataWithGaps(EventStoreConfig::readEventDataWithGaps));
	}

	/** Axon's JDBC schema on Flyway's {@code domain_event_entry} and {@code snapshot_event_entry}. */
	static EventSchema schema() {
		return EventSchema.builder()
				.eventTable("domain_event_entry")
				.snapshotTable("snapshot_event_entry")
				.globalIndexColumn("global_index")
				.timestampColumn("time_stamp")
				.eventIdentifierColumn("event_identifier")
				.aggregateIdentifierColumn("aggregate_identifier")
				.sequenceNumberColumn("sequence_number")
				.typeColumn("type")
				.payloadTypeColumn("payload_type")
				.payloadRevisionColumn("payload_revision")
				.payloadColumn("payload")
				.metaDataColumn("meta_data")
				.build();
	}

	/** The SQL that takes the next value of the event sequence, in this database's dialect. */
	static String nextIndex(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			return Databases.isPostgres(connection) ? "nextval('" + SEQUENCE + "')" : "next value for " + SEQUENCE;
		}
	}

	/**
	 * The processors' fetch when their token has gaps (global indexes not committed yet, common with concurrent
	 * writers). Axon's statement is {@code WHERE (gi > ? AND gi <= ?) OR gi IN (gaps)}: H2 cannot use the primary key
	 * for that OR and scans the whole event table on every fetch, so under write load each fetch cost grew with the
	 * store. The same rows as a UNION ALL of a range and an IN list are two index look-ups on H2 and PostgreSQL. The
	 * gaps lie at or below the token's index, the range above it, so no row comes twice.
	 */
	static PreparedStatement readEventDataWithGaps(Connection connection, EventSchema schema, long globalIndex,
			int batchSize, List<Long> gaps) throws SQLException {
		String select = "select " + schema.trackedEventFields() + " from " + schema.domainEventTable() + " where ";
		String index = schema.globalIndexColumn();
		if (gaps.isEmpty()) {
			PreparedStatement range = connection.prepareStatement(select + index + " > ? and " + index + " <= ? order by "
					+ index + " asc");
			range.setLong(1, globalIndex);
			range.setLong(2, globalIndex + batchSize);
			return range;
		}
		PreparedStatement statement = connection.prepareStatement(select + index + " > ? and " + index + " <= ?"
				+ " union all " + select + index + " in (" + String.join(",", Collections.nCopies(gaps.size(), "?"))
				+ ") and " + index + " <= ? order by " + index + " asc");
		statement.setLong(1, globalIndex);
		statement.setLong(2, globalIndex + batchSize);
		for (int i = 0; i < gaps.size(); i++) {
			statement.setLong(3 + i, gaps.get(i));
		}
		statement.setLong(3 + gaps.size(), globalIndex);
		return statement;
	}

	/**
	 * Axon's own append statement, with the global index from the sequence (the table has no column default: the
	 * JPA engine's Hibernate mapping allocates it itself).
	 */
	static AppendEventsStatementBuilder appendEvents(String nextIndex) {
		return (connection, schema, dataType, events, serializer, timestampWriter) -> {
			PreparedStatement statement = connection.prepareStatement("insert into " + schema.domainEventTable() + " ("
					+ schema.globalIndexColumn() + ", " + schema.domainEventFields() + ") values (" + nextIndex
					+ ", ?, ?, ?, ?, ?, ?, ?, ?, ?)");
			for (EventMessage<?> message : events) {
				DomainEventMessage<?> event = (DomainEventMessage<?>) message;
				SerializedObject<?> payload = event.serializePayload(serializer, dataType);
				SerializedObject<?> metaData = event.serializeMetaData(serializer, dataType);
				statement.setString(1, event.getIdentifier());
				statement.setString(2, event.getAggregateIdentifier());
				statement.setLong(3, event.getSequenceNumber());
				statement.setString(4, event.getType());
				timestampWriter.writeTimestamp(statement, 5, event.getTimestamp());
				statement.setString(6, payload.getType().getName());
				statement.setString(7, payload.getType().getRevision());
				statement.setObject(8, payload.getData());
				statement.setObject(9, metaData.getData());
				statement.addBatch();
			}
			return statement;
		};
	}
}
