/**
 * Closed periods and restatements: ADMIN closes a fiscal quarter or year and reopens it with a reason (events of a
 * small {@code ReportingPeriod} aggregate, so the hash chain covers them); every project event effective in a closed
 * period is refused unless FINANCE or ADMIN marks the write a restatement with a reason (header
 * {@code X-Restatement-Reason}), which is kept in the event's metadata; the restatements report compares a closed
 * period's figures as known at the close with the figures now. Knows the project module's published language and
 * the portfolio figures of the pipeline module.
 */
@ApplicationModule(displayName = "Closed periods", allowedDependencies = {"kernel", "messaging", "storage", "http",
		"project :: api", "pipeline"})
package org.pipelinetracker.period;

import org.springframework.modulith.ApplicationModule;
