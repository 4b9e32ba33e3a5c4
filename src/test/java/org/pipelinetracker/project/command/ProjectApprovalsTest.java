package org.pipelinetracker.project.command;

import org.junit.jupiter.api.Test;
import org.pipelinetracker.kernel.AuditMetadata;
import org.pipelinetracker.project.api.ApproveMoneyEntryCommand;
import org.pipelinetracker.project.api.CommandRejectedException;
import org.pipelinetracker.project.api.FundingCommitmentCorrectedEvent;
import org.pipelinetracker.project.api.MoneyEntryApprovedEvent;
import org.pipelinetracker.project.api.MoneyEntryKind;
import org.pipelinetracker.project.api.MoneyEntryRejectedEvent;
import org.pipelinetracker.project.api.MoneyEntrySubmittedEvent;
import org.pipelinetracker.project.api.ProjectStageChangedEvent;
import org.pipelinetracker.project.api.RejectMoneyEntryCommand;
import org.pipelinetracker.project.api.Stage;

import java.time.LocalDate;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;

/**
 * Four-eyes approval of money: a command the write path submits for approval (an entry id in its metadata) passes
 * the same rules and records a submission instead of the money; another person's approval checks the rules again
 * and records the approval and then the money event; the submitter cannot approve; a rejection needs a reason; an
 * entry is decided once.
 */
class ProjectApprovalsTest extends ProjectFixture {

	static final String ENTRY = "entry-1";
	static final LocalDate DISBURSED_ON = LocalDate.of(2026, 3, 20);

	static Map<String, Object> submittedBy(String actor) {
		return Map.of(AuditMetadata.ACTOR, actor, MoneyEntrySubmittedEvent.APPROVAL_ENTRY, ENTRY);
	}

	static Map<String, Object> by(String actor) {
		return Map.of(AuditMetadata.ACTOR, actor);
	}

	static MoneyEntrySubmittedEvent disbursementSubmitted(String amount) {
		return new MoneyEntrySubmittedEvent(ID, ENTRY, MoneyEntryKind.DISBURSEMENT, EDCF_FUNDING, usd(amount),
				DISBURSED_ON, "bob", null, null, disbursed(EDCF_FUNDING, usd(amount), DISBURSED_ON));
	}

	@Test
	void submitsADisbursementInsteadOfRecordingIt() {
		fixture.given(financed())
				.when(disburse(EDCF_FUNDING, usd("20000000.00"), DISBURSED_ON), submittedBy("bob"))
				.expectEvents(disbursementSubmitted("20000000.00"));
	}

	@Test
	void aSubmissionPassesTheSameRulesAsTheMoney() {
		fixture.given(financed())
				.when(disburse(EDCF_FUNDING, usd("180000000.01"), DISBURSED_ON), submittedBy("bob"))
				.expectNoEvents()
				.expectException(CommandRejectedException.class)
				.expectExceptionMessage(containsString("above the commitment"));
	}

	@Test
	void approvalRecordsTheApprovalAndThenTheDisbursement() {
		fixture.given(concat(financed(), disbursementSubmitted("20000000.00")))
				.when(new ApproveMoneyEntryCommand(ID, ENTRY), by("dave"))
				.expectEvents(new MoneyEntryApprovedEvent(ID, ENTRY, MoneyEntryKind.DISBURSEMENT, "bob", "dave",
						DISBURSED_ON), disbursed(EDCF_FUNDING, usd("20000000.00"), DISBURSED_ON));
	}

	@Test
	void refusesTheSubmitterAsApprover() {
		fixture.given(concat(financed(), disbursementSubmitted("20000000.00")))
				.when(new ApproveMoneyEntryCommand(ID, ENTRY), by("bob"))
				.expectNoEvents()
				.expectException(CommandRejectedException.class)
				.expectExceptionMessage(containsString("You submitted this entry (entry-1); another person must approve it"));
	}

	@Test
	void approvalChecksTheRulesAgainAsTheProjectStandsNow() {
		// two pending disbursements of 100,000,000 each fit the 180,000,000 commitment alone, not together
		fixture.given(concat(financed(), disbursed(EDCF_FUNDING, usd("100000000.00"), DISBURSED_ON),
						disbursementSubmitted("100000000.00")))
				.when(new ApproveMoneyEntryCommand(ID, ENTRY), by("dave"))
				.expectNoEvents()
				.expectException(CommandRejectedException.class)
				.expectExceptionMessage(containsString("at most USD 80000000.00 remains"));
	}

	@Test
	void approvingTwiceIsRefused() {
		fixture.given(concat(financed(), disbursementSubmitted("20000000.00"),
						new MoneyEntryApprovedEvent(ID, ENTRY, MoneyEntryKind.DISBURSEMENT, "bob", "dave", DISBURSED_ON),
						disbursed(EDCF_FUNDING, usd("20000000.00"), DISBURSED_ON)))
				.when(new ApproveMoneyEntryCommand(ID, ENTRY), by("carol"))
				.expectNoEvents()
				.expectException(CommandRejectedException.class)
				.expectExceptionMessage(containsString("was already approved or rejected"));
	}

	@Test
	void anUnknownEntryIsRefused() {
		fixture.given(financed())
				.when(new ApproveMoneyEntryCommand(ID, "entry-9"), by("dave"))
				.expectNoEvents()
				.expectExceptionMessage(containsString("has no entry entry-9 waiting for approval"));
	}

	@Test
	void rejectionRecordsTheReasonAndTheMoneyNeverCounts() {
		fixture.given(concat(financed(), disbursementSubmitted("20000000.00")))
				.when(new RejectMoneyEntryCommand(ID, ENTRY, "No invoice attached"), by("dave"))
				.expectEvents(new MoneyEntryRejectedEvent(ID, ENTRY, MoneyEntryKind.DISBURSEMENT, "bob", "dave",
						"No invoice attached", DISBURSED_ON));
	}

	@Test
	void rejectionNeedsAReason() {
		fixture.given(concat(financed(), disbursementSubmitted("20000000.00")))
				.when(new RejectMoneyEntryCommand(ID, ENTRY, " "), by("dave"))
				.expectNoEvents()
				.expectException(CommandRejectedException.class);
	}

	@Test
	void anApprovedCommitmentFinancesTheProjectFromItsDate() {
		MoneyEntrySubmittedEvent submitted = new MoneyEntrySubmittedEvent(ID, ENTRY, MoneyEntryKind.COMMITMENT,
				EDCF_FUNDING, EDCF_AMOUNT, COMMITTED_ON, "bob", edcfCommitted(EDCF_FUNDING, EDCF_AMOUNT, COMMITTED_ON),
				null, null);
		fixture.given(agreed())
				.when(edcf(EDCF_FUNDING, EDCF_AMOUNT, COMMITTED_ON), submittedBy("bob"))
				.expectEvents(submitted);
		fixture.given(concat(agreed(), submitted))
				.when(new ApproveMoneyEntryCommand(ID, ENTRY), by("dave"))
				.expectEvents(new MoneyEntryApprovedEvent(ID, ENTRY, MoneyEntryKind.COMMITMENT, "bob", "dave",
								COMMITTED_ON), edcfCommitted(EDCF_FUNDING, EDCF_AMOUNT, COMMITTED_ON),
						new ProjectStageChangedEvent(ID, Stage.AGREED, Stage.FINANCED, COMMITTED_ON));
	}

	@Test
	void aSecondCommitmentUnderAPendingFundingIdIsADuplicate() {
		MoneyEntrySubmittedEvent submitted = new MoneyEntrySubmittedEvent(ID, ENTRY, MoneyEntryKind.COMMITMENT,
				EDCF_FUNDING, EDCF_AMOUNT, COMMITTED_ON, "bob", edcfCommitted(EDCF_FUNDING, EDCF_AMOUNT, COMMITTED_ON),
				null, null);
		given(concat(agreed(), submitted))
				.when(edcf(EDCF_FUNDING, EDCF_AMOUNT, COMMITTED_ON))
				.expectRejected(CommandRejectedException.Kind.DUPLICATE, "fundingId", "already waits for approval");
	}

	@Test
	void anApprovedCorrectionStartsFromTheCommitmentAsItStandsAtTheApproval() {
		LocalDate on = LocalDate.of(2026, 4, 10);
		FundingCommitmentCorrectedEvent wouldBe = new FundingCommitmentCorrectedEvent(ID, EDCF_FUNDING, EDCF_AMOUNT,
				usd("150000000.00"), "Loan agreement amended: scope reduced", on);
		MoneyEntrySubmittedEvent submitted = new MoneyEntrySubmittedEvent(ID, ENTRY, MoneyEntryKind.CORRECTION,
				EDCF_FUNDING, usd("150000000.00"), on, "bob", null, wouldBe, null);
		fixture.given(financed())
				.when(correct(EDCF_FUNDING, usd("150000000.00"), on), submittedBy("bob"))
				.expectEvents(submitted);
		fixture.given(concat(financed(), submitted))
				.when(new ApproveMoneyEntryCommand(ID, ENTRY), by("dave"))
				.expectEvents(new MoneyEntryApprovedEvent(ID, ENTRY, MoneyEntryKind.CORRECTION, "bob", "dave", on),
						wouldBe);
	}
}
