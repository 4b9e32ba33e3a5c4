package org.pipelinetracker.project.query;

import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.project.api.MoneyEntryApprovedEvent;
import org.pipelinetracker.project.api.MoneyEntryKind;
import org.pipelinetracker.project.api.MoneyEntryRejectedEvent;
import org.pipelinetracker.project.api.MoneyEntrySubmittedEvent;
import org.pipelinetracker.project.api.ProjectEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A money entry of a project waiting for a second person's approval ({@link ProjectView#pendingApprovals}): its id in
 * {@code /api/approvals}, what it is, who submitted it and when. It counts in no figure until approved.
 */
public record PendingApprovalView(String id, MoneyEntryKind kind, String fundingId, Money amount,
		LocalDate effectiveOn, String submittedBy, Instant submittedAt) {

	/**
	 * Folds a submission, approval or rejection into {@code pending}; false for any other event.
	 *
	 * @param recordedAt when the event was recorded (a submission's time)
	 */
	static boolean fold(List<PendingApprovalView> pending, ProjectEvent event, Instant recordedAt) {
		if (event instanceof MoneyEntrySubmittedEvent e) {
			pending.add(new PendingApprovalView(e.entryId(), e.kind(), e.fundingId(), e.amount(), e.effectiveOn(),
					e.submittedBy(), recordedAt));
			return true;
		}
		if (event instanceof MoneyEntryApprovedEvent e) {
			pending.removeIf(p -> p.id().equals(e.entryId()));
			return true;
		}
		if (event instanceof MoneyEntryRejectedEvent e) {
			pending.removeIf(p -> p.id().equals(e.entryId()));
			return true;
		}
		return false;
	}
}
