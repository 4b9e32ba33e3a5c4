package org.pipelinetracker.ui;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.pipelinetracker.Api;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web UI in a real browser (Debian's Chromium, headless) against the real app on a random port: the board, the
 * propose form, field errors from the server beside their fields, funding recorded through a form changing the chart
 * and its table, a rebuild watched to 100 %, live updates from another user without a reload, and a project as of a
 * date and as known at an instant. Screenshots of every page go to target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebUiTest {

	@LocalServerPort
	int port;

	Browser browser;

	/** On a failure: a screenshot (target/screenshots/FAILED-*.png) and the browser's address, to see what happened. */
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

	@BeforeEach
	void wideWindow() {
		browser.resize(1366, 900);
		browser.severeConsoleMessages(); // start each test with an empty console
	}

	/** No script error and no Content-Security-Policy violation on any page a test visited. */
	@AfterEach
	void noScriptErrorsOrPolicyViolations() {
		List<String> problems = browser.severeConsoleMessages().stream()
				.filter(m -> m.contains("Uncaught") || m.contains("Refused") || m.contains("Content Security Policy")
						|| m.contains("Error:"))
				.toList();
		assertThat(problems).isEmpty();
	}

	/** Another user (the demo recorder), writing through the API while the browser is signed in as admin. */
	Api recorder() {
		return new Api(port).as("recorder");
	}

	/** The demo finance user. */
	Api finance() {
		return new Api(port).as("finance");
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
	}

	void ok(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isBetween(200, 201);
	}

	String propose(String id, String title, String proposedOn, String sector) {
		ok(recorder().post("/api/projects", """
				{"projectId":"%s","title":%s,"sector":"%s","region":"Khorezm",
				 "partners":[{"name":"Hyundai Rotem","country":"KR","role":"IMPLEMENTING"}],
				 "proposedOn":"%s","reason":"Browser test","sourceUrl":"https://example.org/source"}
				""".formatted(id, json(title), sector, proposedOn)));
		return id;
	}

	static String json(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	WebElement card(String projectId) {
		return browser.find("li.card[data-project-id='" + projectId + "']");
	}

	/**
	 * Types an ISO date into a date field the way a user does: dates are text fields for YYYY-MM-DD in every language
	 * (no browser date picker, whose format would follow the browser's locale), so it replaces what the field held.
	 */
	static void typeDate(WebElement input, String iso) {
		input.sendKeys(Keys.chord(Keys.CONTROL, "a"), iso);
	}

	/** The English text of a catalogue key, as the pages show it. */
	String english(String key) {
		return Catalogue.of(new Api(port), "en").text(key);
	}

	@Test
	void showsTheBoardWithAColumnPerStageAndCardsThatRenderTitlesAsText() {
		String hostile = "<img src=x onerror=\"window.__xss=1\"><script>window.__xss=2</script> Khiva <b>depot</b>";
		String plain = propose(unique("UI-BOARD"), hostile, "2024-01-10", "21030");
		String financed = propose(unique("UI-BOARD"), "Tashkent–Urgench–Khiva high-speed trains", "2024-01-10", "21030");
		ok(recorder().post("/api/projects/" + financed + "/agreements",
				"{\"agreementId\":\"LOAN-1\",\"type\":\"LOAN\",\"signedOn\":\"2024-03-01\",\"parties\":[\"MoF\",\"KEXIM\"]}"));
		ok(finance().post("/api/projects/" + financed + "/fundings/eximbank",
				"{\"fundingId\":\"EDCF-1\",\"instrument\":\"EDCF_LOAN\",\"amount\":{\"amount\":\"100000000.00\",\"currency\":\"USD\"},"
						+ "\"committedOn\":\"2024-04-01\"}"));
		ok(recorder().post("/api/projects/" + financed + "/milestones",
				"{\"milestoneId\":\"M1\",\"name\":\"Depot built\",\"plannedOn\":\"2024-06-30\"}"));
		recorder().eventually("/api/milestones?overdue=true&projectId=" + financed, r -> r.json().size() == 1);

		browser.go("/#/board");
		String financedCard = "section[data-stage='FINANCED'] li.card[data-project-id='" + financed + "']";
		browser.wait.until(d -> browser.text(financedCard).contains("overdue"));
		assertThat(browser.text(financedCard)).contains("Tashkent–Urgench–Khiva high-speed trains", "Rail transport", "Khorezm",
				"Hyundai Rotem", "USD 100,000,000.00", "1 overdue milestone");
		assertThat(browser.text(financedCard + " .days-in-stage")).matches("\\d+ days?");
		String plainCard = "li.card[data-project-id='" + plain + "']";
		assertThat(browser.text(plainCard + " .card-title a")).isEqualTo(hostile.trim());
		assertThat(browser.all(plainCard + " .card-title img, " + plainCard + " .card-title b, " + plainCard + " script")).isEmpty();
		assertThat(browser.js("return window.__xss === undefined")).isEqualTo(true);
		for (String stage : List.of("PROPOSED", "AGREED", "FINANCED", "IMPLEMENTATION", "COMPLETED")) {
			assertThat(browser.all("section.column[data-stage='" + stage + "'] h2")).hasSize(1);
		}

		// filters and search
		new Select(browser.find("#board-source")).selectByValue("EXIMBANK");
		browser.wait.until(d -> browser.all("li.card[data-project-id='" + plain + "']").isEmpty());
		assertThat(card(financed).isDisplayed()).isTrue();
		browser.find("#board-clear").click();
		WebElement search = browser.find("#board-search");
		search.sendKeys(plain);
		browser.wait.until(d -> browser.all("li.card[data-project-id='" + financed + "']").isEmpty());
		assertThat(card(plain).isDisplayed()).isTrue();
		search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE); // as a user empties it (clear() sends no input event)
		card(financed);

		// landmarks, skip link first in the tab order
		assertThat(browser.all("header.topbar")).hasSize(1);
		assertThat(browser.all("nav[aria-label='Main']")).hasSize(1);
		assertThat(browser.all("main#main")).hasSize(1);
		browser.driver.navigate().refresh();
		card(financed);
		new Actions(browser.driver).sendKeys(Keys.TAB).perform();
		assertThat(browser.driver.switchTo().activeElement().getText()).isEqualTo("Skip to content");
		browser.screenshot("board");

		browser.resize(375, 800);
		card(financed);
		// the layout follows the resize within a moment: measured once it has
		browser.wait.until(d -> ((Number) browser.js("return document.documentElement.scrollWidth")).intValue() <= 375);
		assertThat(((Number) browser.js("return document.documentElement.scrollWidth")).intValue())
				.as("no horizontal scrolling at 375 px").isLessThanOrEqualTo(375);
		browser.screenshotViewport("board-375");
		browser.screenshot("board-375-full");
	}

	@Test
	void proposesAProjectThroughTheFormAndSeesItOnTheBoard() {
		String id = unique("UI-PROPOSED");
		String title = "Samarkand district heating " + id;
		browser.go("/#/projects/new");
		browser.find("#propose-title").sendKeys(title);
		browser.find("#propose-projectId").sendKeys(id);
		browser.find("#propose-sector").sendKeys("23620");
		new Select(browser.find("#propose-region")).selectByVisibleText("Samarkand Region");
		WebElement proposedOn = browser.find("#propose-proposedOn");
		typeDate(proposedOn, "2025-03-01");
		assertThat(proposedOn.getAttribute("value")).isEqualTo("2025-03-01");
		browser.find("#propose-estimatedCost-amount").sendKeys("12000000.50");
		browser.find("[data-field='partners[0].name']").sendKeys("KOICA");
		browser.find("[data-field='partners[0].country']").sendKeys("KR");
		browser.find("#propose-reason").sendKeys("Announced by the ministry");
		browser.screenshot("propose");
		browser.find("#propose button[type=submit]").click();

		browser.wait.until(d -> d.getCurrentUrl().endsWith("#/projects/" + id));
		assertThat(browser.text("#project-title")).isEqualTo(title);
		assertThat(browser.text(".project-status .badge")).isEqualTo("Proposed");
		assertThat(browser.text("#iati-status")).contains("1 Pipeline/identification");
		assertThat(browser.text(".money-figures")).contains("USD 12,000,000.50");
		assertThat(browser.text(".history")).contains("Project Proposed", "Announced by the ministry");
		browser.screenshot("project");

		browser.go("/#/board");
		browser.find("#board-search").sendKeys(id);
		assertThat(browser.text("li.card[data-project-id=\'" + id + "\']")).contains(title, "KOICA", "Samarkand Region");
		card(id);
		assertThat(browser.all("section[data-stage='PROPOSED'] li.card[data-project-id='" + id + "']")).hasSize(1);
	}

	/**
	 * Submitted twice fast (a double click, then two submits in one go): one project. The form sends one
	 * Idempotency-Key per form instance and intended write, and no second request while the first is on its way.
	 */
	@Test
	void aDoubleSubmittedProposalIsRecordedOnce() {
		String title = "Double click " + unique("UI-TWICE");
		browser.go("/#/projects/new");
		browser.find("#propose-title").sendKeys(title);
		browser.find("#propose-sector").sendKeys("23620");
		new Select(browser.find("#propose-region")).selectByVisibleText("Samarkand Region");
		typeDate(browser.find("#propose-proposedOn"), "2025-03-01");
		new Actions(browser.driver).doubleClick(browser.find("#propose button[type=submit]")).perform();
		browser.wait.until(d -> d.getCurrentUrl().matches(".*#/projects/(?!new).+"));
		assertThat(browser.text("#project-title")).isEqualTo(title);

		String second = "Two submits " + unique("UI-TWICE");
		browser.go("/#/projects/new");
		browser.find("#propose-title").sendKeys(second);
		browser.find("#propose-sector").sendKeys("23620");
		new Select(browser.find("#propose-region")).selectByVisibleText("Samarkand Region");
		typeDate(browser.find("#propose-proposedOn"), "2025-03-01");
		browser.js("const form = document.getElementById('propose'); form.requestSubmit(); form.requestSubmit();");
		browser.wait.until(d -> d.getCurrentUrl().matches(".*#/projects/(?!new).+"));

		Api api = new Api(port);
		for (String t : List.of(title, second)) {
			Api.Response found = api.eventually("/api/projects?size=50&q=" + t.replace(" ", "+"),
					r -> r.json().path("totalElements").asLong() >= 1);
			assertThat(found.json().path("content").findValuesAsString("title")).as(t).containsOnlyOnce(t);
		}
	}

	@Test
	void showsTheServersFieldErrorsBesideTheFields() {
		browser.go("/#/projects/new");
		browser.find("#propose-sector").sendKeys("99999");
		new Select(browser.find("#propose-region")).selectByVisibleText("Khorezm Region");
		browser.find("[data-field='partners[0].name']").sendKeys("Hyundai Rotem");
		browser.find("[data-field='partners[0].country']").sendKeys("xx");
		browser.find("#propose button[type=submit]").click();

		WebElement sectorError = browser.find("#propose-sector-error");
		WebElement sector = browser.find("#propose-sector");
		assertThat(sectorError.getText()).contains("99999");
		assertThat(sector.getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(sector.getAttribute("aria-describedby")).contains("propose-sector-error");
		// the error sits in the sector's own field, right under its input
		assertThat(sectorError.findElement(By.xpath("./parent::div")).findElement(By.tagName("input")).getAttribute("id"))
				.isEqualTo("propose-sector");

		WebElement title = browser.find("#propose-title");
		assertThat(title.getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.text("#propose-title-error")).isNotBlank();

		WebElement country = browser.find("[data-field='partners[0].country']");
		assertThat(country.getAttribute("aria-invalid")).isEqualTo("true");
		String countryErrorId = country.getAttribute("aria-describedby").replaceAll(".*\\s", "");
		assertThat(browser.find("#" + countryErrorId).getText()).contains("xx");

		WebElement summary = browser.find("#propose-summary");
		assertThat(summary.getAttribute("aria-live")).isEqualTo("assertive");
		assertThat(summary.getText()).contains("fields need attention", "Title", "Sector");
		// the first invalid field has the keyboard focus
		assertThat(browser.driver.switchTo().activeElement().getAttribute("aria-invalid")).isEqualTo("true");
		browser.screenshot("propose-errors");

		// fixed: the errors go away and the project is proposed
		title.sendKeys("Khiva water supply");
		sector.clear();
		sector.sendKeys("14021");
		country.clear();
		country.sendKeys("KR");
		browser.find("#propose button[type=submit]").click();
		browser.wait.until(d -> d.getCurrentUrl().contains("#/projects/") && !d.getCurrentUrl().endsWith("/new"));
		assertThat(browser.text("#project-title")).isEqualTo("Khiva water supply");
	}

	@Test
	void recordsFundingThroughTheFormAndTheChartAndTableChange() {
		// a sector and years no other test uses, so the figures are this test's alone
		String id = propose(unique("UI-FUNDING"), "Research institute equipment", "2019-01-05", "43082");
		ok(recorder().post("/api/projects/" + id + "/agreements",
				"{\"agreementId\":\"GRANT-1\",\"type\":\"GRANT\",\"signedOn\":\"2019-02-01\",\"parties\":[\"KOICA\"]}"));
		String chart = "/#/funding?interval=YEAR&groupBy=SECTOR&from=2019-01-01&to=2020-12-31";
		browser.go(chart);
		browser.find("#funding-table table");
		browser.wait.until(d -> "true".equals(String.valueOf(browser.js("return !!document.querySelector('#funding-chart') && !!window.Chart && !!window.Chart.getChart(document.querySelector('#funding-chart'))"))));
		String chartBefore = (String) browser.js("return document.getElementById('funding-chart').toDataURL()");
		String tableBefore = browser.text("#funding-table");
		assertThat(tableBefore).doesNotContain("7,654,321.09");

		browser.go("/#/projects/" + id);
		browser.find("#command-funding summary").click();
		browser.find("#form-funding-fundingId").sendKeys("KOICA-1");
		new Select(browser.find("#form-funding-source")).selectByValue("KOICA_GRANT");
		browser.find("#form-funding-funder").sendKeys("KOICA");
		browser.find("#form-funding-amount-amount").sendKeys("7654321.09");
		typeDate(browser.find("#form-funding-committedOn"), "2019-05-15");
		browser.find("#form-funding button[type=submit]").click();
		browser.wait.until(d -> browser.text("#fundings-heading + div, section[aria-labelledby='fundings-heading']")
				.contains("USD 7,654,321.09"));
		assertThat(browser.text(".project-status .badge")).isEqualTo("Financed");

		// an expenditure (IATI 4) from that commitment
		browser.find("#command-expenditure summary").click();
		browser.find("#form-expenditure-amount-amount").sendKeys("1000.00");
		typeDate(browser.find("#form-expenditure-spentOn"), "2019-07-01");
		browser.find("#form-expenditure-receiver").sendKeys("Lab supplier");
		new Select(browser.find("#form-expenditure-fundingId")).selectByValue("KOICA-1");
		browser.find("#form-expenditure button[type=submit]").click();
		browser.wait.until(d -> browser.text("section[aria-labelledby='fundings-heading']").contains("Expenditure"));
		assertThat(browser.text("section[aria-labelledby='fundings-heading']")).contains("USD 1,000.00", "to Lab supplier");

		// a rule the server enforces (never more disbursed than committed): its 409 is shown beside the amount
		browser.find("#command-disbursement summary").click();
		new Select(browser.find("#form-disbursement-fundingId")).selectByValue("KOICA-1");
		browser.find("#form-disbursement-amount-amount").sendKeys("9000000.00");
		typeDate(browser.find("#form-disbursement-disbursedOn"), "2019-06-01");
		browser.find("#form-disbursement button[type=submit]").click();
		assertThat(browser.text("#form-disbursement-amount-amount-error")).contains("9000000.00");
		assertThat(browser.attribute("#form-disbursement-amount-amount", "aria-invalid")).isEqualTo("true");
		assertThat(browser.text("#form-disbursement-summary")).contains("Not saved");
		browser.screenshot("project-disbursement-refused");

		// the funding series is a read model that follows the event store: wait until it has the commitment (the page
		// re-reads shortly after it opens, but a loaded machine may take longer)
		new Api(port).eventually("/api/funding/timeseries?interval=YEAR&groupBy=SECTOR&from=2019-01-01&to=2020-12-31",
				r -> r.body().contains("7654321.09"));
		browser.go(chart);
		browser.wait.until(d -> browser.text("#funding-table").contains("USD 7,654,321.09"));
		String row = browser.wait.until(d -> browser.all("#funding-table tbody tr").stream().map(WebElement::getText)
				.filter(t -> t.startsWith("2019")).findFirst().orElse(null));
		assertThat(row).contains("Research/scientific institutions (43082)", "USD 7,654,321.09", "USD 0.00");
		browser.wait.until(d -> !chartBefore.equals(browser.js("return document.getElementById('funding-chart').toDataURL()")));

		// the CSV is the table's data, RFC 4180
		assertThat(browser.find("#csv-download").getAttribute("download")).isEqualTo("funding-year-sector.csv");
		browser.find("#csv-download").click();
		String csv = browser.downloaded("funding-year-sector.csv");
		assertThat(csv).startsWith("\uFEFFperiod,periodStart,periodEnd,group,groupName,currency,committed,disbursed,"
				+ "cumulativeCommitted,cumulativeDisbursed,unconverted,planned,unconvertedPlanned\r\n");
		// nothing unconverted, nothing planned (a zero, with no plan left unconverted)
		assertThat(csv).containsPattern("2019,2019-01-01,2019-12-31,43082,Research/scientific institutions \\(43082\\),"
				+ "USD,7654321\\.09,0\\.00,7654321\\.09,0\\.00,,0(\\.00)?,\r\n");
		// a credit facility through its form: listed with its usage against the limit
		String facility = unique("UI-FACILITY");
		browser.find("#command-facility summary").click();
		browser.find("#form-facility-facilityId").sendKeys(facility);
		browser.find("#form-facility-name").sendKeys("KOICA country programme");
		browser.find("#form-facility-lender").sendKeys("KOICA");
		browser.find("#form-facility-limit-amount").sendKeys("500000000.00");
		typeDate(browser.find("#form-facility-validFrom"), "2026-01-01");
		typeDate(browser.find("#form-facility-validTo"), "2028-12-31");
		browser.find("#form-facility button[type=submit]").click();
		assertThat(browser.text(".facility[data-facility-id='" + facility + "']"))
				.contains("KOICA country programme", "USD 0.00 committed of USD 500,000,000.00 (0.0 %)");
		// its lender's view, read when opened: nothing draws on it yet
		// (the list may be redrawn by the change stream meanwhile: click the summary as it is then)
		browser.wait.until(d -> {
			try {
				browser.find("#lender-" + facility + " summary").click();
				return true;
			}
			catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
				return false;
			}
		});
		browser.wait.until(d -> browser.text("#lender-" + facility).contains("No commitment draws on this facility yet."));
		browser.screenshot("funding");
	}

	@Test
	void rebuildsTheReadModelsWithAProgressBarThatReaches100PercentAndVerifiesTheTrail() {
		propose(unique("UI-AUDIT"), "Audited project", "2024-02-01", "21030");
		browser.go("/#/audit");
		WebElement progress = browser.find("#replay-progress");
		browser.js("window.__progress = [];"
				+ "new MutationObserver(() => window.__progress.push(Number(arguments[0].value)))"
				+ ".observe(arguments[0], {attributes: true});", progress);
		browser.find("#replay").click();
		browser.wait.until(d -> "COMPLETED".equals(progress.getAttribute("data-state"))
				&& "100".equals(progress.getAttribute("value")));
		assertThat(browser.text("#replay-label")).contains("all projections: 100", "completed");
		assertThat(browser.driver.findElement(By.id("replay-cancel")).isDisplayed()).as("cancel is offered only while a rebuild runs").isFalse();
		@SuppressWarnings("unchecked")
		List<Number> seen = (List<Number>) browser.js("return window.__progress");
		assertThat(seen).isNotEmpty();
		for (int i = 1; i < seen.size(); i++) {
			assertThat(seen.get(i).doubleValue()).as("progress never goes back").isGreaterThanOrEqualTo(seen.get(i - 1).doubleValue());
		}
		assertThat(seen.get(seen.size() - 1).doubleValue()).isEqualTo(100.0);

		browser.find("#verify").click();
		WebElement chain = new WebDriverWait(browser.driver, Duration.ofSeconds(60))
				.until(d -> d.findElements(By.id("chain-valid")).isEmpty() ? null : d.findElement(By.id("chain-valid")));
		assertThat(chain.getText()).contains("Hash chain valid");
		assertThat(browser.text("#projections-consistent")).contains("Read models consistent");
		// the rebuild and the check went through the same events, and say which
		Matcher rebuilt = Pattern.compile("([\\d,]+) of ([\\d,]+) events?, up to global index (\\d+)")
				.matcher(browser.text("#replay-label"));
		assertThat(rebuilt.find()).as(browser.text("#replay-label")).isTrue();
		assertThat(rebuilt.group(1)).isEqualTo(rebuilt.group(2));
		Matcher checked = Pattern.compile("([\\d,]+) events? checked, up to global index (\\d+);")
				.matcher(browser.text("#events-checked"));
		assertThat(checked.find()).as(browser.text("#events-checked")).isTrue();
		assertThat(checked.group(1)).isEqualTo(rebuilt.group(2));
		assertThat(checked.group(2)).isEqualTo(rebuilt.group(3));
		assertThat(browser.text("#chain-count")).matches("\\(" + rebuilt.group(2) + " events?, up to global index "
				+ rebuilt.group(3) + "\\)");
		assertThat(browser.text("#dead-letters")).contains("No dead letters");
		browser.screenshot("audit");
	}

	@Test
	void anAdministratorClosesAndReopensAPeriodAndReadsItsRestatementsReportOnTheAuditPage() {
		String id = propose(unique("UI-PERIOD"), "Fergana greenhouse", "2021-01-10", "32130");
		ok(recorder().post("/api/projects/" + id + "/agreements",
				"{\"agreementId\":\"G-1\",\"type\":\"GRANT\",\"signedOn\":\"2021-02-01\"}"));
		ok(finance().post("/api/projects/" + id + "/fundings", """
				{"fundingId":"KOICA-1","source":"KOICA_GRANT","funder":"KOICA","amount":{"amount":"750000","currency":"USD"},
				 "committedOn":"2021-05-03"}"""));
		browser.go("/#/audit");
		browser.find("#period-name").sendKeys("2021-Q2");
		browser.find("#period-reason").sendKeys("Reported to the ministry");
		browser.find("#period-close").click();
		browser.wait.until(d -> browser.text("#periods").contains("Reported to the ministry"));
		assertThat(browser.text("#periods")).contains("2021-Q2 closed", "admin");

		// the figures follow the pipeline read model, a few milliseconds behind the events
		new Api(port).eventually("/api/restatements?period=2021-Q2", r -> r.body().contains("750000"));
		browser.find("#restatements-show").click();
		String koica = english("ref.fundingSource.KOICA_GRANT");
		browser.wait.until(d -> browser.text("#restatements").contains(koica));
		assertThat(browser.text("#restatements")).contains("2021-Q2: closed", "Nothing was restated since the close.",
				"750,000.00");

		browser.find("#period-reason").sendKeys("Corrected figures");
		browser.find("#period-reopen").click();
		browser.wait.until(d -> browser.text("#periods").contains("Corrected figures"));
		assertThat(browser.text("#periods")).contains("2021-Q2 reopened");
		browser.screenshot("audit-periods");
	}

	@Test
	void updatesOpenPagesWithoutAReloadWhenAnotherUserRecords() {
		String id = propose(unique("UI-LIVE"), "Navoi substation", "2024-05-01", "23630");
		browser.go("/#/projects/" + id);
		browser.find("#project-title");
		browser.js("window.__sameDocument = true;");
		ok(recorder().post("/api/projects/" + id + "/milestones",
				"{\"milestoneId\":\"M1\",\"name\":\"Transformer delivered\",\"plannedOn\":\"2024-09-30\",\"achievedOn\":\"2024-10-20\"}"));
		browser.find("li.gantt-row[data-milestone-id='M1']");
		assertThat(browser.text("li.gantt-row[data-milestone-id='M1']")).contains("Transformer delivered", "20 days late");
		assertThat(browser.text(".history")).contains("recorder");
		assertThat(browser.js("return window.__sameDocument === true")).isEqualTo(true);
		browser.screenshot("project-live");

		browser.go("/#/board");
		browser.find("#board");
		browser.js("window.__sameDocument = true;");
		String arrived = propose(unique("UI-LIVE"), "Bukhara solar park", "2024-05-01", "23230");
		assertThat(browser.text("li.card[data-project-id=\'" + arrived + "\']")).contains("Bukhara solar park");
		assertThat(browser.js("return window.__sameDocument === true")).isEqualTo(true);
	}

	@Test
	void showsAProjectAsOfADateAndAsKnownAtAnInstant() throws InterruptedException {
		String id = propose(unique("UI-TIME"), "Fergana valley roads", "2024-01-10", "21020");
		ok(recorder().post("/api/projects/" + id + "/agreements",
				"{\"agreementId\":\"LOAN-1\",\"type\":\"LOAN\",\"signedOn\":\"2024-03-01\",\"parties\":[\"MoF\"]}"));
		ok(finance().post("/api/projects/" + id + "/fundings/eximbank",
				"{\"fundingId\":\"EDCF-1\",\"instrument\":\"EDCF_LOAN\",\"amount\":{\"amount\":\"50000000.00\",\"currency\":\"USD\"},"
						+ "\"committedOn\":\"2024-04-01\"}"));
		Thread.sleep(20); // the next write is recorded strictly after this instant
		Instant knownAt = Instant.now();
		Thread.sleep(20);
		ok(recorder().post("/api/projects/" + id + "/start", "{\"on\":\"2024-06-01\"}"));

		browser.go("/#/projects/" + id);
		assertThat(browser.text(".project-status .badge")).isEqualTo("Implementation");
		typeDate(browser.find("#as-of"), "2024-03-15");
		browser.find(".time-travel button[type=submit]").click();
		browser.wait.until(d -> d.getCurrentUrl().contains("asOf=2024-03-15"));
		browser.wait.until(d -> "Agreed".equals(browser.text(".project-status .badge")));
		assertThat(browser.text("#time-travel-note")).contains("as of 2024-03-15");
		assertThat(browser.text("#committed-usd")).isEqualTo("USD 0.00");
		assertThat(browser.all("#record-heading")).isEmpty();
		assertThat(browser.all(".history tr.after-cut")).isNotEmpty();
		browser.screenshot("project-as-of");

		browser.go("/#/projects/" + id + "?knownAt=" + knownAt);
		browser.wait.until(d -> "Financed".equals(browser.text(".project-status .badge")));
		// the instant in the user's time zone (the default, Asia/Tashkent), to the second, never raw UTC
		String shown = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(knownAt.atZone(ZoneId.of("Asia/Tashkent")));
		assertThat(browser.text("#time-travel-note")).contains("as known at " + shown + " (UTC+5)");
		assertThat(browser.text("#committed-usd")).isEqualTo("USD 50,000,000.00");
		assertThat(browser.find("#known-at").getAttribute("value")).isNotBlank();
	}

	@Test
	void showsOnlyWhatTheSignedInUsersRolesAllowAndSignsOut() {
		String id = propose(unique("UI-ROLES"), "Andijan textile park", "2024-07-01", "32130");
		try (Browser recorder = Browser.open("http://localhost:" + port)) {
			recorder.login("recorder", "recorder-demo");
			recorder.go("/#/projects/" + id);
			recorder.find("#project-title");
			assertThat(recorder.text("#session")).contains("recorder", english("ref.role.RECORDER"));
			// a recorder records agreements, milestones and stage changes, not money
			recorder.find("#command-agreement");
			recorder.find("#command-milestone");
			recorder.find("#command-stage");
			assertThat(recorder.all("#command-eximbank, #command-funding, #command-disbursement, #command-correction")).isEmpty();
			// the history is for auditors: the page says so in place of the table, without asking the server for it
			assertThat(recorder.text("section[aria-labelledby='history-heading']"))
					.contains(english("ui.project.history.needsRole"));
			assertThat(recorder.severeConsoleMessages()).as("no 403 in the console").isEmpty();
			assertThat(recorder.all("nav a[data-nav='audit']").stream().filter(WebElement::isDisplayed).toList()).isEmpty();
			recorder.screenshot("project-as-recorder");

			recorder.find("#logout").click();
			recorder.wait.until(d -> d.getCurrentUrl().contains("/login"));
			recorder.go("/#/board");
			recorder.wait.until(d -> d.getCurrentUrl().contains("/login"));
		}
	}
}
