package org.pipelinetracker.project.command;

/**
 * How long a project may wait for funding after a binding agreement, and for a first disbursement after a
 * commitment, before it is flagged as stalled (built from {@code tracker.alerts.no-funding-days} and
 * {@code tracker.alerts.no-disbursement-days} by {@link ProjectCommandConfiguration}).
 */
record StallPolicy(int noFundingDays, int noDisbursementDays) {
}
