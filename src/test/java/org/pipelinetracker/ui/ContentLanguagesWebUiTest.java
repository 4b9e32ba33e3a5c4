package org.pipelinetracker.ui;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.pipelinetracker.Api;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project's title and description in the page's language, in a real browser: a project proposed in Korean shows
 * its Korean title on the Korean pages; on the Uzbek pages, which have no Uzbek title yet, the Korean original marked
 * {@code lang="ko"} and tagged KO; a recorder records the Uzbek title on the project page and the Uzbek pages show it.
 * An English project with a Korean text shows it on the Korean board; one without shows English, tagged EN. The
 * board's search finds a project by a Korean spelling of its region and by a title in another language. Screenshots
 * in target/screenshots/content/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tracker.test.context=content-languages")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentLanguagesWebUiTest {

	static final String METRO = "CL-KO-METRO";
	static final String METRO_KO = "타슈켄트 지하철 신호 체계 현대화";
	static final String METRO_KO_DESCRIPTION = "타슈켄트 지하철 1·2호선 신호 설비 교체";
	static final String METRO_EN = "Tashkent Metro signalling modernisation";
	static final String METRO_UZ = "Toshkent metropoliteni signalizatsiya tizimini modernizatsiya qilish";
	static final String HEATING = "CL-EN-HEATING";
	static final String HEATING_EN = "Andijan district heating";
	static final String HEATING_KO = "안디잔 지역난방";
	static final String WATER = "CL-EN-WATER";
	static final String WATER_EN = "Nukus water supply";
	/** An administrator: this test's language choices are kept for this user. */
	static final String USER = "ops";

	@LocalServerPort
	int port;

	Browser browser;

	@RegisterExtension
	final TestWatcher onFailure = Browser.screenshotOnFailure("content/FAILED-", () -> browser);

	Api api() {
		return new Api(port);
	}

	static void ok(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isBetween(200, 201);
	}

	@BeforeAll
	void projectsInSeveralLanguages() {
		Api admin = api();
		ok(admin.post("/api/projects", """
				{"projectId":"%s","title":"%s","description":"%s","language":"ko","sector":"21030","region":"Tashkent City",
				 "partners":[{"name":"한국철도공사","country":"KR","role":"IMPLEMENTING"}],"proposedOn":"2024-02-01"}"""
				.formatted(METRO, METRO_KO, METRO_KO_DESCRIPTION)));
		ok(admin.post("/api/projects/" + METRO + "/texts", """
				{"language":"en","title":"%s","description":"Replacement of the signalling of lines 1 and 2"}""".formatted(METRO_EN)));
		ok(admin.post("/api/projects", """
				{"projectId":"%s","title":"%s","sector":"23630","region":"Andijan","proposedOn":"2024-03-01"}"""
				.formatted(HEATING, HEATING_EN)));
		ok(admin.post("/api/projects/" + HEATING + "/texts", "{\"language\":\"ko\",\"title\":\"" + HEATING_KO + "\"}"));
		ok(admin.post("/api/projects", """
				{"projectId":"%s","title":"%s","sector":"14020","region":"Karakalpakstan","proposedOn":"2024-04-01"}"""
				.formatted(WATER, WATER_EN)));
		api().eventually("/api/projects?size=200", r -> r.body().contains(HEATING_KO) && r.body().contains(WATER_EN));
		browser = Browser.open("http://localhost:" + port);
		browser.login(USER, Api.TEST_PASSWORD);
	}

	@AfterAll
	void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
		use("en");
	}

	@BeforeEach
	void laptop() {
		browser.resize(1366, 900);
		browser.severeConsoleMessages();
	}

	@AfterEach
	void noScriptErrors() {
		assertThat(browser.severeConsoleMessages().stream()
				.filter(m -> m.contains("Uncaught") || m.contains("Refused") || m.contains("Error:")).toList()).isEmpty();
	}

	void use(String language) {
		Api user = api().as(USER);
		ok(user.send(HttpRequest.newBuilder(URI.create(user.base() + "/api/me/preferences"))
				.header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString("{\"language\":\"" + language + "\",\"timeZone\":\"Asia/Tashkent\"}"))));
	}

	void open(String path, String ready) {
		browser.go(path);
		browser.driver.navigate().refresh();
		browser.find(ready);
	}

	String card(String id) {
		return "li.card[data-project-id='" + id + "']";
	}

	@Test
	void aKoreanTitleInKoreanItsOriginalTaggedInUzbekThenTheUzbekTitleOnceRecorded() {
		use("ko");
		open("/#/board", card(WATER));
		assertThat(browser.js("return document.documentElement.lang")).isEqualTo("ko");
		// the Korean original, in Korean, untagged
		assertThat(browser.text(card(METRO) + " .card-title a")).isEqualTo(METRO_KO);
		assertThat(browser.attribute(card(METRO) + " .card-title a", "lang")).isEqualTo("ko");
		assertThat(browser.all(card(METRO) + " .card-title .lang-tag")).isEmpty();
		// an English project with a Korean title shows it; one without shows its English, marked and tagged EN
		assertThat(browser.text(card(HEATING) + " .card-title a")).isEqualTo(HEATING_KO);
		assertThat(browser.all(card(HEATING) + " .card-title .lang-tag")).isEmpty();
		assertThat(browser.text(card(WATER) + " .card-title a")).isEqualTo(WATER_EN);
		assertThat(browser.attribute(card(WATER) + " .card-title a", "lang")).isEqualTo("en");
		assertThat(browser.text(card(WATER) + " .card-title .lang-tag")).isEqualTo("EN");
		assertThat(browser.attribute(card(WATER) + " .card-title .lang-tag", "title")).contains("영어");
		browser.screenshot("content/board-ko");

		open("/#/projects/" + METRO, "table.history");
		assertThat(browser.text("#project-title")).isEqualTo(METRO_KO);
		assertThat(browser.all(".title-line .lang-tag")).isEmpty();
		assertThat(browser.text("p.description")).isEqualTo(METRO_KO_DESCRIPTION);
		assertThat((String) browser.js("return document.title")).contains(METRO_KO);
		assertThat(browser.text("#details-heading ~ dl")).contains("한국어(원문)", "영어");
		browser.screenshot("content/project-ko");

		use("uz");
		open("/#/board", card(WATER));
		assertThat(browser.js("return document.documentElement.lang")).isEqualTo("uz");
		// no Uzbek title yet: the Korean original, tagged KO
		assertThat(browser.text(card(METRO) + " .card-title a")).isEqualTo(METRO_KO);
		assertThat(browser.attribute(card(METRO) + " .card-title a", "lang")).isEqualTo("ko");
		assertThat(browser.text(card(METRO) + " .card-title .lang-tag")).isEqualTo("KO");
		assertThat(browser.text(card(HEATING) + " .card-title a")).isEqualTo(HEATING_EN);
		assertThat(browser.text(card(HEATING) + " .card-title .lang-tag")).isEqualTo("EN");
		browser.screenshot("content/board-uz-fallback");

		open("/#/projects/" + METRO, "table.history");
		assertThat(browser.text("#project-title")).isEqualTo(METRO_KO);
		assertThat(browser.attribute("#project-title", "lang")).isEqualTo("ko");
		assertThat(browser.text(".title-line .lang-tag")).isEqualTo("KO");
		assertThat(browser.attribute(".title-line .lang-tag", "title")).contains("tarjima");
		assertThat(browser.text("p.description")).contains(METRO_KO_DESCRIPTION, "KO");
		browser.screenshot("content/project-uz-fallback");

		// the recorder records the Uzbek title on the project page
		browser.find("#command-text summary").click();
		assertThat(new Select(browser.find("#form-text-language")).getFirstSelectedOption().getAttribute("value"))
				.as("the page's language is offered first").isEqualTo("uz");
		assertThat(browser.all("#form-text-language option[value='ko']")).as("not the original's").isEmpty();
		new Select(browser.find("#form-text-language")).selectByValue("en");
		assertThat(browser.find("#form-text-title").getAttribute("value")).as("what is recorded in English")
				.isEqualTo(METRO_EN);
		new Select(browser.find("#form-text-language")).selectByValue("uz");
		assertThat(browser.find("#form-text-title").getAttribute("value")).isEmpty();
		browser.find("#form-text-title").sendKeys(METRO_UZ);
		browser.find("#form-text-reason").sendKeys("Vazirlik tarjimasi");
		browser.screenshot("content/record-text-uz");
		browser.find("#form-text button[type=submit]").click();
		browser.wait.until(d -> METRO_UZ.equals(browser.text("#project-title")));
		assertThat(browser.attribute("#project-title", "lang")).isEqualTo("uz");
		assertThat(browser.all(".title-line .lang-tag")).isEmpty();
		assertThat(browser.text("table.history")).contains("Boshqa tildagi matn qayd etildi", "Vazirlik tarjimasi");
		browser.screenshot("content/project-uz-recorded");

		open("/#/board", card(WATER));
		browser.wait.until(d -> METRO_UZ.equals(browser.text(card(METRO) + " .card-title a")));
		assertThat(browser.all(card(METRO) + " .card-title .lang-tag")).isEmpty();
		browser.screenshot("content/board-uz-recorded");
	}

	@Test
	void theBoardsSearchFindsARegionByItsKoreanOrCyrillicSpellingAndATitleInAnyLanguage() {
		use("ko");
		open("/#/board", card(WATER));
		browser.find("#board-search").sendKeys("안디잔");
		browser.wait.until(d -> browser.all(card(WATER)).isEmpty() && browser.all(card(METRO)).isEmpty());
		assertThat(browser.find(card(HEATING)).isDisplayed()).isTrue();
		browser.screenshot("content/board-search-ko");

		browser.find("#board-search").sendKeys(Keys.chord(Keys.CONTROL, "a"), "Каракалпакстан");
		browser.wait.until(d -> browser.all(card(HEATING)).isEmpty() && !browser.all(card(WATER)).isEmpty());
		assertThat(browser.all(card(METRO))).isEmpty();

		// the English title of a project proposed in Korean, and a spelling with an Uzbek apostrophe
		browser.find("#board-search").sendKeys(Keys.chord(Keys.CONTROL, "a"), "metro signalling");
		browser.wait.until(d -> !browser.all(card(METRO)).isEmpty() && browser.all(card(WATER)).isEmpty());
		browser.find("#board-search").sendKeys(Keys.chord(Keys.CONTROL, "a"), "qoraqalpog'iston");
		browser.wait.until(d -> !browser.all(card(WATER)).isEmpty() && browser.all(card(METRO)).isEmpty());
		browser.find("#board-search").sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
		browser.find(card(METRO));
	}
}
