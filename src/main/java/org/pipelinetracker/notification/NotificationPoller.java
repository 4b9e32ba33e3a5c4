package org.pipelinetracker.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every {@code tracker.notifications.poll-interval} (0 or negative: never, then only {@link #pollNow()}): finds the
 * occurrences not notified yet ({@link Occurrences}), records each with its notifications in one transaction, then
 * sends the e-mails that are due. An occurrence is keyed by its identity in {@code notification_source}: found again
 * (the next poll, a rebuilt read model, another node) it notifies nobody again. Nothing here is on a write path: a
 * failure is logged and the next poll tries again.
 */
@Component
class NotificationPoller implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(NotificationPoller.class);

	private final Occurrences occurrences;
	private final Notifications notifications;
	private final NotificationRecipients recipients;
	private final NotificationSettings settings;
	private final NotificationMailer mailer;
	private final TransactionTemplate transaction;
	private final Clock clock;
	private final Duration interval;
	private ThreadPoolTaskScheduler scheduler;
	private volatile boolean running;

	NotificationPoller(Occurrences occurrences, Notifications notifications, NotificationRecipients recipients,
			NotificationSettings settings, NotificationMailer mailer, PlatformTransactionManager transactions, Clock clock,
			@Value("${tracker.notifications.poll-interval:1m}") Duration interval) {
		this.occurrences = occurrences;
		this.notifications = notifications;
		this.recipients = recipients;
		this.settings = settings;
		this.mailer = mailer;
		this.transaction = new TransactionTemplate(transactions);
		this.clock = clock;
		this.interval = interval;
	}

	/** One poll: how many occurrences were notified now. */
	synchronized int pollNow() {
		int notified = 0;
		Instant now = clock.instant();
		List<Occurrence> found = occurrences.current(LocalDate.now(clock));
		boolean mail = mailer.configured();
		for (Occurrence occurrence : found) {
			if (notifications.notified(occurrence.sourceKey())) {
				continue;
			}
			List<String> told = recipients.of(occurrence);
			Set<String> mailed = mail ? told.stream().filter(u -> settings.find(u).mailed()).collect(Collectors.toSet())
					: Set.of();
			try {
				transaction.executeWithoutResult(status -> notifications.record(occurrence, told, mailed, now));
				notified++;
			}
			catch (DataIntegrityViolationException recordedByAnotherNode) {
				log.debug("Occurrence {} was notified by another node", occurrence.sourceKey());
			}
		}
		if (notified > 0) {
			log.info("Notified {} new occurrence(s) (overdue milestones, stalled projects, approvals waiting)", notified);
		}
		mailer.sendDue();
		return notified;
	}

	private void pollSafely() {
		try {
			pollNow();
		}
		catch (RuntimeException e) {
			log.warn("Notification poll failed; the next poll tries again: {}", e.toString());
		}
	}

	@Override
	public synchronized void start() {
		if (running) {
			return;
		}
		if (!interval.isNegative() && !interval.isZero()) {
			scheduler = new ThreadPoolTaskScheduler();
			scheduler.setThreadNamePrefix("notifications-");
			scheduler.setDaemon(true);
			scheduler.initialize();
			scheduler.scheduleWithFixedDelay(this::pollSafely, Instant.now().plus(interval), interval);
		}
		running = true;
	}

	@Override
	public synchronized void stop() {
		if (scheduler != null) {
			scheduler.shutdown();
			scheduler = null;
		}
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}
}
