package org.pipelinetracker.postgres;

import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.pipelinetracker.PipelineTrackerApplication;
import org.pipelinetracker.postgres.twonode.NodeTestConfig;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole application nodes in this JVM, all on one embedded PostgreSQL database, for the several-nodes tests.
 */
final class SharedDatabaseNodes {

	private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
	private String database;

	/** Creates the database the nodes share; returns its JDBC URL. */
	String createDatabase() {
		database = EmbeddedPostgresServer.createDatabase();
		return EmbeddedPostgresServer.jdbcUrl(database);
	}

	String database() {
		return database;
	}

	/** Starts node {@code node} on {@code url} with the common arguments and {@code extraArgs}. */
	ConfigurableApplicationContext start(String node, String url, List<String> extraArgs) {
		List<String> args = new ArrayList<>(List.of(
				"--server.port=0",
				"--spring.profiles.active=test,postgres",
				// profile postgres turns the demo users off; the tests keep them (and the test users)
				"--tracker.security.demo-users=true",
				// not a database of its own (test profile pg): every node on the same one
				"--" + EmbeddedPostgresInitializer.ENABLED + "=false",
				"--spring.datasource.url=" + url,
				"--spring.datasource.username=" + EmbeddedPostgresServer.USER,
				"--spring.datasource.password=",
				"--spring.jmx.enabled=false",
				"--tracker.seed.enabled=false",
				"--" + NodeTestConfig.NODE_ID + "=" + node));
		if (extraArgs.stream().noneMatch(arg -> arg.startsWith("--tracker.approvals.required-for="))) {
			// profile postgres requires four-eyes approval of money; unless told otherwise, these tests record money
			// in one step
			args.add("--tracker.approvals.required-for=");
		}
		args.addAll(extraArgs);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(PipelineTrackerApplication.class,
				NodeTestConfig.class).run(args.toArray(String[]::new));
		nodes.add(context);
		return context;
	}

	/** A node the test has closed itself. */
	void stopped(ConfigurableApplicationContext node) {
		nodes.remove(node);
	}

	/**
	 * Project {@code id} proposed, its grant agreement signed and 250.00 USD of KOICA funding committed, through
	 * {@code node}; each answered 200 or 201.
	 */
	static void writeFundedProject(Api node, String id, String title) {
		ok(node.post("/api/projects", """
				{"projectId":"%s","title":"%s","sector":"23630","region":"Samarkand","proposedOn":"2025-06-01"}"""
				.formatted(id, title)));
		ok(node.post("/api/projects/" + id + "/agreements", "{\"agreementId\":\"A\",\"type\":\"GRANT\",\"signedOn\":\"2025-06-05\"}"));
		ok(node.post("/api/projects/" + id + "/fundings", """
				{"fundingId":"K","source":"KOICA_GRANT","funder":"KOICA","amount":{"amount":"250.00","currency":"USD"},"committedOn":"2025-06-06"}"""));
	}

	private static void ok(Response response) {
		assertThat(response.status()).as(response.toString()).isBetween(200, 201);
	}

	static int port(ConfigurableApplicationContext node) {
		return ((WebServerApplicationContext) node).getWebServer().getPort();
	}

	/** Stops every node started here and gives the database back. */
	void stopAll() {
		nodes.forEach(ConfigurableApplicationContext::close);
		if (database != null) {
			EmbeddedPostgresServer.release();
		}
	}
}
