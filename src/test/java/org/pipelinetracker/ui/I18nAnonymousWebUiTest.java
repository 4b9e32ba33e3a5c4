package org.pipelinetracker.ui;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An anonymous visitor of a server with public read: the first language is the browser's, the one chosen in the
 * header is kept in the browser (localStorage and a cookie the server can read), never on the server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tracker.test.context=i18n-anonymous", "tracker.security.public-read=true" })
@ActiveProfiles("test")
class I18nAnonymousWebUiTest {

	@LocalServerPort
	int port;

	@Test
	void keepsAnAnonymousVisitorsLanguageInTheBrowser() {
		try (Browser browser = Browser.open("http://localhost:" + port, "ko-KR")) {
			browser.go("/#/board");
			browser.find("#sign-in");
			browser.wait.until(d -> "ko".equals(browser.js("return document.documentElement.lang")));
			assertThat(browser.js("return localStorage.getItem('tracker.language')")).as("nothing chosen yet").isNull();

			new Select(browser.find("#language")).selectByValue("uz");
			browser.wait.until(d -> "uz".equals(browser.js("return document.documentElement.lang")));
			browser.find("#sign-in");
			assertThat(browser.js("return localStorage.getItem('tracker.language')")).isEqualTo("uz");
			assertThat((String) browser.js("return document.cookie")).contains("tracker-lang=uz");
			assertThat(browser.text("#sign-in")).isEqualTo("Kirish");

			new Select(browser.find("#time-zone")).selectByValue("Asia/Seoul");
			browser.wait.until(d -> browser.text("#footer-times").contains("UTC+9"));
			assertThat(browser.js("return localStorage.getItem('tracker.timeZone')")).isEqualTo("Asia/Seoul");

			// the next visit starts in the chosen language, whatever the browser says
			browser.go("/#/funding");
			browser.driver.navigate().refresh();
			browser.find("#funding-table");
			assertThat(browser.js("return document.documentElement.lang")).isEqualTo("uz");
			assertThat(browser.text("#footer-times")).contains("UTC+9");
		}
	}
}
