package org.pipelinetracker.ui;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.pipelinetracker.Api;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in and sign-out pages in a real browser, in each language: chosen by the browser's Accept-Language, by the
 * switch (links, no script) and remembered in the pages' language cookie; labelled fields, the CSRF token, the
 * "wrong username or password" and "signed out" messages from the catalogue; every page the user then sees, and the
 * sign-out, without one error in Chromium's console (no missing favicon, no failed request). Screenshots in
 * target/screenshots/i18n/sign-in-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tracker.test.context=sign-in-pages", "tracker.seed.enabled=true" })
@ActiveProfiles("test")
class SignInWebUiTest {

	static final List<String> LANGUAGES = List.of("en", "uz", "ru", "ko");
	/** The browsers' own language tags, as their users would have them. */
	static final Map<String, String> BROWSER_LANGUAGE = Map.of("en", "en-GB", "uz", "uz-Latn-UZ", "ru", "ru-RU",
			"ko", "ko-KR");
	/** The app's pages, each with what shows it has rendered. */
	static final Map<String, String> PAGES = Map.of("/#/board", "li.card", "/#/funding", "#funding-table table",
			"/#/projects/KR-UZ-TASHKENT-PHARMA-PARK", "table.history", "/#/projects/new", "#propose",
			"/#/audit", "#dead-letters p, #dead-letters table");

	@LocalServerPort
	int port;

	String base() {
		return "http://localhost:" + port;
	}

	@Test
	void showsTheSignInPageInTheBrowsersLanguageAndNamesAWrongPassword() {
		for (String language : LANGUAGES) {
			Catalogue texts = Catalogue.of(new Api(port), language);
			try (Browser browser = Browser.open(base(), BROWSER_LANGUAGE.get(language))) {
				browser.go("/#/board");
				browser.wait.until(d -> d.getCurrentUrl().contains("/login"));
				assertSignInPage(browser, texts, language);
				assertThat(browser.all("#sign-in-error, #signed-out")).isEmpty();
				browser.screenshot("i18n/sign-in-" + language);

				browser.find("#username").sendKeys("admin");
				browser.find("#password").sendKeys("not-the-password");
				browser.find("form.sign-in-form button[type=submit]").click();
				browser.wait.until(d -> d.getCurrentUrl().endsWith("/login?error"));
				assertThat(browser.text("#sign-in-error")).isEqualTo(texts.text("ui.signIn.failed"));
				assertThat(browser.attribute("#sign-in-error", "role")).isEqualTo("alert");
				assertSignInPage(browser, texts, language);
				browser.screenshot("i18n/sign-in-error-" + language);

				browser.resize(375, 800);
				assertThat(((Number) browser.js("return document.documentElement.scrollWidth")).intValue())
						.as("no sideways scrolling at 375 px in " + language).isLessThanOrEqualTo(375);
				browser.screenshot("i18n/sign-in-error-" + language + "-375");
				assertThat(browser.severeConsoleMessages()).as("console of the sign-in page in " + language).isEmpty();
			}
		}
	}

	@Test
	void switchesTheLanguageWithoutScriptAndKeepsItForTheApp() {
		try (Browser browser = Browser.open(base(), "en-US")) {
			browser.go("/login");
			assertThat(browser.js("return document.documentElement.lang")).isEqualTo("en");
			browser.driver.findElement(By.cssSelector(".languages a[lang='uz']")).click();
			browser.wait.until(d -> "uz".equals(browser.js("return document.documentElement.lang")));
			assertSignInPage(browser, Catalogue.of(new Api(port), "uz"), "uz");
			assertThat((String) browser.js("return document.cookie")).contains("tracker-lang=uz");
			// the next visit, and the app after signing in, keep the choice over the browser's English
			browser.go("/login");
			assertThat(browser.js("return document.documentElement.lang")).isEqualTo("uz");
			browser.find("#username").sendKeys("reader");
			browser.find("#password").sendKeys(Api.TEST_PASSWORD);
			browser.find("form.sign-in-form button[type=submit]").click();
			browser.wait.until(d -> !d.getCurrentUrl().contains("/login"));
			browser.find("main h1");
			browser.wait.until(d -> "uz".equals(browser.js("return document.documentElement.lang")));
			assertThat(browser.severeConsoleMessages()).isEmpty();
		}
	}

	@Test
	void signsOutToTheSignedOutMessageWithoutAConsoleErrorOnAnyPage() {
		Catalogue russian = Catalogue.of(new Api(port), "ru");
		try (Browser browser = Browser.open(base(), "ru-RU")) {
			browser.login("admin", "admin-demo");
			for (Map.Entry<String, String> page : PAGES.entrySet()) {
				browser.go(page.getKey());
				browser.driver.navigate().refresh();
				browser.find(page.getValue());
				browser.wait.until(d -> "ru".equals(browser.js("return document.documentElement.lang")));
				assertThat(browser.severeConsoleMessages()).as("console of " + page.getKey()).isEmpty();
			}
			// the sign-out confirmation of GET /logout (for a browser without the page's script)
			browser.go("/logout");
			assertThat(browser.js("return document.documentElement.lang")).isEqualTo("ru");
			assertThat(browser.text("main h1")).isEqualTo(russian.text("ui.session.logOut"));
			assertThat(browser.text("main p")).isEqualTo(russian.text("ui.signOut.question"));
			assertThat(browser.all("input[type=hidden][name=_csrf]")).hasSize(1);
			browser.screenshot("i18n/sign-out-ru");
			browser.go("/#/board");
			browser.find("#logout").click();
			browser.wait.until(d -> d.getCurrentUrl().endsWith("/login?logout"));
			assertThat(browser.text("#signed-out")).isEqualTo(russian.text("ui.signIn.signedOut"));
			assertThat(browser.attribute("#signed-out", "role")).isEqualTo("status");
			assertSignInPage(browser, russian, "ru");
			browser.screenshot("i18n/signed-out-ru");
			assertThat(browser.severeConsoleMessages()).as("console after signing out").isEmpty();
		}
	}

	/** The page in {@code language}: labelled fields, the CSRF token, the switch, no script at all. */
	private static void assertSignInPage(Browser browser, Catalogue texts, String language) {
		assertThat(browser.js("return document.documentElement.lang")).isEqualTo(language);
		assertThat(browser.js("return document.scripts.length")).as("no script: works without JavaScript")
				.isEqualTo(0L);
		assertThat(browser.text("main h1")).isEqualTo(texts.text("ui.session.signIn"));
		assertThat(browser.driver.getTitle()).isEqualTo(texts.text("ui.app.titleWith")
				.replace("{title}", texts.text("ui.session.signIn")));
		assertThat(browser.text("label[for=username]")).isEqualTo(texts.text("ui.signIn.username"));
		assertThat(browser.text("label[for=password]")).isEqualTo(texts.text("ui.signIn.password"));
		assertThat(browser.attribute("#password", "type")).isEqualTo("password");
		assertThat(browser.text("form.sign-in-form button[type=submit]")).isEqualTo(texts.text("ui.session.signIn"));
		assertThat(browser.all("form.sign-in-form input[type=hidden][name=_csrf]")).hasSize(1);
		List<WebElement> switcher = browser.all(".languages a");
		assertThat(switcher).extracting(a -> a.getAttribute("lang")).containsExactly("en", "uz", "ru", "ko");
		assertThat(browser.attribute(".languages a[aria-current]", "lang")).isEqualTo(language);
		assertThat(browser.attribute(".languages", "aria-label")).isEqualTo(texts.text("ui.prefs.language"));
	}
}
