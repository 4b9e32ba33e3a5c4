package org.pipelinetracker.project.command;

import org.pipelinetracker.project.api.AgreementType;
import org.pipelinetracker.project.api.ProjectId;
import org.pipelinetracker.project.api.Stage;

import java.util.EnumSet;
import java.util.Set;

import static org.pipelinetracker.project.api.CommandRejectedException.rule;

/**
 * The stage rules: what the project's stage allows. A completed or cancelled project accepts only funding
 * corrections; a suspended one must be resumed first. Funding and incoming funds need a binding agreement (AGREED
 * or later); implementation starts from FINANCED, completion from IMPLEMENTATION, resumption from SUSPENDED.
 */
record StagePolicy(ProjectId projectId, Stage stage) {

	private static final Set<Stage> FUNDABLE = EnumSet.of(Stage.AGREED, Stage.FINANCED, Stage.IMPLEMENTATION);

	void requireNotTerminal(String action) {
		if (stage.isTerminal()) {
			throw rule("project " + projectId + " is " + stage + "; it cannot " + action.replace(" it", "")
					+ " any more — only funding corrections are accepted");
		}
	}

	void requireActive(String action) {
		requireNotTerminal(action);
		if (stage == Stage.SUSPENDED) {
			throw rule("project " + projectId + " is suspended; resume it before you " + action);
		}
	}

	void requireFundable() {
		requireActive("commit funding");
		if (!FUNDABLE.contains(stage)) {
			throw rule("funding can only be committed once a binding agreement (LOAN, GRANT, FRAMEWORK or CONTRACT) "
					+ "is signed; project " + projectId + " is " + stage);
		}
	}

	void requireIncomingFundsAccepted() {
		requireActive("record incoming funds");
		if (!FUNDABLE.contains(stage)) {
			throw rule("incoming funds can only be recorded once a binding agreement (LOAN, GRANT, FRAMEWORK or "
					+ "CONTRACT) is signed; project " + projectId + " is " + stage);
		}
	}

	void requireImplementationCanStart() {
		requireActive("start implementation");
		if (stage != Stage.FINANCED) {
			throw rule("only a financed project can start implementation; project " + projectId + " is " + stage);
		}
	}

	void requireSuspendable() {
		if (stage == Stage.SUSPENDED) {
			throw rule("project " + projectId + " is already suspended");
		}
		requireActive("suspend it");
	}

	void requireResumable() {
		requireNotTerminal("resume it");
		if (stage != Stage.SUSPENDED) {
			throw rule("only a suspended project can be resumed; project " + projectId + " is " + stage);
		}
	}

	void requireCompletable() {
		requireActive("complete it");
		if (stage != Stage.IMPLEMENTATION) {
			throw rule("only a project in implementation can be completed; project " + projectId + " is " + stage);
		}
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
