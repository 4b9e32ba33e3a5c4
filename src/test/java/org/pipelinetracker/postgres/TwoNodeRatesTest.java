package org.pipelinetracker.postgres;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Official rates uploaded through one node are used by the other: two application nodes on one PostgreSQL, a
 * project in KRW (no rate yet) recorded through node A, the Central Bank's file uploaded through node A; node B reads
 * the new rates within {@code tracker.fx.refresh-interval} and converts with them (its conversions, the project, the
 * pipeline: the pipeline summary, converted with the old rates, is not used on either node).
 */
class TwoNodeRatesTest {

	static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
	static final String P = "/api/projects/TWO-NODE-FX";

	private final SharedDatabaseNodes cluster = new SharedDatabaseNodes();

	@AfterEach
	void stopNodes() {
		cluster.stopAll();
	}

	@Test
	void ratesUploadedThroughOneNodeAreUsedByTheOther() throws IOException {
		String url = cluster.createDatabase();
		List<String> args = List.of("--tracker.fx.refresh-interval=200ms");
		ConfigurableApplicationContext nodeA = cluster.start("A", url, args);
		ConfigurableApplicationContext nodeB = cluster.start("B", url, args);
		Api a = new Api(SharedDatabaseNodes.port(nodeA));
		Api b = new Api(SharedDatabaseNodes.port(nodeB));

		ok(a.post("/api/projects", """
				{"projectId":"TWO-NODE-FX","title":"Two-node rates","sector":"23630","region":"Samarkand","proposedOn":"2025-06-01"}"""));
		ok(a.post(P + "/agreements", "{\"agreementId\":\"LA-1\",\"type\":\"LOAN\",\"signedOn\":\"2025-06-05\"}"));
		ok(a.post(P + "/fundings/eximbank", """
				{"fundingId":"EDCF-KRW","instrument":"EDCF_LOAN","amount":{"amount":"1000000000","currency":"KRW"},"committedOn":"2025-09-12"}"""));
		// both nodes: no rate for KRW, the pipeline (its summary) lists the won as unconverted
		for (Api node : List.of(a, b)) {
			eventually(node, "/api/pipeline", p -> p.path("unconverted").size() == 1);
			assertThat(json(node.get("/api/pipeline")).path("committedUsd").decimalValue()).isEqualTo(new BigDecimal("0.00"));
		}

		Response upload;
		try (InputStream in = getClass().getResourceAsStream("/fx/cbu-2025-09-10.json")) {
			upload = a.post("/api/fx-rates/imports?name=cbu-2025-09-10.json", new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		assertThat(upload.status()).as(upload.toString()).isEqualTo(200);
		assertThat(upload.json().path("added").asInt()).isEqualTo(4);

		// node B converts with the rates uploaded through A: a conversion, the project, the pipeline
		JsonNode conversion = eventually(b, "/api/fx-rates/convert?amount=1000000000&currency=KRW&date=2025-09-12&to=USD",
				c -> c.path("converted").asBoolean());
		assertThat(conversion.path("conversion").path("amount").decimalValue()).isEqualTo(new BigDecimal("6968.76"));
		assertThat(conversion.path("conversion").path("source").asString())
				.isEqualTo("Central Bank of the Republic of Uzbekistan");
		JsonNode project = json(b.get(P + "?displayCurrency=KRW"));
		assertThat(project.path("usd").path("committed").decimalValue()).isEqualTo(new BigDecimal("6968.76"));
		assertThat(project.path("converted").path("committed").decimalValue()).isEqualTo(new BigDecimal("1000000000"));
		for (Api node : List.of(a, b)) {
			JsonNode pipeline = eventually(node, "/api/pipeline", p -> p.path("unconverted").isEmpty());
			assertThat(pipeline.path("committedUsd").decimalValue()).isEqualTo(new BigDecimal("6968.76"));
			assertThat(json(node.get("/api/pipeline?displayCurrency=EUR")).path("committed").decimalValue())
					.isEqualTo(new BigDecimal("5921.79"));
		}
		assertThat(json(b.get("/actuator/health")).path("components").path("fxRates").path("details").path("rates")
				.path("imported").asInt()).isEqualTo(4);
		// the same file through B adds nothing
		try (InputStream in = getClass().getResourceAsStream("/fx/cbu-2025-09-10.json")) {
			JsonNode again = b.post("/api/fx-rates/imports", new String(in.readAllBytes(), StandardCharsets.UTF_8)).json();
			assertThat(again.path("added").asInt()).isZero();
			assertThat(again.path("unchanged").asInt()).isEqualTo(4);
		}
	}

	private static void ok(Response response) {
		assertThat(response.status()).as(response.toString()).isBetween(200, 201);
	}

	private static JsonNode json(Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static JsonNode eventually(Api node, String path, Predicate<JsonNode> condition) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		JsonNode last = json(node.get(path));
		while (!condition.test(last)) {
			assertThat(Instant.now()).as(path + ": " + last).isBefore(deadline);
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
			last = json(node.get(path));
		}
		return last;
	}
}
