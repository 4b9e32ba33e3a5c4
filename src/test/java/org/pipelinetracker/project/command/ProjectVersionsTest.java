package org.pipelinetracker.project.command;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.project.api.AgreementType;

import java.time.LocalDate;

/**
 * What each command returns: the project id for a proposal, else the version after its last event.
 */
class ProjectVersionsTest extends ProjectFixture {

	@Nested
	class Versions {

		@Test
		void proposingReturnsTheProjectId() {
			fixture.givenNoPriorActivity()
					.when(propose(PROPOSED_ON, null, null, ESTIMATED_COST))
					.expectResultMessagePayload(ID);
		}

		@Test
		void bindingAgreementAfterTheProposalReturnsVersion2() {
			fixture.given(proposed()) // sequence 0
					.when(sign(LOAN_AGREEMENT, AgreementType.LOAN, AGREED_ON)) // sequences 1 and 2
					.expectResultMessagePayload(2L);
		}

		@Test
		void mouAfterTheProposalReturnsVersion1() {
			fixture.given(proposed())
					.when(sign("MOU-2026-01", AgreementType.MOU, LocalDate.of(2026, 2, 1)))
					.expectResultMessagePayload(1L);
		}

		@Test
		void firstCommitmentReturnsTheVersionAfterTheStageChange() {
			fixture.given(agreed()) // sequences 0..2
					.when(edcf(EDCF_FUNDING, EDCF_AMOUNT, COMMITTED_ON)) // sequences 3 and 4
					.expectResultMessagePayload(4L);
		}

		@Test
		void everySingleEventCommandReturnsTheNextVersion() {
			fixture.given(inImplementation()) // sequences 0..5
					.when(disburse(EDCF_FUNDING, usd("1000000.00"), TODAY))
					.expectResultMessagePayload(6L);
		}
	}
}
