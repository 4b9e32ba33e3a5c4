package org.pipelinetracker.project.command;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pipelinetracker.project.api.ProjectProposedEvent;

import java.time.LocalDate;

import static org.pipelinetracker.project.api.CommandRejectedException.Kind.INVALID_INPUT;

/**
 * Proposing a project: a proposal is dated, not in the future, planned in order and costed above zero.
 */
class ProjectProposalTest extends ProjectFixture {

	@Nested
	class ProposeProject {

		@Test
		void proposesAProject() {
			fixture.givenNoPriorActivity()
					.when(propose(PROPOSED_ON, LocalDate.of(2026, 9, 1), LocalDate.of(2029, 12, 31), ESTIMATED_COST))
					.expectSuccessfulHandlerExecution()
					.expectEvents(new ProjectProposedEvent(ID, "Tashkent Province Water Supply Modernisation",
							"Rehabilitation of water intake, treatment and distribution networks", "14020",
							"UZ-TO", PARTNERS, ESTIMATED_COST, PROPOSED_ON, LocalDate.of(2026, 9, 1),
							LocalDate.of(2029, 12, 31)));
		}

		@Test
		void proposesAProjectWithoutPlannedDatesOrEstimatedCost() {
			fixture.givenNoPriorActivity()
					.when(propose(TODAY, null, null, null))
					.expectEvents(new ProjectProposedEvent(ID, "Tashkent Province Water Supply Modernisation",
							"Rehabilitation of water intake, treatment and distribution networks", "14020",
							"UZ-TO", PARTNERS, null, TODAY, null, null));
		}

		@Test
		void plannedStartAndEndMayBeTheSameDay() {
			fixture.givenNoPriorActivity()
					.when(propose(PROPOSED_ON, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 1), ESTIMATED_COST))
					.expectSuccessfulHandlerExecution();
		}

		@Test
		void rejectsAProposalDatedInTheFuture() {
			givenNoPriorActivity()
					.when(propose(TOMORROW, null, null, ESTIMATED_COST))
					.expectRejected(INVALID_INPUT, "proposedOn", "is in the future (today is 2026-06-15)");
		}

		@Test
		void rejectsAProposalWithoutADate() {
			givenNoPriorActivity()
					.when(propose(null, null, null, ESTIMATED_COST))
					.expectRejected(INVALID_INPUT, "proposedOn", "proposedOn is required");
		}

		@Test
		void rejectsAPlannedEndBeforeThePlannedStart() {
			givenNoPriorActivity()
					.when(propose(PROPOSED_ON, LocalDate.of(2027, 1, 1), LocalDate.of(2026, 12, 31), ESTIMATED_COST))
					.expectRejected(INVALID_INPUT, "plannedEnd",
							"plannedEnd (2026-12-31) is before plannedStart (2027-01-01)");
		}

		@ParameterizedTest(name = "estimated cost {0}")
		@ValueSource(strings = {"0", "0.00", "-250000000.00"})
		void rejectsAnEstimatedCostThatIsNotPositive(String amount) {
			givenNoPriorActivity()
					.when(propose(PROPOSED_ON, null, null, usd(amount)))
					.expectRejected(INVALID_INPUT, "estimatedCost.amount", "estimated cost must be greater than zero");
		}
	}
}
