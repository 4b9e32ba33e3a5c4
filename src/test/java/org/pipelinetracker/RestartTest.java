package org.pipelinetracker;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default for real: an H2 file, demo data on, closed and reopened.
 */
class RestartTest {

	@Test
	void keepsEverythingAcrossARestartAndSeedsOnlyOnce() throws Exception {
		Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "restart-");
		String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("pipeline-tracker");
		String projectJson;
		String seededTrain;
		long events;
		long seededEvents;

		try (ConfigurableApplicationContext app = start(url)) {
			Api api = new Api(port(app));
			seededEvents = eventCount(app);
			assertThat(seededEvents).as("demo data events").isGreaterThan(17);
			api.eventually("/api/projects?size=100", r -> r.json().path("totalElements").asLong() == 17);
			seededTrain = api.get("/api/projects/KR-UZ-HSR-HYUNDAI-ROTEM-TRAINS").body();
			assertThat(seededTrain).contains("\"stage\":\"FINANCED\"").contains("\"USD\":250000000.00");

			assertThat(api.post("/api/projects", """
					{"projectId":"RESTART-1","title":"National Oncology Clinic equipment","sector":"12191",
					 "region":"Tashkent City","proposedOn":"2025-01-15"}""").status()).isEqualTo(201);
			assertThat(api.post("/api/projects/RESTART-1/agreements",
					"{\"agreementId\":\"G1\",\"type\":\"GRANT\",\"signedOn\":\"2025-02-01\"}").status()).isEqualTo(200);
			assertThat(api.post("/api/projects/RESTART-1/fundings",
					"{\"fundingId\":\"KOICA-1\",\"source\":\"KOICA_GRANT\",\"funder\":\"KOICA\",\"amount\":{\"amount\":\"12500000.00\",\"currency\":\"USD\"},\"committedOn\":\"2025-03-01\"}")
					.status()).isEqualTo(200);
			projectJson = api.get("/api/projects/RESTART-1").body();
			api.eventually("/api/projects?stage=FINANCED&size=100", r -> r.body().contains("RESTART-1"));
			events = eventCount(app);
			assertThat(events).as("proposed, signed + stage, committed + stage").isEqualTo(seededEvents + 5);
		}

		try (ConfigurableApplicationContext app = start(url)) {
			Api api = new Api(port(app));
			assertThat(eventCount(app)).as("a restart appends nothing, demo data included").isEqualTo(events);
			assertThat(api.get("/api/projects/RESTART-1").body()).isEqualTo(projectJson);
			assertThat(api.get("/api/projects/KR-UZ-HSR-HYUNDAI-ROTEM-TRAINS").body()).isEqualTo(seededTrain);
			assertThat(api.get("/api/projects?size=100").json().path("totalElements").asLong()).isEqualTo(18);
			assertThat(api.get("/api/projects?stage=FINANCED&size=100").body()).contains("RESTART-1");
			assertThat(api.post("/api/projects/RESTART-1/disbursements",
					"{\"fundingId\":\"KOICA-1\",\"amount\":{\"amount\":\"2500000\",\"currency\":\"USD\"},\"disbursedOn\":\"2025-04-01\"}")
					.json().path("version").asLong()).isEqualTo(5);
		}
	}

	private static ConfigurableApplicationContext start(String url) {
		// command-line arguments: they take precedence over application.properties. Stall checks far in the future,
		// so no deadline adds events while the test compares counts (AlertsApiTest covers them).
		return new SpringApplicationBuilder(PipelineTrackerApplication.class)
				.run("--spring.datasource.url=" + url, "--server.port=0", "--tracker.seed.enabled=true",
						"--tracker.alerts.no-funding-days=36500", "--tracker.alerts.no-disbursement-days=36500",
						"--logging.level.org.axonframework=WARN");
	}

	private static int port(ConfigurableApplicationContext app) {
		return ((WebServerApplicationContext) app).getWebServer().getPort();
	}

	private static long eventCount(ConfigurableApplicationContext app) {
		return app.getBean(JdbcTemplate.class).queryForObject("select count(*) from domain_event_entry", Long.class);
	}
}
