package org.pipelinetracker.fx;

import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/fx-rates} over a real port, with the rates shipped in config/fx-rates.csv.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FxApiTest {

	/** Reads decimals as BigDecimal, so the figures are compared exactly. */
	static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.build();

	@LocalServerPort
	int port;

	JsonNode get(String path, int status) {
		Response response = new Api(port).get(path);
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		return JSON.readTree(response.body());
	}

	@Test
	void listsTheShippedRates() {
		JsonNode rates = get("/api/fx-rates", 200);

		assertThat(rates.size()).isEqualTo(2);
		JsonNode eur = rates.get(0);
		assertThat(eur.path("date").asString()).isEqualTo("2025-09-10");
		assertThat(eur.path("currency").asString()).isEqualTo("EUR");
		assertThat(eur.path("unitsPerUsd").decimalValue()).isEqualTo(new BigDecimal("0.8497619937"));
		JsonNode uzs = rates.get(1);
		assertThat(uzs.path("currency").asString()).isEqualTo("UZS");
		assertThat(uzs.path("unitsPerUsd").decimalValue()).isEqualTo(new BigDecimal("12355.14"));
		assertThat(uzs.path("source").asString()).isEqualTo("UzDaily.uz currency rates of 10 Sep 2025");
	}

	@Test
	void convertsAnAmountWithTheRateOfItsDate() {
		JsonNode conversion = get("/api/fx-rates/convert?amount=6200000000&currency=UZS&date=2025-09-30", 200);

		assertThat(conversion.path("amount").decimalValue()).isEqualTo(new BigDecimal("6200000000"));
		assertThat(conversion.path("currency").asString()).isEqualTo("UZS");
		assertThat(conversion.path("date").asString()).isEqualTo("2025-09-30");
		assertThat(conversion.path("usd").decimalValue()).isEqualTo(new BigDecimal("501815.44"));
		assertThat(conversion.path("converted").asBoolean()).isTrue();
		assertThat(conversion.path("rate").path("date").asString()).isEqualTo("2025-09-10");
		assertThat(conversion.path("rate").path("unitsPerUsd").decimalValue()).isEqualTo(new BigDecimal("12355.14"));
	}

	@Test
	void answersWithoutAConversionWhenNoRateApplies() {
		JsonNode conversion = get("/api/fx-rates/convert?amount=1000&currency=eur&date=2025-09-09", 200);

		assertThat(conversion.path("currency").asString()).isEqualTo("EUR");
		assertThat(conversion.path("converted").asBoolean()).isFalse();
		assertThat(conversion.has("usd")).isTrue();
		assertThat(conversion.get("usd").isNull()).isTrue();
		assertThat(conversion.get("rate").isNull()).isTrue();
	}

	@Test
	void rejectsBadParametersWithEachFieldListed() {
		Response response = new Api(port).get("/api/fx-rates/convert?amount=-5&currency=XX&date=10/09/2025");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		JsonNode problem = JSON.readTree(response.body());
		assertThat(problem.path("type").asString()).endsWith("/problems/invalid-request");
		assertThat(problem.path("errors").valueStream().map(e -> e.path("field").asString()))
				.containsExactly("amount", "currency", "date");
	}

	@Test
	void rejectsAMissingAmount() {
		JsonNode problem = get("/api/fx-rates/convert?currency=UZS&date=2025-09-10", 400);

		assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("amount");
		assertThat(problem.path("errors").get(0).path("reason").asString()).isEqualTo("is required");
	}
}
