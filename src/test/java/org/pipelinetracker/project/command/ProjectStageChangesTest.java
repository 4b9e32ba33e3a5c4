package org.pipelinetracker.project.command;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pipelinetracker.project.api.AgreementType;
import org.pipelinetracker.project.api.CancelProjectCommand;
import org.pipelinetracker.project.api.CompleteProjectCommand;
import org.pipelinetracker.project.api.ImplementationStartedEvent;
import org.pipelinetracker.project.api.ProjectCancelledEvent;
import org.pipelinetracker.project.api.ProjectCompletedEvent;
import org.pipelinetracker.project.api.ProjectResumedEvent;
import org.pipelinetracker.project.api.ProjectSuspendedEvent;
import org.pipelinetracker.project.api.ResumeProjectCommand;
import org.pipelinetracker.project.api.Stage;
import org.pipelinetracker.project.api.StartImplementationCommand;
import org.pipelinetracker.project.api.SuspendProjectCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.pipelinetracker.project.api.CommandRejectedException.Kind.INVALID_INPUT;
import static org.pipelinetracker.project.api.CommandRejectedException.Kind.RULE_VIOLATION;

/**
 * Changing stage: implementation, suspension and resumption, completion and cancellation; an ended project
 * accepts only funding corrections (and texts in other languages, ProjectTextsTest).
 */
class ProjectStageChangesTest extends ProjectFixture {

	@Nested
	class StartImplementation {

		@Test
		void startsImplementationOfAFinancedProject() {
			fixture.given(financed())
					.when(new StartImplementationCommand(ID, IMPLEMENTATION_ON))
					.expectEvents(new ImplementationStartedEvent(ID, IMPLEMENTATION_ON));
		}

		@Test
		void implementationMayStartOnTheDayOfFinancing() {
			fixture.given(financed())
					.when(new StartImplementationCommand(ID, COMMITTED_ON))
					.expectEvents(new ImplementationStartedEvent(ID, COMMITTED_ON));
		}

		@ParameterizedTest(name = "{0}")
		@EnumSource(value = Stage.class, names = {"PROPOSED", "AGREED", "IMPLEMENTATION"})
		void refusedUnlessFinanced(Stage stage) {
			given(historyIn(stage))
					.when(new StartImplementationCommand(ID, TODAY))
					.expectRejected(RULE_VIOLATION, NO_FIELD,
							"only a financed project can start implementation; project KR-UZ-TEST-1 is " + stage);
		}

		@Test
		void rejectsAStartBeforeTheProjectWasFinanced() {
			given(financed())
					.when(new StartImplementationCommand(ID, COMMITTED_ON.minusDays(1)))
					.expectRejected(RULE_VIOLATION, "on",
							"before the project entered its current stage (FINANCED) on 2026-03-05");
		}

		@Test
		void rejectsAStartInTheFuture() {
			given(financed())
					.when(new StartImplementationCommand(ID, TOMORROW))
					.expectRejected(INVALID_INPUT, "on", "is in the future");
		}

		@Test
		void refusedWhileSuspended() {
			given(suspendedFrom(Stage.FINANCED))
					.when(new StartImplementationCommand(ID, TODAY))
					.expectRejected(RULE_VIOLATION, NO_FIELD,
							"is suspended; resume it before you start implementation");
		}
	}

	@Nested
	class SuspendProject {

		@ParameterizedTest(name = "from {0}")
		@EnumSource(value = Stage.class, names = {"PROPOSED", "AGREED", "FINANCED", "IMPLEMENTATION"})
		void suspendsAnActiveProjectRememberingItsStage(Stage stage) {
			fixture.given(historyIn(stage))
					.when(new SuspendProjectCommand(ID, SUSPENDED_ON, "Land acquisition dispute"))
					.expectEvents(new ProjectSuspendedEvent(ID, SUSPENDED_ON, "Land acquisition dispute", stage));
		}

		@ParameterizedTest(name = "reason [{0}]")
		@NullAndEmptySource
		@ValueSource(strings = {"  "})
		void rejectsASuspensionWithoutAReason(String reason) {
			given(financed())
					.when(new SuspendProjectCommand(ID, SUSPENDED_ON, reason))
					.expectRejected(INVALID_INPUT, "reason", "a reason is required");
		}

		@Test
		void rejectsSuspendingASuspendedProject() {
			given(suspendedFrom(Stage.FINANCED))
					.when(new SuspendProjectCommand(ID, TODAY, "Still disputed"))
					.expectRejected(RULE_VIOLATION, NO_FIELD, "KR-UZ-TEST-1 is", "suspended");
		}

		@Test
		void rejectsASuspensionBeforeTheCurrentStageBegan() {
			given(inImplementation())
					.when(new SuspendProjectCommand(ID, IMPLEMENTATION_ON.minusDays(1), "Land acquisition dispute"))
					.expectRejected(RULE_VIOLATION, "on",
							"before the project entered its current stage (IMPLEMENTATION)");
		}

		@Test
		void rejectsASuspensionInTheFuture() {
			given(inImplementation())
					.when(new SuspendProjectCommand(ID, TOMORROW, "Land acquisition dispute"))
					.expectRejected(INVALID_INPUT, "on", "is in the future");
		}
	}

	@Nested
	class ResumeProject {

		@ParameterizedTest(name = "to {0}")
		@EnumSource(value = Stage.class, names = {"PROPOSED", "AGREED", "FINANCED", "IMPLEMENTATION"})
		void resumesToTheStageItLeft(Stage stage) {
			fixture.given(suspendedFrom(stage))
					.when(new ResumeProjectCommand(ID, TODAY))
					.expectEvents(new ProjectResumedEvent(ID, TODAY, stage));
		}

		@Test
		void aProjectResumedToFinancedCanStartImplementation() {
			fixture.given(concat(suspendedFrom(Stage.FINANCED), new ProjectResumedEvent(ID, ENDED_ON, Stage.FINANCED)))
					.when(new StartImplementationCommand(ID, TODAY))
					.expectEvents(new ImplementationStartedEvent(ID, TODAY));
		}

		@Test
		void aProjectResumedToImplementationCanBeCompleted() {
			fixture.given(concat(suspendedFrom(Stage.IMPLEMENTATION),
							new ProjectResumedEvent(ID, ENDED_ON, Stage.IMPLEMENTATION)))
					.when(new CompleteProjectCommand(ID, TODAY))
					.expectEvents(new ProjectCompletedEvent(ID, TODAY));
		}

		@Test
		void aResumedProjectCanBeSuspendedAgain() {
			fixture.given(concat(suspendedFrom(Stage.IMPLEMENTATION),
							new ProjectResumedEvent(ID, ENDED_ON, Stage.IMPLEMENTATION)))
					.when(new SuspendProjectCommand(ID, TODAY, "Contractor insolvency"))
					.expectEvents(new ProjectSuspendedEvent(ID, TODAY, "Contractor insolvency", Stage.IMPLEMENTATION));
		}

		@ParameterizedTest(name = "{0}")
		@EnumSource(value = Stage.class, names = {"PROPOSED", "AGREED", "FINANCED", "IMPLEMENTATION"})
		void rejectsResumingAProjectThatIsNotSuspended(Stage stage) {
			given(historyIn(stage))
					.when(new ResumeProjectCommand(ID, TODAY))
					.expectRejected(RULE_VIOLATION, NO_FIELD,
							"only a suspended project can be resumed; project KR-UZ-TEST-1 is " + stage);
		}

		@Test
		void rejectsAResumptionBeforeTheSuspension() {
			given(suspendedFrom(Stage.FINANCED))
					.when(new ResumeProjectCommand(ID, SUSPENDED_ON.minusDays(1)))
					.expectRejected(RULE_VIOLATION, "on",
							"before the project entered its current stage (SUSPENDED) on 2026-05-04");
		}

		@Test
		void resumptionMayBeOnTheDayOfTheSuspension() {
			fixture.given(suspendedFrom(Stage.FINANCED))
					.when(new ResumeProjectCommand(ID, SUSPENDED_ON))
					.expectEvents(new ProjectResumedEvent(ID, SUSPENDED_ON, Stage.FINANCED));
		}

		@Test
		void rejectsAResumptionInTheFuture() {
			given(suspendedFrom(Stage.FINANCED))
					.when(new ResumeProjectCommand(ID, TOMORROW))
					.expectRejected(INVALID_INPUT, "on", "is in the future");
		}
	}

	@Nested
	class CompleteProject {

		@Test
		void completesAProjectInImplementation() {
			fixture.given(inImplementation())
					.when(new CompleteProjectCommand(ID, TODAY))
					.expectEvents(new ProjectCompletedEvent(ID, TODAY));
		}

		@ParameterizedTest(name = "{0}")
		@EnumSource(value = Stage.class, names = {"PROPOSED", "AGREED", "FINANCED"})
		void refusedUnlessInImplementation(Stage stage) {
			given(historyIn(stage))
					.when(new CompleteProjectCommand(ID, TODAY))
					.expectRejected(RULE_VIOLATION, NO_FIELD,
							"only a project in implementation or finalisation can be completed; project KR-UZ-TEST-1 is " + stage);
		}

		@Test
		void refusedWhileSuspended() {
			given(suspendedFrom(Stage.IMPLEMENTATION))
					.when(new CompleteProjectCommand(ID, TODAY))
					.expectRejected(RULE_VIOLATION, NO_FIELD, "is suspended; resume it before you complete it");
		}

		@Test
		void rejectsACompletionBeforeImplementationStarted() {
			given(inImplementation())
					.when(new CompleteProjectCommand(ID, IMPLEMENTATION_ON.minusDays(1)))
					.expectRejected(RULE_VIOLATION, "on",
							"before the project entered its current stage (IMPLEMENTATION) on 2026-04-01");
		}

		@Test
		void rejectsACompletionInTheFuture() {
			given(inImplementation())
					.when(new CompleteProjectCommand(ID, TOMORROW))
					.expectRejected(INVALID_INPUT, "on", "is in the future");
		}
	}

	@Nested
	class CancelProject {

		@ParameterizedTest(name = "from {0}")
		@EnumSource(value = Stage.class, names = {"PROPOSED", "AGREED", "FINANCED", "IMPLEMENTATION", "SUSPENDED"})
		void cancelsANonTerminalProjectRememberingItsStage(Stage stage) {
			fixture.given(historyIn(stage))
					.when(new CancelProjectCommand(ID, TODAY, "Government reprioritised the investment programme"))
					.expectEvents(new ProjectCancelledEvent(ID, TODAY, "Government reprioritised the investment programme",
							stage));
		}

		@ParameterizedTest(name = "reason [{0}]")
		@NullAndEmptySource
		@ValueSource(strings = {" \t "})
		void rejectsACancellationWithoutAReason(String reason) {
			given(financed())
					.when(new CancelProjectCommand(ID, TODAY, reason))
					.expectRejected(INVALID_INPUT, "reason", "a reason is required");
		}

		@Test
		void rejectsCancellingTwice() {
			given(cancelled())
					.when(new CancelProjectCommand(ID, TODAY, "Cancelled again"))
					.expectRejected(RULE_VIOLATION, NO_FIELD, "is CANCELLED; it cannot cancel any more");
		}

		@Test
		void rejectsCancellingACompletedProject() {
			given(completed())
					.when(new CancelProjectCommand(ID, TODAY, "Too late"))
					.expectRejected(RULE_VIOLATION, NO_FIELD, "is COMPLETED; it cannot cancel any more");
		}

		@Test
		void rejectsACancellationBeforeTheCurrentStageBegan() {
			given(suspendedFrom(Stage.FINANCED))
					.when(new CancelProjectCommand(ID, SUSPENDED_ON.minusDays(1), "Government reprioritised"))
					.expectRejected(RULE_VIOLATION, "on", "before the project entered its current stage (SUSPENDED)");
		}

		@Test
		void rejectsACancellationInTheFuture() {
			given(financed())
					.when(new CancelProjectCommand(ID, TOMORROW, "Government reprioritised"))
					.expectRejected(INVALID_INPUT, "on", "is in the future");
		}
	}

	@Nested
	class TerminalStages {

		/** Every command but ProposeProject (a creation command) and CorrectFundingCommitment, each valid in itself. */
		static Stream<Arguments> everyCommandButCorrections() {
			List<Object> commands = List.of(
					sign("CONTRACT-2026-09", AgreementType.CONTRACT, TODAY),
					edcf("EDCF-UZB-2026-02", usd("10000000.00"), TODAY),
					koicaGrant("KOICA-2026-014", TODAY),
					disburse(EDCF_FUNDING, usd("1000000.00"), TODAY),
					receive(EDCF_FUNDING, usd("1000000.00"), TODAY),
					spend(null, usd("1000.00"), TODAY),
					milestone("M9-HANDOVER", "Handover to operator", TODAY, TODAY, null),
					new StartImplementationCommand(ID, TODAY),
					new SuspendProjectCommand(ID, TODAY, "Audit"),
					new ResumeProjectCommand(ID, TODAY),
					new CompleteProjectCommand(ID, TODAY),
					new CancelProjectCommand(ID, TODAY, "Duplicate record"));
			List<Arguments> arguments = new ArrayList<>();
			for (Stage terminal : List.of(Stage.COMPLETED, Stage.CANCELLED)) {
				for (Object command : commands) {
					arguments.add(Arguments.of(terminal, command.getClass().getSimpleName(), command));
				}
			}
			return arguments.stream();
		}

		@ParameterizedTest(name = "{0} refuses {1}")
		@MethodSource("everyCommandButCorrections")
		void terminalStageRefusesEveryCommandButCorrections(Stage terminal, String commandName, Object command) {
			given(historyIn(terminal))
					.when(command)
					.expectRejected(RULE_VIOLATION, NO_FIELD,
							"project KR-UZ-TEST-1 is " + terminal + "; it cannot", "any more — only funding corrections and texts in other languages are accepted");
		}

		@ParameterizedTest(name = "{0}")
		@EnumSource(value = Stage.class, names = {"COMPLETED", "CANCELLED"})
		void terminalStageStillAcceptsAFundingCorrection(Stage terminal) {
			fixture.given(historyIn(terminal))
					.when(correct(EDCF_FUNDING, usd("176500000.00"), TODAY))
					.expectEvents(corrected(EDCF_AMOUNT, usd("176500000.00"), TODAY));
		}
	}
}
