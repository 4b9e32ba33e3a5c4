package org.pipelinetracker.messaging.health;

import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A processor further behind the event store than {@code tracker.health.max-processor-lag} takes the node out of
 * service (503), while liveness stays UP. Here the threshold is -1, so even a lag of 0 is too much.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "tracker.health.max-processor-lag=-1")
@ActiveProfiles("test")
class ProcessorLagHealthTest {

	@LocalServerPort
	int port;

	@Test
	void aLagAboveTheThresholdIsOutOfService() {
		Api api = new Api(port);
		Response health = api.get("/actuator/health");
		assertThat(health.status()).isEqualTo(503);
		assertThat(health.header("Content-Type")).contains("json");
		assertThat(health.json().path("status").asString()).isEqualTo("OUT_OF_SERVICE");
		assertThat(health.json().path("components").path("eventProcessors").path("status").asString())
				.isEqualTo("OUT_OF_SERVICE");
		assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);
	}
}
