package org.pipelinetracker.storage;

import org.flywaydb.core.Flyway;

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

	private SchemaMigrations() {
	}

	/** Creates the schema in a (fresh) H2 database, e.g. the shadow database of the consistency check. */
	public static void migrateH2(DataSource dataSource) {
		Flyway.configure().dataSource(dataSource).locations(LOCATION).placeholders(H2_TYPES).load().migrate();
	}

	/** Creates the schema inside {@code schema} of an H2 database (created if missing), e.g. a rebuild's shadow. */
	public static void migrateH2(DataSource dataSource, String schema) {
		Flyway.configure().dataSource(dataSource).schemas(schema).locations(LOCATION).placeholders(H2_TYPES).load()
				.migrate();
	}
}
