package org.pipelinetracker.notification;

import org.pipelinetracker.i18n.PreferredLanguages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Sends the notifications' e-mails through Spring's mail support, only when SMTP is configured
 * ({@code spring.mail.host}: Spring Boot then provides a {@link JavaMailSender}). A failed send is logged and tried
 * again later ({@code tracker.notifications.mail-retry-delay}, doubled each time, up to
 * {@value #MAX_ATTEMPTS} attempts); the notification in the pages is never touched by it.
 */
@Component
class NotificationMailer {

	static final int MAX_ATTEMPTS = 8;
	private static final int BATCH = 50;
	private static final Duration LEASE = Duration.ofMinutes(5);
	private static final Logger log = LoggerFactory.getLogger(NotificationMailer.class);

	private final ObjectProvider<JavaMailSender> sender;
	private final Notifications notifications;
	private final NotificationSettings settings;
	private final NotificationTexts texts;
	private final PreferredLanguages languages;
	private final Clock clock;
	private final String from;
	private final String baseUrl;
	private final Duration retryDelay;

	NotificationMailer(ObjectProvider<JavaMailSender> sender, Notifications notifications, NotificationSettings settings,
			NotificationTexts texts, PreferredLanguages languages, Clock clock,
			@Value("${tracker.notifications.mail-from:pipeline-tracker@localhost}") String from,
			@Value("${tracker.notifications.base-url:}") String baseUrl,
			@Value("${tracker.notifications.mail-retry-delay:1m}") Duration retryDelay) {
		this.sender = sender;
		this.notifications = notifications;
		this.settings = settings;
		this.texts = texts;
		this.languages = languages;
		this.clock = clock;
		this.from = from;
		this.baseUrl = baseUrl;
		this.retryDelay = retryDelay;
	}

	/** Whether e-mail can be sent at all (SMTP configured). */
	boolean configured() {
		return sender.getIfAvailable() != null;
	}

	/** Sends the e-mails that are due; how many were sent. Never throws for a failed send. */
	int sendDue() {
		JavaMailSender mail = sender.getIfAvailable();
		if (mail == null) {
			return 0;
		}
		int sent = 0;
		Instant now = clock.instant();
		for (Notifications.Stored n : notifications.dueEmails(now, BATCH)) {
			if (!notifications.claim(n.id(), now, now.plus(LEASE))) {
				continue;
			}
			NotificationSettings.Setting setting = settings.find(n.recipient());
			if (!setting.mailed()) {
				notifications.emailDropped(n.id());
				continue;
			}
			String language = languages.languageOf(n.recipient(), null);
			SimpleMailMessage message = new SimpleMailMessage();
			message.setFrom(from);
			message.setTo(setting.address());
			message.setSubject(texts.subject(n, language));
			message.setText(texts.body(n, language, baseUrl));
			try {
				mail.send(message);
				notifications.emailSent(n.id(), clock.instant());
				sent++;
			}
			catch (MailException | IllegalStateException e) {
				int attempt = n.emailAttempts() + 1;
				Instant next = attempt >= MAX_ATTEMPTS ? null
						: clock.instant().plus(retryDelay.multipliedBy(1L << Math.min(attempt - 1, 10)));
				notifications.emailFailed(n.id(), next);
				log.warn("Could not send the e-mail of notification {} to {} (attempt {} of {}): {}; {}", n.id(),
						n.recipient(), attempt, MAX_ATTEMPTS, e.toString(),
						next == null ? "giving up (the notification stays in the pages)" : "trying again at " + next);
			}
		}
		return sent;
	}
}
