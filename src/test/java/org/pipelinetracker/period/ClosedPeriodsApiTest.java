package org.pipelinetracker.period;

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

/**
 * Closed periods over HTTP. A project with a USD 40,000,000 EDCF loan committed 2024-04-01, USD 10,000,000 disbursed
 * 2024-10-15 and a USD 2,000,000 KOICA grant committed 2024-11-01; ADMIN closes 2024-Q4. A backdated disbursement
 * of USD 5,000,000 on 2024-12-20 is refused (409 naming the period) until FINANCE marks it a restatement; the
 * report then shows Q4 disbursed USD 10,000,000.00 at the close and USD 15,000,000.00 now.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"tracker.test.context=periods",
		"tracker.alerts.no-funding-days=36500", "tracker.alerts.no-disbursement-days=36500"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClosedPeriodsApiTest {

	private static final String P = "/api/projects/CLOSE-1";
	private static final String LATE = """
			{"fundingId":"EDCF-1","amount":{"amount":"5000000","currency":"USD"},"disbursedOn":"2024-12-20"}""";

	@LocalServerPort
	int port;

	Api admin;

	@BeforeAll
	void portfolio() {
		admin = new Api(port);
		expect(201, admin.post("/api/projects", """
				{"projectId":"CLOSE-1","title":"Samarkand ring road","sector":"21020","region":"Samarkand",
				 "proposedOn":"2024-01-10"}"""));
		expect(200, admin.post(P + "/agreements", "{\"agreementId\":\"LA-1\",\"type\":\"LOAN\",\"signedOn\":\"2024-03-01\"}"));
		expect(200, admin.post(P + "/fundings/eximbank", """
				{"fundingId":"EDCF-1","instrument":"EDCF_LOAN","amount":{"amount":"40000000","currency":"USD"},
				 "committedOn":"2024-04-01","interestRate":"0.10","maturityYears":40,"graceYears":10}"""));
		expect(200, admin.post(P + "/disbursements", """
				{"fundingId":"EDCF-1","amount":{"amount":"10000000","currency":"USD"},"disbursedOn":"2024-10-15"}"""));
		expect(200, admin.post(P + "/fundings", """
				{"fundingId":"KOICA-1","source":"KOICA_GRANT","funder":"KOICA","amount":{"amount":"2000000","currency":"USD"},
				 "committedOn":"2024-11-01"}"""));
	}

	@Test
	void aBackdatedDisbursementIsRefusedUntilFinanceRestatesItAndTheReportShowsExactlyThatDifference() {
		Response closed = expect(200, admin.post("/api/periods/2024-Q4/close",
				"{\"reason\":\"Q4 report sent to the ministry\"}"));
		assertThat(closed.json().path("period").asString()).isEqualTo("2024-Q4");
		assertThat(closed.json().path("startsOn").asString()).isEqualTo("2024-10-01");
		assertThat(closed.json().path("endsOn").asString()).isEqualTo("2024-12-31");
		assertThat(closed.json().path("closed").asBoolean()).isTrue();
		assertThat(closed.json().path("closedBy").asString()).isEqualTo("admin");
		assertThat(closed.json().path("closeReason").asString()).isEqualTo("Q4 report sent to the ministry");

		Api finance = admin.as("finance");
		long version = admin.get(P).json().path("version").asLong();
		Response refused = expect(409, finance.post(P + "/disbursements", LATE));
		assertThat(refused.json().path("detail").asString())
				.startsWith("2024-Q4 is closed since ")
				.contains(" by admin, so nothing effective on 2024-12-20 is recorded in it")
				.contains("mark it a restatement with a reason");
		assertThat(admin.get(P).json().path("version").asLong()).as("nothing recorded").isEqualTo(version);
		// the same with an Idempotency-Key (the events are stored when the request's own transaction commits)
		Response keyed = expect(409, finance.post(P + "/disbursements", LATE, "Idempotency-Key",
				"late-december-disbursement"));
		assertThat(keyed.json().path("detail").asString()).startsWith("2024-Q4 is closed since ");
		assertThat(admin.get(P).json().path("version").asLong()).as("nothing recorded").isEqualTo(version);

		// a recorder may not restate, even on their own endpoint
		Response recorder = expect(403, admin.as("recorder").header("X-Restatement-Reason", "Late milestone")
				.post(P + "/milestones", "{\"milestoneId\":\"M-1\",\"name\":\"Design\",\"plannedOn\":\"2024-12-01\","
						+ "\"on\":\"2024-12-01\"}"));
		assertThat(recorder.json().path("detail").asString())
				.isEqualTo("Only FINANCE or ADMIN may mark a write as a restatement of a closed period. Nothing was recorded.");
		expect(400, finance.header("X-Restatement-Reason", "  ").post(P + "/disbursements", LATE));
		assertThat(admin.get(P).json().path("version").asLong()).as("nothing recorded").isEqualTo(version);

		expect(200, finance.header("X-Restatement-Reason", "Eximbank's December invoice arrived late")
				.post(P + "/disbursements", LATE));
		JsonNode history = admin.as("auditor").get(P + "/history").json();
		JsonNode restated = history.get(history.size() - 1);
		assertThat(restated.path("type").asString()).isEqualTo("DisbursementRecordedEvent");
		assertThat(restated.path("actor").asString()).isEqualTo("finance");
		assertThat(restated.path("restatementReason").asString()).isEqualTo("Eximbank's December invoice arrived late");
		assertThat(history.get(history.size() - 2).path("restatementReason").isNull()
				|| history.get(history.size() - 2).path("restatementReason").isMissingNode()).isTrue();

		Response report = admin.as("finance").eventually("/api/restatements?period=2024-Q4", r -> r.status() == 200
				&& r.body().contains("15000000"));
		JsonNode r = report.json();
		assertThat(r.path("closedBy").asString()).isEqualTo("admin");
		assertThat(r.path("restatements")).hasSize(1);
		JsonNode event = r.path("restatements").get(0);
		assertThat(event.path("projectId").asString()).isEqualTo("CLOSE-1");
		assertThat(event.path("eventType").asString()).isEqualTo("DisbursementRecordedEvent");
		assertThat(event.path("effectiveDate").asString()).isEqualTo("2024-12-20");
		assertThat(event.path("recordedBy").asString()).isEqualTo("finance");
		assertThat(event.path("reason").asString()).isEqualTo("Eximbank's December invoice arrived late");
		assertThat(lines(r.path("bySource"))).containsExactly(
				"EXIMBANK USD committed 0.00 -> 0.00 (0.00) disbursed 10000000.00 -> 15000000.00 (5000000.00)",
				"KOICA_GRANT USD committed 2000000.00 -> 2000000.00 (0.00) disbursed 0.00 -> 0.00 (0.00)");
		assertThat(lines(r.path("bySector"))).containsExactly(
				"21020 USD committed 2000000.00 -> 2000000.00 (0.00) disbursed 10000000.00 -> 15000000.00 (5000000.00)");

		// reopening needs a reason, is recorded, and lets a write in without a restatement
		expect(400, admin.post("/api/periods/2024-Q4/reopen", "{}"));
		Response reopened = expect(200, admin.post("/api/periods/2024-Q4/reopen",
				"{\"reason\":\"The ministry asked for a corrected Q4\"}"));
		assertThat(reopened.json().path("closed").asBoolean()).isFalse();
		assertThat(reopened.json().path("reopenedBy").asString()).isEqualTo("admin");
		assertThat(reopened.json().path("reopenReason").asString()).isEqualTo("The ministry asked for a corrected Q4");
		JsonNode periods = expect(200, admin.as("recorder").get("/api/periods")).json();
		assertThat(periods.get(0).path("period").asString()).isEqualTo("2024-Q4");
		assertThat(periods.get(0).path("closed").asBoolean()).isFalse();
		String reopenings = admin.as("auditor").get("/api/audit/events?type=PeriodReopenedEvent").body();
		assertThat(reopenings).contains("period:2024-Q4").contains("The ministry asked for a corrected Q4");
		expect(409, admin.as("finance").get("/api/restatements?period=2024-Q4"));
		expect(409, admin.post("/api/periods/2024-Q4/reopen", "{\"reason\":\"again\"}"));
		expect(200, finance.post(P + "/disbursements", """
				{"fundingId":"EDCF-1","amount":{"amount":"1000000","currency":"USD"},"disbursedOn":"2024-12-21"}"""));
	}

	@Test
	void closingAClosedYearIsA409AndAClosedYearRefusesItsQuartersToo() {
		expect(200, admin.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(admin.base()
				+ "/api/periods/FY2023/close")).POST(java.net.http.HttpRequest.BodyPublishers.noBody())));
		Response twice = expect(409, admin.post("/api/periods/FY2023/close", "{}"));
		assertThat(twice.json().path("detail").asString()).startsWith("FY2023 is closed already, since ")
				.endsWith(" by admin; nothing was recorded");
		Response proposal = expect(409, admin.post("/api/projects", """
				{"projectId":"CLOSE-2","title":"Old road","sector":"21020","region":"Samarkand","proposedOn":"2023-05-10"}"""));
		assertThat(proposal.json().path("detail").asString()).startsWith("FY2023 is closed since ");
		expect(404, admin.get("/api/projects/CLOSE-2"));
	}

	@Test
	void anIatiImportSkipsTheWriteIntoAClosedPeriodAndReportsItUnlessTheImportIsARestatement() {
		expect(200, admin.post("/api/periods/2022-Q3/close", "{}"));
		String xml = """
				<iati-activities version="2.03"><iati-activity default-currency="USD">
				<iati-identifier>CLOSE-IATI-1</iati-identifier>
				<title><narrative>Navoi substation</narrative></title>
				<participating-org ref="KR-GOV-010" role="1"><narrative>KOICA</narrative></participating-org>
				<activity-status code="2"/>
				<activity-date type="2" iso-date="2022-02-01"/>
				<recipient-country code="UZ" percentage="100"/>
				<sector code="23630" vocabulary="1"/>
				<transaction><transaction-type code="2"/><transaction-date iso-date="2022-01-20"/><value>300000</value>
				  <provider-org ref="KR-GOV-010"/><finance-type code="110"/></transaction>
				<transaction><transaction-type code="3"/><transaction-date iso-date="2022-08-15"/><value>100000</value>
				  <provider-org ref="KR-GOV-010"/></transaction>
				</iati-activity></iati-activities>
				""";
		JsonNode report = expect(200, admin.postRaw("/api/import/iati?fileName=closed.xml", "application/xml", xml))
				.json();
		assertThat(report.path("imported").asInt()).isEqualTo(1);
		assertThat(report.path("skipped").toString()).contains("2022-Q3 is closed since ")
				.contains("nothing effective on 2022-08-15 is recorded in it");
		JsonNode project = admin.get("/api/projects/CLOSE-IATI-1").json();
		assertThat(project.path("fundings").get(0).path("disbursements")).isEmpty();

		JsonNode restated = expect(200, admin.header("X-Restatement-Reason", "KOICA's 2022 file came late")
				.postRaw("/api/import/iati?fileName=closed.xml", "application/xml", xml)).json();
		assertThat(restated.path("skipped").toString()).doesNotContain("is closed since");
		project = admin.get("/api/projects/CLOSE-IATI-1").json();
		assertThat(project.path("fundings").get(0).path("disbursements")).hasSize(1);
		assertThat(project.path("fundings").get(0).path("disbursements").get(0).path("amount").path("amount")
				.decimalValue()).isEqualByComparingTo("100000.00");
	}

	@Test
	void aMalformedPeriodIsA400NamingTheFieldAndRecordsNothing() {
		int before = admin.get("/api/periods").json().size();
		for (String period : List.of("2024-Q5", "FY24", "2024Q1", "Q4-2024")) {
			Response r = expect(400, admin.post("/api/periods/" + period + "/close", "{}"));
			assertThat(r.json().path("errors").get(0).path("field").asString()).as(period).isEqualTo("period");
			assertThat(r.json().path("errors").get(0).path("reason").asString()).as(period)
					.contains("is no fiscal period");
		}
		expect(400, admin.get("/api/restatements?period=FY24"));
		assertThat(admin.get("/api/periods").json().size()).isEqualTo(before);
	}

	/** Each line as text, every amount to the cent (the JSON numbers are read as doubles). */
	private static List<String> lines(JsonNode lines) {
		List<String> out = new ArrayList<>();
		lines.forEach(l -> out.add(l.path("key").asString() + " " + l.path("currency").asString()
				+ " committed " + l.path("committedAtClose").decimalValue().setScale(2).toPlainString()
				+ " -> " + l.path("committedNow").decimalValue().setScale(2).toPlainString()
				+ " (" + l.path("committedChange").decimalValue().setScale(2).toPlainString() + ")"
				+ " disbursed " + l.path("disbursedAtClose").decimalValue().setScale(2).toPlainString()
				+ " -> " + l.path("disbursedNow").decimalValue().setScale(2).toPlainString()
				+ " (" + l.path("disbursedChange").decimalValue().setScale(2).toPlainString() + ")"));
		return out;
	}

	private static Response expect(int status, Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		if (status >= 400) {
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		}
		return response;
	}
}
