package org.pipelinetracker.notification;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a notification tells of.
 */
enum NotificationKind {
	/** A milestone's planned date passed and it is not achieved. */
	MILESTONE_OVERDUE("ui.notification.kind.milestoneOverdue"),
	/** A stall alert was raised: a project waits for funding or a disbursement longer than allowed. */
	PROJECT_STALLED("ui.notification.kind.projectStalled"),
	/** A money entry another user submitted waits for approval (four-eyes). */
	APPROVAL_WAITING("ui.notification.kind.approvalWaiting"),
	/** A funder has not reported the last fiscal quarter whose reports are due (quarterly reporting). */
	QUARTERLY_REPORT_MISSING("ui.notification.kind.reportMissing");

	private final String textKey;

	NotificationKind(String textKey) {
		this.textKey = textKey;
	}

	/** The kind of a name as a client sends it (case-insensitive), if it is one. */
	static Optional<NotificationKind> parse(String name) {
		if (name == null) {
			return Optional.empty();
		}
		String upper = name.strip().toUpperCase(Locale.ROOT);
		return Arrays.stream(values()).filter(k -> k.name().equals(upper)).findFirst();
	}

	/** The catalogue key of the kind's name. */
	String textKey() {
		return textKey;
	}
}
