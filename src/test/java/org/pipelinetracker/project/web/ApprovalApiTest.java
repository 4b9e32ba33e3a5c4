package org.pipelinetracker.project.web;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pipelinetracker.project.web.ProjectApiTest.expect;

/**
 * Four-eyes approval of money over HTTP, with commitments and disbursements above USD 1,000 needing approval: carol
 * (FINANCE) submits, another person approves. A KRW commitment and a disbursement of KRW 1,000,000 (KRW has no
 * rate: above the threshold, never taken as zero) count only once dave approves them; carol cannot approve her own; a
 * UZS 10,000,000 disbursement (USD 809.38 at 12,355.14 UZS per USD) is under the threshold and counts at once; a
 * rejected one never counts; a rebuild of the read models gives the same answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"tracker.test.context=approvals",
		"tracker.approvals.required-for=COMMITMENT,DISBURSEMENT", "tracker.approvals.threshold-usd=1000"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApprovalApiTest {

	private static final String P = "/api/projects/APPROVE-1";

	@LocalServerPort
	int port;

	Api admin;
	Api carol;
	Api dave;
	Api erin;

	@BeforeAll
	void scenario() {
		admin = new Api(port);
		carol = new Api(port).as("carol");
		dave = new Api(port).as("dave");
		erin = new Api(port).as("erin");
		expect(201, admin.post("/api/projects", """
				{"projectId":"APPROVE-1","title":"Andijan hospital equipment","sector":"12230","region":"Andijan",
				 "proposedOn":"2025-09-01"}"""));
		expect(200, admin.post(P + "/agreements", "{\"agreementId\":\"GA-1\",\"type\":\"GRANT\",\"signedOn\":\"2025-09-15\"}"));
	}

	@Test
	@Order(1)
	void aCommitmentCountsOnlyOnceAnotherPersonApprovesIt() {
		Response submitted = expect(200, carol.post(P + "/fundings", """
				{"fundingId":"KOICA-KRW","source":"KOICA_GRANT","funder":"KOICA",
				 "amount":{"amount":"100000000","currency":"KRW"},"committedOn":"2025-10-01","reason":"Grant letter"}"""));
		String id = submitted.json().path("approvalId").asString();
		assertThat(id).isNotBlank();
		JsonNode project = admin.get(P).json();
		assertThat(project.path("fundings")).isEmpty();
		assertThat(project.path("stage").asString()).isEqualTo("AGREED");
		assertThat(project.path("pendingApprovals").get(0).path("id").asString()).isEqualTo(id);
		assertThat(project.path("pendingApprovals").get(0).path("submittedBy").asString()).isEqualTo("carol");

		JsonNode listed = entry(dave, id);
		assertThat(listed.path("kind").asString()).isEqualTo("COMMITMENT");
		assertThat(listed.path("projectId").asString()).isEqualTo("APPROVE-1");
		assertThat(listed.path("amount").path("amount").decimalValue()).isEqualByComparingTo("100000000");
		assertThat(listed.path("amount").path("currency").asString()).isEqualTo("KRW");
		assertThat(listed.path("usd").isNull() || listed.path("usd").isMissingNode()).isTrue();
		assertThat(listed.path("submittedBy").asString()).isEqualTo("carol");
		assertThat(listed.path("reason").asString()).isEqualTo("Grant letter");

		expect(200, dave.post("/api/approvals/" + id + "/approve", ""));
		JsonNode approved = admin.get(P).json();
		assertThat(approved.path("stage").asString()).isEqualTo("FINANCED");
		assertThat(approved.path("committedByCurrency").path("KRW").decimalValue()).isEqualByComparingTo("100000000");
		assertThat(approved.path("pendingApprovals")).isEmpty();
	}

	@Test
	@Order(2)
	void aDisbursementOfOneMillionWonShowsNothingDisbursedUntilDaveApprovesIt() {
		Response submitted = expect(200, carol.post(P + "/disbursements", """
				{"fundingId":"KOICA-KRW","amount":{"amount":"1000000","currency":"KRW"},"disbursedOn":"2025-10-15"}"""));
		String id = submitted.json().path("approvalId").asString();
		assertThat(disbursedKrw()).isEqualByComparingTo("0");
		entry(dave, id);

		Response own = expect(409, carol.post("/api/approvals/" + id + "/approve", ""));
		assertThat(own.json().path("detail").asString())
				.contains("You submitted this entry (" + id + "); another person must approve it");
		assertThat(disbursedKrw()).isEqualByComparingTo("0");

		expect(200, dave.post("/api/approvals/" + id + "/approve", ""));
		assertThat(disbursedKrw()).isEqualByComparingTo("1000000");
		Response twice = expect(409, erin.post("/api/approvals/" + id + "/approve", ""));
		assertThat(twice.json().path("detail").asString()).contains("was already approved or rejected");
		assertThat(disbursedKrw()).isEqualByComparingTo("1000000");
	}

	@Test
	@Order(3)
	void aDisbursementAtOrBelowTheThresholdCountsAtOnce() {
		Response commitment = expect(200, dave.post(P + "/fundings", """
				{"fundingId":"MOF-UZS","source":"OTHER","funder":"Ministry of Health",
				 "amount":{"amount":"500000000","currency":"UZS"},"committedOn":"2025-10-02"}"""));
		String id = commitment.json().path("approvalId").asString();
		assertThat(entry(carol, id).path("usd").decimalValue()).isEqualByComparingTo("40468.99");
		expect(200, carol.post("/api/approvals/" + id + "/approve", ""));

		Response small = expect(200, dave.post(P + "/disbursements", """
				{"fundingId":"MOF-UZS","amount":{"amount":"10000000","currency":"UZS"},"disbursedOn":"2025-10-20"}"""));
		assertThat(small.json().has("approvalId")).isFalse();
		assertThat(admin.get(P).json().path("disbursedByCurrency").path("UZS").decimalValue())
				.isEqualByComparingTo("10000000");
	}

	@Test
	@Order(4)
	void aRejectedDisbursementNeverCounts() {
		String id = expect(200, carol.post(P + "/disbursements", """
				{"fundingId":"KOICA-KRW","amount":{"amount":"2000000","currency":"KRW"},"disbursedOn":"2025-10-25"}"""))
				.json().path("approvalId").asString();
		entry(erin, id);
		Response noReason = expect(400, erin.post("/api/approvals/" + id + "/reject", "{}"));
		assertThat(noReason.json().path("errors").get(0).path("field").asString()).isEqualTo("reason");
		expect(200, erin.post("/api/approvals/" + id + "/reject", "{\"reason\":\"No payment order attached\"}"));
		admin.eventually("/api/approvals", r -> !r.body().contains(id));
		expect(409, dave.post("/api/approvals/" + id + "/approve", ""));
		assertThat(disbursedKrw()).isEqualByComparingTo("1000000");
		expect(404, dave.post("/api/approvals/no-such-entry/approve", ""));
	}

	@Test
	@Order(5)
	void anApproverDecidesButRecordsNoMoney() {
		expect(403, erin.post(P + "/disbursements", """
				{"fundingId":"KOICA-KRW","amount":{"amount":"1","currency":"KRW"},"disbursedOn":"2025-10-25"}"""));
		expect(200, new Api(port).as("auditor", "auditor-demo").get("/api/approvals"));
		expect(403, new Api(port).as("recorder", "recorder-demo").get("/api/approvals"));
	}

	@Test
	@Order(6)
	void aRebuildGivesTheSameAnswers() {
		String before = admin.get(P).json().path("disbursedByCurrency").toString();
		String pendingBefore = admin.get("/api/approvals").body();
		Response started = admin.post("/api/admin/replay", "");
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		admin.eventually("/api/admin/replay", r -> r.json().path("state").asString().equals("COMPLETED"));
		assertThat(admin.get(P).json().path("disbursedByCurrency").toString()).isEqualTo(before);
		assertThat(disbursedKrw()).isEqualByComparingTo("1000000");
		assertThat(admin.get("/api/approvals").body()).isEqualTo(pendingBefore);
		JsonNode verified = admin.get("/api/audit/verify").json();
		assertThat(verified.path("projectionsConsistent").asBoolean()).as(verified.toString()).isTrue();
	}

	/** The entry as {@code GET /api/approvals} lists it, once the read model has it. */
	private static JsonNode entry(Api api, String id) {
		Response listed = api.eventually("/api/approvals", r -> r.body().contains(id));
		for (JsonNode e : listed.json()) {
			if (e.path("id").asString().equals(id)) {
				return e;
			}
		}
		throw new AssertionError(id + " not listed: " + listed);
	}

	private BigDecimal disbursedKrw() {
		JsonNode krw = admin.get(P).json().path("disbursedByCurrency").path("KRW");
		return krw.isMissingNode() ? BigDecimal.ZERO : krw.decimalValue();
	}
}
