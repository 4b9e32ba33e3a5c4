package org.pipelinetracker.project.api;

import java.time.LocalDate;

/**
 * A second person approved a pending money entry: the money event itself ({@link FundingCommittedEvent},
 * {@link FundingCommitmentCorrectedEvent} or {@link DisbursementRecordedEvent}) follows in the same command, so the
 * entry counts from the approval's recorded time on. {@code approvedBy} differs from {@code submittedBy}.
 */
public record MoneyEntryApprovedEvent(ProjectId projectId, String entryId, MoneyEntryKind kind, String submittedBy,
		String approvedBy, LocalDate effectiveOn) implements ProjectEvent {

	@Override
	public LocalDate effectiveDate() {
		return effectiveOn;
	}
}
