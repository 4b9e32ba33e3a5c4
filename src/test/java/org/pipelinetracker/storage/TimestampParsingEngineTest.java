package org.pipelinetracker.storage;

import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine reads what Axon's own engine reads from the same rows: messages, instants, tokens and their gaps. */
class TimestampParsingEngineTest {

	private final Jackson3Serializer serializer = Jackson3Serializer.builder().build();
	private DataSource dataSource;

	@BeforeEach
	void database() {
		dataSource = new DriverManagerDataSource("jdbc:h2:mem:engine-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
				"sa", "");
		SchemaMigrations.migrateH2(dataSource);
	}

	@Test
	void readsTheSameEventsAndTokensAsAxonsEngine() throws SQLException {
		EventStorageEngine ours = new TimestampParsingEngine(builder());
		JdbcEventStorageEngine axons = builder().maxGapOffset(TimestampParsingEngine.MAX_GAP_OFFSET)
				.lowestGlobalSequence(TimestampParsingEngine.LOWEST_GLOBAL_SEQUENCE)
				.gapTimeout(TimestampParsingEngine.GAP_TIMEOUT_MS).build();
		Instant now = Instant.now();
		String project = UUID.randomUUID().toString();
		// an old event (its gaps are given up), a global index never committed (a gap), recent events, and an
		// event of no aggregate
		ours.appendEvents(new GenericDomainEventMessage<>("Project", project, 0, Map.of("title", "Tashkent metro"),
				MetaData.with("userId", "alice"), UUID.randomUUID().toString(), now.minusSeconds(3_600)));
		new JdbcTemplate(dataSource).queryForObject("select next value for " + EventStoreConfig.SEQUENCE, Long.class);
		ours.appendEvents(new GenericDomainEventMessage<>("Project", project, 1, Map.of("amount", "12.50"),
				MetaData.emptyInstance(), UUID.randomUUID().toString(), now.minusMillis(1)),
				new GenericDomainEventMessage<>("Project", project, 2, Map.of("stage", "SIGNED"),
						MetaData.emptyInstance(), UUID.randomUUID().toString(), now));
		// stored as Axon stores an event of no aggregate: its own id as aggregate id, no type
		String reminder = UUID.randomUUID().toString();
		ours.appendEvents(new GenericDomainEventMessage<>(null, reminder, 0, Map.of("reminder", "due"),
				MetaData.emptyInstance(), reminder, now));

		List<? extends TrackedEventMessage<?>> read = ours.readEvents(null, false).toList();
		List<? extends TrackedEventMessage<?>> expected = axons.readEvents(null, false).toList();

		assertThat(read).hasSize(4).hasSameSizeAs(expected);
		for (int i = 0; i < read.size(); i++) {
			TrackedEventMessage<?> event = read.get(i);
			TrackedEventMessage<?> axon = expected.get(i);
			assertThat(event.trackingToken()).isEqualTo(axon.trackingToken());
			assertThat(event.getTimestamp()).isEqualTo(axon.getTimestamp());
			assertThat(event.getIdentifier()).isEqualTo(axon.getIdentifier());
			assertThat(event.getPayload()).isEqualTo(axon.getPayload());
			assertThat(event.getMetaData()).isEqualTo(axon.getMetaData());
			assertThat(event instanceof DomainEventMessage).isEqualTo(axon instanceof DomainEventMessage);
			if (event instanceof DomainEventMessage<?> domain) {
				DomainEventMessage<?> axonDomain = (DomainEventMessage<?>) axon;
				assertThat(domain.getAggregateIdentifier()).isEqualTo(axonDomain.getAggregateIdentifier());
				assertThat(domain.getSequenceNumber()).isEqualTo(axonDomain.getSequenceNumber());
				assertThat(domain.getType()).isEqualTo(axonDomain.getType());
			}
		}
		assertThat(read.get(0).getTimestamp()).isEqualTo(now.minusSeconds(3_600).truncatedTo(
				ChronoUnit.MILLIS));
		assertThat(read.get(3)).isNotInstanceOf(DomainEventMessage.class);

		// from a token in the middle of the stream, the same again
		assertThat(ours.readEvents(read.get(1).trackingToken(), false).map(TrackedEventMessage::trackingToken).toList())
				.isEqualTo(axons.readEvents(read.get(1).trackingToken(), false).map(TrackedEventMessage::trackingToken)
						.toList());

		List<? extends DomainEventMessage<?>> aggregate = ours.readEvents(project).asStream().toList();
		List<? extends DomainEventMessage<?>> axonAggregate = axons.readEvents(project).asStream().toList();
		assertThat(aggregate).extracting(DomainEventMessage::getTimestamp)
				.containsExactlyElementsOf(axonAggregate.stream().map(DomainEventMessage::getTimestamp).toList());
		assertThat(aggregate).extracting(DomainEventMessage::getSequenceNumber).containsExactly(0L, 1L, 2L);
	}

	@Test
	void aRecentFirstEventKeepsTheGapsBeforeItAsAxonsEngineDoes() throws SQLException {
		EventStorageEngine ours = new TimestampParsingEngine(builder());
		JdbcEventStorageEngine axons = builder().build();
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		// two global indexes taken and never committed before the first event: recent, so they may still come
		jdbc.queryForObject("select next value for " + EventStoreConfig.SEQUENCE, Long.class);
		jdbc.queryForObject("select next value for " + EventStoreConfig.SEQUENCE, Long.class);
		String project = UUID.randomUUID().toString();
		ours.appendEvents(new GenericDomainEventMessage<>("Project", project, 0, Map.of("title", "Andijan road"),
				MetaData.emptyInstance(), UUID.randomUUID().toString(), Instant.now()));

		TrackedEventMessage<?> first = ours.readEvents(null, false).findFirst().orElseThrow();

		assertThat(first.trackingToken()).isEqualTo(axons.readEvents(null, false).findFirst().orElseThrow()
				.trackingToken());
		assertThat(((GapAwareTrackingToken) first.trackingToken()).getGaps())
				.containsExactly(1L, 2L);
	}

	@Test
	void theGapTimeoutCannotBeChangedBehindTheGapRules() throws SQLException {
		TimestampParsingEngine ours = new TimestampParsingEngine(builder());
		assertThatThrownBy(() -> ours.setGapTimeout(1_000)).isInstanceOf(UnsupportedOperationException.class);
	}

	private JdbcEventStorageEngine.Builder builder() throws SQLException {
		return JdbcEventStorageEngine.builder()
				.snapshotSerializer(serializer)
				.eventSerializer(serializer)
				.connectionProvider(new DataSourceConnectionProvider(dataSource))
				.transactionManager(NoTransactionManager.INSTANCE)
				.schema(EventStoreConfig.schema())
				.dataType(byte[].class)
				.appendEvents(EventStoreConfig.appendEvents(EventStoreConfig.nextIndex(dataSource)))
				.readEventDataWithGaps(EventStoreConfig::readEventDataWithGaps);
	}
}
