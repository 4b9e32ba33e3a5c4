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

import static org.assertj.core.api.Assertions.assertThat;
import static org.pipelinetracker.project.web.ProjectApiTest.expect;

/**
 * A loan's dates and repayment convention over HTTP. Two EDCF loans of USD 10,000,000.00 at 2.5% over 30 years with
 * 10 years of grace, committed 2025-01-15 and effective three months later (2025-04-15): one repaid in equal
 * semi-annual principal (40 × USD 250,000.00), one as a semi-annual annuity (level USD 319,214.14). A short annuity
 * of USD 1,000,000 (2%, two years, one of grace, effective 2024-04-01) repaid on and off schedule. The closing date
 * refuses a late disbursement until it is extended.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"tracker.test.context=loan-life-cycle",
		"tracker.alerts.no-funding-days=36500", "tracker.alerts.no-disbursement-days=36500"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoanLifeCycleApiTest {

	private static final String P = "/api/projects/LIFE-1";

	@LocalServerPort
	int port;

	Api api;

	@BeforeAll
	void twoLoansEffectiveThreeMonthsAfterTheirCommitment() {
		api = new Api(port);
		expect(201, api.post("/api/projects", """
				{"projectId":"LIFE-1","title":"Samarkand ring road","sector":"21020","region":"Samarqand",
				 "proposedOn":"2024-10-01"}"""));
		expect(200, api.post(P + "/agreements", "{\"agreementId\":\"LA-L1\",\"type\":\"LOAN\",\"signedOn\":\"2025-01-10\"}"));
		expect(200, api.post(P + "/fundings/eximbank", """
				{"fundingId":"EQ-10","instrument":"EDCF_LOAN","amount":{"amount":"10000000.00","currency":"USD"},
				 "committedOn":"2025-01-15","interestRate":"2.5","maturityYears":30,"graceYears":10,
				 "effectiveOn":"2025-04-15","closingOn":"2025-12-31"}"""));
		expect(200, api.post(P + "/fundings/eximbank", """
				{"fundingId":"AN-10","instrument":"EDCF_LOAN","amount":{"amount":"10000000.00","currency":"USD"},
				 "committedOn":"2025-01-15","interestRate":"2.5","maturityYears":30,"graceYears":10,
				 "repaymentConvention":"ANNUITY_SEMI_ANNUAL","effectiveOn":"2025-04-15"}"""));
	}

	@Test
	void theEqualPrincipalScheduleRunsFromTheEffectivenessDate() {
		JsonNode s = expect(200, api.get(P + "/fundings/EQ-10/schedule?asOf=2035-04-15")).json();
		assertThat(s.path("convention").asString()).isEqualTo("EQUAL_SEMI_ANNUAL_PRINCIPAL");
		assertThat(s.path("startsFrom").asString()).isEqualTo("EFFECTIVENESS_DATE");
		assertThat(s.path("effectiveOn").asString()).isEqualTo("2025-04-15");
		assertThat(s.path("firstInstalmentOn").asString()).isEqualTo("2035-04-15");
		JsonNode periods = s.path("instalments");
		assertThat(periods).hasSize(59);
		assertThat(periods.get(0).path("dueOn").asString()).isEqualTo("2025-10-15");
		assertThat(cents(periods.get(0).path("interest"))).isEqualTo("125000.00");
		assertThat(cents(periods.get(0).path("principal"))).isEqualTo("0.00");
		JsonNode first = periods.get(19);
		assertThat(first.path("dueOn").asString()).isEqualTo("2035-04-15");
		assertThat(cents(first.path("principal"))).isEqualTo("250000.00");
		assertThat(cents(first.path("interest"))).isEqualTo("125000.00");
		assertThat(cents(first.path("payment"))).isEqualTo("375000.00");
		assertThat(cents(first.path("outstandingAfter"))).isEqualTo("9750000.00");
		JsonNode last = periods.get(58);
		assertThat(last.path("dueOn").asString()).isEqualTo("2054-10-15");
		assertThat(cents(last.path("principal"))).isEqualTo("250000.00");
		assertThat(cents(last.path("interest"))).isEqualTo("3125.00");
		assertThat(cents(last.path("outstandingAfter"))).isEqualTo("0.00");
		assertThat(s.path("levelPayment").isMissingNode() || s.path("levelPayment").isNull()).isTrue();
	}

	@Test
	void theAnnuityScheduleHasLevelPaymentsAndTheLastTakesTheRemainder() {
		JsonNode s = expect(200, api.get(P + "/fundings/AN-10/schedule?asOf=2035-04-15")).json();
		assertThat(s.path("convention").asString()).isEqualTo("ANNUITY_SEMI_ANNUAL");
		assertThat(s.path("startsFrom").asString()).isEqualTo("EFFECTIVENESS_DATE");
		assertThat(cents(s.path("levelPayment"))).isEqualTo("319214.14");
		JsonNode periods = s.path("instalments");
		assertThat(periods).hasSize(59);
		assertThat(cents(periods.get(18).path("payment"))).as("grace: interest only").isEqualTo("125000.00");
		JsonNode first = periods.get(19);
		assertThat(first.path("dueOn").asString()).isEqualTo("2035-04-15");
		assertThat(cents(first.path("interest"))).isEqualTo("125000.00");
		assertThat(cents(first.path("principal"))).isEqualTo("194214.14");
		assertThat(cents(first.path("payment"))).isEqualTo("319214.14");
		assertThat(cents(first.path("outstandingAfter"))).isEqualTo("9805785.86");
		JsonNode second = periods.get(20);
		assertThat(cents(second.path("interest"))).isEqualTo("122572.32");
		assertThat(cents(second.path("principal"))).isEqualTo("196641.82");
		JsonNode beforeLast = periods.get(57);
		assertThat(cents(beforeLast.path("payment"))).isEqualTo("319214.14");
		assertThat(cents(beforeLast.path("outstandingAfter"))).isEqualTo("315273.15");
		JsonNode last = periods.get(58);
		assertThat(last.path("dueOn").asString()).isEqualTo("2054-10-15");
		assertThat(cents(last.path("principal"))).isEqualTo("315273.15");
		assertThat(cents(last.path("interest"))).isEqualTo("3940.91");
		assertThat(cents(last.path("payment"))).isEqualTo("319214.06");
		assertThat(cents(last.path("outstandingAfter"))).isEqualTo("0.00");
	}

	@Test
	void aDisbursementBeforeEffectivenessOrAfterClosingIsA409UntilTheClosingDateIsExtended() {
		Api a = new Api(port);
		String before = """
				{"fundingId":"EQ-10","amount":{"amount":"1000000","currency":"USD"},"disbursedOn":"2025-03-01"}""";
		Response early = expect(409, a.post(P + "/disbursements", before));
		assertThat(early.json().path("detail").asString()).isEqualTo("cannot disburse under loan 'EQ-10' on 2025-03-01:"
				+ " the loan becomes effective only on 2025-04-15");
		Response ko = expect(409, a.header("Accept-Language", "ko").post(P + "/disbursements", before));
		assertThat(ko.json().path("detail").asString()).contains("2025-04-15에야 발효됩니다");
		expect(200, a.post(P + "/disbursements", """
				{"fundingId":"EQ-10","amount":{"amount":"4000000","currency":"USD"},"disbursedOn":"2025-05-01"}"""));
		String late = """
				{"fundingId":"EQ-10","amount":{"amount":"6000000","currency":"USD"},"disbursedOn":"2026-01-10"}""";
		Response closed = expect(409, a.post(P + "/disbursements", late));
		assertThat(closed.json().path("detail").asString()).isEqualTo("cannot disburse under loan 'EQ-10' on 2026-01-10:"
				+ " its closing date (final disbursement date) was 2025-12-31");
		Response backwards = expect(409, a.post(P + "/fundings/EQ-10/dates",
				"{\"closingOn\":\"2025-04-14\",\"on\":\"2025-12-20\"}"));
		assertThat(backwards.json().path("detail").asString()).isEqualTo("loan 'EQ-10' cannot close on 2025-04-14:"
				+ " that is before it became effective (2025-04-15)");
		expect(200, a.post(P + "/fundings/EQ-10/dates", """
				{"closingOn":"2026-06-30","on":"2025-12-20","reason":"Closing date extended by six months"}"""));
		expect(200, a.post(P + "/disbursements", late));
		JsonNode eq = funding(a.get(P).json(), "EQ-10");
		assertThat(eq.path("effectiveOn").asString()).isEqualTo("2025-04-15");
		assertThat(eq.path("closingOn").asString()).isEqualTo("2026-06-30");
		assertThat(eq.path("earlierClosingDates").get(0).asString()).isEqualTo("2025-12-31");
		assertThat(eq.path("terms").path("convention").isNull()).as("none chosen: the default").isTrue();
		JsonNode an = funding(a.get(P).json(), "AN-10");
		assertThat(an.path("terms").path("convention").asString()).isEqualTo("ANNUITY_SEMI_ANNUAL");
		assertThat(an.has("closingOn")).isFalse();
		JsonNode asBefore = funding(a.get(P + "?asOf=2025-12-01").json(), "EQ-10");
		assertThat(asBefore.path("closingOn").asString()).as("before the extension").isEqualTo("2025-12-31");
	}

	@Test
	void aShortAnnuityRepaidOnAndOffScheduleWithItsArrears() {
		Api a = new Api(port);
		expect(201, a.post("/api/projects", """
				{"projectId":"LIFE-2","title":"Bukhara substation","sector":"23630","region":"Buxoro","proposedOn":"2023-11-01"}"""));
		expect(200, a.post("/api/projects/LIFE-2/agreements",
				"{\"agreementId\":\"LA-L2\",\"type\":\"LOAN\",\"signedOn\":\"2023-12-01\"}"));
		expect(200, a.post("/api/projects/LIFE-2/fundings/eximbank", """
				{"fundingId":"AN-1M","instrument":"EDCF_LOAN","amount":{"amount":"1000000","currency":"USD"},
				 "committedOn":"2024-01-01","interestRate":"2","maturityYears":2,"graceYears":1,
				 "repaymentConvention":"ANNUITY_SEMI_ANNUAL","effectiveOn":"2024-04-01"}"""));
		expect(200, a.post("/api/projects/LIFE-2/disbursements", """
				{"fundingId":"AN-1M","amount":{"amount":"1000000","currency":"USD"},"disbursedOn":"2024-04-01"}"""));
		String f = "/api/projects/LIFE-2/fundings/AN-1M";
		expect(200, a.post(f + "/repayments", "{\"amount\":{\"amount\":\"497512.44\",\"currency\":\"USD\"},\"on\":\"2025-04-01\"}"));
		expect(200, a.post(f + "/repayments", "{\"amount\":{\"amount\":\"200000\",\"currency\":\"USD\"},\"on\":\"2025-11-15\"}"));
		JsonNode s = expect(200, a.get(f + "/schedule?asOf=2025-04-01")).json(); // paid on schedule
		JsonNode periods = s.path("instalments");
		assertThat(periods).hasSize(3);
		assertThat(periods.get(0).path("dueOn").asString()).isEqualTo("2024-10-01");
		assertThat(cents(periods.get(0).path("interest"))).isEqualTo("10000.00");
		assertThat(cents(s.path("levelPayment"))).isEqualTo("507512.44");
		assertThat(cents(periods.get(1).path("principal"))).isEqualTo("497512.44");
		assertThat(cents(periods.get(2).path("principal"))).isEqualTo("502487.56");
		assertThat(cents(periods.get(2).path("interest"))).isEqualTo("5024.88");
		assertThat(cents(periods.get(2).path("payment"))).isEqualTo("507512.44");
		assertThat(cents(s.path("due"))).isEqualTo("497512.44");
		assertThat(cents(s.path("arrears"))).isEqualTo("0.00");
		assertThat(cents(s.path("outstanding"))).isEqualTo("502487.56");
		s = expect(200, a.get(f + "/schedule?asOf=2025-10-01")).json(); // the last instalment unpaid
		assertThat(cents(s.path("due"))).isEqualTo("1000000.00");
		assertThat(cents(s.path("arrears"))).isEqualTo("502487.56");
		s = expect(200, a.get(f + "/schedule?asOf=2025-11-15")).json(); // partly paid late
		assertThat(cents(s.path("arrears"))).isEqualTo("302487.56");
		assertThat(cents(s.path("outstanding"))).isEqualTo("302487.56");
		assertThat(cents(s.path("repaid"))).isEqualTo("697512.44");
	}

	private static JsonNode funding(JsonNode project, String fundingId) {
		for (JsonNode f : project.path("fundings")) {
			if (f.path("fundingId").asString().equals(fundingId)) {
				return f;
			}
		}
		throw new AssertionError("no funding " + fundingId);
	}

	private static String cents(JsonNode money) {
		return money.path("amount").decimalValue().setScale(2).toPlainString();
	}
}
