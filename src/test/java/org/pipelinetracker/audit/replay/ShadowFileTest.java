package org.pipelinetracker.audit.replay;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pipelinetracker.kernel.ShadowableProjection.Table;
import org.pipelinetracker.postgres.EmbeddedPostgresServer;
import org.pipelinetracker.storage.SchemaMigrations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rebuild's shadow on PostgreSQL: an H2 file whose rows reach the live PostgreSQL database with one COPY, only the
 * ones that differ written (a real, embedded PostgreSQL).
 */
class ShadowFileTest {

	private static final String INSERT = "insert into project_view (project_id, title, sector, region, stage, proposed_on,"
			+ " version, last_event_at, document, search_text, data_quality, has_plans) values (?, ?, '21030', ?,"
			+ " 'PROPOSED', date '2026-01-15', ?, ?, ?, ?, '', ?)";

	@Test
	void sendsTheRebuiltRowsWithCopyAndRewritesOnlyThoseThatDiffer(@TempDir Path directory) throws Exception {
		String database = EmbeddedPostgresServer.createDatabase();
		try {
			DriverManagerDataSource postgres = new DriverManagerDataSource(EmbeddedPostgresServer.jdbcUrl(database),
					EmbeddedPostgresServer.USER, "");
			Flyway.configure().dataSource(postgres).locations(SchemaMigrations.LOCATION).placeholders(Map.of(
					"binary", "bytea", "text", "text", "binary_inline", "bytea", "text_inline", "text")).load().migrate();
			JdbcTemplate live = new JdbcTemplate(postgres);
			Timestamp at = Timestamp.from(Instant.parse("2026-01-15T10:15:30.123456Z"));
			// text that COPY's text format has to escape, and a title in Uzbek and Korean
			String tricky = "{\"note\":\"tab\\there, line\\nbreak, back\\\\slash\",\"raw\":\"\t\n\r\\\\\"}";
			live.update(INSERT, "same", "Toshkent–Samarqand 철도", "Tashkent", 3, at, tricky, "a b", true);
			live.update(INSERT, "changed", "Old title", "Navoi", 2, at, "{}", "x", false);
			live.update(INSERT, "gone", "Gone", "Bukhara", 1, at, "{}", "y", false);
			Object sameRow = live.queryForObject("select ctid::text from project_view where project_id = 'same'", String.class);

			try (ShadowFile shadow = ShadowFile.create(directory)) {
				JdbcTemplate rebuilt = new JdbcTemplate(new SingleConnectionDataSource(shadow.connection(), true));
				rebuilt.update(INSERT, "same", "Toshkent–Samarqand 철도", "Tashkent", 3, at, tricky, "a b", true);
				rebuilt.update(INSERT, "changed", "New title", "Navoi", 2, at, "{}", "x", false);
				rebuilt.update(INSERT, "new", "New", "Khorezm", 1, at, "{\"plans\":[]}", null, false);
				shadow.connection().commit();

				Long written = new TransactionTemplate(new JdbcTransactionManager(postgres))
						.execute(status -> shadow.replace(live, Table.of("project_view", "project_id")));
				assertThat(written).as("changed and gone deleted, changed and new inserted").isEqualTo(4);
			}
			assertThat(live.queryForList("select project_id || ' ' || title from project_view order by project_id",
					String.class)).containsExactly("changed New title", "new New", "same Toshkent–Samarqand 철도");
			assertThat(live.queryForObject("select ctid::text from project_view where project_id = 'same'", String.class))
					.as("the unchanged row was not rewritten").isEqualTo(sameRow);
			assertThat(live.queryForMap("select document, last_event_at, has_plans, search_text from project_view"
					+ " where project_id = 'same'")).containsEntry("document", tricky).containsEntry("last_event_at", at)
					.containsEntry("has_plans", true).containsEntry("search_text", "a b");
			assertThat(live.queryForObject("select search_text from project_view where project_id = 'new'", String.class))
					.isNull();
		}
		finally {
			EmbeddedPostgresServer.release();
		}
	}
}
