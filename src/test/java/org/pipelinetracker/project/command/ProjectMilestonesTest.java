package org.pipelinetracker.project.command;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pipelinetracker.project.api.MilestoneRecordedEvent;
import org.pipelinetracker.project.api.Stage;

import java.time.LocalDate;

import static org.pipelinetracker.project.api.CommandRejectedException.Kind.INVALID_INPUT;
import static org.pipelinetracker.project.api.CommandRejectedException.Kind.RULE_VIOLATION;

/**
 * Recording milestones: named, planned or achieved, and re-recorded only when something changed.
 */
class ProjectMilestonesTest extends ProjectFixture {

	@Nested
	class RecordMilestone {

		private static final String MILESTONE = "M1-DESIGN";
		private static final String NAME = "Detailed design approved";
		private static final LocalDate PLANNED = LocalDate.of(2026, 5, 31);

		@Test
		void recordsANewMilestoneWithAPlannedDateAsOfToday() {
			fixture.given(financed())
					.when(milestone(MILESTONE, NAME, PLANNED, null, null))
					.expectEvents(new MilestoneRecordedEvent(ID, MILESTONE, NAME, PLANNED, null, TODAY));
		}

		@Test
		void aPlannedDateInTheFutureIsFine() {
			fixture.given(financed())
					.when(milestone("M4-COMMISSIONING", "Treatment plant commissioned", LocalDate.of(2029, 6, 30), null, null))
					.expectEvents(new MilestoneRecordedEvent(ID, "M4-COMMISSIONING", "Treatment plant commissioned",
							LocalDate.of(2029, 6, 30), null, TODAY));
		}

		@Test
		void anAchievedMilestoneIsRecordedAsOfItsAchievement() {
			fixture.given(financed())
					.when(milestone(MILESTONE, NAME, null, LocalDate.of(2026, 6, 2), null))
					.expectEvents(new MilestoneRecordedEvent(ID, MILESTONE, NAME, null, LocalDate.of(2026, 6, 2),
							LocalDate.of(2026, 6, 2)));
		}

		@Test
		void anExplicitRecordedOnIsKept() {
			fixture.given(financed())
					.when(milestone(MILESTONE, NAME, PLANNED, LocalDate.of(2026, 6, 2), LocalDate.of(2026, 6, 10)))
					.expectEvents(new MilestoneRecordedEvent(ID, MILESTONE, NAME, PLANNED, LocalDate.of(2026, 6, 2),
							LocalDate.of(2026, 6, 10)));
		}

		@Test
		void reRecordingWithAnAchievedDateUpdatesTheMilestone() {
			fixture.given(concat(financed(), new MilestoneRecordedEvent(ID, MILESTONE, NAME, PLANNED, null, IMPLEMENTATION_ON)))
					.when(milestone(MILESTONE, null, null, LocalDate.of(2026, 6, 2), null))
					.expectEvents(new MilestoneRecordedEvent(ID, MILESTONE, NAME, PLANNED, LocalDate.of(2026, 6, 2),
							LocalDate.of(2026, 6, 2)));
		}

		@Test
		void reRecordingCanRenameAndReplanTheMilestone() {
			fixture.given(concat(financed(), new MilestoneRecordedEvent(ID, MILESTONE, NAME, PLANNED, null, IMPLEMENTATION_ON)))
					.when(milestone(MILESTONE, "Detailed design and tender documents approved", LocalDate.of(2026, 7, 31), null, null))
					.expectEvents(new MilestoneRecordedEvent(ID, MILESTONE,
							"Detailed design and tender documents approved", LocalDate.of(2026, 7, 31), null, TODAY));
		}

		@Test
		void reRecordingIdenticalValuesRecordsNothing() {
			Object[] history = concat(financed(),
					new MilestoneRecordedEvent(ID, MILESTONE, NAME, PLANNED, null, IMPLEMENTATION_ON));
			fixture.given(history)
					.when(milestone(MILESTONE, NAME, PLANNED, null, null))
					.expectSuccessfulHandlerExecution()
					.expectNoEvents()
					.expectResultMessagePayload((long) history.length - 1);
		}

		@Test
		void reRecordingWithOnlyTheIdRecordsNothing() {
			fixture.given(concat(financed(), new MilestoneRecordedEvent(ID, MILESTONE, NAME, PLANNED, null, IMPLEMENTATION_ON)))
					.when(milestone(MILESTONE, null, null, null, null))
					.expectSuccessfulHandlerExecution()
					.expectNoEvents();
		}

		@ParameterizedTest(name = "name [{0}]")
		@NullAndEmptySource
		@ValueSource(strings = {"   "})
		void rejectsANewMilestoneWithoutAName(String name) {
			given(financed())
					.when(milestone(MILESTONE, name, PLANNED, null, null))
					.expectRejected(INVALID_INPUT, "name", "a new milestone needs a name");
		}

		@Test
		void rejectsANewMilestoneWithoutAnyDate() {
			given(financed())
					.when(milestone(MILESTONE, NAME, null, null, null))
					.expectRejected(INVALID_INPUT, "plannedOn", "needs a planned date, an achieved date or both");
		}

		@Test
		void rejectsAPlannedDateBeforeTheProposal() {
			given(financed())
					.when(milestone(MILESTONE, NAME, PROPOSED_ON.minusDays(1), null, null))
					.expectRejected(RULE_VIOLATION, "plannedOn", "is before the project was proposed on 2026-01-12");
		}

		@Test
		void rejectsAnAchievedDateInTheFuture() {
			given(financed())
					.when(milestone(MILESTONE, NAME, PLANNED, TOMORROW, null))
					.expectRejected(INVALID_INPUT, "achievedOn", "is in the future");
		}

		@Test
		void rejectsAnAchievedDateBeforeTheProposal() {
			given(financed())
					.when(milestone(MILESTONE, NAME, null, PROPOSED_ON.minusDays(1), null))
					.expectRejected(RULE_VIOLATION, "achievedOn", "is before the project was proposed");
		}

		@Test
		void rejectsARecordedOnInTheFuture() {
			given(financed())
					.when(milestone(MILESTONE, NAME, PLANNED, null, TOMORROW))
					.expectRejected(INVALID_INPUT, "on", "is in the future");
		}

		@Test
		void allowedWhileSuspended() {
			fixture.given(suspendedFrom(Stage.IMPLEMENTATION))
					.when(milestone(MILESTONE, NAME, PLANNED, null, null))
					.expectEvents(new MilestoneRecordedEvent(ID, MILESTONE, NAME, PLANNED, null, TODAY));
		}

		@ParameterizedTest(name = "{0}")
		@EnumSource(value = Stage.class, names = {"COMPLETED", "CANCELLED"})
		void refusedWhenTheProjectHasEnded(Stage terminal) {
			given(historyIn(terminal))
					.when(milestone(MILESTONE, NAME, PLANNED, PLANNED, null))
					.expectRejected(RULE_VIOLATION, NO_FIELD, "it cannot record a milestone any more");
		}
	}
}
