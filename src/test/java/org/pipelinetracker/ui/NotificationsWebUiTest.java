package org.pipelinetracker.ui;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.pipelinetracker.Api;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bell in a real browser: the unread count in the header (with an accessible name), opened by keyboard, the
 * newest notifications linking to the project, "mark all read", and the e-mail settings. The poller runs every
 * 300 ms here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"tracker.test.context=notification-pages", "tracker.notifications.poll-interval=300ms"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotificationsWebUiTest {

	static final String USER = "bob";

	@LocalServerPort
	int port;

	Browser browser;
	LocalDate plannedOn;

	@RegisterExtension
	final TestWatcher onFailure = Browser.screenshotOnFailure("FAILED-notifications-", () -> browser);

	@BeforeAll
	void anOverdueMilestone() {
		Api admin = new Api(port);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Tashkent"));
		plannedOn = today.minusDays(20);
		assertThat(admin.post("/api/projects", """
				{"projectId":"BELL-1","title":"Samarkand bypass road","sector":"21020","region":"Samarkand",
				 "proposedOn":"%s"}""".formatted(today.minusDays(100))).status()).isEqualTo(201);
		assertThat(admin.post("/api/projects/BELL-1/milestones", """
				{"milestoneId":"M1","name":"Land acquisition","plannedOn":"%s"}""".formatted(plannedOn)).status())
				.isEqualTo(200);
		admin.as(USER).eventually("/api/notifications", r -> r.json().path("unread").asLong() == 1);
		browser = Browser.open("http://localhost:" + port);
		browser.resize(1366, 900);
		browser.login(USER, Api.TEST_PASSWORD);
	}

	@AfterAll
	void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void showsTheUnreadCountOpensTheListByKeyboardMarksAllReadAndKeepsTheEmailSetting() {
		browser.go("/#/board");
		browser.find("main h1");
		WebElement bell = browser.find("#notification-bell");
		browser.wait.until(d -> browser.text("#notification-count").equals("1"));
		assertThat(browser.attribute("#notification-bell", "aria-label")).isEqualTo("Notifications: 1 unread");
		assertThat(browser.attribute("#notification-bell", "aria-expanded")).isEqualTo("false");
		// the white bell is drawn on the header's dark blue, closed as open (not on a white button, where it vanished)
		assertThat(bell.getCssValue("background-color")).isEqualTo("rgba(29, 54, 86, 1)");
		browser.screenshot("notifications/bell-closed");

		bell.sendKeys(Keys.ENTER);
		browser.find("#notification-panel");
		assertThat(browser.attribute("#notification-bell", "aria-expanded")).isEqualTo("true");
		String item = browser.text("#notification-list li.unread");
		assertThat(item).contains("Milestone overdue")
				.contains("Milestone “Land acquisition” of Samarkand bypass road was planned for " + plannedOn
						+ " and is not achieved yet");
		assertThat(browser.attribute("#notification-list li.unread a", "href")).endsWith("/#/projects/BELL-1");
		browser.find("#notification-address");
		browser.screenshot("notifications/bell-open");

		browser.find("#notification-mark-all").click();
		browser.wait.until(d -> browser.text("#notification-count").equals("0"));
		assertThat(browser.all("#notification-list li.unread")).isEmpty();
		assertThat(new Api(port).as(USER).get("/api/notifications").json().path("unread").asLong()).isZero();

		browser.find("#notification-email").click();
		browser.find("#notification-address").sendKeys("bob@example.uz");
		browser.find("#notification-save").click();
		browser.wait.until(d -> browser.text(".notification-status").equals("Saved"));
		Api bob = new Api(port).as(USER);
		assertThat(bob.get("/api/me/notification-settings").json().path("address").asString()).isEqualTo("bob@example.uz");
		assertThat(bob.get("/api/me/notification-settings").json().path("email").asBoolean()).isTrue();

		// an address that is not one: the server's reason, in the page
		WebElement address = browser.find("#notification-address");
		address.clear();
		address.sendKeys("bob at example");
		browser.find("#notification-save").click();
		browser.wait.until(d -> browser.text(".notification-status").contains("is not an e-mail address"));

		browser.find("#notification-mark-all").sendKeys(Keys.ESCAPE);
		browser.wait.until(d -> "false".equals(browser.attribute("#notification-bell", "aria-expanded")));
		assertThat(browser.js("return document.activeElement.id")).isEqualTo("notification-bell");
		assertThat(browser.severeConsoleMessages().stream().filter(m -> m.contains("Uncaught")).toList()).isEmpty();
	}
}
