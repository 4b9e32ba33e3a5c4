package org.pipelinetracker.storage;

import org.flywaydb.core.Flyway;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.util.Map;

/**
 * The one set of Flyway migrations ({@value #LOCATION}) for every database: column types that differ are
 * placeholders, {@code ${binary}} and {@code ${text}} (spring.flyway.placeholders.*: blob/clob on H2, bytea/text
 * on PostgreSQL), and since V10 {@code ${binary_inline}} / {@code ${text_inline}} (varbinary/character varying on
 * H2, bytea/text on PostgreSQL).
 */
public final class SchemaMigrations {

	public static final String LOCATION = "classpath:db/migration/common";
	public static final Map<String, String> H2_TYPES = Map.of("binary", "blob", "text", "clob",
			"binary_inline", "varbinary", "text_inline", "character varying");
	private static final String FLYWAY = "org.flywaydb";
	private static final String LOGBACK = "ch.qos.logback.classic.Logger";

	private SchemaMigrations() {
	}

	/** Creates the schema in a (fresh) H2 database, e.g. the shadow database of the consistency check. */
	public static void migrateH2(DataSource dataSource) {
		quietly(() -> Flyway.configure().dataSource(dataSource).locations(LOCATION).placeholders(H2_TYPES).load()
				.migrate());
	}

	/** Creates the schema inside {@code schema} of an H2 database (created if missing), e.g. a rebuild's shadow. */
	public static void migrateH2(DataSource dataSource, String schema) {
		quietly(() -> Flyway.configure().dataSource(dataSource).schemas(schema).locations(LOCATION)
				.placeholders(H2_TYPES).load().migrate());
	}

	/**
	 * Runs a shadow's migration with Flyway's log at ERROR. A shadow gets the live schema, whose migrations the log
	 * showed at start-up; every rebuild and consistency check would otherwise log some 25 lines again, and H2's
	 * "newer than verified" warning. A failure still throws, and is logged by the caller. With a logging back-end
	 * other than Logback (Spring Boot's default) the migration logs as Flyway does.
	 */
	private static void quietly(Runnable migration) {
		if (LOGBACK.equals(LoggerFactory.getLogger(FLYWAY).getClass().getName())) {
			QuietFlyway.run(migration);
		}
		else {
			migration.run();
		}
	}

	/** Logback's own API, in a class loaded only when Logback is the back-end. */
	private static final class QuietFlyway {

		static synchronized void run(Runnable migration) {
			ch.qos.logback.classic.Logger flyway = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(FLYWAY);
			ch.qos.logback.classic.Level before = flyway.getLevel();
			flyway.setLevel(ch.qos.logback.classic.Level.ERROR);
			try {
				migration.run();
			}
			finally {
				flyway.setLevel(before);
			}
		}
	}
}
