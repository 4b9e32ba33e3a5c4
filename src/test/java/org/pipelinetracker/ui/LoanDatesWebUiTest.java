package org.pipelinetracker.ui;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.support.ui.Select;
import org.pipelinetracker.Api;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A loan's dates and repayment convention on the project page, in a real browser: an annuity loan effective three
 * months after its commitment and closing 2025-06-30 shows both dates and its convention; the "Record a loan's dates"
 * form extends the closing date, and the page then shows the new date and the one it replaced.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"tracker.test.context=loan-dates-ui",
		"tracker.alerts.no-funding-days=36500", "tracker.alerts.no-disbursement-days=36500"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoanDatesWebUiTest {

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeAll
	void anAnnuityLoanWithItsDates() {
		Api api = new Api(port);
		ok(api.post("/api/projects", """
				{"projectId":"LDU-1","title":"Fergana gas network","sector":"23630","region":"Fargʻona","proposedOn":"2023-11-01"}"""));
		ok(api.post("/api/projects/LDU-1/agreements", "{\"agreementId\":\"LA-LDU\",\"type\":\"LOAN\",\"signedOn\":\"2023-12-01\"}"));
		ok(api.post("/api/projects/LDU-1/fundings/eximbank", """
				{"fundingId":"EDCF-LD","instrument":"EDCF_LOAN","amount":{"amount":"1000000","currency":"USD"},
				 "committedOn":"2024-01-01","interestRate":"2","maturityYears":2,"graceYears":1,
				 "repaymentConvention":"ANNUITY_SEMI_ANNUAL","effectiveOn":"2024-04-01","closingOn":"2025-06-30"}"""));
		browser = Browser.open("http://localhost:" + port);
		browser.login("finance", "finance-demo");
	}

	private static void ok(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isBetween(200, 201);
	}

	@AfterAll
	void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void showsTheDatesAndTheConventionAndRecordsAnExtension() {
		String section = "section[aria-labelledby='fundings-heading']";
		browser.go("/#/projects/LDU-1");
		browser.wait.until(d -> browser.text(section).contains("EDCF-LD"));
		assertThat(browser.text(section)).contains("Effective on", "Closing date", "2024-04-01", "2025-06-30",
				"Level semi-annual payments (annuity)");
		browser.find("#command-loanDates summary").click();
		new Select(browser.find("#form-loanDates-fundingId")).selectByValue("EDCF-LD");
		WebUiTest.typeDate(browser.find("#form-loanDates-closingOn"), "2025-12-31");
		WebUiTest.typeDate(browser.find("#form-loanDates-on"), "2025-06-20");
		browser.find("#form-loanDates button[type=submit]").click();
		browser.wait.until(d -> browser.text(section).contains("2025-12-31"));
		assertThat(browser.text(section)).contains("2025-12-31 (extended from 2025-06-30)", "2024-04-01");
		browser.screenshot("project-loan-dates");
	}
}
