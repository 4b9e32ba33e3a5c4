package org.pipelinetracker.project.command;

import org.axonframework.messaging.MetaData;
import org.pipelinetracker.kernel.AuditMetadata;
import org.pipelinetracker.project.api.DisbursementRecordedEvent;
import org.pipelinetracker.project.api.FundingCommitmentCorrectedEvent;
import org.pipelinetracker.project.api.FundingCommittedEvent;
import org.pipelinetracker.project.api.MoneyEntryApprovedEvent;
import org.pipelinetracker.project.api.MoneyEntryKind;
import org.pipelinetracker.project.api.MoneyEntrySubmittedEvent;
import org.pipelinetracker.project.api.ProjectEvent;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * How a money command that passed every rule is recorded (four-eyes approval): directly (no approval required),
 * submitted for approval (the write path put an entry id in the metadata,
 * {@link MoneyEntrySubmittedEvent#APPROVAL_ENTRY}: a {@link MoneyEntrySubmittedEvent} instead of the money event), or
 * approved (the {@link MoneyEntryApprovedEvent} first, then the money event). The rules are the same in all three
 * cases: the handler checks them before it asks {@link #recordNow}.
 */
final class Submission {

	static final Submission DIRECT = new Submission(null, null, null);

	private final String entryId;
	private final String actor;
	private final MoneyEntryApprovedEvent approval;

	private Submission(String entryId, String actor, MoneyEntryApprovedEvent approval) {
		this.entryId = entryId;
		this.actor = actor;
		this.approval = approval;
	}

	/** As the command's metadata asks: submitted under the entry id it names, or directly. */
	static Submission of(MetaData metaData) {
		Object entry = metaData == null ? null : metaData.get(MoneyEntrySubmittedEvent.APPROVAL_ENTRY);
		if (entry == null || entry.toString().isBlank()) {
			return DIRECT;
		}
		Object actor = metaData.get(AuditMetadata.ACTOR);
		return new Submission(entry.toString(), actor == null ? null : actor.toString(), null);
	}

	/** The approval of a pending entry: {@code approval} is applied right before the money event. */
	static Submission approving(MoneyEntryApprovedEvent approval) {
		return new Submission(null, null, approval);
	}

	boolean approving() {
		return approval != null;
	}

	boolean submitting() {
		return entryId != null;
	}

	/**
	 * Applies what comes before the money {@code event}: the submission (then false: the money event is not
	 * recorded now) or the approval (then true, as for a direct write).
	 */
	boolean recordNow(MoneyEntryKind kind, ProjectEvent event) {
		return recordNow(kind, event, false);
	}

	/** As {@link #recordNow(MoneyEntryKind, ProjectEvent)}, for an entry from a publisher's file when {@code published}. */
	boolean recordNow(MoneyEntryKind kind, ProjectEvent event, boolean published) {
		if (entryId != null) {
			apply(submitted(kind, event, published));
			return false;
		}
		if (approval != null) {
			apply(approval);
		}
		return true;
	}

	private MoneyEntrySubmittedEvent submitted(MoneyEntryKind kind, ProjectEvent event, boolean published) {
		if (event instanceof FundingCommittedEvent e) {
			return new MoneyEntrySubmittedEvent(e.projectId(), entryId, kind, e.fundingId(), e.amount(), e.committedOn(),
					actor, e, null, null);
		}
		if (event instanceof FundingCommitmentCorrectedEvent e) {
			return new MoneyEntrySubmittedEvent(e.projectId(), entryId, kind, e.fundingId(), e.newAmount(),
					e.correctedOn(), actor, null, e, null);
		}
		DisbursementRecordedEvent e = (DisbursementRecordedEvent) event;
		return new MoneyEntrySubmittedEvent(e.projectId(), entryId, kind, e.fundingId(), e.amount(), e.disbursedOn(),
				actor, null, null, e, published ? Boolean.TRUE : null);
	}
}
