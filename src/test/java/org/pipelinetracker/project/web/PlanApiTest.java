package org.pipelinetracker.project.web;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pipelinetracker.project.web.ProjectApiTest.expect;

/**
 * A project's plans over HTTP: a USD 40,000,000 EDCF loan planned 2025-03-01 to 2028-12-31, a budget for 2026 of
 * USD 12,000,000 (original, indicative, known 2025-02-01) revised twice (USD 9,500,000.50 known 2025-05-01, USD
 * 11,250,000 committed known 2025-08-01), a budget of the whole project for 2025 and two planned disbursements; the
 * current answer, the history, as of a date and as known at an instant; 409 for a plan outside the project's dates and
 * 400 naming the field, with nothing recorded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"tracker.test.context=plans",
		"tracker.alerts.no-funding-days=36500", "tracker.alerts.no-disbursement-days=36500"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanApiTest {

	private static final String P = "/api/projects/PLAN-1";

	@LocalServerPort
	int port;

	Api api;
	Instant afterFirstRevision;

	@BeforeAll
	void scenario() throws InterruptedException {
		api = new Api(port);
		expect(201, api.post("/api/projects", """
				{"projectId":"PLAN-1","title":"Samarkand district heating","sector":"23630","region":"Samarkand",
				 "proposedOn":"2025-01-10","plannedStart":"2025-03-01","plannedEnd":"2028-12-31"}"""));
		expect(200, api.post(P + "/agreements", "{\"agreementId\":\"LA-1\",\"type\":\"LOAN\",\"signedOn\":\"2025-01-20\"}"));
		expect(200, api.post(P + "/fundings/eximbank", """
				{"fundingId":"EDCF-40","instrument":"EDCF_LOAN","amount":{"amount":"40000000","currency":"USD"},
				 "committedOn":"2025-01-25","interestRate":"0.10","maturityYears":40,"graceYears":10}"""));
		expect(200, api.post(P + "/budgets", """
				{"fundingId":"EDCF-40","periodStart":"2026-01-01","periodEnd":"2026-12-31",
				 "value":{"amount":"12000000","currency":"USD"},"recordedOn":"2025-02-01"}"""));
		expect(200, api.post(P + "/budgets", """
				{"fundingId":"EDCF-40","periodStart":"2026-01-01","periodEnd":"2026-12-31","type":"2",
				 "value":{"amount":"9500000.50","currency":"USD"},"recordedOn":"2025-05-01","reason":"Tender savings"}"""));
		Thread.sleep(5);
		afterFirstRevision = Instant.now();
		Thread.sleep(5);
		expect(200, api.post(P + "/budgets", """
				{"fundingId":"EDCF-40","periodStart":"2026-01-01","periodEnd":"2026-12-31","type":"2","status":"2",
				 "value":{"amount":"11250000","currency":"USD"},"recordedOn":"2025-08-01"}"""));
		expect(200, api.post(P + "/budgets", """
				{"periodStart":"2025-01-01","periodEnd":"2025-12-31",
				 "value":{"amount":"3000000000","currency":"UZS"},"recordedOn":"2025-02-01"}"""));
		expect(200, api.post(P + "/planned-disbursements", """
				{"fundingId":"EDCF-40","periodStart":"2025-07-01","periodEnd":"2025-09-30","type":"1",
				 "value":{"amount":"4000000","currency":"USD"},"provider":"Export-Import Bank of Korea",
				 "receiver":"Ministry of Energy","recordedOn":"2025-02-01"}"""));
		expect(200, api.post(P + "/planned-disbursements", """
				{"fundingId":"EDCF-40","periodStart":"2025-10-01","periodEnd":"2025-12-31",
				 "value":{"amount":"6000000","currency":"USD"},"recordedOn":"2025-02-01"}"""));
		for (String[] paid : new String[][] {{"3000000", "2025-08-15"}, {"2500000", "2025-11-20"}, {"1000000", "2026-02-10"}}) {
			expect(200, api.post(P + "/disbursements", "{\"fundingId\":\"EDCF-40\",\"amount\":{\"amount\":\"" + paid[0]
					+ "\",\"currency\":\"USD\"},\"disbursedOn\":\"" + paid[1] + "\"}"));
		}
	}

	@Test
	void utilisationByFiscalQuarterStartingInJanuary() {
		JsonNode usd = expect(200, api.get(P + "/utilisation")).json().path("currencies").get(0);
		assertThat(usd.path("currency").asString()).isEqualTo("USD");
		assertThat(usd.path("committed").decimalValue()).isEqualByComparingTo("40000000.00");
		assertThat(usd.path("disbursed").decimalValue()).isEqualByComparingTo("6500000.00");
		assertThat(usd.path("undisbursed").decimalValue()).isEqualByComparingTo("33500000.00");
		assertThat(usd.path("disbursedOfCommitted").decimalValue()).isEqualByComparingTo("0.1625");
		assertThat(usd.path("plannedToDate").decimalValue()).isEqualByComparingTo("10000000.00");
		assertThat(usd.path("disbursedToDate").decimalValue()).isEqualByComparingTo("6500000.00");
		assertThat(usd.path("behindPlan").decimalValue()).isEqualByComparingTo("3500000.00");
		assertThat(usd.path("utilisation").decimalValue()).isEqualByComparingTo("0.65");
		JsonNode periods = usd.path("periods");
		assertThat(periods).hasSize(3);
		assertThat(periods.get(0).path("label").asString()).isEqualTo("FY2025 Q3");
		assertThat(periods.get(0).path("start").asString()).isEqualTo("2025-07-01");
		assertThat(periods.get(0).path("planned").decimalValue()).isEqualByComparingTo("4000000.00");
		assertThat(periods.get(0).path("disbursed").decimalValue()).isEqualByComparingTo("3000000.00");
		assertThat(periods.get(0).path("utilisation").decimalValue()).isEqualByComparingTo("0.75");
		assertThat(periods.get(1).path("label").asString()).isEqualTo("FY2025 Q4");
		assertThat(periods.get(1).path("utilisation").decimalValue()).isEqualByComparingTo("0.4167");
		assertThat(periods.get(2).path("label").asString()).isEqualTo("FY2026 Q1");
		assertThat(periods.get(2).path("planned").decimalValue()).isEqualByComparingTo("0");
		assertThat(periods.get(2).path("disbursed").decimalValue()).isEqualByComparingTo("1000000.00");
		assertThat(periods.get(2).path("utilisation").isNull()).as("nothing planned: null, not 0").isTrue();
		JsonNode loan = expect(200, api.get(P + "/utilisation")).json().path("fundings").get(0);
		assertThat(loan.path("fundingId").asString()).isEqualTo("EDCF-40");
		assertThat(loan.path("currency").asString()).isEqualTo("USD");
		assertThat(loan.path("undisbursed").decimalValue()).isEqualByComparingTo("33500000.00");
		assertThat(loan.path("plannedToDate").decimalValue()).isEqualByComparingTo("10000000.00");
		assertThat(loan.path("behindPlan").decimalValue()).isEqualByComparingTo("3500000.00");
		assertThat(loan.path("utilisation").decimalValue()).isEqualByComparingTo("0.65");
		assertThat(loan.path("disbursedOfCommitted").decimalValue()).isEqualByComparingTo("0.1625");
	}

	@Test
	void utilisationByFiscalYearStartingInJulyAsOfADate() {
		JsonNode answer = expect(200, api.get(P + "/utilisation?fiscalYearStart=7&asOf=2025-10-15")).json();
		assertThat(answer.path("fiscalYearStartMonth").asInt()).isEqualTo(7);
		JsonNode usd = answer.path("currencies").get(0);
		assertThat(usd.path("plannedToDate").decimalValue()).isEqualByComparingTo("4000000.00");
		assertThat(usd.path("disbursedToDate").decimalValue()).isEqualByComparingTo("3000000.00");
		assertThat(usd.path("behindPlan").decimalValue()).isEqualByComparingTo("1000000.00");
		assertThat(usd.path("utilisation").decimalValue()).isEqualByComparingTo("0.75");
		JsonNode periods = usd.path("periods");
		assertThat(periods).hasSize(2);
		assertThat(periods.get(0).path("label").asString()).isEqualTo("FY2026 Q1");
		assertThat(periods.get(0).path("start").asString()).isEqualTo("2025-07-01");
		assertThat(periods.get(0).path("end").asString()).isEqualTo("2025-09-30");
		assertThat(periods.get(1).path("label").asString()).isEqualTo("FY2026 Q2");
		assertThat(periods.get(1).path("planned").decimalValue()).isEqualByComparingTo("6000000.00");
		assertThat(periods.get(1).path("utilisation").decimalValue()).isEqualByComparingTo("0");
		JsonNode years = expect(200, api.get(P + "/utilisation?fiscalYearStart=7&period=year")).json()
				.path("currencies").get(0).path("periods");
		assertThat(years).hasSize(1);
		assertThat(years.get(0).path("label").asString()).isEqualTo("FY2026");
		assertThat(years.get(0).path("start").asString()).isEqualTo("2025-07-01");
		assertThat(years.get(0).path("end").asString()).isEqualTo("2026-06-30");
		assertThat(years.get(0).path("planned").decimalValue()).isEqualByComparingTo("10000000.00");
		assertThat(years.get(0).path("disbursed").decimalValue()).isEqualByComparingTo("6500000.00");
		assertThat(years.get(0).path("utilisation").decimalValue()).isEqualByComparingTo("0.65");
	}

	/** The README's tour: a KOICA grant with USD 1,500,000 disbursed on 2025-06-01 and a plan for April to June. */
	@Test
	void theReadmeToursFiscalQuarterFigures() {
		String t = "/api/projects/PLAN-TOUR";
		expect(201, api.post("/api/projects", """
				{"projectId":"PLAN-TOUR","title":"Samarkand district heating","sector":"23620","region":"Samarkand",
				 "proposedOn":"2025-03-01"}"""));
		expect(200, api.post(t + "/agreements", "{\"agreementId\":\"GRANT-1\",\"type\":\"GRANT\",\"signedOn\":\"2025-04-01\"}"));
		expect(200, api.post(t + "/fundings", """
				{"fundingId":"KOICA-1","source":"KOICA_GRANT","funder":"KOICA","amount":{"amount":"8000000","currency":"USD"},
				 "committedOn":"2025-04-15"}"""));
		expect(200, api.post(t + "/disbursements", """
				{"fundingId":"KOICA-1","amount":{"amount":"1500000","currency":"USD"},"disbursedOn":"2025-06-01"}"""));
		expect(200, api.post(t + "/budgets", """
				{"fundingId":"KOICA-1","periodStart":"2025-01-01","periodEnd":"2025-12-31",
				 "value":{"amount":"3000000","currency":"USD"},"recordedOn":"2025-04-15"}"""));
		expect(200, api.post(t + "/planned-disbursements", """
				{"fundingId":"KOICA-1","periodStart":"2025-04-01","periodEnd":"2025-06-30",
				 "value":{"amount":"2000000","currency":"USD"},"recordedOn":"2025-04-15"}"""));
		JsonNode q4 = expect(200, api.get(t + "/utilisation?fiscalYearStart=7")).json().path("currencies").get(0)
				.path("periods").get(0);
		assertThat(q4.path("label").asString()).isEqualTo("FY2025 Q4");
		assertThat(q4.path("planned").decimalValue()).isEqualByComparingTo("2000000.00");
		assertThat(q4.path("disbursed").decimalValue()).isEqualByComparingTo("1500000.00");
		assertThat(q4.path("utilisation").decimalValue()).isEqualByComparingTo("0.75");
	}

	@Test
	void aFiscalYearStartOutsideOneToTwelveIsA400NamingTheParameter() {
		assertThat(expect(400, api.get(P + "/utilisation?fiscalYearStart=13")).body()).contains("fiscalYearStart");
		assertThat(expect(400, api.get(P + "/utilisation?period=month")).body()).contains("\"period\"");
	}

	@Test
	void theCurrentBudgetsAreTheLatestRevisionOfEachPeriodInPeriodOrder() {
		JsonNode budgets = expect(200, api.get(P + "/budgets")).json();
		assertThat(budgets).hasSize(2);
		JsonNode project2025 = budgets.get(0);
		assertThat(project2025.path("fundingId").isNull()).isTrue();
		assertThat(project2025.path("periodStart").asString()).isEqualTo("2025-01-01");
		assertThat(project2025.path("value").path("amount").decimalValue()).isEqualByComparingTo("3000000000");
		assertThat(project2025.path("value").path("currency").asString()).isEqualTo("UZS");
		assertThat(project2025.path("type").asString()).isEqualTo("1");
		assertThat(project2025.path("status").asString()).isEqualTo("1");
		JsonNode loan2026 = budgets.get(1);
		assertThat(loan2026.path("fundingId").asString()).isEqualTo("EDCF-40");
		assertThat(loan2026.path("periodStart").asString()).isEqualTo("2026-01-01");
		assertThat(loan2026.path("periodEnd").asString()).isEqualTo("2026-12-31");
		assertThat(loan2026.path("value").path("amount").decimalValue()).isEqualByComparingTo("11250000.00");
		assertThat(loan2026.path("type").asString()).isEqualTo("2");
		assertThat(loan2026.path("status").asString()).isEqualTo("2");
		assertThat(loan2026.path("revision").asInt()).isEqualTo(3);
	}

	@Test
	void theHistoryKeepsEveryRevision() {
		JsonNode history = expect(200, api.get(P + "/budgets?history=true")).json();
		assertThat(history).hasSize(4);
		assertThat(history.get(0).path("value").path("amount").decimalValue()).isEqualByComparingTo("12000000.00");
		assertThat(history.get(0).path("current").asBoolean()).isFalse();
		assertThat(history.get(1).path("value").path("amount").decimalValue()).isEqualByComparingTo("9500000.50");
		assertThat(history.get(1).path("revision").asInt()).isEqualTo(2);
		assertThat(history.get(2).path("value").path("amount").decimalValue()).isEqualByComparingTo("11250000.00");
		assertThat(history.get(2).path("current").asBoolean()).isTrue();
	}

	@Test
	void asOfADateTheRevisionsKnownByThenAnswer() {
		JsonNode asOfJune = expect(200, api.get(P + "/budgets?asOf=2025-06-30")).json();
		assertThat(asOfJune.get(1).path("value").path("amount").decimalValue()).isEqualByComparingTo("9500000.50");
		JsonNode asOfMarch = expect(200, api.get(P + "/budgets?asOf=2025-03-01")).json();
		assertThat(asOfMarch.get(1).path("value").path("amount").decimalValue()).isEqualByComparingTo("12000000.00");
		assertThat(asOfMarch.get(1).path("revision").asInt()).isEqualTo(1);
		JsonNode knownThen = expect(200, api.get(P + "/budgets?knownAt=" + afterFirstRevision)).json();
		assertThat(knownThen).hasSize(1);
		assertThat(knownThen.get(0).path("value").path("amount").decimalValue()).isEqualByComparingTo("9500000.50");
	}

	@Test
	void plannedDisbursementsAnswerTheirPeriodValueTypeAndOrganisations() {
		JsonNode plans = expect(200, api.get(P + "/planned-disbursements")).json();
		assertThat(plans).hasSize(2);
		assertThat(plans.get(0).path("periodStart").asString()).isEqualTo("2025-07-01");
		assertThat(plans.get(0).path("periodEnd").asString()).isEqualTo("2025-09-30");
		assertThat(plans.get(0).path("value").path("amount").decimalValue()).isEqualByComparingTo("4000000.00");
		assertThat(plans.get(0).path("type").asString()).isEqualTo("1");
		assertThat(plans.get(0).path("provider").asString()).isEqualTo("Export-Import Bank of Korea");
		assertThat(plans.get(0).path("receiver").asString()).isEqualTo("Ministry of Energy");
		assertThat(plans.get(1).path("value").path("amount").decimalValue()).isEqualByComparingTo("6000000.00");
		assertThat(plans.get(1).path("type").isNull()).isTrue();
	}

	@Test
	void aPlanOutsideTheProjectsDatesIsA409InPlainWordsAndRecordsNothing() {
		long version = api.get("/api/projects/PLAN-1").json().path("version").asLong();
		Response outside = expect(409, api.post(P + "/planned-disbursements", """
				{"periodStart":"2029-01-01","periodEnd":"2029-03-31","value":{"amount":"1000","currency":"USD"}}"""));
		assertThat(outside.json().path("detail").asString()).isEqualTo(
				"the plan for 2029-01-01 to 2029-03-31 starts after the project's planned end (2028-12-31)");
		assertThat(api.get("/api/projects/PLAN-1").json().path("version").asLong()).isEqualTo(version);
	}

	@Test
	void badInputIsA400NamingTheField() {
		Response tooLong = expect(400, api.post(P + "/budgets", """
				{"periodStart":"2026-01-01","periodEnd":"2027-06-30","value":{"amount":"1000","currency":"USD"}}"""));
		assertThat(tooLong.body()).contains("periodEnd").contains("at most twelve months");
		Response badType = expect(400, api.post(P + "/budgets", """
				{"periodStart":"2026-01-01","periodEnd":"2026-06-30","type":"7","value":{"amount":"1000","currency":"USD"}}"""));
		assertThat(badType.body()).contains("\"type\"");
		Response noValue = expect(400, api.post(P + "/planned-disbursements", """
				{"periodStart":"2026-01-01"}"""));
		assertThat(noValue.body()).contains("value");
	}

	@Test
	void anUnknownProjectIs404() {
		expect(404, api.get("/api/projects/PLAN-NONE/budgets"));
	}
}
