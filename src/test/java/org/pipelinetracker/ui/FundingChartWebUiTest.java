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
 * The funding chart when one period dwarfs the others: the per-period axis capped with the outlier labelled, the
 * headline totals, both axes' zero lines at the same height with a negative period (a correction), and the full
 * scale on demand (target/screenshots/funding-capped.png, funding-full-scale.png); the planned disbursements drawn
 * beside the actual ones by fiscal quarter, with disbursed of planned in the headline (funding-planned.png). A context
 * of its own: its cumulative totals would show in other browser tests' funding tables.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tracker.test.context=funding-chart")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FundingChartWebUiTest {

	@LocalServerPort
	int port;

	Browser browser;

	@RegisterExtension
	final TestWatcher onFailure = Browser.screenshotOnFailure("FAILED-", () -> browser);

	@BeforeAll
	void openBrowser() {
		browser = Browser.open("http://localhost:" + port);
		browser.login("admin", "admin-demo");
	}

	@AfterAll
	void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void theFundingChartCapsAPeriodThatDwarfsTheOthersAndAlignsItsZeroLines() {
		String id = "UI-CHART-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		Api recorder = new Api(port).as("recorder");
		Api finance = new Api(port).as("finance");
		ok(recorder.post("/api/projects", """
				{"projectId":"%s","title":"Chart outlier","sector":"15110","region":"Tashkent","proposedOn":"2010-01-10"}"""
				.formatted(id)));
		ok(recorder.post("/api/projects/" + id + "/agreements",
				"{\"agreementId\":\"G1\",\"type\":\"GRANT\",\"signedOn\":\"2010-02-01\"}"));
		String[][] fundings = {{"F11", "900000000", "2011-03-01"}, {"F12", "10000000", "2012-03-01"},
				{"F13", "5000000", "2013-03-01"}};
		for (String[] f : fundings) {
			ok(finance.post("/api/projects/" + id + "/fundings", """
					{"fundingId":"%s","source":"KOICA_GRANT","funder":"KOICA","amount":{"amount":"%s","currency":"USD"},
					 "committedOn":"%s"}""".formatted(f[0], f[1], f[2])));
		}
		ok(finance.post("/api/projects/" + id + "/fundings/F12/corrections", """
				{"amount":{"amount":"1000000","currency":"USD"},"reason":"Scope cut","on":"2013-06-01"}"""));
		// 2011: 900 million, dwarfing 2012 (10 million); 2013: 5 million committed, 9 million cut: −4 million
		// the series is a read model that follows the event store: wait until it has the correction
		new Api(port).eventually("/api/funding/timeseries?interval=YEAR&groupBy=NONE&from=2011-01-01&to=2013-12-31",
				r -> r.body().contains("\"cumulativeCommitted\":906000000"));
		browser.go("/#/funding?interval=YEAR&groupBy=NONE&from=2011-01-01&to=2013-12-31");
		browser.wait.until(d -> browser.text("#headline-committed").equals("USD 906,000,000.00"));
		browser.wait.until(d -> "true".equals(browser.js("return document.querySelector('figure.chart')?.dataset.capped || null")));
		assertThat(browser.find("#funding-cap-note").isDisplayed()).isTrue();
		Object zeros = browser.js("""
				const c = Chart.getChart(document.getElementById('funding-chart'));
				return Math.abs(c.scales.y.getPixelForValue(0) - c.scales.y2.getPixelForValue(0));""");
		assertThat(((Number) zeros).doubleValue()).as("the two zero lines, in pixels apart").isLessThan(1.0);
		browser.screenshot("funding-capped");
		browser.find("#funding-full-scale").click();
		browser.wait.until(d -> "false".equals(browser.js("return document.querySelector('figure.chart')?.dataset.capped || null")));
		browser.screenshot("funding-full-scale");
	}

	@Test
	void thePlannedDisbursementsAreDrawnBesideTheActualOnesByFiscalQuarter() {
		String id = "UI-PLAN-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		Api recorder = new Api(port).as("recorder");
		Api finance = new Api(port).as("finance");
		ok(recorder.post("/api/projects", """
				{"projectId":"%s","title":"Planned beside actual","sector":"15110","region":"Tashkent","proposedOn":"2024-01-10"}"""
				.formatted(id)));
		ok(recorder.post("/api/projects/" + id + "/agreements",
				"{\"agreementId\":\"G1\",\"type\":\"GRANT\",\"signedOn\":\"2024-01-20\"}"));
		ok(finance.post("/api/projects/" + id + "/fundings", """
				{"fundingId":"K1","source":"KOICA_GRANT","funder":"KOICA","amount":{"amount":"6000000","currency":"USD"},
				 "committedOn":"2024-02-01"}"""));
		for (String[] plan : new String[][] {{"2024-07-01", "2024-09-30", "1000000"}, {"2024-10-01", "2024-12-31", "2000000"}}) {
			ok(finance.post("/api/projects/" + id + "/planned-disbursements", """
					{"fundingId":"K1","periodStart":"%s","periodEnd":"%s","value":{"amount":"%s","currency":"USD"},
					 "recordedOn":"2024-02-01"}""".formatted(plan[0], plan[1], plan[2])));
		}
		for (String[] paid : new String[][] {{"800000", "2024-08-15"}, {"1200000", "2024-11-20"}}) {
			ok(finance.post("/api/projects/" + id + "/disbursements", """
					{"fundingId":"K1","amount":{"amount":"%s","currency":"USD"},"disbursedOn":"%s"}""".formatted(paid[0], paid[1])));
		}
		String range = "interval=QUARTER&groupBy=NONE&from=2024-07-01&to=2024-12-31&fiscalYearStart=7";
		new Api(port).eventually("/api/funding/timeseries?" + range,
				r -> r.body().contains("\"planned\":2000000") && r.body().contains("\"disbursed\":1200000"));
		browser.go("/#/funding?" + range);
		browser.wait.until(d -> browser.text("#headline-planned").equals("USD 3,000,000.00"));
		assertThat(browser.text("#headline-disbursed")).isEqualTo("USD 2,000,000.00");
		assertThat(browser.text("#headline-of-planned")).contains("66.7");
		assertThat(browser.text("#funding-table")).contains("FY2025 Q1").contains("FY2025 Q2")
				.contains("USD 1,000,000.00");
		Object planned = browser.js("""
				const c = Chart.getChart(document.getElementById('funding-chart'));
				const d = c.data.datasets.find((x) => x.stack === 'planned');
				return d ? d.label + ': ' + d.exact.join(', ') + ' ' + d.borderColor : null;""");
		assertThat(String.valueOf(planned)).matches("Planned disbursements: 1000000(\\.00)?, 2000000(\\.00)? #882255");
		assertThat(browser.attribute("#funding-fiscal", "value")).isEqualTo("7");
		assertThat(browser.text("figure.chart figcaption")).contains("Dashed outlined bars: the planned disbursements");
		browser.screenshot("funding-planned");
	}

	private static void ok(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isBetween(200, 201);
	}
}
