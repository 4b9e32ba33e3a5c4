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

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quarterly reporting section of the funding page, in Russian for a finance user: the due date, each funder's
 * status in the page's language, and a link to the funder's template in that language
 * (target/screenshots/reporting-status.png).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = {"tracker.reporting.max-size=200KB", "tracker.reporting.due-days=100000",
				"tracker.test.context=reporting"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportingWebUiTest {

	@LocalServerPort
	int port;

	Browser browser;

	@RegisterExtension
	final TestWatcher onFailure = Browser.screenshotOnFailure("FAILED-", () -> browser);

	@BeforeAll
	void openBrowser() {
		browser = Browser.open("http://localhost:" + port, "ru");
		browser.login("finance", "finance-demo");
	}

	@AfterAll
	void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void theFundingPageTellsWhoReportedAQuarter() {
		String id = "UI-REP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		String funder = "Funder " + id;
		Api api = new Api(port);
		ok(api.post("/api/projects", """
				{"projectId":"%s","title":"Reporting page","sector":"15110","region":"Tashkent","proposedOn":"2024-01-10"}"""
				.formatted(id)));
		ok(api.post("/api/projects/" + id + "/agreements",
				"{\"agreementId\":\"G1\",\"type\":\"GRANT\",\"signedOn\":\"2024-02-01\"}"));
		ok(api.post("/api/projects/" + id + "/fundings", """
				{"fundingId":"F1","source":"OTHER","funder":"%s","amount":{"amount":"1000000","currency":"USD"},
				 "committedOn":"2024-03-01"}""".formatted(funder)));
		api.eventually("/api/reporting/status?period=2026-Q1", r -> r.body().contains(funder));
		browser.go("/#/funding");
		browser.wait.until(d -> !browser.all("#reporting-status table").isEmpty());
		browser.find("#reporting-period").clear();
		browser.find("#reporting-period").sendKeys("2026-Q1");
		browser.find("#reporting-show").click();
		browser.wait.until(d -> browser.text("#reporting-status").contains(funder));
		assertThat(browser.text("#reporting-heading")).isEqualTo("Квартальная отчётность");
		assertThat(browser.text("#reporting-status")).contains("2026-Q1").contains("Срок не наступил");
		String href = (String) browser.js("""
				return [...document.querySelectorAll('#reporting-status a.download')].map(a => a.href)
				  .find(h => h.includes(arguments[0])) || null""", id);
		assertThat(href).contains("/api/reporting/template.xlsx").contains("period=2026-Q1").contains("lang=ru");
		assertThat(browser.severeConsoleMessages()).isEmpty();
		browser.screenshot("reporting-status");
	}

	private static void ok(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isBetween(200, 201);
	}
}
