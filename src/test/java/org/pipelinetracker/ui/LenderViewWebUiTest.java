package org.pipelinetracker.ui;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pipelinetracker.Api;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lender's view under a facility on the funding page, in a real browser, in English and Korean: a scheduled loan
 * with its arrears today, a loan without terms marked "no schedule" (never a zero), and the totals row.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"tracker.test.context=lender-view",
		"tracker.alerts.no-funding-days=36500", "tracker.alerts.no-disbursement-days=36500"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LenderViewWebUiTest {

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeAll
	void aFacilityWithTwoLoans() {
		Api api = new Api(port);
		ok(api.post("/api/facilities", """
				{"facilityId":"EDCF-UI","name":"EDCF framework (browser)","lender":"Export-Import Bank of Korea",
				 "limit":{"amount":"500000000","currency":"USD"},"validFrom":"2024-01-01","validTo":"2027-12-31"}"""));
		for (String id : new String[] {"LVU-A", "LVU-B"}) {
			ok(api.post("/api/projects", """
					{"projectId":"%s","title":"Lender view %s","sector":"21020","region":"Navoi","proposedOn":"2023-11-01"}"""
					.formatted(id, id)));
			ok(api.post("/api/projects/" + id + "/agreements",
					"{\"agreementId\":\"LA-%s\",\"type\":\"LOAN\",\"signedOn\":\"2023-12-01\"}".formatted(id)));
		}
		ok(api.post("/api/projects/LVU-A/fundings/eximbank", """
				{"fundingId":"EDCF-A","instrument":"EDCF_LOAN","amount":{"amount":"1000000","currency":"USD"},
				 "committedOn":"2024-01-01","interestRate":"2","maturityYears":2,"graceYears":1,"facilityId":"EDCF-UI"}"""));
		ok(api.post("/api/projects/LVU-A/disbursements", """
				{"fundingId":"EDCF-A","amount":{"amount":"1000000","currency":"USD"},"disbursedOn":"2024-01-01"}"""));
		ok(api.post("/api/projects/LVU-A/fundings/EDCF-A/repayments", """
				{"amount":{"amount":"300000","currency":"USD"},"on":"2025-01-01"}"""));
		ok(api.post("/api/projects/LVU-B/fundings/eximbank", """
				{"fundingId":"EDCF-B","instrument":"EDCF_LOAN","amount":{"amount":"3000000","currency":"USD"},
				 "committedOn":"2024-06-01","effectiveOn":"2024-09-01","closingOn":"2027-06-30","facilityId":"EDCF-UI"}"""));
		// the facility-usage read model follows the event store: wait for both reservations
		api.eventually("/api/facilities/EDCF-UI", r -> r.json().path("projects").size() == 2);
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
	void showsEachLoansStandingAndTheTotalsWhenOpened() {
		browser.go("/#/funding").find("#lender-EDCF-UI summary").click();
		browser.wait.until(d -> browser.text("#lender-EDCF-UI").contains("Total USD"));
		String text = browser.text("#lender-EDCF-UI");
		// both instalments of EDCF-A (USD 500,000 each, 2025-01-01 and 2025-07-01) are due today; USD 300,000 repaid
		assertThat(text).contains("LVU-A · EDCF-A", "USD 700,000.00", "LVU-B · EDCF-B", "no schedule",
				"USD 4,000,000.00");
		// each loan's effectiveness and closing dates, "—" where none was recorded
		assertThat(text).contains("Effective on", "Closing date", "2024-09-01", "2027-06-30", "—");
		browser.screenshot("funding-lender-view");
		assertThat(browser.find("#facilities-xlsx").getAttribute("href")).contains("/api/export/facilities.xlsx");
	}
}
