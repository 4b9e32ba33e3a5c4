package org.pipelinetracker.messaging.health;

import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/health} over real HTTP: the database and every event processor with its status and lag, and the
 * liveness and readiness probes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HealthApiTest {

	static final List<String> GROUPS = List.of("alerts", "facility-usage", "milestones", "pipeline", "project-status");

	@LocalServerPort
	int port;

	@Test
	void healthShowsTheDatabaseAndEveryProcessorCaughtUp() {
		Api api = new Api(port);
		assertThat(api.post("/api/projects", """
				{"projectId":"HEALTH-1","title":"Health","sector":"23630","region":"Navoi","proposedOn":"2025-03-01"}
				""").status()).isEqualTo(201);
		Response health = api.eventually("/actuator/health", r -> r.status() == 200
				&& r.json().path("components").path("eventProcessors").path("details").path("processors").path("pipeline")
						.path("lag").asLong(-1) == 0);
		JsonNode components = health.json().path("components");
		assertThat(health.json().path("status").asString()).isEqualTo("UP");
		assertThat(components.path("db").path("status").asString()).isEqualTo("UP");
		JsonNode processors = components.path("eventProcessors");
		assertThat(processors.path("status").asString()).isEqualTo("UP");
		assertThat(processors.path("details").path("head").asLong()).isGreaterThanOrEqualTo(0);
		for (String group : GROUPS) {
			JsonNode p = processors.path("details").path("processors").path(group);
			assertThat(p.path("status").asString()).as(group).isIn("running", "replaying");
			assertThat(p.path("lag").isNumber()).as(group).isTrue();
			assertThat(p.path("position").asLong()).as(group).isLessThanOrEqualTo(processors.path("details").path("head").asLong());
		}
	}

	@Test
	void livenessAndReadinessProbesAnswer() {
		Api api = new Api(port);
		Response liveness = api.get("/actuator/health/liveness");
		assertThat(liveness.status()).isEqualTo(200);
		assertThat(liveness.json().path("status").asString()).isEqualTo("UP");
		Response readiness = api.get("/actuator/health/readiness");
		assertThat(readiness.status()).isEqualTo(200);
		assertThat(readiness.json().path("status").asString()).isEqualTo("UP");
		assertThat(readiness.json().path("components").path("db").path("status").asString()).isEqualTo("UP");
	}
}
