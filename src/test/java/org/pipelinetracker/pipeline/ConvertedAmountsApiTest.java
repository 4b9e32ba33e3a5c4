package org.pipelinetracker.pipeline;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.pipelinetracker.pipeline.PipelineQueries.Pipeline;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Amounts in the display currency over real HTTP, before and after the Central Bank's rates are uploaded, with exact
 * figures: a project in KRW (no rate in the file) with a UZS expenditure dated before any rate, its view, the list,
 * the pipeline and the series in USD, KRW and EUR; every converted amount with its rate, date and source; an amount
 * without a rate listed with its date, never counted as zero; and after the upload the pipeline answers what the full
 * computation answers, also once its summary is rebuilt. Runs on H2 and, in the postgres execution, on PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tracker.test.context=converted-amounts")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConvertedAmountsApiTest {

	static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
	static final String P = "/api/projects/FX-CONV-1";
	static final String CBU = "Central Bank of the Republic of Uzbekistan";

	@LocalServerPort
	int port;

	@Autowired
	PipelineQueries queries;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EventProcessingConfiguration processing;

	Api api;

	@BeforeAll
	void aProjectInWonWithASumExpenditureBeforeAnyRate() {
		api = new Api(port);
		ok(api.post("/api/projects", """
				{"projectId":"FX-CONV-1","title":"Samarkand substation","sector":"23630","region":"Samarkand","proposedOn":"2025-06-01"}"""));
		ok(api.post(P + "/agreements", "{\"agreementId\":\"LA-1\",\"type\":\"LOAN\",\"signedOn\":\"2025-06-05\"}"));
		ok(api.post(P + "/expenditures", """
				{"amount":{"amount":"50000000","currency":"UZS"},"spentOn":"2025-06-10","provider":"Ministry of Energy","description":"Survey"}"""));
		ok(api.post(P + "/fundings/eximbank", """
				{"fundingId":"EDCF-KRW","instrument":"EDCF_LOAN","amount":{"amount":"1000000000","currency":"KRW"},"committedOn":"2025-09-12"}"""));
		ok(api.post(P + "/disbursements", """
				{"fundingId":"EDCF-KRW","amount":{"amount":"200000000","currency":"KRW"},"disbursedOn":"2025-09-15"}"""));
		ok(api.post(P + "/incoming-funds", """
				{"amount":{"amount":"100000","currency":"USD"},"receivedOn":"2025-09-20","provider":"Export-Import Bank of Korea"}"""));
		ok(api.post(P + "/expenditures", """
				{"amount":{"amount":"30000000","currency":"UZS"},"spentOn":"2025-09-20","provider":"Ministry of Energy","description":"Works"}"""));
		await("the pipeline facts", () -> count("pipeline_money") == 2);
		api.awaitListed("FX-CONV-1"); // the project list, read in UZS below, is another projection
	}

	@Test
	@Order(1)
	void withoutARateTheWonAndTheEarlySumAreListedNotCountedAsZero() {
		JsonNode usd = json(api.get(P + "?displayCurrency=USD")).path("converted");
		assertThat(usd.path("currency").asString()).isEqualTo("USD");
		assertThat(usd.path("committed").decimalValue()).isEqualTo(new BigDecimal("0.00"));
		assertThat(usd.path("expended").decimalValue()).isEqualTo(new BigDecimal("2428.14")); // the file's UZS rate
		JsonNode unconverted = usd.path("unconverted");
		assertThat(unconverted.size()).isEqualTo(2);
		assertThat(unconverted.get(0).path("currency").asString()).isEqualTo("KRW");
		assertThat(unconverted.get(0).path("committed").decimalValue()).isEqualByComparingTo("1000000000");
		assertThat(unconverted.get(0).path("disbursed").decimalValue()).isEqualByComparingTo("200000000");
		assertThat(unconverted.get(1).path("currency").asString()).isEqualTo("UZS");
		assertThat(unconverted.get(1).path("expended").decimalValue()).isEqualByComparingTo("50000000");
		assertThat(unconverted.get(1).path("dates").get(0).asString()).isEqualTo("2025-06-10");

		Pipeline pipeline = queries.pipeline(null, null);
		assertThat(pipeline).as("the summary, converted with the file's rates").isEqualTo(queries.summarised());
		assertThat(pipeline.committedUsd()).isEqualTo(new BigDecimal("0.00"));
		assertThat(pipeline.unconverted()).containsExactly(new Unconverted("KRW", new BigDecimal("1000000000"),
				new BigDecimal("200000000")));
		JsonNode year = json(api.get("/api/funding/timeseries?interval=YEAR&from=2025-01-01&to=2025-12-31")).get(0);
		assertThat(year.path("committed").decimalValue()).isEqualTo(new BigDecimal("0.00"));
		assertThat(year.path("unconverted").get(0).path("currency").asString()).isEqualTo("KRW");
	}

	@Test
	@Order(2)
	void afterTheUploadEveryAmountConvertsWithItsRateDateAndSourceButTheEarlySumStaysUnconverted() {
		upload();

		JsonNode project = json(api.get(P + "?displayCurrency=USD"));
		JsonNode usd = project.path("converted");
		assertThat(usd.path("committed").decimalValue()).isEqualTo(new BigDecimal("6968.76"));
		assertThat(usd.path("disbursed").decimalValue()).isEqualTo(new BigDecimal("1393.75"));
		assertThat(usd.path("undisbursed").decimalValue()).isEqualTo(new BigDecimal("5575.01"));
		assertThat(usd.path("received").decimalValue()).isEqualTo(new BigDecimal("100000.00"));
		assertThat(usd.path("expended").decimalValue()).isEqualTo(new BigDecimal("2428.14"));
		assertThat(usd.path("unconverted").size()).isEqualTo(1);
		assertThat(usd.path("unconverted").get(0).path("currency").asString()).isEqualTo("UZS");
		assertThat(usd.path("unconverted").get(0).path("expended").decimalValue()).isEqualByComparingTo("50000000");
		JsonNode commitment = usd.path("flows").get(0);
		assertThat(commitment.path("kind").asString()).isEqualTo("COMMITMENT");
		assertThat(commitment.path("fundingId").asString()).isEqualTo("EDCF-KRW");
		assertThat(commitment.path("amount").decimalValue()).isEqualByComparingTo("1000000000");
		assertThat(commitment.path("currency").asString()).isEqualTo("KRW");
		JsonNode converted = commitment.path("converted");
		assertThat(converted.path("amount").decimalValue()).isEqualTo(new BigDecimal("6968.76"));
		assertThat(converted.path("currency").asString()).isEqualTo("USD");
		assertThat(converted.path("rate").decimalValue()).isEqualTo(new BigDecimal("0.0000069687595607981779243"));
		assertThat(converted.path("rateDate").asString()).isEqualTo("2025-09-10");
		assertThat(converted.path("source").asString()).isEqualTo(CBU);
		assertThat(converted.path("via").asString()).isEqualTo("UZS");
		JsonNode early = usd.path("flows").valueStream().filter(f -> f.path("kind").asString().equals("EXPENDITURE")
				&& f.path("index").asInt() == 0).findFirst().orElseThrow();
		assertThat(early.path("date").asString()).isEqualTo("2025-06-10");
		assertThat(early.get("converted").isNull()).as("no rate: not converted, not zero").isTrue();
		// the USD totals of old clients agree
		assertThat(project.path("usd").path("committed").decimalValue()).isEqualTo(new BigDecimal("6968.76"));

		JsonNode krw = json(api.get(P + "?displayCurrency=krw")).path("converted");
		assertThat(krw.path("currency").asString()).isEqualTo("KRW");
		assertThat(krw.path("committed").decimalValue()).isEqualTo(new BigDecimal("1000000000"));
		assertThat(krw.path("received").decimalValue()).isEqualTo(new BigDecimal("14349756098"));
		assertThat(krw.path("expended").decimalValue()).isEqualTo(new BigDecimal("348432056"));
		assertThat(krw.path("flows").get(0).path("converted").path("rate").decimalValue()).isEqualTo(BigDecimal.ONE);

		JsonNode eur = json(api.get(P + "?displayCurrency=EUR")).path("converted");
		assertThat(eur.path("committed").decimalValue()).isEqualTo(new BigDecimal("5921.79"));
		assertThat(eur.path("disbursed").decimalValue()).isEqualTo(new BigDecimal("1184.36"));
		assertThat(eur.path("received").decimalValue()).isEqualTo(new BigDecimal("84976.20"));
		assertThat(eur.path("expended").decimalValue()).isEqualTo(new BigDecimal("2063.34"));
		assertThat(eur.path("flows").get(0).path("converted").path("rate").decimalValue())
				.isEqualTo(new BigDecimal("0.0000059217870178747180961"));

		JsonNode line = json(api.get("/api/projects?displayCurrency=UZS")).path("content").get(0);
		assertThat(line.path("converted").path("committed").decimalValue()).isEqualTo(new BigDecimal("86100000.00"));
		assertThat(line.path("converted").has("flows")).isFalse();
		assertThat(line.path("committedUsd").decimalValue()).isEqualTo(new BigDecimal("6968.76"));
	}

	@Test
	@Order(3)
	void afterTheUploadThePipelineAndTheSeriesEqualTheFullComputation() {
		Pipeline pipeline = queries.pipeline(null, null);
		assertThat(queries.summarised()).as("the summary was converted with other rates").isNull();
		assertThat(pipeline).isEqualTo(queries.computed(null, null));
		assertThat(pipeline.committedUsd()).isEqualTo(new BigDecimal("6968.76"));
		assertThat(pipeline.disbursedUsd()).isEqualTo(new BigDecimal("1393.75"));
		assertThat(pipeline.unconverted()).isEmpty();

		JsonNode krw = json(api.get("/api/pipeline?displayCurrency=KRW"));
		assertThat(krw.path("currency").asString()).isEqualTo("KRW");
		assertThat(krw.path("committed").decimalValue()).isEqualTo(new BigDecimal("1000000000"));
		assertThat(krw.path("committedUsd").decimalValue()).isEqualTo(new BigDecimal("6968.76"));
		JsonNode eur = json(api.get("/api/pipeline?displayCurrency=EUR"));
		assertThat(eur.path("committed").decimalValue()).isEqualTo(new BigDecimal("5921.79"));
		assertThat(eur.path("undisbursed").decimalValue()).isEqualTo(new BigDecimal("4737.43"));
		assertThat(eur.path("bySource").get(0).path("committed").decimalValue()).isEqualTo(new BigDecimal("5921.79"));
		assertThat(eur.path("excluded").isEmpty()).isTrue();

		JsonNode year = json(api.get("/api/funding/timeseries?interval=YEAR&from=2025-01-01&to=2025-12-31")).get(0);
		assertThat(year.path("currency").asString()).isEqualTo("USD");
		assertThat(year.path("committed").decimalValue()).isEqualTo(new BigDecimal("6968.76"));
		assertThat(year.path("disbursed").decimalValue()).isEqualTo(new BigDecimal("1393.75"));
		JsonNode inWon = json(api.get("/api/funding/timeseries?interval=YEAR&from=2025-01-01&to=2025-12-31&displayCurrency=KRW"))
				.get(0);
		assertThat(inWon.path("currency").asString()).isEqualTo("KRW");
		assertThat(inWon.path("committed").decimalValue()).isEqualTo(new BigDecimal("1000000000"));
		// currency=KRW keeps its meaning: the amounts recorded in KRW, as recorded
		JsonNode recorded = json(api.get("/api/funding/timeseries?interval=YEAR&from=2025-01-01&to=2025-12-31&currency=KRW"))
				.get(0);
		assertThat(recorded.path("disbursed").decimalValue()).isEqualTo(new BigDecimal("200000000"));

		// a disbursement recorded after the upload: its batch converts with the new rates; still the full computation
		ok(api.post(P + "/disbursements", """
				{"fundingId":"EDCF-KRW","amount":{"amount":"100000000","currency":"KRW"},"disbursedOn":"2025-09-16"}"""));
		await("the new fact", () -> count("pipeline_money") == 3);
		assertThat(queries.pipeline(null, null)).isEqualTo(queries.computed(null, null));
		assertThat(queries.pipeline(null, null).disbursedUsd()).isEqualTo(new BigDecimal("2090.63")); // + 696.88

		// rebuilt with the rates in force, the summary answers again, exactly as the computation
		StreamingEventProcessor processor = processing.eventProcessor(PipelineProjection.PROCESSING_GROUP,
				StreamingEventProcessor.class).orElseThrow();
		processor.shutDown();
		processor.resetTokens();
		processor.start();
		await("the summary rebuilt with the new rates", () -> queries.summarised() != null
				&& queries.summarised().equals(queries.computed(null, null)) && count("pipeline_money") == 3);
	}

	@Test
	@Order(4)
	void refusesADisplayCurrencyNotOfferedOrWithTheOriginalAmountsOfACurrency() {
		Response jpy = api.get(P + "?displayCurrency=JPY");
		assertThat(jpy.status()).isEqualTo(400);
		assertThat(jpy.json().path("errors").get(0).path("field").asString()).isEqualTo("displayCurrency");
		assertThat(jpy.json().path("errors").get(0).path("reason").asString())
				.isEqualTo("must be one of USD, UZS, KRW, EUR (got JPY)");
		assertThat(api.get("/api/pipeline?displayCurrency=XXX").status()).isEqualTo(400);
		assertThat(api.get("/api/projects?displayCurrency=GBP").status()).isEqualTo(400);
		Response both = api.get("/api/funding/timeseries?currency=UZS&displayCurrency=KRW");
		assertThat(both.status()).isEqualTo(400);
		assertThat(both.json().path("errors").get(0).path("field").asString()).isEqualTo("displayCurrency");
	}

	private void upload() {
		try (InputStream in = getClass().getResourceAsStream("/fx/cbu-2025-09-10.json")) {
			Response response = api.post("/api/fx-rates/imports?name=cbu-2025-09-10.json",
					new String(in.readAllBytes(), StandardCharsets.UTF_8));
			assertThat(response.status()).as(response.toString()).isEqualTo(200);
		}
		catch (IOException e) {
			throw new AssertionError(e);
		}
	}

	private static JsonNode json(Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static void ok(Response response) {
		assertThat(response.status()).as(response.toString()).isBetween(200, 201);
	}

	private long count(String table) {
		return Objects.requireNonNull(jdbc.queryForObject("select count(*) from " + table, Long.class));
	}

	private static void await(String what, Supplier<Boolean> condition) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (!condition.get()) {
			assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
	}
}
