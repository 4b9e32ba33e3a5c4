package org.pipelinetracker.ui;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.support.ui.Select;
import org.pipelinetracker.Api;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page in every language, in a real browser, on the demo data plus a project with a Korean title and one with a
 * Cyrillic title: the page is in the chosen language ({@code <html lang>}), no key lacks a text (the pages mark one
 * as ⟦key⟧) or falls back to English, no English is left in the Korean and Russian pages outside recorded data
 * (titles, names, ids: {@code translate="no"}) and names marked {@code lang="en"}, and money, dates and instants
 * follow the language and the user's time zone. Screenshots of every page and language, at 1366 and 375 px, go to
 * target/screenshots/i18n/. Also: the language switch in the header is kept for the user on the server, the first
 * choice follows the browser's Accept-Language, and every request of the pages sends the chosen language.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		// the notification poller at once: its texts (a funder's name as recorded inside a sentence in the reader's
		// language) are on every page checked below, not only when a one-minute poll happens to have run
		properties = { "tracker.test.context=i18n-pages", "tracker.seed.enabled=true",
				"tracker.notifications.poll-interval=300ms" })
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class I18nWebUiTest {

	static final List<String> LANGUAGES = List.of("en", "uz", "ru", "ko");
	static final String KOREAN_ID = "I18N-KO-METRO";
	static final String KOREAN_TITLE = "타슈켄트 지하철 신호 체계 현대화";
	static final String CYRILLIC_ID = "I18N-RU-WATER";
	static final String CYRILLIC_TITLE = "Модернизация водоснабжения Хивы";
	/** The pages, each with what shows it has rendered. */
	static final Map<String, String[]> PAGES = Map.of(
			"board", new String[] { "/#/board", "li.card[data-project-id='" + KOREAN_ID + "']" },
			"funding", new String[] { "/#/funding", "#funding-table table" },
			"project", new String[] { "/#/projects/" + KOREAN_ID, "table.history" },
			"propose", new String[] { "/#/projects/new", "#propose" },
			"audit", new String[] { "/#/audit", "#dead-letters p, #dead-letters table" });
	/** An administrator of application-test.properties: this test's language choices are kept for this user. */
	static final String USER = "ops";

	@LocalServerPort
	int port;

	Browser browser;

	@RegisterExtension
	final TestWatcher onFailure = Browser.screenshotOnFailure("i18n/FAILED-", () -> browser);

	Api api() {
		return new Api(port);
	}

	/** PUT /api/me/preferences as the client's user. */
	static Api.Response put(Api user, String json) {
		return user.send(HttpRequest.newBuilder(URI.create(user.base() + "/api/me/preferences"))
				.header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	void ok(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isBetween(200, 201);
	}

	@BeforeAll
	void projectsWithKoreanAndCyrillicTitles() {
		Api admin = api();
		ok(admin.post("/api/projects", """
				{"projectId":"%s","title":"%s","description":"타슈켄트 지하철 1·2호선 신호 설비 교체","language":"ko","sector":"21030",
				 "region":"Tashkent City","partners":[{"name":"한국철도공사","country":"KR","role":"IMPLEMENTING"},
				 {"name":"Toshkent metropoliteni","country":"UZ","role":"ACCOUNTABLE"}],
				 "estimatedCost":{"amount":"98765432100","currency":"KRW"},"proposedOn":"2024-02-01",
				 "reason":"사업 제안서 접수","sourceUrl":"https://example.org/ko"}""".formatted(KOREAN_ID, KOREAN_TITLE)));
		String ko = "/api/projects/" + KOREAN_ID;
		ok(admin.post(ko + "/agreements", "{\"agreementId\":\"LA-2024-01\",\"type\":\"LOAN\",\"signedOn\":\"2024-03-01\",\"parties\":[\"한국수출입은행\",\"Moliya vazirligi\"]}"));
		ok(admin.post(ko + "/fundings/eximbank", "{\"fundingId\":\"EDCF-KRW\",\"instrument\":\"EDCF_LOAN\",\"amount\":{\"amount\":\"12345678900\",\"currency\":\"KRW\"},\"committedOn\":\"2024-04-01\",\"interestRate\":0.1,\"maturityYears\":40,\"graceYears\":10}"));
		ok(admin.post(ko + "/start", "{\"on\":\"2024-05-01\"}"));
		ok(admin.post(ko + "/disbursements", "{\"fundingId\":\"EDCF-KRW\",\"amount\":{\"amount\":\"1000000000\",\"currency\":\"KRW\"},\"disbursedOn\":\"2024-06-01\"}"));
		ok(admin.post(ko + "/expenditures", "{\"amount\":{\"amount\":\"2471028000.00\",\"currency\":\"UZS\"},\"spentOn\":\"2024-07-01\",\"provider\":\"Toshkent metropoliteni\",\"receiver\":\"Signal LLC\",\"description\":\"1-lot\"}"));
		ok(admin.post(ko + "/expenditures", "{\"amount\":{\"amount\":\"1234.50\",\"currency\":\"UZS\"},\"spentOn\":\"2024-07-02\",\"description\":\"Bank komissiyasi\"}"));
		ok(admin.post(ko + "/milestones", "{\"milestoneId\":\"M1\",\"name\":\"신호 설비 설치\",\"plannedOn\":\"2024-09-30\",\"achievedOn\":\"2024-10-20\"}"));
		ok(admin.post(ko + "/milestones", "{\"milestoneId\":\"M2\",\"name\":\"시운전\",\"plannedOn\":\"2025-03-31\"}"));

		ok(admin.post("/api/projects", """
				{"projectId":"%s","title":"%s","description":"Реконструкция водопроводных сетей Хивы","language":"ru","sector":"14021",
				 "region":"Khorezm","partners":[{"name":"Хоразм сув таъминоти","country":"UZ","role":"IMPLEMENTING"},
				 {"name":"KOICA","country":"KR","role":"FUNDING"}],"proposedOn":"2024-01-15"}""".formatted(CYRILLIC_ID, CYRILLIC_TITLE)));
		String ru = "/api/projects/" + CYRILLIC_ID;
		ok(admin.post(ru + "/agreements", "{\"agreementId\":\"GRANT-1\",\"type\":\"GRANT\",\"signedOn\":\"2024-03-10\",\"parties\":[\"KOICA\"]}"));
		ok(admin.post(ru + "/fundings", "{\"fundingId\":\"KOICA-1\",\"source\":\"KOICA_GRANT\",\"funder\":\"KOICA\",\"amount\":{\"amount\":\"7500000.00\",\"currency\":\"USD\"},\"committedOn\":\"2024-04-15\"}"));
		ok(admin.post(ru + "/suspend", "{\"on\":\"2024-06-01\",\"reason\":\"Тендер обжалован\"}"));
		api().eventually("/api/projects?size=200", r -> r.body().contains(KOREAN_ID) && r.body().contains(CYRILLIC_ID));
		// every write above listed (the board and the list show stages and amounts), not just each project's first
		api().awaitListed(KOREAN_ID);
		api().awaitListed(CYRILLIC_ID);
		// the seeded funders reported no quarter: the bell holds missing-report notifications in every language
		api().as(USER).eventually("/api/notifications", r -> r.json().path("total").asLong() > 0);

		browser = Browser.open("http://localhost:" + port);
		browser.login(USER, Api.TEST_PASSWORD);
		// a character no font has is drawn as an empty box: Hangul and Cyrillic must look different from it
		for (String letter : List.of("한", "Ж")) {
			assertThat(browser.js("""
					const draw = (text) => { const c = document.createElement('canvas'); c.width = 48; c.height = 48;
					  const g = c.getContext('2d'); g.font = '36px sans-serif'; g.fillText(text, 4, 40); return c.toDataURL(); };
					return draw(arguments[0]) !== draw('\\uE000');""", letter))
					.as("the browser has no font for " + letter + ": install one (Debian: apt-get install fonts-noto-cjk)")
					.isEqualTo(true);
		}
	}

	@AfterAll
	void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
		put(api().as(USER), "{\"language\":\"en\",\"timeZone\":\"Asia/Tashkent\"}");
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

	/** Chooses a language and zone for the user (as the switch does) and opens the page afresh. */
	void use(String language, String zone) {
		ok(put(api().as(USER), "{\"language\":\"" + language + "\",\"timeZone\":\"" + zone + "\"}"));
	}

	void open(String page) {
		String[] where = PAGES.get(page);
		browser.go(where[0]);
		browser.driver.navigate().refresh();
		browser.find(where[1]);
		if (page.equals("funding")) {
			browser.wait.until(d -> Boolean.TRUE.equals(browser.js("const c = document.getElementById('funding-chart');"
					+ " return !!(window.Chart && c && window.Chart.getChart(c));")));
			browser.find(".facility, #facility-list p");
		}
		if (page.equals("board")) {
			browser.find("li.card[data-project-id='" + CYRILLIC_ID + "']");
		}
	}

	@Test
	void showsEveryPageInEveryLanguageWithoutAMissingTextOrEnglishLeftOver() {
		for (String language : LANGUAGES) {
			use(language, "Asia/Tashkent");
			for (String page : List.of("board", "funding", "project", "propose", "audit")) {
				browser.resize(1366, 900);
				open(page);
				String where = page + " in " + language;
				assertThat(browser.js("return document.documentElement.lang")).as(where).isEqualTo(language);
				assertTextsComplete(where);
				if (language.equals("ru") || language.equals("ko")) {
					assertThat(latinOutsideData()).as("English left in " + where).isEmpty();
				}
				// one way of writing dates: no browser date pickers (their format follows the browser's locale)
				assertThat(browser.all("input[type=date], input[type=datetime-local]")).as(where).isEmpty();
				assertThat((String) browser.js("return document.body.innerText")).as("no raw UTC instants in " + where)
						.doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
				browser.screenshot("i18n/" + page + "-" + language);

				browser.resize(375, 800);
				browser.wait.until(d -> ((Number) browser.js("return window.innerWidth")).intValue() <= 375);
				// the layout follows a resize within a frame or two (charts redraw on the next animation frame)
				browser.js("return new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))");
				assertThat(((Number) browser.js("return document.documentElement.scrollWidth")).intValue())
						.as("no sideways scrolling at 375 px: " + where).isLessThanOrEqualTo(375);
				browser.screenshot("i18n/" + page + "-" + language + "-375");
			}
		}
	}

	@Test
	void showsMoneyDatesAndInstantsAsTheLanguageAndTimeZoneWriteThem() {
		use("ru", "Asia/Tashkent");
		open("project");
		assertThat(browser.text("#project-title")).isEqualTo(KOREAN_TITLE);
		String money = browser.text("section[aria-labelledby='fundings-heading']");
		// KRW and UZS without minor units, a fraction kept; Russian separators, the code after the amount
		assertThat(money).contains("12 345 678 900 KRW", "2 471 028 000 UZS", "1 234,50 UZS");
		assertThat(browser.text("table.history")).contains("(UTC+5)");
		assertThat(browser.text(".project-status .badge")).isEqualTo("Реализация");
		assertThat(browser.text("#iati-status")).contains("2 Реализация");
		// this project's money has no rate to USD (KRW; UZS before the first rate): no converted total, never 0,00 USD
		assertThat(browser.text("#committed-usd")).isEqualTo("—");
		// a converted total in Russian: separators and the code after the amount
		browser.go("/#/projects/" + CYRILLIC_ID);
		browser.driver.navigate().refresh();
		browser.wait.until(d -> browser.text("#project-title").equals(CYRILLIC_TITLE));
		assertThat(browser.text("#committed-usd")).matches("\\d{1,3}( \\d{3})*,\\d{2} USD");

		use("ko", "Asia/Seoul");
		open("project");
		assertThat(browser.text("section[aria-labelledby='fundings-heading']")).contains("KRW 12,345,678,900");
		assertThat(browser.text("table.history")).contains("(UTC+9)").doesNotContain("(UTC+5)");
		assertThat(browser.attribute("#as-of", "placeholder")).isEqualTo("YYYY-MM-DD");

		use("ko", "Asia/Tashkent");
		browser.go("/#/projects/" + CYRILLIC_ID);
		browser.driver.navigate().refresh();
		assertThat(browser.text("#project-title")).isEqualTo(CYRILLIC_TITLE);
		assertThat(browser.text(".project-status .badge")).isEqualTo("중단");
		// the 5-digit DAC sector name is English, marked as such; its 3-digit category is translated
		assertThat(browser.text("#details-heading ~ dl")).contains("식수 및 위생", "EN");
		assertThat(browser.all("#details-heading ~ dl .sector [lang=en]")).isNotEmpty();
		assertThat(browser.text("#details-heading ~ dl")).contains("호라즘주");
		browser.screenshot("i18n/project-cyrillic-ko");

		use("uz", "Asia/Tashkent");
		open("propose");
		assertThat(browser.attribute("#propose-proposedOn", "placeholder")).isEqualTo("YYYY-OO-KK");
		new Select(browser.find("#propose-region")).selectByVisibleText("Andijon viloyati");
		browser.find("#propose-proposedOn").sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), "01.06.2025");
		browser.find("#propose button[type=submit]").click();
		// a date that is not YYYY-MM-DD is refused in the page, in the user's language, before anything is sent
		assertThat(browser.text("#propose-proposedOn-error")).contains("01.06.2025", "YYYY-OO-KK");
		browser.screenshot("i18n/propose-errors-uz");
	}

	@Test
	void keepsTheLanguageChosenInTheHeaderForTheUserOnTheServer() {
		String user = "finance-officer";
		put(api().as(user), "{\"language\":\"en\"}");
		try (Browser own = Browser.open("http://localhost:" + port)) {
			own.login(user, Api.TEST_PASSWORD);
			own.find("#language");
			assertThat(own.js("return document.documentElement.lang")).isEqualTo("en");
			new Select(own.find("#language")).selectByValue("ko");
			own.wait.until(d -> "ko".equals(own.js("return document.documentElement.lang")));
			own.find("main h1");
			assertThat(own.text("nav a[data-nav='board']")).isEqualTo(Catalogue.of(api(), "ko").text("ui.nav.board"));
			new Select(own.find("#time-zone")).selectByValue("Asia/Seoul");
			own.wait.until(d -> own.text("#footer-times").contains("UTC+9"));
		}
		Api.Response stored = api().as(user).get("/api/me/preferences");
		assertThat(stored.json().path("language").asString()).isEqualTo("ko");
		assertThat(stored.json().path("timeZone").asString()).isEqualTo("Asia/Seoul");
		// another browser of the same user starts in Korean, whatever its own language
		try (Browser other = Browser.open("http://localhost:" + port, "ru")) {
			other.login(user, Api.TEST_PASSWORD);
			other.find("main h1");
			other.wait.until(d -> "ko".equals(other.js("return document.documentElement.lang")));
		}
		put(api().as(user), "{\"language\":\"en\",\"timeZone\":\"Asia/Tashkent\"}");
	}

	@Test
	void takesTheFirstChoiceFromTheBrowsersLanguageAndSendsTheChosenLanguageWithEveryRequest() {
		// carol has never chosen: her browser says Russian
		try (Browser russian = Browser.open("http://localhost:" + port, "ru-RU")) {
			russian.login("carol", Api.TEST_PASSWORD);
			russian.find("main h1");
			russian.wait.until(d -> "ru".equals(russian.js("return document.documentElement.lang")));
			assertThat(russian.text("main h1")).isEqualTo(Catalogue.of(api(), "ru").text("ui.board.title"));
			russian.js("window.__sent = []; const original = window.fetch;"
					+ " window.fetch = (url, init) => { window.__sent.push([String(url), ((init || {}).headers || {})['Accept-Language'] || null]);"
					+ " return original(url, init); };");
			// moves within the page (a new address would load it afresh)
			russian.js("location.hash = '#/funding'");
			russian.find("#funding-table table");
			russian.js("location.hash = arguments[0]", "#/projects/" + KOREAN_ID);
			russian.find("#history-heading");
			@SuppressWarnings("unchecked")
			List<List<String>> sent = (List<List<String>>) russian.js("return window.__sent");
			assertThat(sent).isNotEmpty();
			assertThat(sent).allSatisfy(request -> assertThat(request.get(1)).as(request.get(0)).isEqualTo("ru"));
		}
		// Korean, from a regional tag
		try (Browser korean = Browser.open("http://localhost:" + port, "ko-KR")) {
			korean.login("bob", Api.TEST_PASSWORD);
			korean.find("main h1");
			korean.wait.until(d -> "ko".equals(korean.js("return document.documentElement.lang")));
		}
	}

	/** No ⟦key⟧ marker in the page, no key without a text and none shown in English for want of a translation. */
	void assertTextsComplete(String where) {
		assertThat((String) browser.js("return document.body.innerText + document.title")).as(where).doesNotContain("⟦");
		assertThat(browser.js("return [...document.querySelectorAll('[title],[aria-label],[placeholder]')]"
				+ ".flatMap(e => [e.title, e.getAttribute('aria-label'), e.placeholder]).filter(a => a && a.includes('⟦'))"))
				.as(where).asList().isEmpty();
		assertThat(browser.js("return window.__i18n.missing")).as("keys without text: " + where).asList().isEmpty();
		assertThat(browser.js("return window.__i18n.fallback")).as("keys shown in English: " + where).asList().isEmpty();
	}

	/**
	 * Latin-script words in the page's own text (text nodes, titles, labels, placeholders, the chart's labels), leaving
	 * out what people recorded ({@code translate="no"}), names marked with another language, codes and acronyms
	 * (USD, IATI, DAC, KR…), and the letters of the date and time patterns.
	 */
	@SuppressWarnings("unchecked")
	List<String> latinOutsideData() {
		return new ArrayList<>((List<String>) browser.js("""
				const lang = document.documentElement.lang;
				const allowed = new Set(['hh', 'mm', 'ss', 'http', 'https', 's']);
				const found = [];
				const skip = (el) => !el || el.closest('[translate="no"], script, style, noscript, canvas')
				  || (el.closest('[lang]') && el.closest('[lang]').getAttribute('lang') !== lang);
				const check = (text, where, english) => {
				  // data-en: the English name a text shows for want of a translation (5-digit DAC sectors), tagged EN
				  const own = english ? String(text || '').split(english).join(' ') : String(text || '');
				  for (const word of own.match(/[A-Za-z][A-Za-z']*/g) || []) {
				    if (/^[A-Z]{2,}$/.test(word) || allowed.has(word)) continue;
				    found.push(`${word} (${where}: ${String(text).trim().slice(0, 80)})`);
				  }
				};
				const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
				while (walker.nextNode()) {
				  const node = walker.currentNode;
				  if (!skip(node.parentElement)) check(node.nodeValue, node.parentElement.tagName, node.parentElement.dataset.en);
				}
				for (const option of document.querySelectorAll('option[label]')) if (!skip(option)) check(option.label, 'OPTION@label', option.dataset.en);
				for (const el of document.querySelectorAll('[title], [aria-label], [placeholder]')) {
				  if (skip(el)) continue;
				  for (const name of ['title', 'aria-label', 'placeholder']) if (el.hasAttribute(name)) check(el.getAttribute(name), `${el.tagName}@${name}`, el.dataset.en);
				}
				check(document.title, 'title');
				const canvas = document.getElementById('funding-chart');
				const chart = canvas && window.Chart && window.Chart.getChart(canvas);
				if (chart) {
				  for (const d of chart.data.datasets) check(d.label, 'chart legend');
				  for (const axis of ['y', 'y2']) check(chart.options.scales[axis].title.text, 'chart axis');
				}
				return found;
				"""));
	}
}
