package org.pipelinetracker.project.command;

import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.kernel.Text.Code;
import org.pipelinetracker.project.api.AgreementType;
import org.pipelinetracker.project.api.ProjectId;
import org.pipelinetracker.project.api.Stage;

import java.util.EnumSet;
import java.util.Set;

import static org.pipelinetracker.project.api.CommandRejectedException.rule;

/**
 * The stage rules: what the project's stage allows. A completed or cancelled project accepts only funding
 * corrections; a suspended one must be resumed first. Funding and incoming funds need a binding agreement (AGREED
 * or later); in FINALISATION the accounts are closing: incoming funds, disbursements, expenditure and corrections
 * are still accepted, new commitments are not. Implementation starts from FINANCED, finalisation from
 * IMPLEMENTATION, completion from IMPLEMENTATION or FINALISATION, resumption from SUSPENDED.
 */
record StagePolicy(ProjectId projectId, Stage stage) {

	private static final Set<Stage> FUNDABLE = EnumSet.of(Stage.AGREED, Stage.FINANCED, Stage.IMPLEMENTATION);
	private static final Set<Stage> RECEIVING = EnumSet.of(Stage.AGREED, Stage.FINANCED, Stage.IMPLEMENTATION,
			Stage.FINALISATION);
	private static final Set<Stage> COMPLETABLE = EnumSet.of(Stage.IMPLEMENTATION, Stage.FINALISATION);

	/**
	 * What a command would do, as the stage rejections name it: "it cannot {action} any more", and "resume it before
	 * you {action}", where English says "suspend it" (the project).
	 */
	enum Action {
		SIGN_AGREEMENT("problem.action.signAgreement"),
		COMMIT_FUNDING("problem.action.commitFunding"),
		RECORD_INCOMING_FUNDS("problem.action.recordIncomingFunds"),
		RECORD_DISBURSEMENT("problem.action.recordDisbursement"),
		RECORD_EXPENDITURE("problem.action.recordExpenditure"),
		RECORD_MILESTONE("problem.action.recordMilestone"),
		START_IMPLEMENTATION("problem.action.startImplementation"),
		FINALISE("problem.action.finalise", "problem.action.finaliseIt"),
		SUSPEND("problem.action.suspend", "problem.action.suspendIt"),
		RESUME("problem.action.resume"),
		COMPLETE("problem.action.complete", "problem.action.completeIt"),
		CANCEL("problem.action.cancel");

		private final String key;
		private final String keyWithObject;

		Action(String key) {
			this(key, key);
		}

		Action(String key, String keyWithObject) {
			this.key = key;
			this.keyWithObject = keyWithObject;
		}
	}

	void requireNotTerminal(Action action) {
		if (stage.isTerminal()) {
			throw rule(Text.of("problem.rule.terminal").with("projectId", projectId).with("stage", stageCode())
					.with("action", Text.of(action.key)));
		}
	}

	void requireActive(Action action) {
		requireNotTerminal(action);
		if (stage == Stage.SUSPENDED) {
			throw rule(Text.of("problem.rule.suspended").with("projectId", projectId)
					.with("action", Text.of(action.keyWithObject)));
		}
	}

	void requireFundable() {
		requireActive(Action.COMMIT_FUNDING);
		if (stage == Stage.FINALISATION) {
			throw rule(Text.of("problem.rule.noCommitmentInFinalisation").with("projectId", projectId));
		}
		if (!FUNDABLE.contains(stage)) {
			throw rule(Text.of("problem.rule.fundingNeedsAgreement").with("projectId", projectId).with("stage", stageCode()));
		}
	}

	void requireIncomingFundsAccepted() {
		requireActive(Action.RECORD_INCOMING_FUNDS);
		if (!RECEIVING.contains(stage)) {
			throw rule(Text.of("problem.rule.incomingFundsNeedAgreement").with("projectId", projectId)
					.with("stage", stageCode()));
		}
	}

	void requireImplementationCanStart() {
		requireActive(Action.START_IMPLEMENTATION);
		if (stage != Stage.FINANCED) {
			throw rule(Text.of("problem.rule.startNeedsFinanced").with("projectId", projectId).with("stage", stageCode()));
		}
	}

	void requireFinalisable() {
		requireActive(Action.FINALISE);
		if (stage != Stage.IMPLEMENTATION) {
			throw rule(Text.of("problem.rule.finaliseNeedsImplementation").with("projectId", projectId)
					.with("stage", stageCode()));
		}
	}

	void requireSuspendable() {
		if (stage == Stage.SUSPENDED) {
			throw rule(Text.of("problem.rule.alreadySuspended").with("projectId", projectId));
		}
		requireActive(Action.SUSPEND);
	}

	void requireResumable() {
		requireNotTerminal(Action.RESUME);
		if (stage != Stage.SUSPENDED) {
			throw rule(Text.of("problem.rule.resumeNeedsSuspended").with("projectId", projectId).with("stage", stageCode()));
		}
	}

	void requireCompletable() {
		requireActive(Action.COMPLETE);
		if (!COMPLETABLE.contains(stage)) {
			throw rule(Text.of("problem.rule.completeNeedsImplementation").with("projectId", projectId)
					.with("stage", stageCode()));
		}
	}

	/** The stage as the argument of a rejection: its code in English, its name in the other languages. */
	private Code stageCode() {
		return Code.of("ref.stage.", stage);
	}

	/** A binding agreement moves a proposed project to AGREED. */
	boolean agreedBy(AgreementType type) {
		return type.isBinding() && stage == Stage.PROPOSED;
	}

	/** The first money that finances an AGREED project (a commitment, incoming funds) moves it to FINANCED. */
	boolean financedByFirstMoney() {
		return stage == Stage.AGREED;
	}
}
