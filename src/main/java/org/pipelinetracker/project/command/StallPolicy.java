package org.pipelinetracker.project.command;

import java.time.Duration;

/**
 * How long a project may wait for funding after a binding agreement, and for a first disbursement after a
 * commitment, before it is flagged as stalled, and how long a check waits before it runs when its due date is
 * already past or near when it is scheduled, so that a history typed or imported in one go is complete when the
 * check looks at it (built from {@code tracker.alerts.no-funding-days}, {@code tracker.alerts.no-disbursement-days}
 * and {@code tracker.alerts.backfill-settle} by {@link ProjectCommandConfiguration}).
 */
record StallPolicy(int noFundingDays, int noDisbursementDays, Duration backfillSettle) {

	StallPolicy {
		if (backfillSettle == null || backfillSettle.isNegative()) {
			throw new IllegalArgumentException("tracker.alerts.backfill-settle must be 0 or more: " + backfillSettle);
		}
	}

	/** Checks that run as soon as they fall due (no settling time). */
	StallPolicy(int noFundingDays, int noDisbursementDays) {
		this(noFundingDays, noDisbursementDays, Duration.ZERO);
	}
}
