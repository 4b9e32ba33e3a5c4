package org.pipelinetracker.bench;

import org.pipelinetracker.postgres.EmbeddedPostgresServer;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

/** An empty database: an H2 file (durable: WRITE_DELAY=0) or a fresh database on the embedded PostgreSQL. */
record Db(String kind, String name, String url, String user, String password, boolean pooled) {

	/** The H2 settings of every benchmark database: durable commits (see docs/performance.md). */
	static final String H2_OPTIONS = System.getProperty("bench.h2.options", ";AUTO_SERVER=FALSE;WRITE_DELAY=0");

	static Db create(String kind, Path out, String phase) throws IOException {
		if ("postgres".equals(kind)) {
			String database = EmbeddedPostgresServer.createDatabase();
			return new Db(kind, "postgres-" + phase, EmbeddedPostgresServer.jdbcUrl(database),
					EmbeddedPostgresServer.USER, "", true);
		}
		Path dir = out.resolve("db").toAbsolutePath();
		Files.createDirectories(dir);
		try (Stream<Path> old = Files.list(dir)) {
			for (Path p : old.filter(p -> p.getFileName().toString().startsWith("h2-" + phase + ".")).toList()) {
				Files.delete(p);
			}
		}
		return new Db(kind, "h2-" + phase, "jdbc:h2:file:" + dir.resolve("h2-" + phase) + H2_OPTIONS, "sa", "",
				false);
	}

	List<String> arguments() {
		// profile postgres requires four-eyes approval of money; the benchmark records money in one step
		return List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
				"--spring.datasource.password=" + password, "--tracker.approvals.required-for=");
	}

	List<String> profiles() {
		return "postgres".equals(kind) ? List.of("postgres") : List.of();
	}

	String version(DataSource ds) throws SQLException {
		try (Connection c = ds.getConnection()) {
			return c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
		}
	}

	void release() {
		if ("postgres".equals(kind)) {
			EmbeddedPostgresServer.release();
		}
	}
}
