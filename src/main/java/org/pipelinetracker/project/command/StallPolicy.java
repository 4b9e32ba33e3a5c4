package org.pipelinetracker.project.command;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How long a project may wait for funding after a binding agreement, and for a first disbursement after a
 * commitment, before it is flagged as stalled.
 */
@Component
record StallPolicy(@Value("${tracker.alerts.no-funding-days:180}") int noFundingDays,
		@Value("${tracker.alerts.no-disbursement-days:180}") int noDisbursementDays) {
}
