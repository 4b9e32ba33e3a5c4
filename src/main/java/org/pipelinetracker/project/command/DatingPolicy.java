package org.pipelinetracker.project.command;

import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.kernel.Text.Code;
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

	/** Money that finances the project, with the rejections of its date. */
	enum Financing {
		COMMITMENT("problem.rule.commitmentBeforeAgreement", "problem.rule.commitmentBeforeFinancing",
				"problem.rule.commitmentWithoutAgreement"),
		INCOMING_FUNDS("problem.rule.incomingFundsBeforeAgreement", "problem.rule.incomingFundsBeforeFinancing",
				"problem.rule.incomingFundsWithoutAgreement");

		private final String beforeAgreement;
		private final String beforeFinancing;
		private final String withoutAgreement;

		Financing(String beforeAgreement, String beforeFinancing, String withoutAgreement) {
			this.beforeAgreement = beforeAgreement;
			this.beforeFinancing = beforeFinancing;
			this.withoutAgreement = withoutAgreement;
		}
	}

	/** Money recorded under a commitment, with the rejection of a date before it. */
	enum UnderCommitment {
		DISBURSEMENT("problem.rule.disbursementBeforeCommitment"),
		INCOMING_FUNDS("problem.rule.incomingFundsBeforeCommitment"),
		EXPENDITURE("problem.rule.expenditureBeforeCommitment");

		private final String beforeCommitment;

		UnderCommitment(String beforeCommitment) {
			this.beforeCommitment = beforeCommitment;
		}
	}

	static void requireNotFuture(String field, LocalDate date, Clock clock) {
		if (date == null) {
			throw invalid(field, Text.of("problem.field.required").with("field", field));
		}
		LocalDate today = LocalDate.now(clock);
		if (date.isAfter(today)) {
			throw invalid(field, Text.of("problem.field.future").with("field", field).with("date", date)
					.with("today", today));
		}
	}

	static void requirePlannedInOrder(LocalDate plannedStart, LocalDate plannedEnd) {
		if (plannedStart != null && plannedEnd != null && plannedEnd.isBefore(plannedStart)) {
			throw invalid("plannedEnd", Text.of("problem.field.plannedEndBeforeStart").with("plannedEnd", plannedEnd)
					.with("plannedStart", plannedStart));
		}
	}

	/** Given, not in the future and not before the proposal. */
	void requireEffective(String field, LocalDate date) {
		requireNotFuture(field, date, clock);
		if (date.isBefore(proposedOn)) {
			throw rule(field, Text.of("problem.rule.beforeProposal").with("field", field).with("date", date)
					.with("proposedOn", proposedOn));
		}
	}

	/** The date of a new stage: effective, and not before the current stage started. */
	void requireStageChange(String field, LocalDate date) {
		requireEffective(field, date);
		requireNotBeforeStageStart(field, date);
	}

	void requireNotBeforeStageStart(String field, LocalDate date) {
		if (date.isBefore(stageSince)) {
			throw rule(field, Text.of("problem.rule.beforeStageStart").with("date", date)
					.with("stage", Code.of("ref.stage.", stage)).with("since", stageSince));
		}
	}

	void requireNotBeforeMoneyMoved(String field, LocalDate date) {
		if (lastMoneyDate != null && date.isBefore(lastMoneyDate)) {
			throw rule(field, Text.of("problem.rule.beforeMoneyMoved").with("date", date).with("last", lastMoneyDate));
		}
	}

	void requireNotBeforeLastAchievement(LocalDate date) {
		if (lastAchievedOn != null && date.isBefore(lastAchievedOn)) {
			throw rule("on", Text.of("problem.rule.beforeAchievement").with("date", date)
					.with("achievedOn", lastAchievedOn));
		}
	}

	void requireOutsideSuspensions(String field, LocalDate date) {
		for (Period suspension : suspensions) {
			if (suspension.contains(date)) {
				throw rule(field, (suspension.to() == null ? Text.of("problem.rule.inOpenSuspension")
						: Text.of("problem.rule.inSuspension").with("to", suspension.to()))
						.with("from", suspension.from()).with("date", date));
			}
		}
	}

	/**
	 * Money that finances the project (a commitment, incoming funds): not before the first binding agreement; while
	 * AGREED not before the project entered that stage (this money finances it), else not before it was financed. A
	 * project whose stage a publisher reported (IMPLEMENTATION without any agreement recorded, say) needs a binding
	 * agreement first (409); one never financed has no financing date to respect.
	 *
	 * @param money a commitment or incoming funds
	 */
	void requireFinancingDate(String field, LocalDate date, Financing money) {
		if (firstBindingAgreementOn == null) {
			throw rule(field, Text.of(money.withoutAgreement).with("stage", Code.of("ref.stage.", stage)));
		}
		if (date.isBefore(firstBindingAgreementOn)) {
			throw rule(field, Text.of(money.beforeAgreement).with("date", date)
					.with("agreedOn", firstBindingAgreementOn));
		}
		if (stage == Stage.AGREED) {
			requireNotBeforeStageStart(field, date);
		}
		else if (financedOn != null && date.isBefore(financedOn)) {
			throw rule(field, Text.of(money.beforeFinancing).with("date", date).with("financedOn", financedOn));
		}
	}

	/**
	 * Money under a commitment is not dated before it.
	 *
	 * @param money a disbursement, incoming funds or an expenditure
	 */
	static void requireNotBeforeCommitment(String field, LocalDate date, UnderCommitment money, String fundingId,
			Funding funding) {
		if (date.isBefore(funding.committedOn())) {
			throw rule(field, Text.of(money.beforeCommitment).with("date", date).with("fundingId", fundingId)
					.with("committedOn", funding.committedOn()));
		}
	}

	/** A correction is not dated before the commitment or its latest correction. */
	static void requireCorrectionInOrder(LocalDate correctedOn, String fundingId, Funding funding) {
		LocalDate latest = funding.latestChange();
		if (correctedOn.isBefore(latest)) {
			throw rule("on", Text.of(latest.equals(funding.committedOn()) ? "problem.rule.correctionBeforeCommitment"
					: "problem.rule.correctionBeforeLastCorrection").with("date", correctedOn).with("fundingId", fundingId)
					.with("latest", latest));
		}
	}

	/** A milestone is not planned before the project was proposed. */
	void requirePlannedAfterProposal(LocalDate plannedOn) {
		if (plannedOn != null && plannedOn.isBefore(proposedOn)) {
			throw rule("plannedOn", Text.of("problem.rule.plannedBeforeProposal").with("plannedOn", plannedOn)
					.with("proposedOn", proposedOn));
		}
	}

	/** A milestone is not recorded before it was achieved. */
	static void requireRecordedAfterAchievement(LocalDate recordedOn, LocalDate achievedOn) {
		if (achievedOn != null && recordedOn.isBefore(achievedOn)) {
			throw invalid("on", Text.of("problem.field.recordedBeforeAchieved").with("recordedOn", recordedOn)
					.with("achievedOn", achievedOn));
		}
	}
}
