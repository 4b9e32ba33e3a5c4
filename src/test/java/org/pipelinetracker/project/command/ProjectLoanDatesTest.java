package org.pipelinetracker.project.command;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.project.api.DisbursementRecordedEvent;
import org.pipelinetracker.project.api.EximbankInstrument;
import org.pipelinetracker.project.api.FundViaEximbankCommand;
import org.pipelinetracker.project.api.FundingCommittedEvent;
import org.pipelinetracker.project.api.FundingSource;
import org.pipelinetracker.project.api.LoanDates;
import org.pipelinetracker.project.api.LoanDatesRecordedEvent;
import org.pipelinetracker.project.api.LoanTerms;
import org.pipelinetracker.project.api.ProjectStageChangedEvent;
import org.pipelinetracker.project.api.RecordDisbursementCommand;
import org.pipelinetracker.project.api.RecordLoanDatesCommand;
import org.pipelinetracker.project.api.RepaymentConvention;
import org.pipelinetracker.project.api.Stage;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.pipelinetracker.project.api.CommandRejectedException.Kind.INVALID_INPUT;
import static org.pipelinetracker.project.api.CommandRejectedException.Kind.RULE_VIOLATION;

/**
 * A loan's effectiveness and closing dates: recorded with the commitment or later (an extension of the closing date is
 * a new event), never effective before the commitment nor closing before effectiveness; a typed disbursement falls
 * between them, a published one is kept as published.
 */
class ProjectLoanDatesTest extends ProjectFixture {

	/** Three months after the commitment of 2026-03-05. */
	static final LocalDate EFFECTIVE_ON = LocalDate.of(2026, 6, 5);
	static final LocalDate CLOSING_ON = LocalDate.of(2026, 6, 10);
	static final LoanTerms ANNUITY = new LoanTerms(new BigDecimal("2.5"), 30, 10, RepaymentConvention.ANNUITY_SEMI_ANNUAL);

	static FundViaEximbankCommand fund(LoanDates dates) {
		return new FundViaEximbankCommand(ID, EDCF_FUNDING, EximbankInstrument.EDCF_LOAN, EDCF_AMOUNT, COMMITTED_ON,
				ANNUITY, null, dates);
	}

	static FundingCommittedEvent committedWith(LoanDates dates) {
		return new FundingCommittedEvent(ID, EDCF_FUNDING, FundingSource.EXIMBANK, EximbankInstrument.EDCF_LOAN,
				EXIMBANK, EDCF_AMOUNT, COMMITTED_ON, ANNUITY, "421", "10", null, dates);
	}

	static Object[] financedWithDates() {
		return concat(agreed(), committedWith(new LoanDates(EFFECTIVE_ON, CLOSING_ON)),
				new ProjectStageChangedEvent(ID, Stage.AGREED, Stage.FINANCED, COMMITTED_ON));
	}

	@Nested
	class WithTheCommitment {

		@Test
		void recordsTheDatesAndTheConventionWithTheCommitment() {
			fixture.given(agreed())
					.when(fund(new LoanDates(EFFECTIVE_ON, CLOSING_ON)))
					.expectEvents(committedWith(new LoanDates(EFFECTIVE_ON, CLOSING_ON)),
							new ProjectStageChangedEvent(ID, Stage.AGREED, Stage.FINANCED, COMMITTED_ON));
		}

		@Test
		void rejectsBecomingEffectiveBeforeTheCommitment() {
			given(agreed())
					.when(fund(new LoanDates(COMMITTED_ON.minusDays(1), null)))
					.expectRejected(RULE_VIOLATION, "effectiveOn", "loan 'EDCF-UZB-2026-01' cannot become effective on"
							+ " 2026-03-04: that is before its commitment on 2026-03-05");
		}

		@Test
		void rejectsClosingBeforeBecomingEffective() {
			given(agreed())
					.when(fund(new LoanDates(EFFECTIVE_ON, EFFECTIVE_ON.minusDays(1))))
					.expectRejected(RULE_VIOLATION, "closingOn", "loan 'EDCF-UZB-2026-01' cannot close on 2026-06-04:"
							+ " that is before it became effective (2026-06-05)");
		}
	}

	@Nested
	class Disbursements {

		@Test
		void rejectsATypedDisbursementBeforeTheEffectivenessDate() {
			given(financedWithDates())
					.when(new RecordDisbursementCommand(ID, EDCF_FUNDING, usd("1000000.00"), EFFECTIVE_ON.minusDays(1)))
					.expectRejected(RULE_VIOLATION, "disbursedOn", "cannot disburse under loan 'EDCF-UZB-2026-01' on"
							+ " 2026-06-04: the loan becomes effective only on 2026-06-05");
		}

		@Test
		void rejectsATypedDisbursementAfterTheClosingDate() {
			given(financedWithDates())
					.when(new RecordDisbursementCommand(ID, EDCF_FUNDING, usd("1000000.00"), CLOSING_ON.plusDays(1)))
					.expectRejected(RULE_VIOLATION, "disbursedOn", "cannot disburse under loan 'EDCF-UZB-2026-01' on"
							+ " 2026-06-11: its closing date (final disbursement date) was 2026-06-10");
		}

		@Test
		void acceptsADisbursementOnTheEffectivenessAndOnTheClosingDate() {
			fixture.given(concat(financedWithDates(), disbursed(EDCF_FUNDING, usd("1000000.00"), EFFECTIVE_ON)))
					.when(new RecordDisbursementCommand(ID, EDCF_FUNDING, usd("2000000.00"), CLOSING_ON))
					.expectEvents(new DisbursementRecordedEvent(ID, EDCF_FUNDING, usd("2000000.00"), CLOSING_ON));
		}

		@Test
		void keepsAPublishedDisbursementOutsideTheLoanDatesAsPublished() {
			fixture.given(financedWithDates())
					.when(new RecordDisbursementCommand(ID, EDCF_FUNDING, usd("1000000.00"), CLOSING_ON.plusDays(2), true))
					.expectEvents(new DisbursementRecordedEvent(ID, EDCF_FUNDING, usd("1000000.00"), CLOSING_ON.plusDays(2)));
		}

		@Test
		void aCommitmentWithoutDatesRefusesNoDisbursementForThem() {
			fixture.given(financed())
					.when(new RecordDisbursementCommand(ID, EDCF_FUNDING, usd("1000000.00"), COMMITTED_ON))
					.expectEvents(new DisbursementRecordedEvent(ID, EDCF_FUNDING, usd("1000000.00"), COMMITTED_ON));
		}
	}

	@Nested
	class RecordedLater {

		@Test
		void recordsTheDatesOfACommitmentThatHadNone() {
			fixture.given(financed())
					.when(new RecordLoanDatesCommand(ID, EDCF_FUNDING, EFFECTIVE_ON, CLOSING_ON, TODAY))
					.expectEvents(new LoanDatesRecordedEvent(ID, EDCF_FUNDING, EFFECTIVE_ON, CLOSING_ON, null, TODAY));
		}

		@Test
		void anExtensionOfTheClosingDateKeepsTheEffectivenessDateAndNamesTheClosingDateItReplaces() {
			fixture.given(financedWithDates())
					.when(new RecordLoanDatesCommand(ID, EDCF_FUNDING, null, LocalDate.of(2027, 12, 31), TODAY))
					.expectEvents(new LoanDatesRecordedEvent(ID, EDCF_FUNDING, EFFECTIVE_ON, LocalDate.of(2027, 12, 31),
							CLOSING_ON, TODAY));
		}

		@Test
		void afterAnExtensionADisbursementAfterTheOldClosingDateIsAccepted() {
			fixture.given(concat(financedWithDates(), new LoanDatesRecordedEvent(ID, EDCF_FUNDING, EFFECTIVE_ON,
							LocalDate.of(2027, 12, 31), CLOSING_ON, TODAY)))
					.when(new RecordDisbursementCommand(ID, EDCF_FUNDING, usd("1000000.00"), TODAY))
					.expectEvents(new DisbursementRecordedEvent(ID, EDCF_FUNDING, usd("1000000.00"), TODAY));
		}

		@Test
		void rejectsAClosingDateBeforeTheEffectivenessDateInForce() {
			given(financedWithDates())
					.when(new RecordLoanDatesCommand(ID, EDCF_FUNDING, null, EFFECTIVE_ON.minusDays(1), TODAY))
					.expectRejected(RULE_VIOLATION, "closingOn", "cannot close on 2026-06-04");
		}

		@Test
		void rejectsAnEffectivenessDateBeforeTheCommitment() {
			given(financed())
					.when(new RecordLoanDatesCommand(ID, EDCF_FUNDING, AGREED_ON, null, TODAY))
					.expectRejected(RULE_VIOLATION, "effectiveOn", "cannot become effective on 2026-02-20");
		}

		@Test
		void rejectsNoDateAtAll() {
			given(financed())
					.when(new RecordLoanDatesCommand(ID, EDCF_FUNDING, null, null, TODAY))
					.expectRejected(INVALID_INPUT, "closingOn", "give an effectiveness date, a closing date or both");
		}

		@Test
		void rejectsTheDatesOfAnUnknownCommitment() {
			given(financed())
					.when(new RecordLoanDatesCommand(ID, "NOPE", EFFECTIVE_ON, null, TODAY))
					.expectRejected(RULE_VIOLATION, "fundingId");
		}
	}
}
