package org.pipelinetracker.project.api;

import java.time.LocalDate;

/**
 * Every event of a project: which project, and the real-world date it is effective on (valid time).
 * The instant it was recorded (transaction time) is the event message's timestamp; who recorded it,
 * why and from which source travel as message metadata ({@code org.pipelinetracker.kernel.AuditMetadata}).
 * <p>
 * Sealed: these are all the project's events. The eight that put the project in a stage are the {@link StageChange}s
 * (proposed, stage changed, implementation started, finalised, suspended, resumed, completed,
 * cancelled).
 */
public sealed interface ProjectEvent permits StageChange, AgreementSignedEvent, FundingCommittedEvent,
		FundingCommitmentCorrectedEvent, DisbursementRecordedEvent, IncomingFundsRecordedEvent, ExpenditureRecordedEvent,
		MilestoneRecordedEvent, ProjectStalledEvent, ProjectTextRecordedEvent, ActivityStatusReportedEvent,
		DocumentLinkedEvent, ImportNotesRecordedEvent, FundingCancelledEvent, TransactionRecordedEvent,
		DocumentAttachedEvent, BudgetRecordedEvent, PlannedDisbursementRecordedEvent, LoanDatesRecordedEvent,
		MoneyEntrySubmittedEvent, MoneyEntryApprovedEvent, MoneyEntryRejectedEvent {

	ProjectId projectId();

	LocalDate effectiveDate();
}
