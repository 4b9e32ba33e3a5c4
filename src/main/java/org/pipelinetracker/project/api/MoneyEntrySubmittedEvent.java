package org.pipelinetracker.project.api;

import java.time.LocalDate;

/**
 * A money entry passed every rule of the project and waits for a second person's approval: it counts nowhere yet
 * (no figure, series, facility or export reads it). It carries the would-be event in full: exactly one of
 * {@code commitment}, {@code correction} and {@code disbursement} is set, by {@code kind}. {@code entryId} names
 * the entry for its approval or rejection; {@code submittedBy} is the actor of the write (also in the metadata),
 * whom the approval refuses as approver. {@code fundingId}, {@code amount} and {@code effectiveOn} repeat the
 * would-be event's commitment, amount (the new amount of a correction) and effective date. {@code published} is true
 * for a disbursement read from a publisher's IATI file (kept outside its loan's dates, as published, also when
 * approved), null otherwise.
 */
public record MoneyEntrySubmittedEvent(ProjectId projectId, String entryId, MoneyEntryKind kind, String fundingId,
		Money amount, LocalDate effectiveOn, String submittedBy, FundingCommittedEvent commitment,
		FundingCommitmentCorrectedEvent correction, DisbursementRecordedEvent disbursement, Boolean published)
		implements ProjectEvent {

	/** A typed entry (not from a publisher's file). */
	public MoneyEntrySubmittedEvent(ProjectId projectId, String entryId, MoneyEntryKind kind, String fundingId,
			Money amount, LocalDate effectiveOn, String submittedBy, FundingCommittedEvent commitment,
			FundingCommitmentCorrectedEvent correction, DisbursementRecordedEvent disbursement) {
		this(projectId, entryId, kind, fundingId, amount, effectiveOn, submittedBy, commitment, correction,
				disbursement, null);
	}

	/** Whether the entry came from a publisher's file. */
	public boolean fromPublishersFile() {
		return Boolean.TRUE.equals(published);
	}

	/**
	 * The metadata key under which the write path asks the project to submit a money command for approval instead
	 * of recording it: its value is the new entry's id ({@code ApprovalPolicy} decides, in the app layer).
	 */
	public static final String APPROVAL_ENTRY = "approvalEntry";

	@Override
	public LocalDate effectiveDate() {
		return effectiveOn;
	}
}
