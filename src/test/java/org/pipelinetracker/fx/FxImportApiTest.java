package org.pipelinetracker.fx;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/fx-rates/imports} over a real port: the Central Bank's file uploaded as JSON and as a multipart
 * file, reported, stored with its source and date, used for conversions through UZS with exact figures; the same file
 * again adds nothing; a bad file is a 400 naming the element and field, in the caller's language, with nothing
 * stored. Runs on H2 and, in the postgres execution, on PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tracker.test.context=fx-imports")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FxImportApiTest {

	static final String CBU = "Central Bank of the Republic of Uzbekistan";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	Api admin() {
		return new Api(port);
	}

	static String file(String name) {
		try (InputStream in = FxImportApiTest.class.getResourceAsStream("/fx/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new AssertionError(e);
		}
	}

	long stored() {
		return jdbc.queryForObject("select count(*) from fx_rate", Long.class);
	}

	/** The body with its decimals read exactly (BigDecimal), to compare figures digit for digit. */
	static JsonNode exact(Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return FxApiTest.JSON.readTree(response.body());
	}

	static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach(node -> texts.add(node.asString()));
		return texts;
	}

	@Test
	@Order(1)
	void importsTheCentralBanksFileAndReportsIt() {
		Response response = admin().post("/api/fx-rates/imports?name=cbu-2025-09-10.json", file("cbu-2025-09-10.json"));

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode report = response.json();
		assertThat(texts(report.path("dates"))).containsExactly("2025-09-10");
		assertThat(texts(report.path("currencies"))).containsExactly("EUR", "KRW", "RUB", "USD");
		assertThat(report.path("added").asInt()).isEqualTo(4);
		assertThat(report.path("unchanged").asInt()).isZero();
		assertThat(report.path("skipped").isEmpty()).isTrue();
		assertThat(report.path("source").asString()).isEqualTo(CBU);
		assertThat(report.path("origin").asString()).isEqualTo("cbu-2025-09-10.json");
		assertThat(stored()).isEqualTo(4);

		JsonNode krw = admin().get("/api/fx-rates?currency=krw").json();
		assertThat(krw.size()).isEqualTo(1);
		assertThat(krw.get(0).path("date").asString()).isEqualTo("2025-09-10");
		assertThat(krw.get(0).path("rate").decimalValue()).isEqualByComparingTo("8.61");
		assertThat(krw.get(0).path("nominal").asInt()).isEqualTo(100);
		assertThat(krw.get(0).path("base").asString()).isEqualTo("UZS");
		assertThat(krw.get(0).path("source").asString()).isEqualTo(CBU);
		assertThat(krw.get(0).path("origin").asString()).isEqualTo("cbu-2025-09-10.json");
		assertThat(krw.get(0).has("unitsPerUsd")).isFalse();
		// the file's rates are still listed beside them
		assertThat(admin().get("/api/fx-rates").json().valueStream().map(r -> r.path("currency").asString()).toList())
				.contains("UZS", "EUR", "KRW", "USD", "RUB");
	}

	@Test
	@Order(2)
	void theSameFileAgainAddsNothing() {
		long revision = jdbc.queryForObject("select revision from fx_rate_revision", Long.class);

		JsonNode report = admin().post("/api/fx-rates/imports", file("cbu-2025-09-10.json")).json();

		assertThat(report.path("added").asInt()).isZero();
		assertThat(report.path("unchanged").asInt()).isEqualTo(4);
		assertThat(stored()).isEqualTo(4);
		assertThat(jdbc.queryForObject("select revision from fx_rate_revision", Long.class)).isEqualTo(revision);
	}

	@Test
	@Order(3)
	void convertsWonToDollarsAndEurosToWonThroughTheSumWithTheRateAndDateUsed() {
		JsonNode krwToUsd = exact(admin().get("/api/fx-rates/convert?amount=1000000000&currency=KRW&date=2025-09-12&to=USD"));
		assertThat(krwToUsd.path("usd").decimalValue()).isEqualTo(new BigDecimal("6968.76"));
		JsonNode converted = krwToUsd.path("conversion");
		assertThat(converted.path("amount").decimalValue()).isEqualTo(new BigDecimal("6968.76"));
		assertThat(converted.path("currency").asString()).isEqualTo("USD");
		assertThat(converted.path("rate").decimalValue()).isEqualTo(new BigDecimal("0.0000069687595607981779243"));
		assertThat(converted.path("rateDate").asString()).isEqualTo("2025-09-10");
		assertThat(converted.path("source").asString()).isEqualTo(CBU);
		assertThat(converted.path("via").asString()).isEqualTo("UZS");
		assertThat(krwToUsd.path("rates").valueStream().map(r -> r.path("currency").asString()).toList())
				.containsExactly("KRW", "USD");

		JsonNode eurToKrw = exact(admin().get("/api/fx-rates/convert?amount=1000&currency=EUR&date=2025-09-10&to=KRW"))
				.path("conversion");
		assertThat(eurToKrw.path("amount").decimalValue()).isEqualTo(new BigDecimal("168867944"));
		assertThat(eurToKrw.path("rate").decimalValue()).isEqualTo(new BigDecimal("168867.94425087108014"));
	}

	@Test
	@Order(4)
	void anAmountDatedBeforeAnyRateIsNotConverted() {
		JsonNode answer = admin().get("/api/fx-rates/convert?amount=5000&currency=KRW&date=2025-09-09&to=USD").json();

		assertThat(answer.path("converted").asBoolean()).isFalse();
		assertThat(answer.get("usd").isNull()).isTrue();
		assertThat(answer.has("conversion")).isTrue();
		assertThat(answer.get("conversion").isNull()).isTrue();
	}

	@Test
	@Order(5)
	void importsAMultipartFileWithItsNameAsOrigin() {
		String boundary = "----rates" + System.nanoTime();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cbu-2025-10-01.json\"\r\n"
				+ "Content-Type: application/json\r\n\r\n" + file("cbu-2025-10-01.json") + "\r\n--" + boundary + "--\r\n";
		Response response = admin().send(HttpRequest.newBuilder(URI.create(admin().base() + "/api/fx-rates/imports"))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().path("added").asInt()).isEqualTo(3);
		assertThat(response.json().path("origin").asString()).isEqualTo("cbu-2025-10-01.json");
		JsonNode later = exact(admin().get("/api/fx-rates/convert?amount=121000&currency=UZS&date=2025-10-05&to=USD"));
		assertThat(later.path("conversion").path("amount").decimalValue()).isEqualTo(new BigDecimal("10.00"));
		assertThat(later.path("conversion").path("rateDate").asString()).isEqualTo("2025-10-01");
	}

	@Test
	@Order(6)
	void aDifferentRateForAStoredDateIsSkippedWithTheReasonAndTheRestIsAdded() {
		String json = "[{\"Ccy\":\"KRW\",\"Nominal\":\"100\",\"Rate\":\"8.99\",\"Date\":\"10.09.2025\"},"
				+ "{\"Ccy\":\"UZS\",\"Nominal\":\"1\",\"Rate\":\"1\",\"Date\":\"10.09.2025\"},"
				+ "{\"Ccy\":\"GBP\",\"Nominal\":\"1\",\"Rate\":\"16700.10\",\"Date\":\"10.09.2025\"}]";

		JsonNode report = admin().post("/api/fx-rates/imports", json).json();

		assertThat(report.path("added").asInt()).isEqualTo(1);
		assertThat(report.path("skipped").valueStream().map(s -> s.path("ccy").asString()).toList())
				.containsExactly("UZS", "KRW");
		assertThat(report.path("skipped").get(1).path("reason").asString()).isEqualTo(
				"another rate is stored for 2025-09-10: 8.61 UZS for 100 KRW (from cbu-2025-09-10.json); a stored rate"
						+ " is never changed");
		assertThat(admin().get("/api/fx-rates?currency=KRW").json().get(0).path("rate").decimalValue())
				.isEqualByComparingTo("8.61");
	}

	@Test
	@Order(7)
	void refusesABadFileWholeNamingTheElementAndFieldInTheCallersLanguage() {
		String good = "{\"Ccy\":\"JPY\",\"Nominal\":\"1\",\"Rate\":\"83.70\",\"Date\":\"11.09.2025\"}";
		long before = stored();

		assertProblem("[" + good + ",{\"Ccy\":\"CHF\",\"Nominal\":\"1\",\"Rate\":\"15000\",\"Date\":\"2025-09-11\"}]",
				"[1].Date", "must be a date written DD.MM.YYYY, such as 10.09.2025 (got 2025-09-11)");
		assertProblem("[" + good + ",{\"Ccy\":\"CHF\",\"Nominal\":\"1\",\"Rate\":\"-15000\",\"Date\":\"11.09.2025\"}]",
				"[1].Rate", "must be a decimal number greater than 0, such as 8.61 (got -15000)");
		assertProblem("[{\"Ccy\":\"XYZ\",\"Nominal\":\"1\",\"Rate\":\"15000\",\"Date\":\"11.09.2025\"}," + good + "]",
				"[0].Ccy", "is not an ISO 4217 currency code such as KRW (got XYZ)");
		assertProblem("[" + good + ",{\"Ccy\":\"CHF\",\"Rate\":\"15000\",\"Date\":\"11.09.2025\"}]",
				"[1].Nominal", "is required");
		assertProblem("Ccy,Nominal,Rate,Date\nCHF,1,15000,11.09.2025", "body",
				"is not JSON: unexpected text at line 1, column 1");
		assertThat(stored()).as("nothing of a refused file is stored").isEqualTo(before);
		assertThat(admin().get("/api/fx-rates?currency=JPY").json().isEmpty()).isTrue();

		Response russian = admin().header("Accept-Language", "ru").post("/api/fx-rates/imports",
				"[{\"Ccy\":\"CHF\",\"Nominal\":\"1\",\"Rate\":\"15000\",\"Date\":\"2025-09-11\"}]");
		assertThat(russian.status()).isEqualTo(400);
		assertThat(russian.json().path("errors").get(0).path("reason").asString())
				.isEqualTo("должна быть датой в виде ДД.ММ.ГГГГ, например 10.09.2025 (получено: 2025-09-11)");
		Response korean = admin().header("Accept-Language", "ko-KR").post("/api/fx-rates/imports", "[]");
		assertThat(korean.json().path("errors").get(0).path("reason").asString()).isEqualTo("환율이 없습니다");
	}

	@Test
	@Order(8)
	void onlyAdministratorsImportAndAFetchNeedsAnAddress() {
		Response finance = admin().as("finance").post("/api/fx-rates/imports", file("cbu-2025-09-10.json"));
		assertThat(finance.status()).isEqualTo(403);

		Response fetch = admin().post("/api/fx-rates/fetches", "");
		assertThat(fetch.status()).as(fetch.toString()).isEqualTo(409);
		assertThat(fetch.json().path("detail").asString()).contains("tracker.fx.cbu.url");
	}

	private void assertProblem(String json, String field, String reason) {
		Response response = admin().post("/api/fx-rates/imports", json);
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		JsonNode errors = response.json().path("errors");
		assertThat(errors.size()).as(response.toString()).isEqualTo(1);
		assertThat(errors.get(0).path("field").asString()).isEqualTo(field);
		assertThat(errors.get(0).path("reason").asString()).isEqualTo(reason);
	}
}
