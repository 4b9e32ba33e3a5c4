package org.pipelinetracker.project.api;

import java.time.LocalDate;

/**
 * The project received money for its use (IATI transaction type 1, Incoming Funds) from {@code provider}. On an
 * AGREED project the first receipt is followed by a {@link ProjectStageChangedEvent} to FINANCED, as a first
 * commitment is. {@code fundingId}, {@code receiver} and {@code description} may be null.
 */
public record IncomingFundsRecordedEvent(ProjectId projectId, Money amount, LocalDate receivedOn, String fundingId,
		String provider, String receiver, String description) implements ProjectEvent {

	@Override
	public LocalDate effectiveDate() {
		return receivedOn;
	}
}
