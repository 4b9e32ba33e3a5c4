package org.pipelinetracker.project.command;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pipelinetracker.project.api.AgreementType;
import org.pipelinetracker.project.api.ProjectResumedEvent;
import org.pipelinetracker.project.api.ProjectStageChangedEvent;
import org.pipelinetracker.project.api.ProjectSuspendedEvent;
import org.pipelinetracker.project.api.Stage;

import java.time.LocalDate;

import static org.pipelinetracker.project.api.CommandRejectedException.Kind.DUPLICATE;
import static org.pipelinetracker.project.api.CommandRejectedException.Kind.INVALID_INPUT;
import static org.pipelinetracker.project.api.CommandRejectedException.Kind.RULE_VIOLATION;

/**
 * Signing agreements: a binding one moves a proposed project to AGREED; ids are unique; dates follow the
 * dating rules.
 */
class ProjectAgreementsTest extends ProjectFixture {

	@Nested
	class SignAgreement {

		@Test
		void mouIsRecordedButLeavesProjectProposed() {
			fixture.given(proposed())
					.when(sign("MOU-2026-01", AgreementType.MOU, LocalDate.of(2026, 2, 1)))
					.expectEvents(signed("MOU-2026-01", AgreementType.MOU, LocalDate.of(2026, 2, 1)));
		}

		@ParameterizedTest(name = "{0}")
		@EnumSource(value = AgreementType.class, names = {"FRAMEWORK", "LOAN", "GRANT", "CONTRACT"})
		void bindingAgreementMovesProposedProjectToAgreed(AgreementType type) {
			fixture.given(proposed())
					.when(sign("AGR-2026-01", type, AGREED_ON))
					.expectEvents(signed("AGR-2026-01", type, AGREED_ON),
							new ProjectStageChangedEvent(ID, Stage.PROPOSED, Stage.AGREED, AGREED_ON));
		}

		@Test
		void bindingAgreementAfterAnMouMovesProjectToAgreed() {
			fixture.given(concat(proposed(), signed("MOU-2026-01", AgreementType.MOU, LocalDate.of(2026, 2, 1))))
					.when(sign(LOAN_AGREEMENT, AgreementType.LOAN, AGREED_ON))
					.expectEvents(signed(LOAN_AGREEMENT, AgreementType.LOAN, AGREED_ON),
							new ProjectStageChangedEvent(ID, Stage.PROPOSED, Stage.AGREED, AGREED_ON));
		}

		@Test
		void bindingAgreementMayBeSignedOnTheDayOfTheProposal() {
			fixture.given(proposed())
					.when(sign(LOAN_AGREEMENT, AgreementType.LOAN, PROPOSED_ON))
					.expectEvents(signed(LOAN_AGREEMENT, AgreementType.LOAN, PROPOSED_ON),
							new ProjectStageChangedEvent(ID, Stage.PROPOSED, Stage.AGREED, PROPOSED_ON));
		}

		@ParameterizedTest(name = "in {0}")
		@EnumSource(value = Stage.class, names = {"AGREED", "FINANCED", "IMPLEMENTATION"})
		void secondBindingAgreementLeavesTheStageAsItIs(Stage stage) {
			fixture.given(historyIn(stage))
					.when(sign("KOICA-GA-2026-07", AgreementType.GRANT, TODAY))
					.expectEvents(signed("KOICA-GA-2026-07", AgreementType.GRANT, TODAY));
		}

		@Test
		void rejectsADuplicateAgreementId() {
			given(agreed())
					.when(sign(LOAN_AGREEMENT, AgreementType.CONTRACT, TODAY))
					.expectRejected(DUPLICATE, "agreementId", "agreement '" + LOAN_AGREEMENT + "' is already recorded");
		}

		@Test
		void rejectsADuplicateAgreementIdEvenForAnMou() {
			given(concat(proposed(), signed("MOU-2026-01", AgreementType.MOU, LocalDate.of(2026, 2, 1))))
					.when(sign("MOU-2026-01", AgreementType.LOAN, AGREED_ON))
					.expectRejected(DUPLICATE, "agreementId", "is already recorded");
		}

		@Test
		void rejectsAnAgreementSignedBeforeTheProposal() {
			given(proposed())
					.when(sign(LOAN_AGREEMENT, AgreementType.LOAN, PROPOSED_ON.minusDays(1)))
					.expectRejected(RULE_VIOLATION, "signedOn", "is before the project was proposed on 2026-01-12");
		}

		@Test
		void rejectsAnAgreementSignedInTheFuture() {
			given(proposed())
					.when(sign(LOAN_AGREEMENT, AgreementType.LOAN, TOMORROW))
					.expectRejected(INVALID_INPUT, "signedOn", "is in the future");
		}

		@Test
		void rejectsAnAgreementWithoutADate() {
			given(proposed())
					.when(sign(LOAN_AGREEMENT, AgreementType.LOAN, null))
					.expectRejected(INVALID_INPUT, "signedOn", "signedOn is required");
		}

		@Test
		void rejectsABindingAgreementDatedBeforeAProposedProjectWasResumed() {
			// suspended from PROPOSED on 2026-02-01, resumed on 2026-03-01: PROPOSED (again) since 2026-03-01
			given(concat(proposed(),
							new ProjectSuspendedEvent(ID, LocalDate.of(2026, 2, 1), "Feasibility study re-tendered", Stage.PROPOSED),
							new ProjectResumedEvent(ID, LocalDate.of(2026, 3, 1), Stage.PROPOSED)))
					.when(sign(LOAN_AGREEMENT, AgreementType.LOAN, LocalDate.of(2026, 2, 15)))
					.expectRejected(RULE_VIOLATION, "signedOn",
							"before the project entered its current stage (PROPOSED) on 2026-03-01");
		}

		@Test
		void bindingAgreementMayBeSignedOnTheDayAProposedProjectWasResumed() {
			fixture.given(concat(proposed(),
							new ProjectSuspendedEvent(ID, LocalDate.of(2026, 2, 1), "Feasibility study re-tendered", Stage.PROPOSED),
							new ProjectResumedEvent(ID, LocalDate.of(2026, 3, 1), Stage.PROPOSED)))
					.when(sign(LOAN_AGREEMENT, AgreementType.LOAN, LocalDate.of(2026, 3, 1)))
					.expectEvents(signed(LOAN_AGREEMENT, AgreementType.LOAN, LocalDate.of(2026, 3, 1)),
							new ProjectStageChangedEvent(ID, Stage.PROPOSED, Stage.AGREED, LocalDate.of(2026, 3, 1)));
		}

		@Test
		void refusedWhileSuspended() {
			given(suspendedFrom(Stage.PROPOSED))
					.when(sign(LOAN_AGREEMENT, AgreementType.LOAN, TODAY))
					.expectRejected(RULE_VIOLATION, NO_FIELD, "is suspended; resume it before you sign an agreement");
		}

		@ParameterizedTest(name = "{0}")
		@EnumSource(value = Stage.class, names = {"COMPLETED", "CANCELLED"})
		void refusedWhenTheProjectHasEnded(Stage terminal) {
			given(historyIn(terminal))
					.when(sign("CONTRACT-2026-09", AgreementType.CONTRACT, TODAY))
					.expectRejected(RULE_VIOLATION, NO_FIELD,
							"is " + terminal + "; it cannot sign an agreement any more");
		}
	}
}
