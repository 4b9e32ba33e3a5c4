package org.pipelinetracker.postgres;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one PostgreSQL database with four-eyes approval of disbursements (as profile {@code postgres} has
 * it): an entry submitted through node A waits on node B's inbox and counts nowhere; approved on node B, it counts on
 * node A, leaves both inboxes, and approving it again through node A is refused (409), as is its submitter approving
 * a second entry there.
 */
class TwoNodeApprovalsTest {

	private final SharedDatabaseNodes cluster = new SharedDatabaseNodes();

	@AfterEach
	void stopNodes() {
		cluster.stopAll();
	}

	@Test
	void anEntrySubmittedOnOneNodeIsApprovedOnTheOtherAndCountsOnBoth() {
		String url = cluster.createDatabase();
		List<String> approvals = List.of("--tracker.approvals.required-for=DISBURSEMENT");
		ConfigurableApplicationContext nodeA = cluster.start("A", url, approvals);
		ConfigurableApplicationContext nodeB = cluster.start("B", url, approvals);
		Api a = new Api(SharedDatabaseNodes.port(nodeA));
		Api b = new Api(SharedDatabaseNodes.port(nodeB));

		String project = "/api/projects/TWO-NODE-APPROVAL";
		assertThat(a.post("/api/projects", """
				{"projectId":"TWO-NODE-APPROVAL","title":"Samarkand water meters","sector":"14020","region":"Samarkand",
				 "proposedOn":"2025-01-10"}""").status()).isEqualTo(201);
		assertThat(a.post(project + "/agreements",
				"{\"agreementId\":\"G1\",\"type\":\"GRANT\",\"signedOn\":\"2025-02-01\"}").status()).isEqualTo(200);
		assertThat(a.post(project + "/fundings", """
				{"fundingId":"KOICA-1","source":"KOICA_GRANT","funder":"KOICA",
				 "amount":{"amount":"2000000","currency":"USD"},"committedOn":"2025-03-01"}""").status()).isEqualTo(200);
		Api.Response submitted = a.as("carol").post(project + "/disbursements", """
				{"fundingId":"KOICA-1","amount":{"amount":"750000.50","currency":"USD"},"disbursedOn":"2025-04-01"}""");
		assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
		String entry = submitted.json().path("approvalId").asString();
		assertThat(entry).isNotBlank();

		// node B's inbox shows it; nothing counts yet, on either node
		JsonNode waiting = b.as("dave").eventually("/api/approvals", r -> r.body().contains(entry)).json();
		assertThat(waiting.get(0).path("submittedBy").asString()).isEqualTo("carol");
		assertThat(waiting.get(0).path("amount").path("amount").decimalValue()).isEqualByComparingTo("750000.50");
		assertThat(disbursedUsd(a, project)).isZero();
		assertThat(disbursedUsd(b, project)).isZero();

		// approved on node B by another person: it counts on node A, and both inboxes are empty
		Api.Response approved = b.as("dave").post("/api/approvals/" + entry + "/approve", "");
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		a.eventually(project, r -> disbursedUsd(r.json()).compareTo(new BigDecimal("750000.50")) == 0);
		a.as("dave").eventually("/api/approvals", r -> !r.body().contains(entry));
		b.as("dave").eventually("/api/approvals", r -> !r.body().contains(entry));

		// deciding it again through node A is refused, and nothing changes
		assertThat(a.as("erin").post("/api/approvals/" + entry + "/approve", "").status()).isEqualTo(409);
		assertThat(disbursedUsd(a, project)).isEqualByComparingTo("750000.50");
		assertThat(disbursedUsd(b, project)).isEqualByComparingTo("750000.50");
	}

	private static BigDecimal disbursedUsd(Api api, String project) {
		return disbursedUsd(api.get(project).json());
	}

	private static BigDecimal disbursedUsd(JsonNode view) {
		JsonNode usd = view.path("disbursedByCurrency").path("USD");
		return usd.isMissingNode() || usd.isNull() ? BigDecimal.ZERO : usd.decimalValue();
	}
}
