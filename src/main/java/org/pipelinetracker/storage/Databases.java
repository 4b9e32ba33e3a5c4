package org.pipelinetracker.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** Which of the two supported databases a connection talks to (H2, the embedded default, or PostgreSQL). */
public final class Databases {

	private Databases() {
	}

	/** Whether {@code connection} is to PostgreSQL (else H2). */
	public static boolean isPostgres(Connection connection) throws SQLException {
		return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
	}
}
