package org.pipelinetracker.ui;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.pipelinetracker.Api;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The approvals inbox in a real browser: carol submitted two disbursements; dave sees both in the navigation's
 * Approvals page with their amounts, approves one (the project's disbursed figure becomes USD 250,000.00) and
 * rejects the other with a reason (it never counts).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"tracker.test.context=approval-pages", "tracker.approvals.required-for=DISBURSEMENT"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalsWebUiTest {

	@LocalServerPort
	int port;

	Browser browser;
	Api admin;

	@RegisterExtension
	final TestWatcher onFailure = Browser.screenshotOnFailure("FAILED-approvals-", () -> browser);

	@BeforeAll
	void twoDisbursementsWait() {
		admin = new Api(port);
		assertThat(admin.post("/api/projects", """
				{"projectId":"INBOX-1","title":"Bukhara district heating","sector":"23630","region":"Bukhara",
				 "proposedOn":"2025-01-10"}""").status()).isEqualTo(201);
		assertThat(admin.post("/api/projects/INBOX-1/agreements",
				"{\"agreementId\":\"G1\",\"type\":\"GRANT\",\"signedOn\":\"2025-02-01\"}").status()).isEqualTo(200);
		assertThat(admin.post("/api/projects/INBOX-1/fundings", """
				{"fundingId":"KOICA-1","source":"KOICA_GRANT","funder":"KOICA",
				 "amount":{"amount":"3000000","currency":"USD"},"committedOn":"2025-03-01"}""").status()).isEqualTo(200);
		Api carol = admin.as("carol");
		for (String[] d : new String[][] {{"250000", "2025-04-01"}, {"400000", "2025-05-01"}}) {
			assertThat(carol.post("/api/projects/INBOX-1/disbursements", """
					{"fundingId":"KOICA-1","amount":{"amount":"%s","currency":"USD"},"disbursedOn":"%s"}"""
					.formatted(d[0], d[1])).status()).isEqualTo(200);
		}
		admin.eventually("/api/approvals", r -> r.json().size() == 2);
		browser = Browser.open("http://localhost:" + port);
		browser.resize(1366, 900);
	}

	@AfterAll
	void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void daveApprovesOneAndRejectsTheOtherWithAReason() {
		browser.login("dave", Api.TEST_PASSWORD);
		// the project's page lists what waits, counted nowhere yet, with the way to the inbox
		browser.go("/#/projects/INBOX-1");
		browser.wait.until(d -> !browser.all("#pending-approvals tr").isEmpty());
		assertThat(browser.text("#pending-approvals h2")).isEqualTo("Waiting for approval");
		assertThat(browser.text("#pending-approvals tbody")).contains("Disbursement", "KOICA-1", "USD 250,000.00",
				"2025-04-01", "USD 400,000.00", "2025-05-01", "carol");
		assertThat(browser.find("#pending-approvals a[href='#/approvals']").getText()).isEqualTo("Approvals");
		browser.screenshot("approvals/project-pending");
		browser.go("/#/board");
		browser.find("nav a[data-nav='approvals']").click();
		browser.wait.until(d -> browser.all("#approvals-list tr.approval").size() == 2);
		assertThat(browser.text("main h1")).isEqualTo("Approvals waiting");
		assertThat(browser.text("#approvals-list tbody")).contains("Bukhara district heating").contains("carol")
				.contains("Disbursement");
		browser.screenshot("approvals/inbox");

		browser.all("#approvals-list tr.approval").get(0).findElement(org.openqa.selenium.By.cssSelector("button.approve"))
				.click();
		browser.wait.until(d -> browser.all("#approvals-list tr.approval").size() == 1);
		assertThat(browser.text(".approvals-status")).isEqualTo("Approved: the entry counts now.");
		assertThat(disbursedUsd()).isEqualByComparingTo("250000");

		var row = browser.all("#approvals-list tr.approval").get(0);
		row.findElement(org.openqa.selenium.By.cssSelector("input[name='reason']")).sendKeys("Second tranche not due yet");
		row.findElement(org.openqa.selenium.By.cssSelector("button.reject")).click();
		browser.wait.until(d -> !browser.all(".approvals-none").isEmpty());
		assertThat(browser.text(".approvals-status")).isEqualTo("Rejected: the entry never counts.");
		assertThat(disbursedUsd()).isEqualByComparingTo("250000");
		assertThat(browser.severeConsoleMessages()).isEmpty();
	}

	private BigDecimal disbursedUsd() {
		return admin.get("/api/projects/INBOX-1").json().path("disbursedByCurrency").path("USD").decimalValue();
	}
}
