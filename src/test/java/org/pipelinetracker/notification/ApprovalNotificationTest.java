package org.pipelinetracker.notification;

import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An approval waiting: when carol (FINANCE) submits a disbursement that needs approval, the poller tells finance and
 * approvers (dave, erin) once, and neither carol, who submitted it, nor a recorder or an auditor.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"tracker.test.context=approval-notifications", "tracker.notifications.poll-interval=0",
		"tracker.approvals.required-for=DISBURSEMENT",
		// no quarter's reports fall due, so the only occurrence is the approval waiting
		"tracker.reporting.due-days=100000"})
@ActiveProfiles("test")
class ApprovalNotificationTest {

	@LocalServerPort
	int port;

	@Autowired
	NotificationPoller poller;

	@Test
	void tellsFinanceAndApproversButNotTheSubmitterThatAnEntryWaits() {
		Api admin = new Api(port);
		assertThat(admin.post("/api/projects", """
				{"projectId":"NOTE-APPROVE","title":"Fergana school heating","sector":"11120","region":"Fergana",
				 "proposedOn":"2025-01-10"}""").status()).isEqualTo(201);
		assertThat(admin.post("/api/projects/NOTE-APPROVE/agreements",
				"{\"agreementId\":\"G1\",\"type\":\"GRANT\",\"signedOn\":\"2025-02-01\"}").status()).isEqualTo(200);
		assertThat(admin.post("/api/projects/NOTE-APPROVE/fundings", """
				{"fundingId":"KOICA-1","source":"KOICA_GRANT","funder":"KOICA",
				 "amount":{"amount":"3000000","currency":"USD"},"committedOn":"2025-03-01"}""").status()).isEqualTo(200);
		Api carol = admin.as("carol");
		String id = carol.post("/api/projects/NOTE-APPROVE/disbursements", """
				{"fundingId":"KOICA-1","amount":{"amount":"250000","currency":"USD"},"disbursedOn":"2025-04-01"}""")
				.json().path("approvalId").asString();
		admin.eventually("/api/approvals", r -> r.body().contains(id));

		assertThat(poller.pollNow()).isEqualTo(1);
		assertThat(poller.pollNow()).as("found again: nobody is told twice").isZero();

		for (String told : new String[] {"dave", "erin"}) {
			JsonNode page = admin.as(told).get("/api/notifications").json();
			assertThat(page.path("total").asLong()).as(told).isEqualTo(1);
			JsonNode item = page.path("items").get(0);
			assertThat(item.path("kind").asString()).isEqualTo("APPROVAL_WAITING");
			assertThat(item.path("projectId").asString()).isEqualTo("NOTE-APPROVE");
			assertThat(item.path("text").asString()).isEqualTo("carol submitted a disbursement of USD 250,000.00 on "
					+ "Fergana school heating; it counts once another person approves it");
		}
		// the amount in the reader's number format
		assertThat(admin.as("dave").header("Accept-Language", "ru").get("/api/notifications").json().path("items").get(0)
				.path("text").asString()).contains("250\u00A0000,00 USD");
		for (String notTold : new String[] {"carol", "bob", "auditor"}) {
			assertThat(admin.as(notTold).get("/api/notifications").json().path("total").asLong()).as(notTold).isZero();
		}
	}
}
