package org.pipelinetracker.pipeline;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.storage.SchemaMigrations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V11 creates the summary empty: on a database whose pipeline facts were projected before it existed, the summary
 * is marked UNBUILT, so the default pipeline is computed from the facts until the processor is replayed; on a fresh
 * database nothing is summarised yet (rates null) and the projection fills it from the first event. V25 sums the
 * facts already projected into their days, so the time series reads complete day sums without a replay.
 */
class PipelineSummaryMigrationTest {

	@Test
	void upgradingADatabaseWithProjectedFactsMarksTheSummaryUnbuilt() {
		JdbcTemplate db = database();
		migrate(db, "10");
		db.update("insert into pipeline_project (project_id, title, sector, region) values ('OLD-1', 'Old', '21030', 'Navoi')");
		migrate(db, null);
		assertThat(db.queryForObject("select rates from pipeline_summary_state where id = 1", String.class))
				.isEqualTo(PipelineSummary.UNBUILT);
		assertThat(db.queryForObject("select count(*) from pipeline_summary_line", Long.class)).isZero();
		db.execute("shutdown");
	}

	@Test
	void upgradingADatabaseWithProjectedFactsSumsThemPerDay() {
		JdbcTemplate db = database();
		migrate(db, "24");
		String fact = "insert into pipeline_money (project_id, sequence_number, funding_id, kind, source, currency, amount,"
				+ " effective_date, recorded_at) values (?, ?, 'F', ?, ?, ?, ?, ?, timestamp with time zone '2025-05-01 10:00:00+00')";
		db.update(fact, "OLD-1", 2, "COMMITTED", "KOICA_GRANT", "USD", new java.math.BigDecimal("1000.25"), java.sql.Date.valueOf("2025-03-01"));
		db.update(fact, "OLD-2", 2, "COMMITTED", "KOICA_GRANT", "USD", new java.math.BigDecimal("500.50"), java.sql.Date.valueOf("2025-03-01"));
		db.update(fact, "OLD-2", 3, "COMMITTED", "KOICA_GRANT", "USD", new java.math.BigDecimal("-200.75"), java.sql.Date.valueOf("2025-03-01"));
		db.update(fact, "OLD-2", 4, "DISBURSED", "KOICA_GRANT", "USD", new java.math.BigDecimal("99.99"), java.sql.Date.valueOf("2025-03-02"));
		migrate(db, null);
		assertThat(db.queryForList("select effective_date, kind, amount, facts from pipeline_money_day order by effective_date"))
				.extracting(r -> r.get("KIND") + " " + r.get("EFFECTIVE_DATE") + " " + ((java.math.BigDecimal) r.get("AMOUNT"))
						.toPlainString() + " " + r.get("FACTS"))
				.containsExactly("COMMITTED 2025-03-01 1300.000000 3", "DISBURSED 2025-03-02 99.990000 1");
		db.execute("shutdown");
	}

	@Test
	void aFreshDatabaseStartsWithNothingSummarised() {
		JdbcTemplate db = database();
		migrate(db, null);
		assertThat(db.queryForObject("select count(*) from pipeline_summary_state where id = 1 and rates is null",
				Long.class)).isEqualTo(1);
		db.execute("shutdown");
	}

	private static JdbcTemplate database() {
		return new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:summary-migration-" + UUID.randomUUID()
				+ ";DB_CLOSE_DELAY=-1", "sa", ""));
	}

	private static void migrate(JdbcTemplate db, String target) {
		var config = Flyway.configure().dataSource(db.getDataSource()).locations(SchemaMigrations.LOCATION)
				.placeholders(SchemaMigrations.H2_TYPES);
		if (target != null) {
			config.target(target);
		}
		config.load().migrate();
	}
}
