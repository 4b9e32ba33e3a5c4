package org.pipelinetracker.fx;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled fetch against a real HTTP server the test starts (the JDK's), serving the Central Bank's file, then
 * answering 500, then too slowly: each fetch that works adds the rates (the same file again adds nothing), each that
 * fails keeps the rates in force and says so in {@code /actuator/health} ({@code fxRates}: last success, last
 * failure and why), while the application as a whole stays UP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = {"tracker.test.context=fx-fetch", "tracker.fx.cbu.schedule=* * * * * *", "tracker.fx.cbu.timeout=1s"})
@ActiveProfiles("test")
class FxRatesFetchTest {

	enum Mode {
		FILE, ERROR, SLOW
	}

	static final AtomicReference<Mode> MODE = new AtomicReference<>(Mode.FILE);
	static final AtomicInteger REQUESTS = new AtomicInteger();
	static final HttpServer CBU = start();

	static HttpServer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			server.setExecutor(Executors.newCachedThreadPool());
			server.createContext("/uz/arkhiv-kursov-valyut/json/", exchange -> {
				REQUESTS.incrementAndGet();
				try (exchange) {
					switch (MODE.get()) {
						case FILE -> {
							byte[] body = FxImportApiTest.file("cbu-2025-09-10.json").getBytes(StandardCharsets.UTF_8);
							exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
							exchange.sendResponseHeaders(200, body.length);
							try (OutputStream out = exchange.getResponseBody()) {
								out.write(body);
							}
						}
						case ERROR -> exchange.sendResponseHeaders(500, -1);
						case SLOW -> {
							try {
								Thread.sleep(3000);
								exchange.sendResponseHeaders(200, -1);
							}
							catch (InterruptedException | IOException e) {
								// the client gave up long ago
							}
						}
					}
				}
			});
			server.start();
			return server;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@DynamicPropertySource
	static void cbuUrl(DynamicPropertyRegistry properties) {
		properties.add("tracker.fx.cbu.url",
				() -> "http://127.0.0.1:" + CBU.getAddress().getPort() + "/uz/arkhiv-kursov-valyut/json/");
	}

	@AfterAll
	static void stopServer() {
		CBU.stop(0);
	}

	@LocalServerPort
	int port;

	JsonNode fxHealth() {
		Response health = new Api(port).get("/actuator/health");
		assertThat(health.status()).as("the application stays up: " + health).isEqualTo(200);
		assertThat(health.json().path("status").asString()).isEqualTo("UP");
		return health.json().path("components").path("fxRates");
	}

	JsonNode awaitHealth(String what, Predicate<JsonNode> condition) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		JsonNode last = fxHealth();
		while (!condition.test(last)) {
			assertThat(Instant.now()).as("waiting for " + what + "; fxRates: " + last).isBefore(deadline);
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
			last = fxHealth();
		}
		return last;
	}

	int krwRates() {
		return new Api(port).get("/api/fx-rates?currency=KRW").json().size();
	}

	@Test
	void fetchesOnScheduleKeepsTheRatesWhenTheServerFailsOrIsSlowAndSaysSoInHealth() {
		// 1. the file: added once, then the same file again and again adds nothing
		JsonNode ok = awaitHealth("a successful fetch", h -> "ok".equals(h.path("details").path("fetch").path("state").asString()));
		assertThat(ok.path("status").asString()).isEqualTo("UP");
		assertThat(ok.path("details").path("fetch").path("url").asString()).endsWith("/uz/arkhiv-kursov-valyut/json/");
		assertThat(ok.path("details").path("rates").path("imported").asInt()).isEqualTo(4);
		assertThat(krwRates()).isEqualTo(1);
		int before = REQUESTS.get();
		awaitHealth("another fetch", h -> REQUESTS.get() > before + 1);
		assertThat(fxHealth().path("details").path("fetch").path("lastAdded").asInt()).isZero();
		Response now = new Api(port).post("/api/fx-rates/fetches", "");
		assertThat(now.status()).as(now.toString()).isEqualTo(200);
		assertThat(now.json().path("report").path("unchanged").asInt()).isEqualTo(4);

		// 2. HTTP 500: the rates are kept, health says when and why
		MODE.set(Mode.ERROR);
		JsonNode failing = awaitHealth("a failed fetch", h -> h.path("details").path("fetch").path("lastFailureReason")
				.asString().contains("HTTP 500"));
		assertThat(failing.path("status").asString()).isEqualTo("DEGRADED");
		assertThat(failing.path("details").path("fetch").path("state").asString()).isEqualTo("failing");
		assertThat(failing.path("details").path("fetch").path("lastSuccess").asString()).isNotEmpty();
		assertThat(failing.path("details").path("fetch").path("lastFailure").asString()).isNotEmpty();
		assertThat(failing.path("details").path("rates").path("imported").asInt()).isEqualTo(4);
		assertThat(krwRates()).isEqualTo(1);
		Response failed = new Api(port).post("/api/fx-rates/fetches", "");
		assertThat(failed.status()).isEqualTo(502);
		assertThat(failed.json().path("failure").asString()).contains("HTTP 500");

		// 3. no answer within the timeout
		MODE.set(Mode.SLOW);
		JsonNode slow = awaitHealth("a fetch that timed out", h -> h.path("details").path("fetch")
				.path("lastFailureReason").asString().contains("timeout"));
		assertThat(slow.path("status").asString()).isEqualTo("DEGRADED");
		assertThat(slow.path("details").path("fetch").path("lastFailureReason").asString()).contains("within 1000 ms");
		assertThat(krwRates()).isEqualTo(1);

		// 4. back: the next fetch succeeds, health is UP again
		MODE.set(Mode.FILE);
		JsonNode back = awaitHealth("a fetch working again", h -> "UP".equals(h.path("status").asString()));
		assertThat(back.path("details").path("fetch").path("state").asString()).isEqualTo("ok");
		assertThat(back.path("details").path("fetch").path("lastFailureReason").asString()).contains("timeout");
	}
}
