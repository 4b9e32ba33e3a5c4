/**
 * Notifications (module {@code notification}): each user who should know is told, in the pages (a bell with the
 * unread ones) and, when SMTP is configured and they switched it on, by e-mail, that a milestone is now overdue, a
 * project stalled, a money entry waits for their approval or a funder has not reported the last quarter due
 * (quarterly reporting). Further kinds are further {@link org.pipelinetracker.notification.NotificationKind}s with an
 * {@link org.pipelinetracker.notification.Occurrences occurrence source} of their own.
 * <p>
 * A poller ({@link org.pipelinetracker.notification.NotificationPoller}) reads the portfolio's read models
 * ({@code pipeline}: open stall alerts, overdue milestones; {@code project :: query}: entries waiting for approval; {@code reporting}: the funders whose quarterly report is missing) and records each occurrence it has not notified yet
 * ({@code notification_source}, keyed by the occurrence's identity), with one notification per recipient
 * ({@link org.pipelinetracker.notification.NotificationRecipients}, the one rule of who is told). It never writes to
 * the event store nor hooks into a projection, so a rebuild of the read models notifies nothing again. Texts are kept
 * as catalogue keys and arguments and written in the reader's language ({@code i18n}). The users and their roles come
 * from the {@link org.pipelinetracker.kernel.UserDirectory} ({@code security} implements it).
 */
@ApplicationModule(displayName = "Notifications", allowedDependencies = {"kernel", "http", "i18n", "pipeline",
		"project :: api", "project :: query", "reporting"})
package org.pipelinetracker.notification;

import org.springframework.modulith.ApplicationModule;
