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
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The rebuild's shadow on H2: a schema of the live database, filled apart from the live tables and copied in at the swap. */
class ShadowSchemaTest {

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
			String insert = "insert into pipeline_project (project_id, title, sector, region) values (?, ?, ?, ?)";
			jdbc.update(insert, "same", "Same", "210", "Tashkent");
			jdbc.update(insert, "changed", "Changed", "230", "Navoi");
			jdbc.update(insert, "gone", "Gone", "311", "Bukhara");
			Object sameRow = jdbc.queryForObject("select _rowid_ from pipeline_project where project_id = 'same'", Object.class);
			try (ShadowSchema shadow = ShadowSchema.create(live)) {
				JdbcTemplate rebuilt = new JdbcTemplate(new SingleConnectionDataSource(shadow.connection(), true));
				rebuilt.update(insert, "same", "Same", "210", "Tashkent");
				rebuilt.update(insert, "changed", "Changed", "230", "Samarkand");
				rebuilt.update(insert, "new", "New", "140", "Khorezm");
				shadow.connection().commit();

				Long written = new TransactionTemplate(new JdbcTransactionManager(live))
						.execute(status -> shadow.replace(jdbc, Table.of("pipeline_project", "project_id")));
				assertThat(written).as("changed and gone deleted, changed and new inserted").isEqualTo(4);
			}
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
			String insert = "insert into pipeline_project (project_id, title, sector, region) values (?, ?, ?, ?)";
			jdbc.update(insert, "one", "One", "210", "Tashkent");
			jdbc.update(insert, "two", "Two", "230", "Navoi");
			Object firstRow = jdbc.queryForObject("select _rowid_ from pipeline_project where project_id = 'one'", Object.class);
			try (ShadowSchema shadow = ShadowSchema.create(live)) {
				JdbcTemplate rebuilt = new JdbcTemplate(new SingleConnectionDataSource(shadow.connection(), true));
				rebuilt.update(insert, "two", "Two", "230", "Navoi");
				rebuilt.update(insert, "one", "One", "210", "Tashkent");
				shadow.connection().commit();

				Long written = new TransactionTemplate(new JdbcTransactionManager(live))
						.execute(status -> shadow.replace(jdbc, Table.of("pipeline_project", "project_id")));
				assertThat(written).isZero();
			}
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
			String insert = "insert into pipeline_project (project_id, title, sector, region) values (?, ?, ?, ?)";
			jdbc.update(insert, "same", "Same", "210", "Tashkent");
			try (ShadowSchema shadow = ShadowSchema.create(live)) {
				JdbcTemplate rebuilt = new JdbcTemplate(new SingleConnectionDataSource(shadow.connection(), true));
				rebuilt.update(insert, "same", "Same", "210", "Tashkent");
				rebuilt.update(insert, "new", "New", "140", "Khorezm");
				shadow.connection().commit();

				Long written = new TransactionTemplate(new JdbcTransactionManager(live))
						.execute(status -> shadow.replace(jdbc, Table.of("pipeline_project", "project_id")));
				assertThat(written).as("no live row deleted, the new one inserted").isEqualTo(1);
			}
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
