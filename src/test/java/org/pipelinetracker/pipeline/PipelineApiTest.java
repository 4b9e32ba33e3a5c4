package org.pipelinetracker.pipeline;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portfolio read models on a scenario built only from commands, with exact figures: a backdated entry, a
 * correction, UZS converted at the rate of 10 Sep 2025 (USD 1 = 12,355.14 UZS), and UZS dated before any rate
 * (shown unconverted, never dropped or taken at 1). Ends with a token reset of every projection and byte-identical
 * answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tracker.test.context=pipeline")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineApiTest {

	@LocalServerPort
	int port;

	@Autowired
	EventProcessingConfiguration processing;

	Api api;
	Instant beforeBackdating;

	@BeforeAll
	void scenario() throws InterruptedException {
		api = new Api(port);
		// PR1: rail, USD loan, disbursement, downward correction, in implementation, two milestones
		ok(api.post("/api/projects", project("PR1", "21030", "Khorezm", "2025-01-10")));
		ok(api.post("/api/projects/PR1/agreements", "{\"agreementId\":\"L1\",\"type\":\"LOAN\",\"signedOn\":\"2025-02-01\"}"));
		ok(api.post("/api/projects/PR1/fundings/eximbank", "{\"fundingId\":\"EDCF-1\",\"instrument\":\"EDCF_LOAN\","
				+ "\"amount\":{\"amount\":\"100000000\",\"currency\":\"USD\"},\"committedOn\":\"2025-03-15\"}"));
		ok(api.post("/api/projects/PR1/start", "{\"on\":\"2025-04-01\"}"));
		ok(api.post("/api/projects/PR1/disbursements", "{\"fundingId\":\"EDCF-1\",\"amount\":{\"amount\":\"20000000\",\"currency\":\"USD\"},\"disbursedOn\":\"2025-06-10\"}"));
		ok(api.post("/api/projects/PR1/fundings/EDCF-1/corrections", "{\"amount\":{\"amount\":\"90000000\",\"currency\":\"USD\"},\"reason\":\"Scope reduced\",\"on\":\"2025-10-01\"}"));
		ok(api.post("/api/projects/PR1/milestones", "{\"milestoneId\":\"M1\",\"name\":\"Depot handed over\",\"plannedOn\":\"2025-05-01\",\"on\":\"2025-04-01\"}"));
		ok(api.post("/api/projects/PR1/milestones", "{\"milestoneId\":\"M2\",\"name\":\"Design approved\",\"plannedOn\":\"2025-03-01\",\"achievedOn\":\"2025-03-20\"}"));
		// PR2: health, KOICA grant in UZS after the rate date: exactly USD 5,000,000.00, disbursed USD 1,000,000.00
		ok(api.post("/api/projects", project("PR2", "12191", "Tashkent City", "2025-02-01")));
		ok(api.post("/api/projects/PR2/agreements", "{\"agreementId\":\"G1\",\"type\":\"GRANT\",\"signedOn\":\"2025-09-15\"}"));
		ok(api.post("/api/projects/PR2/fundings", "{\"fundingId\":\"KOICA-1\",\"source\":\"KOICA_GRANT\",\"funder\":\"KOICA\","
				+ "\"amount\":{\"amount\":\"61775700000\",\"currency\":\"UZS\"},\"committedOn\":\"2025-09-20\"}"));
		ok(api.post("/api/projects/PR2/disbursements", "{\"fundingId\":\"KOICA-1\",\"amount\":{\"amount\":\"12355140000\",\"currency\":\"UZS\"},\"disbursedOn\":\"2025-10-05\"}"));
		// PR3: waste, Uzbek budget in UZS before any rate: unconverted
		ok(api.post("/api/projects", project("PR3", "14050", "Jizzakh", "2024-11-01")));
		ok(api.post("/api/projects/PR3/agreements", "{\"agreementId\":\"C1\",\"type\":\"CONTRACT\",\"signedOn\":\"2025-01-20\"}"));
		ok(api.post("/api/projects/PR3/fundings", "{\"fundingId\":\"UZ-1\",\"source\":\"UZBEK_BUDGET\",\"funder\":\"Ministry of Economy and Finance\","
				+ "\"amount\":{\"amount\":\"1000000000\",\"currency\":\"UZS\"},\"committedOn\":\"2025-02-01\"}"));
		// PR4: proposed now; agreement and export credit recorded later but effective in 2024 (backdated)
		ok(api.post("/api/projects", project("PR4", "21030", "Navoi", "2024-05-01")));
		Thread.sleep(20);
		beforeBackdating = Instant.now();
		Thread.sleep(20);
		ok(api.post("/api/projects/PR4/agreements", "{\"agreementId\":\"L4\",\"type\":\"LOAN\",\"signedOn\":\"2024-06-01\"}"));
		ok(api.post("/api/projects/PR4/fundings/eximbank", "{\"fundingId\":\"EC-4\",\"instrument\":\"EXPORT_CREDIT\","
				+ "\"amount\":{\"amount\":\"10000000\",\"currency\":\"USD\"},\"committedOn\":\"2024-07-01\"}"));
		api.eventually("/api/pipeline", r -> r.json().path("committedUsd").decimalValue().signum() > 0
				&& r.json().path("committedUsd").decimalValue().compareTo(new java.math.BigDecimal("105000000")) == 0
				&& r.json().path("disbursedUsd").decimalValue().compareTo(new java.math.BigDecimal("21000000")) == 0);
		api.eventually("/api/milestones", r -> r.json().size() == 2);
		// the project list is another projection: the rebuild test compares it before and after
		for (String id : List.of("PR1", "PR2", "PR3", "PR4")) {
			api.awaitListed(id);
		}
	}

	@Test
	void pipelineNowByStageSectorAndSource() {
		JsonNode p = api.get("/api/pipeline").json();
		assertThat(p.path("projects").asLong()).isEqualTo(4);
		assertThat(p.path("committedUsd").decimalValue()).isEqualByComparingTo("105000000.00");
		assertThat(p.path("disbursedUsd").decimalValue()).isEqualByComparingTo("21000000.00");
		assertThat(p.path("undisbursedUsd").decimalValue()).isEqualByComparingTo("84000000.00");
		Map<String, JsonNode> stages = index(p.path("byStage"), "stage");
		assertThat(stages.get("IMPLEMENTATION").path("projects").asLong()).isEqualTo(1);
		assertThat(stages.get("IMPLEMENTATION").path("committedUsd").decimalValue()).isEqualByComparingTo("90000000");
		assertThat(stages.get("IMPLEMENTATION").path("iatiStatus").asString()).isEqualTo("2");
		assertThat(stages.get("FINANCED").path("projects").asLong()).isEqualTo(3);
		assertThat(stages.get("FINANCED").path("committedUsd").decimalValue()).isEqualByComparingTo("15000000");
		assertThat(stages.get("FINANCED").path("disbursedUsd").decimalValue()).isEqualByComparingTo("1000000");
		assertThat(stages.get("PROPOSED").path("projects").asLong()).isZero();
		Map<String, JsonNode> sectors = index(p.path("bySector"), "sector");
		assertThat(sectors.get("21030").path("projects").asLong()).isEqualTo(2);
		assertThat(sectors.get("21030").path("committedUsd").decimalValue()).isEqualByComparingTo("100000000");
		assertThat(sectors.get("21030").path("sectorName").asString()).isEqualTo("Rail transport");
		assertThat(sectors.get("12191").path("committedUsd").decimalValue()).isEqualByComparingTo("5000000");
		assertThat(sectors.get("14050").path("committedUsd").decimalValue()).isEqualByComparingTo("0");
		Map<String, JsonNode> sources = index(p.path("bySource"), "source");
		assertThat(sources.get("EXIMBANK").path("fundings").asLong()).isEqualTo(2);
		assertThat(sources.get("EXIMBANK").path("committedUsd").decimalValue()).isEqualByComparingTo("100000000");
		assertThat(sources.get("EXIMBANK").path("disbursedUsd").decimalValue()).isEqualByComparingTo("20000000");
		assertThat(sources.get("KOICA_GRANT").path("committedUsd").decimalValue()).isEqualByComparingTo("5000000");
		assertThat(sources.get("KOICA_GRANT").path("disbursedUsd").decimalValue()).isEqualByComparingTo("1000000");
		assertThat(sources.get("UZBEK_BUDGET").path("fundings").asLong()).isEqualTo(1);
		assertThat(sources.get("UZBEK_BUDGET").path("committedUsd").decimalValue()).isEqualByComparingTo("0");
		JsonNode unconverted = p.path("unconverted").get(0);
		assertThat(unconverted.path("currency").asString()).isEqualTo("UZS");
		assertThat(unconverted.path("committed").decimalValue()).isEqualByComparingTo("1000000000.00");
		assertThat(p.path("unconverted").size()).isEqualTo(1);
	}

	@Test
	void pipelineAsOfADateAndAsKnownAtAnInstant() {
		JsonNode march = api.get("/api/pipeline?asOf=2025-03-31").json();
		assertThat(march.path("projects").asLong()).isEqualTo(4);
		assertThat(march.path("committedUsd").decimalValue()).isEqualByComparingTo("110000000.00");
		assertThat(index(march.path("byStage"), "stage").get("FINANCED").path("projects").asLong()).isEqualTo(3);
		assertThat(index(march.path("byStage"), "stage").get("PROPOSED").path("projects").asLong()).isEqualTo(1);

		JsonNode known = api.get("/api/pipeline?knownAt=" + beforeBackdating).json();
		assertThat(known.path("committedUsd").decimalValue()).isEqualByComparingTo("95000000.00");
		assertThat(index(known.path("byStage"), "stage").get("PROPOSED").path("projects").asLong()).isEqualTo(1);

		// the backdated entry changes what was true in 2024 ...
		JsonNode end2024 = api.get("/api/pipeline?asOf=2024-12-31").json();
		assertThat(end2024.path("projects").asLong()).isEqualTo(2);
		assertThat(end2024.path("committedUsd").decimalValue()).isEqualByComparingTo("10000000.00");
		assertThat(index(end2024.path("byStage"), "stage").get("FINANCED").path("projects").asLong()).isEqualTo(1);
		// ... but not what we knew before it was recorded
		JsonNode end2024Known = api.get("/api/pipeline?asOf=2024-12-31&knownAt=" + beforeBackdating).json();
		assertThat(end2024Known.path("projects").asLong()).isEqualTo(2);
		assertThat(end2024Known.path("committedUsd").decimalValue()).isEqualByComparingTo("0.00");
		assertThat(index(end2024Known.path("byStage"), "stage").get("PROPOSED").path("projects").asLong()).isEqualTo(2);
		// and the same for one project
		assertThat(api.get("/api/projects/PR4?asOf=2024-12-31").json().path("stage").asString()).isEqualTo("FINANCED");
		assertThat(api.get("/api/projects/PR4?asOf=2024-12-31&knownAt=" + beforeBackdating).json().path("stage").asString())
				.isEqualTo("PROPOSED");
	}

	@Test
	void fundingOverTimeByQuarterWithCumulativeTotalsAndEmptyPeriods() {
		Response r = api.get("/api/funding/timeseries?interval=QUARTER&from=2025-01-01&to=2025-12-31");
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		List<JsonNode> q = list(r.json());
		assertThat(q).extracting(n -> n.path("period").asString()).containsExactly("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4");
		assertThat(q).allSatisfy(n -> assertThat(n.path("group").asString()).isEqualTo("TOTAL"));
		assertPoint(q.get(0), "100000000.00", "0.00", "110000000.00", "0.00");
		assertThat(q.get(0).path("unconverted").get(0).path("committed").decimalValue()).isEqualByComparingTo("1000000000");
		assertPoint(q.get(1), "0.00", "20000000.00", "110000000.00", "20000000.00");
		assertPoint(q.get(2), "5000000.00", "0.00", "115000000.00", "20000000.00");
		assertPoint(q.get(3), "-10000000.00", "1000000.00", "105000000.00", "21000000.00");
		assertThat(q.get(3).path("periodStart").asString()).isEqualTo("2025-10-01");
		assertThat(q.get(3).path("periodEnd").asString()).isEqualTo("2025-12-31");

		List<JsonNode> months = list(api.get("/api/funding/timeseries?interval=MONTH&from=2025-07-01&to=2025-09-30").json());
		assertThat(months).hasSize(3);
		assertPoint(months.get(0), "0.00", "0.00", "110000000.00", "20000000.00"); // July: nothing happened
	}

	@Test
	void fundingOverTimeByFiscalQuarterAndYearStartingInJuly() {
		List<JsonNode> q = list(api.get("/api/funding/timeseries?interval=QUARTER&fiscalYearStart=7&from=2025-01-01"
				+ "&to=2025-12-31").json());
		assertThat(q).extracting(n -> n.path("period").asString())
				.containsExactly("FY2025 Q3", "FY2025 Q4", "FY2026 Q1", "FY2026 Q2");
		assertPoint(q.get(0), "100000000.00", "0.00", "110000000.00", "0.00");
		assertPoint(q.get(3), "-10000000.00", "1000000.00", "105000000.00", "21000000.00");
		assertThat(q.get(2).path("periodStart").asString()).isEqualTo("2025-07-01");
		List<JsonNode> fy2026 = list(api.get("/api/funding/timeseries?interval=YEAR&fiscalYearStart=7&from=2025-07-01"
				+ "&to=2026-06-30").json());
		assertThat(fy2026).hasSize(1);
		assertThat(fy2026.get(0).path("period").asString()).isEqualTo("FY2026");
		assertThat(fy2026.get(0).path("periodStart").asString()).isEqualTo("2025-07-01");
		assertThat(fy2026.get(0).path("periodEnd").asString()).isEqualTo("2026-06-30");
		assertPoint(fy2026.get(0), "-5000000.00", "1000000.00", "105000000.00", "21000000.00");
		// January: fiscal quarters are calendar quarters, labelled as fiscal ones when asked for
		assertThat(list(api.get("/api/funding/timeseries?interval=QUARTER&fiscalYearStart=1&from=2025-01-01"
				+ "&to=2025-03-31").json()).get(0).path("period").asString()).isEqualTo("FY2025 Q1");
		Response bad = api.get("/api/funding/timeseries?interval=QUARTER&fiscalYearStart=0");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("fiscalYearStart");
	}

	@Test
	void fundingOverTimeBySourceInOriginalCurrencyAndAsKnownAt() {
		List<JsonNode> bySource = list(api.get("/api/funding/timeseries?interval=YEAR&from=2024-01-01&to=2025-12-31&groupBy=SOURCE").json());
		Map<String, JsonNode> y2025 = new HashMap<>();
		bySource.stream().filter(n -> n.path("period").asString().equals("2025"))
				.forEach(n -> y2025.put(n.path("group").asString(), n));
		assertPoint(y2025.get("EXIMBANK"), "90000000.00", "20000000.00", "100000000.00", "20000000.00");
		assertPoint(y2025.get("KOICA_GRANT"), "5000000.00", "1000000.00", "5000000.00", "1000000.00");
		assertThat(y2025.get("UZBEK_BUDGET").path("unconverted").get(0).path("currency").asString()).isEqualTo("UZS");

		List<JsonNode> uzs = list(api.get("/api/funding/timeseries?interval=YEAR&from=2025-01-01&to=2025-12-31&currency=UZS").json());
		assertPoint(uzs.get(0), "62775700000.00", "12355140000.00", "62775700000.00", "12355140000.00");

		List<JsonNode> known = list(api.get("/api/funding/timeseries?interval=YEAR&from=2024-01-01&to=2024-12-31&knownAt="
				+ beforeBackdating).json());
		assertPoint(known.get(0), "0.00", "0.00", "0.00", "0.00");
		List<JsonNode> now = list(api.get("/api/funding/timeseries?interval=YEAR&from=2024-01-01&to=2024-12-31").json());
		assertPoint(now.get(0), "10000000.00", "0.00", "10000000.00", "0.00");
	}

	@Test
	void projectStatusCarriesUsdTotalsAndTheRatesUsed() {
		JsonNode p2 = api.get("/api/projects/PR2").json().path("usd");
		assertThat(p2.path("committed").decimalValue()).isEqualByComparingTo("5000000.00");
		assertThat(p2.path("disbursed").decimalValue()).isEqualByComparingTo("1000000.00");
		assertThat(p2.path("undisbursed").decimalValue()).isEqualByComparingTo("4000000.00");
		assertThat(p2.path("bySource").path("KOICA_GRANT").path("committed").decimalValue()).isEqualByComparingTo("5000000");
		assertThat(p2.path("ratesUsed").get(0).path("unitsPerUsd").decimalValue()).isEqualByComparingTo("12355.14");
		assertThat(p2.path("ratesUsed").get(0).path("date").asString()).isEqualTo("2025-09-10");
		JsonNode p3 = api.get("/api/projects/PR3").json().path("usd");
		assertThat(p3.path("committed").decimalValue()).isEqualByComparingTo("0");
		assertThat(p3.path("unconverted").get(0).path("currency").asString()).isEqualTo("UZS");
		assertThat(p3.path("unconverted").get(0).path("committed").decimalValue()).isEqualByComparingTo("1000000000");
		Response list = api.eventually("/api/projects?sector=12191", r -> r.body().contains("\"PR2\""));
		assertThat(list.json().path("content").get(0).path("committedUsd").decimalValue()).isEqualByComparingTo("5000000");
	}

	@Test
	void milestonesWithSlippageAndOverdue() {
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Tashkent"));
		List<JsonNode> all = list(api.get("/api/milestones").json());
		assertThat(all).extracting(n -> n.path("milestoneId").asString()).containsExactly("M2", "M1");
		assertThat(all.get(0).path("slippageDays").asLong()).isEqualTo(19);
		assertThat(all.get(0).path("status").asString()).isEqualTo("ACHIEVED");
		List<JsonNode> overdue = list(api.get("/api/milestones?overdue=true").json());
		assertThat(overdue).hasSize(1);
		assertThat(overdue.get(0).path("projectId").asString()).isEqualTo("PR1");
		assertThat(overdue.get(0).path("status").asString()).isEqualTo("OVERDUE");
		assertThat(overdue.get(0).path("daysOverdue").asLong())
				.isEqualTo(ChronoUnit.DAYS.between(LocalDate.of(2025, 5, 1), today));
	}

	@Test
	void badParametersAreBadRequests() {
		assertThat(api.get("/api/funding/timeseries?interval=WEEK").status()).isEqualTo(400);
		assertThat(api.get("/api/funding/timeseries?groupBy=COLOUR").status()).isEqualTo(400);
		assertThat(api.get("/api/funding/timeseries?currency=XYZ").status()).isEqualTo(400);
		assertThat(api.get("/api/funding/timeseries?from=2025-05-01&to=2025-01-01").status()).isEqualTo(400);
		assertThat(api.get("/api/funding/timeseries?interval=MONTH&from=1900-01-01&to=2025-01-01").status()).isEqualTo(400);
		assertThat(api.get("/api/pipeline?asOf=last-week").status()).isEqualTo(400);
		assertThat(api.get("/api/pipeline?knownAt=2025-13-01T00:00:00Z").status()).isEqualTo(400);
	}

	@Test
	void everyProjectionRebuildsToIdenticalAnswers() {
		List<String> queries = List.of("/api/pipeline", "/api/pipeline?asOf=2025-03-31&knownAt=" + beforeBackdating,
				"/api/funding/timeseries?interval=MONTH&from=2024-01-01&to=2025-12-31&groupBy=PROJECT",
				"/api/milestones", "/api/projects?size=200");
		Map<String, String> before = new HashMap<>();
		queries.forEach(q -> before.put(q, api.get(q).body()));
		for (String name : List.of("project-status", "pipeline", "milestones")) {
			StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
			processor.shutDown();
			processor.resetTokens();
			processor.start();
		}
		for (String q : queries) {
			api.eventually(q, r -> r.body().equals(before.get(q)));
		}
	}

	private static void assertPoint(JsonNode point, String committed, String disbursed, String cumulativeCommitted,
			String cumulativeDisbursed) {
		assertThat(point).as("missing point").isNotNull();
		assertThat(point.path("committed").decimalValue()).as(point.toString()).isEqualByComparingTo(committed);
		assertThat(point.path("disbursed").decimalValue()).as(point.toString()).isEqualByComparingTo(disbursed);
		assertThat(point.path("cumulativeCommitted").decimalValue()).as(point.toString()).isEqualByComparingTo(cumulativeCommitted);
		assertThat(point.path("cumulativeDisbursed").decimalValue()).as(point.toString()).isEqualByComparingTo(cumulativeDisbursed);
	}

	private static Map<String, JsonNode> index(JsonNode array, String key) {
		Map<String, JsonNode> map = new HashMap<>();
		array.forEach(n -> map.put(n.path(key).asString(), n));
		return map;
	}

	private static List<JsonNode> list(JsonNode array) {
		List<JsonNode> nodes = new java.util.ArrayList<>();
		array.forEach(nodes::add);
		return nodes;
	}

	private static void ok(Response response) {
		assertThat(response.status()).as(response.toString()).isBetween(200, 201);
	}

	private static String project(String id, String sector, String region, String proposedOn) {
		return """
				{"projectId":"%s","title":"Project %s","sector":"%s","region":"%s","proposedOn":"%s"}
				""".formatted(id, id, sector, region, proposedOn);
	}
}
