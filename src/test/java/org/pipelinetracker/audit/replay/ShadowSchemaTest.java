package org.pipelinetracker.audit.replay;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.pipelinetracker.kernel.ShadowableProjection.Table;
import org.pipelinetracker.storage.SchemaMigrations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The rebuild's shadow on H2: a schema of the live database, filled apart from the live tables and copied in at the swap. */
class ShadowSchemaTest {

	static final String INSERT = "insert into pipeline_project (project_id, title, sector, region) values (?, ?, ?, ?)";

	@Test
	void writesApartFromTheLiveTablesAndCopiesThemInInsideTheSwapsTransaction() throws Exception {
		try (HikariDataSource live = pool()) {
			JdbcTemplate jdbc = new JdbcTemplate(live);
			jdbc.update("insert into pipeline_project (project_id, title, sector, region) values ('old', 'Old', '210', 'Tashkent')");
			try (ShadowSchema shadow = ShadowSchema.create(live)) {
				JdbcTemplate rebuilt = new JdbcTemplate(new SingleConnectionDataSource(shadow.connection(), true));
				rebuilt.update("insert into pipeline_project (project_id, title, sector, region) values ('new', 'New', '230', 'Navoi')");
				shadow.connection().commit();
				assertThat(jdbc.queryForList("select project_id from pipeline_project", String.class)).containsExactly("old");

				Long written = new TransactionTemplate(new JdbcTransactionManager(live))
						.execute(status -> shadow.replace(jdbc, Table.of("pipeline_project", "project_id")));
				assertThat(written).as("one row deleted, one inserted").isEqualTo(2);
			}
			assertThat(jdbc.queryForList("select title || ' ' || sector || ' ' || region from pipeline_project", String.class))
					.containsExactly("New 230 Navoi");
			assertThat(schemaExists(jdbc)).isFalse();
		}
	}

	@Test
	void rewritesOnlyTheRowsThatDiffer() throws Exception {
		try (HikariDataSource live = pool()) {
			JdbcTemplate jdbc = new JdbcTemplate(live);
			jdbc.update(INSERT, "same", "Same", "210", "Tashkent");
			jdbc.update(INSERT, "changed", "Changed", "230", "Navoi");
			jdbc.update(INSERT, "gone", "Gone", "311", "Bukhara");
			Object sameRow = jdbc.queryForObject("select _rowid_ from pipeline_project where project_id = 'same'", Object.class);

			long written = swapIn(live, List.of(new Object[] {"same", "Same", "210", "Tashkent"},
					new Object[] {"changed", "Changed", "230", "Samarkand"}, new Object[] {"new", "New", "140", "Khorezm"}));
			assertThat(written).as("changed and gone deleted, changed and new inserted").isEqualTo(4);
			assertThat(jdbc.queryForList("select project_id || ' ' || region from pipeline_project order by project_id",
					String.class)).containsExactly("changed Samarkand", "new Khorezm", "same Tashkent");
			assertThat(jdbc.queryForObject("select _rowid_ from pipeline_project where project_id = 'same'", Object.class))
					.as("the unchanged row was not rewritten").isEqualTo(sameRow);
		}
	}

	@Test
	void writesNothingWhenTheRebuiltRowsAreTheLiveOnes() throws Exception {
		try (HikariDataSource live = pool()) {
			JdbcTemplate jdbc = new JdbcTemplate(live);
			jdbc.update(INSERT, "one", "One", "210", "Tashkent");
			jdbc.update(INSERT, "two", "Two", "230", "Navoi");
			Object firstRow = jdbc.queryForObject("select _rowid_ from pipeline_project where project_id = 'one'", Object.class);

			long written = swapIn(live, List.of(new Object[] {"two", "Two", "230", "Navoi"},
					new Object[] {"one", "One", "210", "Tashkent"}));
			assertThat(written).isZero();
			assertThat(jdbc.queryForList("select project_id || ' ' || region from pipeline_project order by project_id",
					String.class)).containsExactly("one Tashkent", "two Navoi");
			assertThat(jdbc.queryForObject("select _rowid_ from pipeline_project where project_id = 'one'", Object.class))
					.as("not rewritten").isEqualTo(firstRow);
		}
	}

	@Test
	void addsTheRebuiltRowsTheLiveTableLacksWhenNoLiveRowHadToGo() throws Exception {
		try (HikariDataSource live = pool()) {
			JdbcTemplate jdbc = new JdbcTemplate(live);
			jdbc.update(INSERT, "same", "Same", "210", "Tashkent");

			long written = swapIn(live, List.of(new Object[] {"same", "Same", "210", "Tashkent"},
					new Object[] {"new", "New", "140", "Khorezm"}));
			assertThat(written).as("no live row deleted, the new one inserted").isEqualTo(1);
			assertThat(jdbc.queryForList("select project_id from pipeline_project order by project_id", String.class))
					.containsExactly("new", "same");
		}
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void makesItsTablesWithoutRepeatingTheMigrationsInTheLog(CapturedOutput output) throws Exception {
		try (HikariDataSource live = pool()) {
			int before = output.getAll().length();
			try (ShadowSchema shadow = ShadowSchema.create(live)) {
				assertThat(new JdbcTemplate(new SingleConnectionDataSource(shadow.connection(), true))
						.queryForObject("select count(*) from pipeline_project", Long.class)).isZero();
			}
			assertThat(output.getAll().substring(before)).doesNotContain("Migrating schema").doesNotContain("flyway");
			assertThat(((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.flywaydb")).getLevel())
					.as("Flyway's level as it was").isNotEqualTo(ch.qos.logback.classic.Level.ERROR);
		}
	}

	@Test
	void dropsWhatAKilledRebuildLeftAndHandsItsConnectionBackOnTheLiveSchema() throws Exception {
		try (HikariDataSource live = pool()) {
			JdbcTemplate jdbc = new JdbcTemplate(live);
			jdbc.execute("create schema " + ShadowSchema.NAME);
			jdbc.execute("create table " + ShadowSchema.NAME + ".pipeline_project (project_id varchar(64))");
			jdbc.update("insert into " + ShadowSchema.NAME + ".pipeline_project values ('left by a killed rebuild')");

			try (ShadowSchema shadow = ShadowSchema.create(live)) {
				assertThat(jdbc.queryForObject("select count(*) from " + ShadowSchema.NAME + ".pipeline_project", Long.class))
						.isZero();
				assertThat(shadow.connection().getSchema()).isEqualTo(ShadowSchema.NAME);
			}
			// both of the pool's connections, the one the rebuild used among them, are back on the live schema
			try (Connection one = live.getConnection(); Connection other = live.getConnection()) {
				for (Connection connection : new Connection[] { one, other }) {
					assertThat(connection.getSchema()).isEqualTo("PUBLIC");
					assertThat(connection.getAutoCommit()).isTrue();
					assertThat(new JdbcTemplate(new SingleConnectionDataSource(connection, true))
							.queryForObject("select count(*) from pipeline_project", Long.class)).isZero();
				}
			}
			assertThat(schemaExists(jdbc)).isFalse();
		}
	}

	/**
	 * A rebuild's shadow holding {@code rebuiltRows} (project id, title, sector, region of {@code pipeline_project}),
	 * swapped into the live table in a transaction of its own; the rows the swap wrote.
	 */
	private static long swapIn(HikariDataSource live, List<Object[]> rebuiltRows) throws SQLException {
		try (ShadowSchema shadow = ShadowSchema.create(live)) {
			JdbcTemplate rebuilt = new JdbcTemplate(new SingleConnectionDataSource(shadow.connection(), true));
			rebuiltRows.forEach(row -> rebuilt.update(INSERT, row));
			shadow.connection().commit();
			Long written = new TransactionTemplate(new JdbcTransactionManager(live)).execute(status -> shadow
					.replace(new JdbcTemplate(live), Table.of("pipeline_project", "project_id")));
			return written == null ? -1 : written;
		}
	}

	private static boolean schemaExists(JdbcTemplate jdbc) {
		return jdbc.queryForObject("select count(*) from information_schema.schemata where schema_name = ?", Long.class,
				ShadowSchema.NAME) > 0;
	}

	private static HikariDataSource pool() {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl("jdbc:h2:mem:shadow-schema-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		pool.setUsername("sa");
		pool.setMaximumPoolSize(2); // Flyway takes two
		SchemaMigrations.migrateH2(pool);
		return pool;
	}
}
