package org.pipelinetracker.project.web;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pipelinetracker.Api;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pipelinetracker.project.web.ProjectApiTest.expect;

/**
 * The portfolio's planned against actual disbursement over HTTP, in a fiscal year starting in July. PU-A: an EDCF loan
 * of USD 10,000,000 drawn on the facility FAC-U, planned USD 2,000,000 for July to September 2025 and USD 3,000,000
 * for October to December, disbursed USD 1,500,000 (2025-08-10) and USD 3,000,000 (2025-11-05), and a plan of the
 * whole project of UZS 5,000,000,000 for July to December. PU-B: a KOICA grant of USD 4,000,000 planned USD 1,000,000
 * for April to June 2025 and disbursed USD 800,000 (2025-06-15), and the Uzbek budget's UZS 20,000,000,000 from the
 * Ministry of Finance planned UZS 8,000,000,000 for July to September, disbursed UZS 6,000,000,000 (2025-09-01).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"tracker.test.context=portfolio-utilisation",
		"tracker.alerts.no-funding-days=36500", "tracker.alerts.no-disbursement-days=36500"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortfolioUtilisationApiTest {

	private static final String U = "/api/utilisation?fiscalYearStart=7&asOf=2025-12-31";

	@LocalServerPort
	int port;

	Api api;
	Instant afterProjectA;

	@BeforeAll
	void scenario() throws InterruptedException {
		api = new Api(port);
		expect(201, api.post("/api/facilities", """
				{"facilityId":"FAC-U","name":"EDCF framework","lender":"Export-Import Bank of Korea",
				 "limit":{"amount":"500000000","currency":"USD"},"validFrom":"2024-01-01","validTo":"2029-12-31"}"""));
		for (String id : new String[] {"PU-A", "PU-B"}) {
			expect(201, api.post("/api/projects", """
					{"projectId":"%s","title":"Utilisation %s","sector":"23630","region":"Samarkand",
					 "proposedOn":"2024-11-01","plannedStart":"2025-01-01","plannedEnd":"2029-12-31"}""".formatted(id, id)));
			expect(200, api.post("/api/projects/" + id + "/agreements",
					"{\"agreementId\":\"AG-%s\",\"type\":\"LOAN\",\"signedOn\":\"2025-01-10\"}".formatted(id)));
		}
		String a = "/api/projects/PU-A";
		expect(200, api.post(a + "/fundings/eximbank", """
				{"fundingId":"EDCF-A","instrument":"EDCF_LOAN","amount":{"amount":"10000000","currency":"USD"},
				 "committedOn":"2025-01-15","facilityId":"FAC-U"}"""));
		plan(a, "EDCF-A", "2025-07-01", "2025-09-30", "2000000", "USD");
		plan(a, "EDCF-A", "2025-10-01", "2025-12-31", "3000000", "USD");
		plan(a, null, "2025-07-01", "2025-12-31", "5000000000", "UZS");
		disburse(a, "EDCF-A", "1500000", "USD", "2025-08-10");
		disburse(a, "EDCF-A", "3000000", "USD", "2025-11-05");
		Thread.sleep(5);
		afterProjectA = Instant.now();
		Thread.sleep(5);
		String b = "/api/projects/PU-B";
		expect(200, api.post(b + "/fundings", """
				{"fundingId":"KOICA-B","source":"KOICA_GRANT","funder":"KOICA","amount":{"amount":"4000000","currency":"USD"},
				 "committedOn":"2025-03-01"}"""));
		expect(200, api.post(b + "/fundings", """
				{"fundingId":"UZB-B","source":"UZBEK_BUDGET","funder":"Ministry of Finance",
				 "amount":{"amount":"20000000000","currency":"UZS"},"committedOn":"2025-03-01"}"""));
		plan(b, "KOICA-B", "2025-04-01", "2025-06-30", "1000000", "USD");
		plan(b, "UZB-B", "2025-07-01", "2025-09-30", "8000000000", "UZS");
		disburse(b, "KOICA-B", "800000", "USD", "2025-06-15");
		disburse(b, "UZB-B", "6000000000", "UZS", "2025-09-01");
		// the portfolio is read from the project_view read model: wait for the last disbursement
		api.eventually("/api/utilisation?groupBy=PROJECT", r -> r.json().path("groups").size() == 4
				&& r.json().path("groups").get(3).path("disbursed").decimalValue().signum() > 0);
		// the actuals of the funding series are another projection (pipeline): wait for the same last disbursement there
		api.eventually("/api/funding/timeseries?interval=YEAR&groupBy=SOURCE&currency=UZS&fiscalYearStart=7"
				+ "&from=2025-07-01&to=2025-12-31", r -> r.status() == 200 && r.body().contains("UZBEK_BUDGET")
				&& point(r.json(), "UZBEK_BUDGET", "FY2026").path("disbursed").decimalValue()
						.compareTo(new java.math.BigDecimal("6000000000")) == 0);
	}

	private void plan(String project, String fundingId, String start, String end, String amount, String currency) {
		expect(200, api.post(project + "/planned-disbursements", "{" + (fundingId == null ? ""
				: "\"fundingId\":\"" + fundingId + "\",") + "\"periodStart\":\"" + start + "\",\"periodEnd\":\"" + end
				+ "\",\"value\":{\"amount\":\"" + amount + "\",\"currency\":\"" + currency
				+ "\"},\"recordedOn\":\"2025-01-20\"}"));
	}

	private void disburse(String project, String fundingId, String amount, String currency, String on) {
		expect(200, api.post(project + "/disbursements", "{\"fundingId\":\"" + fundingId + "\",\"amount\":{\"amount\":\""
				+ amount + "\",\"currency\":\"" + currency + "\"},\"disbursedOn\":\"" + on + "\"}"));
	}

	private JsonNode groups(String query) {
		return expect(200, api.get(query)).json().path("groups");
	}

	private static JsonNode group(JsonNode groups, String group, String currency) {
		for (JsonNode g : groups) {
			if (g.path("group").asString().equals(group) && g.path("currency").asString().equals(currency)) {
				return g;
			}
		}
		throw new AssertionError("no group " + group + " in " + currency + " in " + groups);
	}

	@Test
	void theWholePortfolioPerCurrencyAndFiscalQuarter() {
		JsonNode answer = expect(200, api.get(U)).json();
		assertThat(answer.path("groupBy").asString()).isEqualTo("NONE");
		assertThat(answer.path("fiscalYearStartMonth").asInt()).isEqualTo(7);
		assertThat(answer.path("onDate").asString()).isEqualTo("2025-12-31");
		JsonNode groups = answer.path("groups");
		assertThat(groups).hasSize(2);
		JsonNode usd = group(groups, "TOTAL", "USD");
		assertThat(usd.path("projects").asInt()).isEqualTo(2);
		assertThat(usd.path("committed").decimalValue()).isEqualByComparingTo("14000000");
		assertThat(usd.path("disbursed").decimalValue()).isEqualByComparingTo("5300000");
		assertThat(usd.path("undisbursed").decimalValue()).isEqualByComparingTo("8700000");
		assertThat(usd.path("disbursedOfCommitted").decimalValue()).isEqualByComparingTo("0.3786");
		assertThat(usd.path("plannedToDate").decimalValue()).isEqualByComparingTo("6000000");
		assertThat(usd.path("disbursedToDate").decimalValue()).isEqualByComparingTo("5300000");
		assertThat(usd.path("behindPlan").decimalValue()).isEqualByComparingTo("700000");
		assertThat(usd.path("utilisation").decimalValue()).isEqualByComparingTo("0.8833");
		JsonNode periods = usd.path("periods");
		assertThat(periods).hasSize(3);
		assertThat(periods.get(0).path("label").asString()).isEqualTo("FY2025 Q4");
		assertThat(periods.get(0).path("start").asString()).isEqualTo("2025-04-01");
		assertThat(periods.get(0).path("planned").decimalValue()).isEqualByComparingTo("1000000");
		assertThat(periods.get(0).path("disbursed").decimalValue()).isEqualByComparingTo("800000");
		assertThat(periods.get(0).path("utilisation").decimalValue()).isEqualByComparingTo("0.8");
		assertThat(periods.get(1).path("label").asString()).isEqualTo("FY2026 Q1");
		assertThat(periods.get(1).path("utilisation").decimalValue()).isEqualByComparingTo("0.75");
		assertThat(periods.get(2).path("label").asString()).isEqualTo("FY2026 Q2");
		assertThat(periods.get(2).path("utilisation").decimalValue()).isEqualByComparingTo("1");
		JsonNode uzs = group(groups, "TOTAL", "UZS");
		assertThat(uzs.path("committed").decimalValue()).isEqualByComparingTo("20000000000");
		assertThat(uzs.path("plannedToDate").decimalValue()).isEqualByComparingTo("13000000000");
		assertThat(uzs.path("disbursedToDate").decimalValue()).isEqualByComparingTo("6000000000");
		assertThat(uzs.path("behindPlan").decimalValue()).isEqualByComparingTo("7000000000");
		assertThat(uzs.path("utilisation").decimalValue()).isEqualByComparingTo("0.4615");
		assertThat(uzs.path("periods").get(1).path("label").asString()).isEqualTo("FY2026 Q2");
		assertThat(uzs.path("periods").get(1).path("planned").decimalValue()).isEqualByComparingTo("5000000000");
		assertThat(uzs.path("periods").get(1).path("utilisation").decimalValue()).isEqualByComparingTo("0");
	}

	@Test
	void perSourceAPlanOfTheWholeProjectIsUnallocatedAndHasNoCommitmentRatio() {
		JsonNode groups = groups(U + "&groupBy=SOURCE");
		assertThat(groups).hasSize(4);
		JsonNode edcf = group(groups, "EXIMBANK", "USD");
		assertThat(edcf.path("committed").decimalValue()).isEqualByComparingTo("10000000");
		assertThat(edcf.path("disbursed").decimalValue()).isEqualByComparingTo("4500000");
		assertThat(edcf.path("undisbursed").decimalValue()).isEqualByComparingTo("5500000");
		assertThat(edcf.path("disbursedOfCommitted").decimalValue()).isEqualByComparingTo("0.45");
		assertThat(edcf.path("plannedToDate").decimalValue()).isEqualByComparingTo("5000000");
		assertThat(edcf.path("behindPlan").decimalValue()).isEqualByComparingTo("500000");
		assertThat(edcf.path("utilisation").decimalValue()).isEqualByComparingTo("0.9");
		JsonNode koica = group(groups, "KOICA_GRANT", "USD");
		assertThat(koica.path("disbursedOfCommitted").decimalValue()).isEqualByComparingTo("0.2");
		assertThat(koica.path("utilisation").decimalValue()).isEqualByComparingTo("0.8");
		JsonNode budget = group(groups, "UZBEK_BUDGET", "UZS");
		assertThat(budget.path("undisbursed").decimalValue()).isEqualByComparingTo("14000000000");
		assertThat(budget.path("disbursedOfCommitted").decimalValue()).isEqualByComparingTo("0.3");
		assertThat(budget.path("utilisation").decimalValue()).isEqualByComparingTo("0.75");
		JsonNode unallocated = group(groups, "UNALLOCATED", "UZS");
		assertThat(unallocated.path("projects").asInt()).isEqualTo(1);
		assertThat(unallocated.path("committed").decimalValue()).isEqualByComparingTo("0");
		assertThat(unallocated.path("disbursedOfCommitted").isNull()).as("nothing committed: null, not 0").isTrue();
		assertThat(unallocated.path("plannedToDate").decimalValue()).isEqualByComparingTo("5000000000");
		assertThat(unallocated.path("utilisation").decimalValue()).isEqualByComparingTo("0");
	}

	@Test
	void perFunderPerFacilityAndPerProject() {
		JsonNode funders = groups(U + "&groupBy=FUNDER");
		assertThat(group(funders, "KOICA", "USD").path("committed").decimalValue()).isEqualByComparingTo("4000000");
		assertThat(group(funders, "Ministry of Finance", "UZS").path("behindPlan").decimalValue())
				.isEqualByComparingTo("2000000000");
		JsonNode facilities = groups(U + "&groupBy=FACILITY");
		assertThat(facilities).hasSize(4);
		JsonNode facility = group(facilities, "FAC-U", "USD");
		assertThat(facility.path("projects").asInt()).isEqualTo(1);
		assertThat(facility.path("committed").decimalValue()).isEqualByComparingTo("10000000");
		assertThat(facility.path("utilisation").decimalValue()).isEqualByComparingTo("0.9");
		assertThat(group(facilities, "NO_FACILITY", "USD").path("committed").decimalValue())
				.isEqualByComparingTo("4000000");
		assertThat(group(facilities, "NO_FACILITY", "UZS").path("committed").decimalValue())
				.isEqualByComparingTo("20000000000");
		JsonNode projects = groups(U + "&groupBy=PROJECT");
		assertThat(projects).hasSize(4);
		// a plan of the whole project belongs to its project
		assertThat(group(projects, "PU-A", "UZS").path("plannedToDate").decimalValue()).isEqualByComparingTo("5000000000");
		assertThat(group(projects, "PU-B", "USD").path("utilisation").decimalValue()).isEqualByComparingTo("0.8");
	}

	@Test
	void byFiscalYearAsOfADateAndAsKnownAtAnInstant() {
		JsonNode years = group(groups(U + "&period=year"), "TOTAL", "USD").path("periods");
		assertThat(years).hasSize(2);
		assertThat(years.get(0).path("label").asString()).isEqualTo("FY2025");
		assertThat(years.get(1).path("label").asString()).isEqualTo("FY2026");
		assertThat(years.get(1).path("start").asString()).isEqualTo("2025-07-01");
		assertThat(years.get(1).path("end").asString()).isEqualTo("2026-06-30");
		assertThat(years.get(1).path("planned").decimalValue()).isEqualByComparingTo("5000000");
		assertThat(years.get(1).path("disbursed").decimalValue()).isEqualByComparingTo("4500000");
		assertThat(years.get(1).path("utilisation").decimalValue()).isEqualByComparingTo("0.9");
		JsonNode september = group(groups("/api/utilisation?fiscalYearStart=7&asOf=2025-09-30"), "TOTAL", "USD");
		assertThat(september.path("disbursed").decimalValue()).isEqualByComparingTo("2300000");
		assertThat(september.path("plannedToDate").decimalValue()).isEqualByComparingTo("3000000");
		assertThat(september.path("utilisation").decimalValue()).isEqualByComparingTo("0.7667");
		JsonNode known = groups(U + "&knownAt=" + afterProjectA);
		assertThat(known).hasSize(2);
		assertThat(group(known, "TOTAL", "USD").path("projects").asInt()).isEqualTo(1);
		assertThat(group(known, "TOTAL", "USD").path("committed").decimalValue()).isEqualByComparingTo("10000000");
		assertThat(group(known, "TOTAL", "UZS").path("committed").decimalValue()).isEqualByComparingTo("0");
	}

	@Test
	void withoutACutTheReadModelAnswersTheSameFigures() {
		JsonNode usd = group(groups("/api/utilisation?fiscalYearStart=7"), "TOTAL", "USD");
		assertThat(usd.path("committed").decimalValue()).isEqualByComparingTo("14000000");
		assertThat(usd.path("disbursed").decimalValue()).isEqualByComparingTo("5300000");
		assertThat(usd.path("periods").get(2).path("disbursed").decimalValue()).isEqualByComparingTo("3000000");
	}

	@Test
	void aBadGroupingPeriodOrFiscalYearStartIsA400NamingTheParameter() {
		assertThat(expect(400, api.get("/api/utilisation?groupBy=SECTOR")).body()).contains("groupBy");
		assertThat(expect(400, api.get("/api/utilisation?fiscalYearStart=0")).body()).contains("fiscalYearStart");
		assertThat(expect(400, api.get("/api/utilisation?period=month")).body()).contains("\"period\"");
	}

	@Test
	void theFundingSeriesCarriesThePlansBesideTheActualsByFiscalQuarter() {
		JsonNode usd = expect(200, api.get("/api/funding/timeseries?interval=QUARTER&groupBy=SOURCE&fiscalYearStart=7"
				+ "&from=2025-04-01&to=2025-12-31")).json();
		JsonNode edcfQ1 = point(usd, "EXIMBANK", "FY2026 Q1");
		assertThat(edcfQ1.path("planned").decimalValue()).isEqualByComparingTo("2000000.00");
		assertThat(edcfQ1.path("disbursed").decimalValue()).isEqualByComparingTo("1500000.00");
		assertThat(point(usd, "EXIMBANK", "FY2026 Q2").path("planned").decimalValue()).isEqualByComparingTo("3000000.00");
		assertThat(point(usd, "KOICA_GRANT", "FY2025 Q4").path("planned").decimalValue()).isEqualByComparingTo("1000000.00");
		assertThat(point(usd, "KOICA_GRANT", "FY2026 Q1").path("planned").decimalValue()).isEqualByComparingTo("0");
		JsonNode uzs = expect(200, api.get("/api/funding/timeseries?interval=YEAR&groupBy=SOURCE&currency=UZS"
				+ "&fiscalYearStart=7&from=2025-07-01&to=2025-12-31")).json();
		assertThat(uzs).hasSize(2);
		assertThat(point(uzs, "UZBEK_BUDGET", "FY2026").path("planned").decimalValue()).isEqualByComparingTo("8000000000");
		assertThat(point(uzs, "UZBEK_BUDGET", "FY2026").path("disbursed").decimalValue()).isEqualByComparingTo("6000000000");
		assertThat(point(uzs, "UNALLOCATED", "FY2026").path("planned").decimalValue()).isEqualByComparingTo("5000000000");
		// without 'to' the series runs on to the last plan due; a plan known later than knownAt is not there
		JsonNode known = expect(200, api.get("/api/funding/timeseries?interval=QUARTER&currency=UZS&fiscalYearStart=7"
				+ "&from=2025-07-01&knownAt=" + afterProjectA)).json();
		assertThat(point(known, "TOTAL", "FY2026 Q1").path("planned").decimalValue()).isEqualByComparingTo("0");
		assertThat(point(known, "TOTAL", "FY2026 Q2").path("planned").decimalValue()).isEqualByComparingTo("5000000000");
	}

	@Test
	void theSeriesWorkbookHasFiscalQuartersAndThePlans() throws Exception {
		HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base()
						+ "/api/export/timeseries.xlsx?interval=QUARTER&groupBy=SOURCE&currency=UZS&fiscalYearStart=7"
						+ "&from=2025-07-01&to=2025-12-31"))
				.header("Authorization", Api.basic("admin", "admin-demo")).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
			XSSFSheet sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(1).getCell(9).getStringCellValue()).isEqualTo("Planned disbursements");
			// UNALLOCATED FY2026 Q1, FY2026 Q2, then UZBEK_BUDGET FY2026 Q1, FY2026 Q2
			Row budgetQ1 = sheet.getRow(4);
			assertThat(budgetQ1.getCell(0).getStringCellValue()).isEqualTo("FY2026 Q1");
			assertThat(budgetQ1.getCell(3).getStringCellValue()).isEqualTo("UZBEK_BUDGET");
			assertThat(budgetQ1.getCell(6).getNumericCellValue()).isEqualTo(6_000_000_000d);
			assertThat(budgetQ1.getCell(9).getNumericCellValue()).isEqualTo(8_000_000_000d);
			Row unallocatedQ2 = sheet.getRow(3);
			assertThat(unallocatedQ2.getCell(0).getStringCellValue()).isEqualTo("FY2026 Q2");
			assertThat(unallocatedQ2.getCell(3).getStringCellValue()).isEqualTo("UNALLOCATED");
			assertThat(unallocatedQ2.getCell(9).getNumericCellValue()).isEqualTo(5_000_000_000d);
		}
	}

	private static JsonNode point(JsonNode series, String group, String period) {
		for (JsonNode p : series) {
			if (p.path("group").asString().equals(group) && p.path("period").asString().equals(period)) {
				return p;
			}
		}
		throw new AssertionError("no " + group + " " + period + " in " + series);
	}
}
