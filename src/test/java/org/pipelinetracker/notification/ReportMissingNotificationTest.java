package org.pipelinetracker.notification;

import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A quarterly report missing: once the last fiscal quarter's reports are due (30 days after its end) and a funder
 * sent none, the poller tells finance and administrators once, in their language, linking to the funding page's
 * reporting status; recorders and auditors are not told.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"tracker.test.context=report-missing-notifications", "tracker.notifications.poll-interval=0",
		"tracker.alerts.no-funding-days=36500", "tracker.alerts.no-disbursement-days=36500"})
@ActiveProfiles("test")
class ReportMissingNotificationTest {

	@LocalServerPort
	int port;

	@Autowired
	NotificationPoller poller;

	@Test
	void tellsFinanceAndAdminsOnceThatAFunderHasNotReportedTheLastQuarterDue() {
		Api admin = new Api(port);
		assertThat(admin.post("/api/projects", """
				{"projectId":"NOTE-REPORT","title":"Khorezm clinics","sector":"12230","region":"Khorezm",
				 "proposedOn":"2024-01-10"}""").status()).isEqualTo(201);
		assertThat(admin.post("/api/projects/NOTE-REPORT/agreements",
				"{\"agreementId\":\"G1\",\"type\":\"GRANT\",\"signedOn\":\"2024-02-01\"}").status()).isEqualTo(200);
		assertThat(admin.post("/api/projects/NOTE-REPORT/fundings", """
				{"fundingId":"KOICA-1","source":"KOICA_GRANT","funder":"Korea International Cooperation Agency",
				 "amount":{"amount":"3000000","currency":"USD"},"committedOn":"2024-03-01"}""").status()).isEqualTo(200);
		admin.eventually("/api/projects?q=NOTE-REPORT", r -> r.body().contains("KOICA_GRANT"));

		// the last calendar quarter whose due date (its end + 30 days) lies before today
		LocalDate today = LocalDate.now();
		LocalDate end = today.withDayOfMonth(1).withMonth(((today.getMonthValue() - 1) / 3) * 3 + 1).minusDays(1);
		if (!today.isAfter(end.plusDays(30))) {
			end = end.withDayOfMonth(1).minusMonths(2).minusDays(1);
		}
		int quarter = (end.getMonthValue() - 1) / 3 + 1;
		String period = "FY" + end.getYear() + " Q" + quarter; // the quarter as the reader's language names it
		String due = end.plusDays(30).toString();

		assertThat(poller.pollNow()).isEqualTo(1);
		assertThat(poller.pollNow()).as("found again: nobody is told twice").isZero();

		for (String told : new String[] {"finance", "admin"}) {
			JsonNode page = admin.as(told).get("/api/notifications").json();
			assertThat(page.path("total").asLong()).as(told).isEqualTo(1);
			JsonNode item = page.path("items").get(0);
			assertThat(item.path("kind").asString()).isEqualTo("QUARTERLY_REPORT_MISSING");
			assertThat(item.path("kindName").asString()).isEqualTo("Quarterly report missing");
			assertThat(item.path("projectId").isNull()).isTrue();
			assertThat(item.path("link").asString()).isEqualTo("/#/funding");
			assertThat(item.path("text").asString()).isEqualTo("Korea International Cooperation Agency has not reported "
					+ period + "; the report was due on " + due);
		}
		JsonNode russian = admin.as("finance").header("Accept-Language", "ru").get("/api/notifications").json();
		assertThat(russian.path("items").get(0).path("text").asString())
				.isEqualTo("Korea International Cooperation Agency не представил отчёт за " + quarter + "-й квартал "
						+ end.getYear() + " финансового года; срок был " + due);
		// the funder's name is the users' own data: a page marks it as nothing to translate
		JsonNode parts = russian.path("items").get(0).path("parts");
		assertThat(parts.get(0).path("text").asString()).isEqualTo("Korea International Cooperation Agency");
		assertThat(parts.get(0).path("data").asBoolean()).isTrue();
		assertThat(parts.get(1).path("data").asBoolean()).isFalse();
		for (String notTold : new String[] {"recorder", "auditor"}) {
			assertThat(admin.as(notTold).get("/api/notifications").json().path("total").asLong()).as(notTold).isZero();
		}

		// the poller's answer is reused while nothing changed; a funding recorded since is seen at the next poll
		assertThat(admin.post("/api/projects", """
				{"projectId":"NOTE-REPORT-2","title":"Navoi water","sector":"14020","region":"Navoi",
				 "proposedOn":"2024-01-12"}""").status()).isEqualTo(201);
		assertThat(admin.post("/api/projects/NOTE-REPORT-2/agreements",
				"{\"agreementId\":\"G1\",\"type\":\"GRANT\",\"signedOn\":\"2024-02-02\"}").status()).isEqualTo(200);
		assertThat(admin.post("/api/projects/NOTE-REPORT-2/fundings", """
				{"fundingId":"ADB-1","source":"OTHER","funder":"Asian Development Bank",
				 "amount":{"amount":"1000000","currency":"USD"},"committedOn":"2024-03-02"}""").status()).isEqualTo(200);
		admin.awaitListed("NOTE-REPORT-2");
		assertThat(poller.pollNow()).as("the second funder, missing too").isEqualTo(1);
		assertThat(admin.as("finance").get("/api/notifications").json().path("items").toString())
				.contains("Asian Development Bank has not reported " + period);
	}
}
