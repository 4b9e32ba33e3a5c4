package org.pipelinetracker.project.api;

import java.time.LocalDate;

/**
 * The project spent money on goods and services (IATI transaction type 4, Expenditure). Not a disbursement: it
 * draws down no commitment. {@code fundingId}, {@code provider}, {@code receiver} and {@code description} may be
 * null.
 */
public record ExpenditureRecordedEvent(ProjectId projectId, Money amount, LocalDate spentOn, String fundingId,
		String provider, String receiver, String description) implements ProjectEvent {

	@Override
	public LocalDate effectiveDate() {
		return spentOn;
	}
}
