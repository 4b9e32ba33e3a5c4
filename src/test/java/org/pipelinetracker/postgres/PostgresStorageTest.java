package org.pipelinetracker.postgres;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.pipelinetracker.project.api.ProjectProposedEvent;
import org.pipelinetracker.storage.SchemaMigrations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Profile {@code postgres} on a real PostgreSQL (test profile {@code pg}): the schema of db/migration/common with PostgreSQL's types
 * (bytea, never oid; text; the global index one at a time), passes {@code ddl-auto=validate}, matches the H2
 * migrations column for column, and Axon writes and reads its events, metadata and tokens as plain bytes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tracker.test.context=postgres-storage")
@ActiveProfiles({"test", "pg"})
class PostgresStorageTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EventStore eventStore;

	@Test
	void runsOnItsOwnDatabaseOfTheEmbeddedServerWithDurableCommits() {
		assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL 18");
		assertThat(jdbc.queryForObject("select current_database()", String.class)).startsWith("ctx_");
		assertThat(jdbc.queryForObject("show synchronous_commit", String.class)).isEqualTo("on");
	}

	@Test
	void binaryColumnsAreByteaNeverOidAndTheDocumentIsText() {
		assertThat(jdbc.queryForList("select table_name || '.' || column_name from information_schema.columns"
				+ " where table_schema = 'public' and data_type = 'oid'", String.class)).isEmpty();
		Map<String, String> expected = Map.ofEntries(Map.entry("domain_event_entry.payload", "bytea"),
				Map.entry("domain_event_entry.meta_data", "bytea"), Map.entry("snapshot_event_entry.payload", "bytea"),
				Map.entry("snapshot_event_entry.meta_data", "bytea"), Map.entry("token_entry.token", "bytea"),
				Map.entry("saga_entry.serialized_saga", "bytea"), Map.entry("dead_letter_entry.payload", "bytea"),
				Map.entry("dead_letter_entry.meta_data", "bytea"), Map.entry("dead_letter_entry.token", "bytea"),
				Map.entry("dead_letter_entry.diagnostics", "bytea"), Map.entry("scheduled_tasks.task_data", "bytea"),
				Map.entry("project_view.document", "text"),
				Map.entry("dead_letter_entry.enqueued_at", "timestamp with time zone"),
				Map.entry("project_view.last_event_at", "timestamp with time zone"));
		expected.forEach((column, type) -> {
			String[] parts = column.split("\\.");
			assertThat(jdbc.queryForObject("select data_type from information_schema.columns where table_schema = 'public'"
					+ " and table_name = ? and column_name = ?", String.class, parts[0], parts[1])).as(column).isEqualTo(type);
		});
	}

	@Test
	void theGlobalIndexSequenceHandsOutOneValueAtATime() {
		assertThat(jdbc.queryForObject("select increment_by from pg_sequences where sequencename = 'domain_event_entry_seq'",
				Long.class)).isEqualTo(1L);
	}

	@Test
	void theTablesAndColumnsAreThoseOfTheH2Migrations() {
		JdbcDataSource h2 = new JdbcDataSource();
		h2.setURL("jdbc:h2:mem:schema-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		h2.setUser("sa");
		SchemaMigrations.migrateH2(h2);
		Set<String> onH2 = columns(new JdbcTemplate(h2), "PUBLIC");
		Set<String> onPostgres = columns(jdbc, "public");
		assertThat(onPostgres).isNotEmpty().isEqualTo(onH2);
		assertThat(jdbc.queryForList("select version from flyway_schema_history where success and version is not null order by installed_rank",
				String.class)).containsExactlyElementsOf(new JdbcTemplate(h2).queryForList(
						"select \"version\" from \"flyway_schema_history\" where \"success\" and \"version\" is not null order by \"installed_rank\"",
						String.class));
	}

	private static Set<String> columns(JdbcTemplate jdbc, String schema) {
		List<String> rows = jdbc.queryForList("select table_name || '.' || column_name || ' null=' || is_nullable"
				+ " from information_schema.columns where table_schema = ? and table_name not like '%flyway%'"
				+ " and table_name not like '%FLYWAY%'", String.class, schema);
		Set<String> result = new TreeSet<>();
		rows.forEach(row -> result.add(row.toLowerCase(Locale.ROOT)));
		return result;
	}

	@Test
	void axonWritesAndReadsEventsMetadataAndTokensAsPlainBytes() {
		Api api = new Api(port).as("pg-tester");
		String id = "PG-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(api.post("/api/projects", """
				{"projectId":"%s","title":"Fergana water supply ünïcode ✓","sector":"14020","region":"Fergana",
				 "proposedOn":"2024-01-10","reason":"PostgreSQL storage check"}""".formatted(id)).status()).isEqualTo(201);

		List<? extends DomainEventMessage<?>> events = eventStore.readEvents(id).asStream().toList();
		assertThat(events).hasSize(1);
		assertThat(events.get(0).getPayload()).isInstanceOfSatisfying(ProjectProposedEvent.class,
				e -> assertThat(e.title()).isEqualTo("Fergana water supply ünïcode ✓"));
		assertThat(events.get(0).getMetaData()).containsEntry("actor", "pg-tester");

		Map<String, Object> row = jdbc.queryForMap(
				"select payload, meta_data from domain_event_entry where aggregate_identifier = ?", id);
		assertThat(new String((byte[]) row.get("payload"), StandardCharsets.UTF_8)).contains("ünïcode ✓");
		assertThat(new String((byte[]) row.get("meta_data"), StandardCharsets.UTF_8)).contains("pg-tester");

		// the processors store their tokens (bytea too) as they follow the event store
		api.eventually("/api/projects?size=100", r -> r.body().contains(id));
		assertThat(jdbc.queryForObject("select count(*) from token_entry where token is not null", Long.class))
				.isPositive();
		assertThat(jdbc.queryForList("select token from token_entry where token is not null", byte[].class))
				.allSatisfy(token -> assertThat(new String(token, StandardCharsets.UTF_8)).startsWith("{"));
		assertThat(jdbc.queryForObject("select count(*) from pg_largeobject_metadata", Long.class))
				.as("no large objects (oid) anywhere").isZero();
	}
}
