package org.pipelinetracker.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The application's own time per request over a window: the requests of every URI and status answered since the
 * start, and none from before it; "not measured" (-1) when none was answered or there is no registry.
 */
class ServerTimeTest {

	@Test
	void meansTheRequestsOfEveryUriAnsweredSinceTheStart() {
		MeterRegistry meters = new SimpleMeterRegistry();
		meters.timer(ServerTime.TIMER, "uri", "/api/projects").record(Duration.ofMillis(100));
		try (GenericApplicationContext ctx = context(meters)) {
			ServerTime time = ServerTime.start(ctx);
			assertThat(time.meanMs()).as("nothing answered yet").isEqualTo(-1);
			meters.timer(ServerTime.TIMER, "uri", "/api/projects").record(Duration.ofMillis(2));
			meters.timer(ServerTime.TIMER, "uri", "/api/projects/{id}/disbursements", "status", "201")
					.record(Duration.ofMillis(4));
			meters.timer("http.client.requests").record(Duration.ofMillis(50));
			assertThat(time.meanMs()).isCloseTo(3.0, within(1e-9));
		}
	}

	@Test
	void anApplicationWithoutMetersHasNoFigure() {
		try (GenericApplicationContext ctx = new GenericApplicationContext()) {
			ctx.refresh();
			assertThat(ServerTime.start(ctx)).isNull();
		}
	}

	private static GenericApplicationContext context(MeterRegistry meters) {
		GenericApplicationContext ctx = new GenericApplicationContext();
		ctx.registerBean(MeterRegistry.class, () -> meters);
		ctx.refresh();
		return ctx;
	}
}
