package org.pipelinetracker.project.command;

import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.messaging.MetaData;
import org.pipelinetracker.kernel.AuditMetadata;
import org.pipelinetracker.project.api.ProjectId;
import org.pipelinetracker.project.api.ProjectStalledEvent;
import org.pipelinetracker.project.api.Stage;
import org.pipelinetracker.project.api.StallKind;
import org.pipelinetracker.project.api.StallPeriod;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stall checks: a binding agreement waits at most {@link StallPolicy#noFundingDays()} for funding, a commitment
 * at most {@link StallPolicy#noDisbursementDays()} for its first disbursement. Each wait is a persisted deadline, so
 * nothing is cancelled when the money arrives: when it runs, the project judges the condition <em>in valid time</em>
 * on the due date ({@link StallPeriod}): a commitment or incoming funds dated on or before it mean the project was
 * funded in time, a disbursement dated on or before it that the commitment was disbursed in time, and then there is
 * no stall, however late the fact was recorded. Nor is there one when the project was suspended on the due date
 * (the checks restart on resumption), had ended by then, or the stall is flagged already and not cleared since.
 * Facts dated after the due date that are already recorded end the stall on the first of their dates.
 * <p>
 * A check never runs sooner than {@link StallPolicy#backfillSettle()} after it was scheduled: a due date already
 * past (a backfilled history: an import, a user typing a project's past) would otherwise be checked at once, between
 * the agreement and the commitment recorded a moment later.
 */
record StallChecks(DeadlineManager deadlines, Clock clock, StallPolicy policy) {

	static final String NO_FUNDING = "no-funding";
	static final String NO_DISBURSEMENT = "no-disbursement";
	private static final String ACTOR = "system:stall-check";

	/** Funding is due {@link StallPolicy#noFundingDays()} after {@code from}. */
	void scheduleNoFunding(LocalDate from) {
		schedule(NO_FUNDING, from, policy.noFundingDays(), null);
	}

	/** A first disbursement under {@code fundingId} is due {@link StallPolicy#noDisbursementDays()} after {@code from}. */
	void scheduleNoDisbursement(LocalDate from, String fundingId) {
		schedule(NO_DISBURSEMENT, from, policy.noDisbursementDays(), fundingId);
	}

	/**
	 * Checks that fell due during a suspension were skipped: the clock starts again from the resumption, for the
	 * funding of a project AGREED again and for each commitment not yet disbursed.
	 */
	void restartOnResumption(LocalDate resumedOn, Stage resumedTo, Map<String, Funding> fundings) {
		if (resumedTo == Stage.AGREED) {
			scheduleNoFunding(resumedOn);
		}
		fundings.forEach((fundingId, funding) -> {
			if (!funding.disbursed().isPositive()) {
				scheduleNoDisbursement(resumedOn, fundingId);
			}
		});
	}

	/** At the start of the due date, or the settling time from now if that is later (a backfilled history). */
	private void schedule(String name, LocalDate from, int days, String fundingId) {
		LocalDate due = from.plusDays(days);
		Instant at = due.atStartOfDay(clock.getZone()).toInstant();
		Instant settled = clock.instant().plus(policy.backfillSettle());
		if (at.isBefore(settled)) {
			at = settled;
		}
		DeadlineMessage<StallCheck> check = GenericDeadlineMessage.<StallCheck>asDeadlineMessage(name,
				new StallCheck(due, fundingId, days), at).withMetaData(Map.of(AuditMetadata.ACTOR, ACTOR,
						AuditMetadata.REASON, name + " check due " + due));
		deadlines.schedule(at, name, check);
	}

	/** The key of an open (flagged, not cleared) stall: NO_FUNDING, or NO_DISBURSEMENT:fundingId. */
	static String openStall(StallKind kind, String fundingId) {
		return kind == StallKind.NO_FUNDING ? kind.name() : kind + ":" + fundingId;
	}

	/**
	 * What a check due on {@code dueOn} finds, in valid time: empty when the project was not stalled then (not
	 * {@code activeOnDue}, or a fact in {@code endingFacts} dated on or before the due date: it never held), else the
	 * stall from the due date to the first fact that ended it (null while it holds).
	 *
	 * @param endingFacts the dates of the facts already recorded that end this stall (funding, a disbursement, the
	 *                    project's end); a null date is a fact whose date is not known, taken as in time
	 */
	static Optional<StallPeriod> found(LocalDate dueOn, boolean activeOnDue, List<LocalDate> endingFacts) {
		if (!activeOnDue) {
			return Optional.empty();
		}
		LocalDate first = null;
		for (LocalDate factOn : endingFacts) {
			if (factOn == null || StallPeriod.neverHeld(dueOn, factOn)) {
				return Optional.empty();
			}
			first = first == null || factOn.isBefore(first) ? factOn : first;
		}
		return Optional.of(new StallPeriod(dueOn, first));
	}

	static ProjectStalledEvent stalled(ProjectId projectId, StallKind kind, StallCheck check, StallPeriod period) {
		return new ProjectStalledEvent(projectId, kind, kind == StallKind.NO_FUNDING ? null : check.fundingId(),
				check.days(), check.dueOn(), period.resolvedOn());
	}

	/**
	 * The deadline's own metadata does not survive the persisted scheduler, so the event names its writer itself: the
	 * stall check is the system, not the last user who touched the project.
	 */
	static MetaData metaData(String name, StallCheck check) {
		return MetaData.with(AuditMetadata.ACTOR, ACTOR).and(AuditMetadata.REASON, name + " check due " + check.dueOn());
	}
}
