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

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * The stall checks: a binding agreement waits at most {@link StallPolicy#noFundingDays()} for funding, a commitment
 * at most {@link StallPolicy#noDisbursementDays()} for its first disbursement. Each wait is a persisted deadline;
 * when it falls due the project decides from its state then, so nothing is cancelled when the money arrives. A
 * suspended or ended project is not flagged, nor a stall already flagged and not cleared since.
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

	/** A due date already past (a backdated entry) is checked at once. */
	private void schedule(String name, LocalDate from, int days, String fundingId) {
		LocalDate due = from.plusDays(days);
		Instant at = due.atStartOfDay(clock.getZone()).toInstant();
		if (at.isBefore(clock.instant())) {
			at = clock.instant();
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

	/** Whether the no-funding check that fell due finds the project stalled. */
	static boolean stalledWithoutFunding(Stage stage, boolean funded, Set<String> openStalls) {
		return flaggable(stage) && !funded && !openStalls.contains(openStall(StallKind.NO_FUNDING, null));
	}

	/** Whether the no-disbursement check that fell due finds the commitment ({@code funding}) stalled. */
	static boolean stalledWithoutDisbursement(Stage stage, String fundingId, Funding funding, Set<String> openStalls) {
		return flaggable(stage) && funding != null && !funding.disbursed().isPositive()
				&& !openStalls.contains(openStall(StallKind.NO_DISBURSEMENT, fundingId));
	}

	private static boolean flaggable(Stage stage) {
		return !stage.isTerminal() && stage != Stage.SUSPENDED;
	}

	static ProjectStalledEvent stalled(ProjectId projectId, StallKind kind, StallCheck check) {
		return new ProjectStalledEvent(projectId, kind, kind == StallKind.NO_FUNDING ? null : check.fundingId(),
				check.days(), check.dueOn());
	}

	/**
	 * The deadline's own metadata does not survive the persisted scheduler, so the event names its writer itself: the
	 * stall check is the system, not the last user who touched the project.
	 */
	static MetaData metaData(String name, StallCheck check) {
		return MetaData.with(AuditMetadata.ACTOR, ACTOR).and(AuditMetadata.REASON, name + " check due " + check.dueOn());
	}
}
