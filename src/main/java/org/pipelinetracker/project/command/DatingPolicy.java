package org.pipelinetracker.project.command;

import org.pipelinetracker.project.api.Stage;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static org.pipelinetracker.project.api.CommandRejectedException.invalid;
import static org.pipelinetracker.project.api.CommandRejectedException.rule;

/**
 * The dating rules, judged against the project's dates when a command arrives. Every effective date is given, not
 * in the future and not before the proposal. A stage starts no earlier than the current one did, and does not end
 * before money already moved or a milestone already achieved. Nothing is committed, disbursed, received or spent
 * inside a past suspension. Money that finances the project is not dated before its first binding agreement, nor
 * before the project was financed (or, while AGREED, entered that stage); money under a commitment is not dated
 * before the commitment, and corrections of a commitment come in date order.
 */
record DatingPolicy(Clock clock, LocalDate proposedOn, Stage stage, LocalDate stageSince,
		LocalDate firstBindingAgreementOn, LocalDate financedOn, LocalDate lastMoneyDate, LocalDate lastAchievedOn,
		List<Period> suspensions) {

	static void requireNotFuture(String field, LocalDate date, Clock clock) {
		if (date == null) {
			throw invalid(field, field + " is required");
		}
		LocalDate today = LocalDate.now(clock);
		if (date.isAfter(today)) {
			throw invalid(field, field + " " + date + " is in the future (today is " + today + ")");
		}
	}

	static void requirePlannedInOrder(LocalDate plannedStart, LocalDate plannedEnd) {
		if (plannedStart != null && plannedEnd != null && plannedEnd.isBefore(plannedStart)) {
			throw invalid("plannedEnd", "plannedEnd (" + plannedEnd + ") is before plannedStart (" + plannedStart + ")");
		}
	}

	/** Given, not in the future and not before the proposal. */
	void requireEffective(String field, LocalDate date) {
		requireNotFuture(field, date, clock);
		if (date.isBefore(proposedOn)) {
			throw rule(field, field + " " + date + " is before the project was proposed on " + proposedOn);
		}
	}

	/** The date of a new stage: effective, and not before the current stage started. */
	void requireStageChange(String field, LocalDate date) {
		requireEffective(field, date);
		requireNotBeforeStageStart(field, date);
	}

	void requireNotBeforeStageStart(String field, LocalDate date) {
		if (date.isBefore(stageSince)) {
			throw rule(field, "the date " + date + " is before the project entered its current stage (" + stage
					+ ") on " + stageSince);
		}
	}

	void requireNotBeforeMoneyMoved(String field, LocalDate date) {
		if (lastMoneyDate != null && date.isBefore(lastMoneyDate)) {
			throw rule(field, "the date " + date + " is before the latest commitment, disbursement, correction,"
					+ " incoming funds or expenditure already recorded (" + lastMoneyDate + ")");
		}
	}

	void requireNotBeforeLastAchievement(LocalDate date) {
		if (lastAchievedOn != null && date.isBefore(lastAchievedOn)) {
			throw rule("on", "the date " + date + " is before a milestone already recorded as achieved on "
					+ lastAchievedOn);
		}
	}

	void requireOutsideSuspensions(String field, LocalDate date) {
		for (Period suspension : suspensions) {
			if (suspension.contains(date)) {
				throw rule(field, "the project was suspended from " + suspension.from()
						+ (suspension.to() == null ? "" : " to " + suspension.to()) + "; nothing can be committed,"
						+ " disbursed, received or spent on " + date);
			}
		}
	}

	/**
	 * Money that finances the project (a commitment, incoming funds): not before the first binding agreement; while
	 * AGREED not before the project entered that stage (this money finances it), else not before it was financed.
	 *
	 * @param subject "the commitment is", "the incoming funds are"
	 * @param financedBy what is said after the financing date, e.g. " (its first commitment)"
	 */
	void requireFinancingDate(String field, LocalDate date, String subject, String financedBy) {
		if (date.isBefore(firstBindingAgreementOn)) {
			throw rule(field, subject + " dated " + date + ", before the first binding agreement was signed on "
					+ firstBindingAgreementOn);
		}
		if (stage == Stage.AGREED) {
			requireNotBeforeStageStart(field, date);
		}
		else if (date.isBefore(financedOn)) {
			throw rule(field, subject + " dated " + date + ", before the project was financed on " + financedOn
					+ financedBy);
		}
	}

	/**
	 * Money under a commitment is not dated before it.
	 *
	 * @param subject "the disbursement is", "the incoming funds are", "the expenditure is"
	 */
	static void requireNotBeforeCommitment(String field, LocalDate date, String subject, String fundingId,
			Funding funding) {
		if (date.isBefore(funding.committedOn())) {
			throw rule(field, subject + " dated " + date + ", before funding '" + fundingId + "' was committed on "
					+ funding.committedOn());
		}
	}

	/** A correction is not dated before the commitment or its latest correction. */
	static void requireCorrectionInOrder(LocalDate correctedOn, String fundingId, Funding funding) {
		LocalDate latest = funding.latestChange();
		if (correctedOn.isBefore(latest)) {
			throw rule("on", "the correction is dated " + correctedOn + ", before funding '" + fundingId + "' was "
					+ (latest.equals(funding.committedOn()) ? "committed" : "last corrected") + " on " + latest);
		}
	}

	/** A milestone is not planned before the project was proposed. */
	void requirePlannedAfterProposal(LocalDate plannedOn) {
		if (plannedOn != null && plannedOn.isBefore(proposedOn)) {
			throw rule("plannedOn", "the planned date " + plannedOn + " is before the project was proposed on "
					+ proposedOn);
		}
	}

	/** A milestone is not recorded before it was achieved. */
	static void requireRecordedAfterAchievement(LocalDate recordedOn, LocalDate achievedOn) {
		if (achievedOn != null && recordedOn.isBefore(achievedOn)) {
			throw invalid("on", "the record is dated " + recordedOn + ", before the milestone was achieved on "
					+ achievedOn);
		}
	}
}
