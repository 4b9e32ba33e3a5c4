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

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pipelinetracker.project.web.ProjectApiTest.expect;

/**
 * A loan's later life over HTTP: a USD 40,000,000 EDCF loan effective 2025-05-01, USD 10,000,000 disbursed, USD
 * 5,000,000 cancelled, then the rest of the undisbursed balance; a repayment and an interest payment; the 409s in
 * English and Russian, with nothing recorded; and every flow in {@code GET /api/projects/{id}/transactions}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"tracker.test.context=loans",
		"tracker.alerts.no-funding-days=36500", "tracker.alerts.no-disbursement-days=36500"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class LoanApiTest {

	private static final String P = "/api/projects/LOAN-1";
	private static final String F = P + "/fundings/EDCF-40";

	@LocalServerPort
	int port;

	Api api;

	@BeforeAll
	void scenario() {
		api = new Api(port);
		Api recorder = new Api(port);
		expect(201, recorder.post("/api/projects", """
				{"projectId":"LOAN-1","title":"Karakalpakstan water supply","sector":"14020","region":"Karakalpakstan",
				 "proposedOn":"2025-01-10"}"""));
		expect(200, recorder.post(P + "/agreements", "{\"agreementId\":\"LA-1\",\"type\":\"LOAN\",\"signedOn\":\"2025-04-20\"}"));
		expect(200, api.post(P + "/fundings/eximbank", """
				{"fundingId":"EDCF-40","instrument":"EDCF_LOAN","amount":{"amount":"40000000","currency":"USD"},
				 "committedOn":"2025-05-01","interestRate":"0.10","maturityYears":40,"graceYears":10}"""));
		expect(200, api.post(P + "/disbursements", """
				{"fundingId":"EDCF-40","amount":{"amount":"10000000","currency":"USD"},"disbursedOn":"2025-06-01"}"""));
		expect(200, api.post(F + "/cancellations", """
				{"amount":{"amount":"5000000","currency":"USD"},"on":"2025-07-01","reason":"Savings on the tender"}"""));
	}

	@Test
	void aPartialCancellationLowersTheCommitmentAndTheUndisbursedBalance() {
		JsonNode funding = api.get(P).json().path("fundings").get(0);
		assertThat(funding.path("amount").path("amount").decimalValue()).isEqualByComparingTo("35000000.00");
		assertThat(funding.path("originalAmount").path("amount").decimalValue()).isEqualByComparingTo("40000000.00");
		assertThat(funding.path("cancelled").path("amount").decimalValue()).isEqualByComparingTo("5000000.00");
		assertThat(funding.path("undisbursed").path("amount").decimalValue()).isEqualByComparingTo("25000000.00");
		assertThat(funding.path("cancellations").get(0).path("cancelledOn").asString()).isEqualTo("2025-07-01");
		assertThat(funding.path("cancellations").get(0).path("reason").asString()).isEqualTo("Savings on the tender");
	}

	@Test
	void cancellingMoreThanIsUndisbursedIsA409InPlainWordsAndRecordsNothing() {
		long version = api.get(P).json().path("version").asLong();
		Response en = expect(409, api.post(F + "/cancellations", """
				{"amount":{"amount":"25000000.01","currency":"USD"},"on":"2025-07-02","reason":"Too much"}"""));
		assertThat(en.json().path("detail").asString()).isEqualTo("cannot cancel USD 25000000.01 of 'EDCF-40': only"
				+ " USD 25000000.00 is undisbursed (USD 35000000.00 committed, USD 10000000.00 disbursed)");
		Response ru = expect(409, api.header("Accept-Language", "ru").post(F + "/cancellations", """
				{"amount":{"amount":"25000000.01","currency":"USD"},"on":"2025-07-02","reason":"Too much"}"""));
		assertThat(ru.json().path("detail").asString().replace('\u00a0', ' ').replace('\u202f', ' ')).isEqualTo(
				"нельзя аннулировать 25 000 000,01 USD по «EDCF-40»: остаток к выплате только 25 000 000,00 USD"
						+ " (обязательство 35 000 000,00 USD, выплачено 10 000 000,00 USD)");
		assertThat(api.get(P).json().path("version").asLong()).isEqualTo(version);
	}

	@Test
	void repayingMoreThanIsOutstandingIsA409() {
		Response en = expect(409, api.post(F + "/repayments", """
				{"amount":{"amount":"10000000.01","currency":"USD"},"on":"2025-12-01"}"""));
		assertThat(en.json().path("detail").asString()).isEqualTo("cannot repay USD 10000000.01 of 'EDCF-40' on"
				+ " 2025-12-01: only USD 10000000.00 is outstanding (USD 10000000.00 disbursed by then, USD 0.00 repaid)");
	}

	@Test
	void theScheduleOfTheEdcfLoanHasSixtySemiAnnualInstalmentsAfterTenYearsOfGrace() {
		Api a = new Api(port);
		expect(201, a.post("/api/projects", """
				{"projectId":"LOAN-2","title":"Nukus water treatment","sector":"14020","region":"Karakalpakstan",
				 "proposedOn":"2025-01-10"}"""));
		expect(200, a.post("/api/projects/LOAN-2/agreements",
				"{\"agreementId\":\"LA-2\",\"type\":\"LOAN\",\"signedOn\":\"2025-04-20\"}"));
		expect(200, a.post("/api/projects/LOAN-2/fundings/eximbank", """
				{"fundingId":"EDCF-40","instrument":"EDCF_LOAN","amount":{"amount":"40000000","currency":"USD"},
				 "committedOn":"2025-05-01","interestRate":"0.1","maturityYears":40,"graceYears":10}"""));
		expect(200, a.post("/api/projects/LOAN-2/disbursements", """
				{"fundingId":"EDCF-40","amount":{"amount":"40000000","currency":"USD"},"disbursedOn":"2025-05-01"}"""));
		String schedule = "/api/projects/LOAN-2/fundings/EDCF-40/schedule";
		JsonNode s = expect(200, a.get(schedule + "?asOf=2030-01-01")).json();
		assertThat(s.path("convention").asString()).isEqualTo("EQUAL_SEMI_ANNUAL_PRINCIPAL");
		assertThat(s.path("startsFrom").asString()).as("no effectiveness date: from the commitment").isEqualTo("COMMITMENT_DATE");
		assertThat(s.path("firstInstalmentOn").asString()).isEqualTo("2035-05-01");
		JsonNode periods = s.path("instalments");
		assertThat(periods).hasSize(79);
		assertThat(cents(periods.get(0).path("interest").path("amount"))).isEqualTo("20000.00");
		assertThat(cents(periods.get(0).path("principal").path("amount"))).isEqualTo("0.00");
		assertThat(periods.get(0).path("dueOn").asString()).isEqualTo("2025-11-01");
		JsonNode first = periods.get(19);
		assertThat(first.path("dueOn").asString()).isEqualTo("2035-05-01");
		assertThat(cents(first.path("principal").path("amount"))).isEqualTo("666666.67");
		assertThat(cents(first.path("outstandingAfter").path("amount"))).isEqualTo("39333333.33");
		JsonNode last = periods.get(78);
		assertThat(last.path("dueOn").asString()).isEqualTo("2064-11-01");
		assertThat(cents(last.path("principal").path("amount"))).isEqualTo("666666.47");
		assertThat(cents(last.path("interest").path("amount"))).isEqualTo("333.33");
		assertThat(cents(last.path("outstandingAfter").path("amount"))).isEqualTo("0.00");
		assertThat(cents(s.path("outstanding").path("amount"))).isEqualTo("40000000.00");
		assertThat(cents(s.path("arrears").path("amount"))).isEqualTo("0.00");
		JsonNode afterFirst = expect(200, a.get(schedule + "?asOf=2035-05-01")).json();
		assertThat(cents(afterFirst.path("due").path("amount"))).isEqualTo("666666.67");
		assertThat(cents(afterFirst.path("arrears").path("amount"))).isEqualTo("666666.67");
	}

	@Test
	void repaymentsOnAndOffScheduleAndTheArrearsOnDatesBeforeAndAfter() {
		Api a = new Api(port);
		expect(201, a.post("/api/projects", """
				{"projectId":"LOAN-3","title":"Termez bridge","sector":"21020","region":"Surxondaryo","proposedOn":"2023-11-01"}"""));
		expect(200, a.post("/api/projects/LOAN-3/agreements",
				"{\"agreementId\":\"LA-3\",\"type\":\"LOAN\",\"signedOn\":\"2023-12-01\"}"));
		expect(200, a.post("/api/projects/LOAN-3/fundings/eximbank", """
				{"fundingId":"EDCF-1M","instrument":"EDCF_LOAN","amount":{"amount":"1000000","currency":"USD"},
				 "committedOn":"2024-01-01","interestRate":"2","maturityYears":2,"graceYears":1}"""));
		expect(200, a.post("/api/projects/LOAN-3/disbursements", """
				{"fundingId":"EDCF-1M","amount":{"amount":"1000000","currency":"USD"},"disbursedOn":"2024-01-01"}"""));
		String f = "/api/projects/LOAN-3/fundings/EDCF-1M";
		expect(200, a.post(f + "/repayments", "{\"amount\":{\"amount\":\"500000\",\"currency\":\"USD\"},\"on\":\"2025-01-01\"}"));
		expect(200, a.post(f + "/repayments", "{\"amount\":{\"amount\":\"200000\",\"currency\":\"USD\"},\"on\":\"2025-09-01\"}"));
		JsonNode s = expect(200, a.get(f + "/schedule?asOf=2024-12-31")).json();
		assertThat(s.path("instalments")).hasSize(3); // a half-year of grace (interest only), then two instalments
		assertThat(cents(s.path("instalments").get(0).path("interest").path("amount"))).isEqualTo("10000.00");
		assertThat(cents(s.path("arrears").path("amount"))).isEqualTo("0.00");
		assertThat(cents(s.path("outstanding").path("amount"))).isEqualTo("1000000.00");
		s = expect(200, a.get(f + "/schedule?asOf=2025-03-01")).json(); // paid on schedule
		assertThat(cents(s.path("due").path("amount"))).isEqualTo("500000.00");
		assertThat(cents(s.path("arrears").path("amount"))).isEqualTo("0.00");
		assertThat(cents(s.path("outstanding").path("amount"))).isEqualTo("500000.00");
		s = expect(200, a.get(f + "/schedule?asOf=2025-08-31")).json(); // the second instalment unpaid
		assertThat(cents(s.path("arrears").path("amount"))).isEqualTo("500000.00");
		s = expect(200, a.get(f + "/schedule?asOf=2025-09-01")).json(); // partly paid late
		assertThat(cents(s.path("arrears").path("amount"))).isEqualTo("300000.00");
		assertThat(cents(s.path("outstanding").path("amount"))).isEqualTo("300000.00");
		assertThat(cents(s.path("repaid").path("amount"))).isEqualTo("700000.00");
	}

	@Test
	@org.junit.jupiter.api.Order(Integer.MAX_VALUE)
	void repaymentsInterestAndAWholeCancellationAreEveryFlowOfTheProject() {
		expect(200, api.post(F + "/repayments", """
				{"amount":{"amount":"1000000","currency":"USD"},"on":"2025-11-01"}"""));
		expect(200, api.post(F + "/interest-payments", """
				{"amount":{"amount":"4986.30","currency":"USD"},"on":"2025-11-01"}"""));
		expect(200, api.post(F + "/cancellations", """
				{"on":"2025-11-02","reason":"Loan closed"}"""));
		JsonNode funding = api.get(P).json().path("fundings").get(0);
		assertThat(funding.path("amount").path("amount").decimalValue()).isEqualByComparingTo("10000000.00");
		assertThat(funding.path("cancelled").path("amount").decimalValue()).isEqualByComparingTo("30000000.00");
		assertThat(funding.path("undisbursed").path("amount").decimalValue()).isEqualByComparingTo("0.00");
		assertThat(funding.path("repaid").path("amount").decimalValue()).isEqualByComparingTo("1000000.00");
		assertThat(funding.path("outstanding").path("amount").decimalValue()).isEqualByComparingTo("9000000.00");
		assertThat(funding.path("interestPaid").path("amount").decimalValue()).isEqualByComparingTo("4986.30");

		List<String> flows = new ArrayList<>();
		for (JsonNode l : expect(200, api.get(P + "/transactions")).json()) {
			flows.add(l.path("type").asString() + " " + l.path("kind").asString() + " " + l.path("date").asString() + " "
					+ cents(l.path("value").path("amount")) + " " + l.path("fundingId").asString()
					+ " " + cents(l.path("converted").path("amount")));
		}
		assertThat(flows).containsExactly(
				"2 commitment 2025-05-01 40000000.00 EDCF-40 40000000.00",
				"3 disbursement 2025-06-01 10000000.00 EDCF-40 10000000.00",
				"2 cancellation 2025-07-01 -5000000.00 EDCF-40 -5000000.00",
				"6 other 2025-11-01 1000000.00 EDCF-40 1000000.00",
				"5 other 2025-11-01 4986.30 EDCF-40 4986.30",
				"2 cancellation 2025-11-02 -25000000.00 EDCF-40 -25000000.00");
		// the read models rebuilt from the events give the same answers as the live ones
		Response verify = api.eventually("/api/audit/verify", r -> r.status() == 200
				&& r.json().path("settled").asBoolean());
		assertThat(verify.json().path("projectionsConsistent").asBoolean()).as(verify.toString()).isTrue();
	}

	static String cents(JsonNode amount) {
		return amount.decimalValue().setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
	}
}
