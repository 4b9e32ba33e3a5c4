package org.pipelinetracker.ui;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.pipelinetracker.Api;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The display currency in a real browser: a UZS expenditure dated before any rate is never shown as zero (the page
 * says there is no rate for UZS on its date, in the user's language, and the totals say they leave it out); a KRW
 * commitment without a rate likewise, until the Central Bank's rates are uploaded; then every amount shows its
 * converted value with the rate and date used. The selector on the pages changes the currency of the board, the
 * funding page and the project, and is kept for the user like the language.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tracker.test.context=currency-pages")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CurrencyWebUiTest {

	static final String ID = "FX-PAGE-1";
	static final String USER = "iati-tester";

	@LocalServerPort
	int port;

	Browser browser;

	@RegisterExtension
	final TestWatcher onFailure = Browser.screenshotOnFailure("FAILED-currency-", () -> browser);

	Api api() {
		return new Api(port);
	}

	void ok(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isBetween(200, 201);
	}

	Api.Response preferences(String json) {
		Api user = api().as(USER);
		return user.send(HttpRequest.newBuilder(URI.create(user.base() + "/api/me/preferences"))
				.header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	@BeforeAll
	void aProjectWithAnEarlySumExpenditureAndAWonCommitment() {
		Api admin = api();
		ok(admin.post("/api/projects", """
				{"projectId":"%s","title":"Bukhara water towers","sector":"14021","region":"Bukhara","proposedOn":"2025-06-01"}"""
				.formatted(ID)));
		String p = "/api/projects/" + ID;
		ok(admin.post(p + "/expenditures", """
				{"amount":{"amount":"50000000","currency":"UZS"},"spentOn":"2025-06-10","provider":"Bukhara suv","description":"Survey"}"""));
		ok(admin.post(p + "/agreements", "{\"agreementId\":\"LA-1\",\"type\":\"LOAN\",\"signedOn\":\"2025-06-15\"}"));
		ok(admin.post(p + "/fundings/eximbank", """
				{"fundingId":"EDCF-KRW","instrument":"EDCF_LOAN","amount":{"amount":"1000000000","currency":"KRW"},"committedOn":"2025-09-12"}"""));
		ok(admin.post(p + "/disbursements", """
				{"fundingId":"EDCF-KRW","amount":{"amount":"200000000","currency":"KRW"},"disbursedOn":"2025-09-15"}"""));
		// the board below reads the project list, filled asynchronously: wait for every write above, not the first only
		api().awaitListed(ID);
		ok(preferences("{\"language\":\"en\",\"displayCurrency\":\"USD\"}"));
		browser = Browser.open("http://localhost:" + port);
		browser.login(USER, Api.TEST_PASSWORD);
	}

	@AfterAll
	void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@BeforeEach
	void laptop() {
		browser.resize(1366, 900);
		browser.severeConsoleMessages();
	}

	@AfterEach
	void noScriptErrors() {
		assertThat(browser.severeConsoleMessages().stream().filter(m -> m.contains("Uncaught") || m.contains("Error:"))
				.toList()).isEmpty();
	}

	void openProject() {
		browser.go("/#/projects/" + ID);
		browser.driver.navigate().refresh();
		browser.find("#money-heading");
		browser.find("table.history");
	}

	/** The text of the movements' row of a kind ("Expenditure", "Disbursement"). */
	String movement(String kind) {
		return browser.wait.until(d -> browser.all("section[aria-labelledby='fundings-heading'] tbody tr").stream()
				.map(WebElement::getText).filter(t -> t.contains(kind)).findFirst().orElse(null));
	}

	@Test
	@Order(1)
	void anAmountWithoutARateIsNeverShownAsZeroAndTheTotalsSaySo() {
		use("en");
		openProject();
		// no rate for UZS on 2025-06-10 and none for KRW at all: nothing converted, never "USD 0.00"
		assertThat(browser.text("#spent-converted")).isEqualTo("—");
		assertThat(browser.text("#spent-converted-excluded")).isEqualTo("excludes UZS 50,000,000 spent");
		assertThat(browser.text("#committed-usd")).isEqualTo("—");
		assertThat(browser.text("#committed-usd-excluded")).isEqualTo("excludes KRW 1,000,000,000 committed");
		assertThat(browser.text("#unconverted-amounts")).contains("Not in the USD totals (no exchange rate):",
				"UZS 50,000,000 spent: no rate for UZS on 2025-06-10",
				"KRW 1,000,000,000 committed, KRW 200,000,000 disbursed: no rate for KRW on 2025-09-12, 2025-09-15");
		assertThat(movement("Expenditure")).contains("no rate for UZS on 2025-06-10").doesNotContain("USD 0.00");
		assertThat(((String) browser.js("return document.body.innerText")).replace('\u00a0', ' ')).doesNotContain("USD 0.00");
		browser.screenshot("currency-no-rate");

		// in the user's language
		use("ru");
		openProject();
		assertThat(browser.text("#unconverted-amounts")).contains("нет курса UZS на 2025-06-10");
		assertThat(browser.text("#spent-converted-excluded")).isEqualTo("без учета: израсходовано 50 000 000 UZS");
		use("ko");
		openProject();
		assertThat(movement("지출")).contains("2025-06-10 기준 UZS 환율 없음");
		use("uz");
		openProject();
		assertThat(browser.text("#unconverted-amounts")).contains("2025-06-10 sanasiga UZS kursi yoʻq");
		use("en");
	}

	@Test
	@Order(2)
	void afterTheUploadEveryAmountShowsItsConversionWithTheRateAndDateAndTheSelectorChangesTheCurrency() throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/fx/cbu-2025-09-10.json")) {
			ok(api().post("/api/fx-rates/imports?name=cbu-2025-09-10.json", new String(in.readAllBytes(), StandardCharsets.UTF_8)));
		}
		use("en");
		openProject();
		assertThat(browser.text("#committed-usd")).isEqualTo("USD 6,968.76");
		assertThat(browser.all("#committed-usd-excluded")).isEmpty();
		assertThat(movement("Disbursement")).contains("USD 1,393.75",
				"1 KRW = 0.0000069687595607981779243 USD on 2025-09-10 (cross rate through UZS)",
				"Central Bank of the Republic of Uzbekistan");
		// the early expenditure still has no rate: still listed, still not zero
		assertThat(movement("Expenditure")).contains("no rate for UZS on 2025-06-10");
		assertThat(browser.text("#spent-converted")).isEqualTo("—");
		assertThat(browser.text("#rates-used")).contains("KRW 2025-09-10", "USD 2025-09-10");

		// the selector: KRW on the project, kept for the user, and the board and funding pages follow
		new Select(browser.find("#project-currency")).selectByValue("KRW");
		browser.wait.until(d -> browser.text("#committed-usd").equals("KRW 1,000,000,000"));
		assertThat(movement("Disbursement")).contains("KRW 200,000,000");
		browser.wait.until(d -> "KRW".equals(api().as(USER).get("/api/me/preferences").json().path("displayCurrency").asString()));
		browser.screenshot("currency-project-krw");

		browser.go("/#/board");
		browser.find("li.card[data-project-id='" + ID + "']");
		assertThat(new Select(browser.find("#board-currency")).getFirstSelectedOption().getAttribute("value")).isEqualTo("KRW");
		assertThat(browser.text("li.card[data-project-id='" + ID + "'] .committed")).isEqualTo("KRW 1,000,000,000");
		assertThat(browser.text("#board-totals")).contains("committed KRW 1,000,000,000");
		new Select(browser.find("#board-currency")).selectByValue("EUR");
		browser.wait.until(d -> browser.text("li.card[data-project-id='" + ID + "'] .committed").equals("EUR 5,921.79"));

		browser.go("/#/funding?interval=YEAR&groupBy=NONE&from=2025-01-01&to=2025-12-31");
		browser.find("#funding-table table");
		browser.wait.until(d -> browser.text("#funding-table").contains("EUR 5,921.79"));
		new Select(browser.find("#funding-currency")).selectByValue("UZS");
		browser.wait.until(d -> browser.text("#funding-table").contains("UZS 86,100,000"));
		browser.screenshot("currency-funding-uzs");

		// another browser of the same user starts in the currency chosen last
		try (Browser other = Browser.open("http://localhost:" + port)) {
			other.login(USER, Api.TEST_PASSWORD);
			other.go("/#/projects/" + ID);
			other.wait.until(d -> other.text("#committed-usd").equals("UZS 86,100,000"));
		}
		ok(preferences("{\"displayCurrency\":\"USD\"}"));
	}

	void use(String language) {
		ok(preferences("{\"language\":\"" + language + "\"}"));
	}
}
