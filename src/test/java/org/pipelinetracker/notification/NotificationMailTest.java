package org.pipelinetracker.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pipelinetracker.notification.NotificationApiTest.put;

/**
 * E-mail through a real SMTP server (GreenMail) started by the test: sent only to the users who switched it on, in
 * their language; a send that fails (the server is down) keeps the notification in the pages and is sent later.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"tracker.test.context=notification-mail", "tracker.notifications.poll-interval=0",
		"tracker.notifications.mail-retry-delay=10ms", "tracker.notifications.base-url=https://tracker.example.uz/",
		"tracker.notifications.mail-from=tracker@example.uz",
		"spring.mail.properties.mail.smtp.connectiontimeout=5000", "spring.mail.properties.mail.smtp.timeout=5000"})
@ActiveProfiles("test")
class NotificationMailTest {

	static GreenMail smtp = started(new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)));

	@DynamicPropertySource
	static void smtpServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}

	@AfterAll
	static void stopSmtp() {
		smtp.stop();
	}

	@LocalServerPort
	int port;

	@Autowired
	NotificationPoller poller;

	@Test
	void mailsThoseWhoSwitchedItOnInTheirLanguageAndRetriesAFailedSend() throws Exception {
		Api api = new Api(port);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Tashkent"));
		LocalDate plannedOn = today.minusDays(5);
		assertThat(put(api.as("bob"), "/api/me/preferences", "{\"language\":\"uz\"}").status()).isEqualTo(200);
		assertThat(put(api.as("bob"), "/api/me/notification-settings",
				"{\"email\":true,\"address\":\"bob@example.uz\"}").json().path("emailAvailable").asBoolean()).isTrue();
		assertThat(put(api.as("dave"), "/api/me/preferences", "{\"language\":\"ru\"}").status()).isEqualTo(200);
		assertThat(put(api.as("dave"), "/api/me/notification-settings",
				"{\"email\":true,\"address\":\"dave@example.uz\"}").status()).isEqualTo(200);
		assertThat(api.post("/api/projects", """
				{"projectId":"MAIL-1","title":"Tashkent school","sector":"11220","region":"Tashkent",
				 "proposedOn":"%s"}""".formatted(today.minusDays(60))).status()).isEqualTo(201);
		assertThat(api.post("/api/projects/MAIL-1/milestones", """
				{"milestoneId":"M1","name":"Design approved","plannedOn":"%s"}""".formatted(plannedOn)).status())
				.isEqualTo(200);
		api.eventually("/api/milestones?overdue=true", r -> r.body().contains("Tashkent school"));

		// the SMTP server is down: the notifications are recorded, the e-mails wait
		int smtpPort = smtp.getSmtp().getPort();
		smtp.stop();
		assertThat(poller.pollNow()).isEqualTo(1);
		JsonNode bobs = api.as("bob").get("/api/notifications").json();
		assertThat(bobs.path("unread").asLong()).isEqualTo(1);
		assertThat(bobs.path("items").get(0).path("email").asString()).isEqualTo("PENDING");
		assertThat(bobs.path("items").get(0).path("text").asString()).as("in bob's language")
				.isEqualTo("Tashkent school loyihasining «Design approved» bosqichi " + plannedOn
						+ " sanasiga rejalashtirilgan edi va hali bajarilmagan");
		assertThat(api.as("alice").get("/api/notifications").json().path("items").get(0).path("email").asString())
				.as("alice has e-mail off").isEqualTo("NONE");

		// the server is back: the next poll sends them, once
		smtp = started(new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)));
		Thread.sleep(50);
		poller.pollNow();
		poller.pollNow();
		assertThat(smtp.waitForIncomingEmail(5000, 2)).isTrue();
		Map<String, MimeMessage> byRecipient = new TreeMap<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			assertThat(message.getRecipients(Message.RecipientType.TO)).hasSize(1);
			byRecipient.put(message.getRecipients(Message.RecipientType.TO)[0].toString(), message);
		}
		assertThat(byRecipient.keySet()).containsExactly("bob@example.uz", "dave@example.uz");
		MimeMessage bob = byRecipient.get("bob@example.uz");
		assertThat(Arrays.toString(bob.getFrom())).isEqualTo("[tracker@example.uz]");
		assertThat(bob.getSubject()).isEqualTo("Loyihalar reyestri: Bosqich muddati oʻtdi – Tashkent school");
		assertThat(bob.getContent().toString())
				.contains("Tashkent school loyihasining «Design approved» bosqichi " + plannedOn
						+ " sanasiga rejalashtirilgan edi va hali bajarilmagan")
				.contains("Loyihani ochish: https://tracker.example.uz/#/projects/MAIL-1");
		MimeMessage dave = byRecipient.get("dave@example.uz");
		assertThat(dave.getSubject()).isEqualTo("Реестр проектов: Веха просрочена – Tashkent school");
		assertThat(dave.getContent().toString()).contains("Веха «Design approved» проекта Tashkent school была "
				+ "запланирована на " + plannedOn + " и ещё не достигнута");
		assertThat(api.as("bob").get("/api/notifications").json().path("items").get(0).path("email").asString())
				.isEqualTo("SENT");
		poller.pollNow();
		assertThat(smtp.getReceivedMessages()).as("nothing sent twice").hasSize(2);
	}

	private static GreenMail started(GreenMail server) {
		server.start();
		return server;
	}
}
