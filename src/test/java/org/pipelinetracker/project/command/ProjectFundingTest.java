package org.pipelinetracker.project.command;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pipelinetracker.project.api.AgreementType;
import org.pipelinetracker.project.api.CommitFundingCommand;
import org.pipelinetracker.project.api.EximbankInstrument;
import org.pipelinetracker.project.api.FundViaEximbankCommand;
import org.pipelinetracker.project.api.FundingCommittedEvent;
import org.pipelinetracker.project.api.FundingSource;
import org.pipelinetracker.project.api.LoanTerms;
import org.pipelinetracker.project.api.ProjectResumedEvent;
import org.pipelinetracker.project.api.ProjectStageChangedEvent;
import org.pipelinetracker.project.api.ProjectSuspendedEvent;
import org.pipelinetracker.project.api.Stage;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.pipelinetracker.project.api.CommandRejectedException.Kind.DUPLICATE;
import static org.pipelinetracker.project.api.CommandRejectedException.Kind.INVALID_INPUT;
import static org.pipelinetracker.project.api.CommandRejectedException.Kind.RULE_VIOLATION;

/**
 * Committing funding (Korea Eximbank, and every other source): a binding agreement first, a unique id, the
 * IATI finance and flow types of the source, dates on or after the agreement; the first commitment finances the
 * project.
 */
class ProjectFundingTest extends ProjectFixture {

	@Nested
	class FundViaEximbank {

		@ParameterizedTest(name = "{0} -> finance type {1}, flow type {2}")
		@CsvSource({"EDCF_LOAN, 421, 10", "EXPORT_CREDIT, 421, 22"})
		void firstCommitmentMovesAgreedProjectToFinanced(EximbankInstrument instrument, String financeType,
				String flowType) {
			fixture.given(agreed())
					.when(new FundViaEximbankCommand(ID, EDCF_FUNDING, instrument, EDCF_AMOUNT, COMMITTED_ON, EDCF_TERMS, null))
					.expectEvents(
							new FundingCommittedEvent(ID, EDCF_FUNDING, FundingSource.EXIMBANK, instrument, EXIMBANK,
									EDCF_AMOUNT, COMMITTED_ON, EDCF_TERMS, financeType, flowType, null),
							new ProjectStageChangedEvent(ID, Stage.AGREED, Stage.FINANCED, COMMITTED_ON));
		}

		@Test
		void commitmentMayBeDatedOnTheDayOfTheAgreement() {
			fixture.given(agreed())
					.when(new FundViaEximbankCommand(ID, EDCF_FUNDING, EximbankInstrument.EDCF_LOAN, EDCF_AMOUNT,
							AGREED_ON, EDCF_TERMS, null))
					.expectEvents(edcfCommitted(EDCF_FUNDING, EDCF_AMOUNT, AGREED_ON),
							new ProjectStageChangedEvent(ID, Stage.AGREED, Stage.FINANCED, AGREED_ON));
		}

		@ParameterizedTest(name = "in {0}")
		@EnumSource(value = Stage.class, names = {"FINANCED", "IMPLEMENTATION"})
		void furtherCommitmentLeavesTheStageAsItIs(Stage stage) {
			fixture.given(historyIn(stage))
					.when(new FundViaEximbankCommand(ID, "EXIM-EC-2026-02", EximbankInstrument.EXPORT_CREDIT,
							usd("45000000.00"), TODAY, new LoanTerms(new BigDecimal("4.25"), 8, 2), null))
					.expectEvents(new FundingCommittedEvent(ID, "EXIM-EC-2026-02", FundingSource.EXIMBANK,
							EximbankInstrument.EXPORT_CREDIT, EXIMBANK, usd("45000000.00"), TODAY,
							new LoanTerms(new BigDecimal("4.25"), 8, 2), "421", "22", null));
		}

		@Test
		void loanTermsAreCarriedInTheEvent() {
			LoanTerms terms = new LoanTerms(new BigDecimal("0.15"), 30, 10);
			fixture.given(financed())
					.when(new FundViaEximbankCommand(ID, "EDCF-UZB-2026-02", EximbankInstrument.EDCF_LOAN,
							usd("60000000.00"), TODAY, terms, null))
					.expectEvents(new FundingCommittedEvent(ID, "EDCF-UZB-2026-02", FundingSource.EXIMBANK,
							EximbankInstrument.EDCF_LOAN, EXIMBANK, usd("60000000.00"), TODAY, terms, "421", "10", null));
		}

		@Test
		void missingLoanTermsAreRecordedAsNone() {
			fixture.given(financed())
					.when(new FundViaEximbankCommand(ID, "EDCF-UZB-2026-02", EximbankInstrument.EDCF_LOAN,
							usd("60000000.00"), TODAY, null, null))
					.expectEvents(new FundingCommittedEvent(ID, "EDCF-UZB-2026-02", FundingSource.EXIMBANK,
							EximbankInstrument.EDCF_LOAN, EXIMBANK, usd("60000000.00"), TODAY, LoanTerms.NONE, "421",
							"10", null));
		}

		@Test
		void gracePeriodAsLongAsTheMaturityIsAccepted() {
			fixture.given(financed())
					.when(new FundViaEximbankCommand(ID, "EDCF-UZB-2026-02", EximbankInstrument.EDCF_LOAN,
							usd("60000000.00"), TODAY, new LoanTerms(null, 10, 10), null))
					.expectSuccessfulHandlerExecution();
		}

		@Test
		void rejectedWhileProposed() {
			given(proposed())
					.when(edcf(EDCF_FUNDING, EDCF_AMOUNT, TODAY))
					.expectRejected(RULE_VIOLATION, NO_FIELD,
							"once a binding agreement (LOAN, GRANT, FRAMEWORK or CONTRACT) is signed");
		}

		@Test
		void rejectedAfterOnlyAnMou() {
			given(concat(proposed(), signed("MOU-2026-01", AgreementType.MOU, LocalDate.of(2026, 2, 1))))
					.when(edcf(EDCF_FUNDING, EDCF_AMOUNT, TODAY))
					.expectRejected(RULE_VIOLATION, NO_FIELD, "project KR-UZ-TEST-1 is PROPOSED");
		}

		@Test
		void rejectsACommitmentDatedBeforeTheFirstBindingAgreement() {
			given(agreed())
					.when(edcf(EDCF_FUNDING, EDCF_AMOUNT, AGREED_ON.minusDays(1)))
					.expectRejected(RULE_VIOLATION, "committedOn",
							"before the first binding agreement was signed on 2026-02-20");
		}

		@Test
		void anMouSignedEarlierDoesNotCountAsTheFirstBindingAgreement() {
			given(concat(proposed(), signed("MOU-2026-01", AgreementType.MOU, LocalDate.of(2026, 2, 1)),
							signed(LOAN_AGREEMENT, AgreementType.LOAN, AGREED_ON),
							new ProjectStageChangedEvent(ID, Stage.PROPOSED, Stage.AGREED, AGREED_ON)))
					.when(edcf(EDCF_FUNDING, EDCF_AMOUNT, LocalDate.of(2026, 2, 10)))
					.expectRejected(RULE_VIOLATION, "committedOn", "signed on 2026-02-20");
		}

		@Test
		void firstCommitmentCannotMoveTheProjectToFinancedBeforeItReenteredAgreed() {
			// AGREED since 2026-02-20, suspended 2026-03-01, resumed to AGREED 2026-04-01
			given(concat(agreed(),
							new ProjectSuspendedEvent(ID, LocalDate.of(2026, 3, 1), "Loan negotiations paused", Stage.AGREED),
							new ProjectResumedEvent(ID, LocalDate.of(2026, 4, 1), Stage.AGREED)))
					.when(edcf(EDCF_FUNDING, EDCF_AMOUNT, LocalDate.of(2026, 3, 10)))
					.expectRejected(RULE_VIOLATION, "committedOn",
							"before the project entered its current stage (AGREED) on 2026-04-01");
		}

		@Test
		void rejectsACommitmentDatedInTheFuture() {
			given(agreed())
					.when(edcf(EDCF_FUNDING, EDCF_AMOUNT, TOMORROW))
					.expectRejected(INVALID_INPUT, "committedOn", "is in the future");
		}

		@Test
		void rejectsADuplicateFundingId() {
			given(financed())
					.when(edcf(EDCF_FUNDING, usd("20000000.00"), TODAY))
					.expectRejected(DUPLICATE, "fundingId", "funding '" + EDCF_FUNDING + "' is already recorded");
		}

		@ParameterizedTest(name = "amount {0}")
		@ValueSource(strings = {"0.00", "-180000000.00"})
		void rejectsAnAmountThatIsNotPositive(String amount) {
			given(agreed())
					.when(edcf(EDCF_FUNDING, usd(amount), COMMITTED_ON))
					.expectRejected(INVALID_INPUT, "amount.amount", "amount must be greater than zero");
		}

		@Test
		void rejectsAGracePeriodLongerThanTheMaturity() {
			given(agreed())
					.when(new FundViaEximbankCommand(ID, EDCF_FUNDING, EximbankInstrument.EDCF_LOAN, EDCF_AMOUNT,
							COMMITTED_ON, new LoanTerms(new BigDecimal("0.10"), 10, 12), null))
					.expectRejected(INVALID_INPUT, "graceYears",
							"grace period (12 years) is longer than the maturity (10 years)");
		}

		@Test
		void refusedWhileSuspended() {
			given(suspendedFrom(Stage.AGREED))
					.when(edcf(EDCF_FUNDING, EDCF_AMOUNT, TODAY))
					.expectRejected(RULE_VIOLATION, NO_FIELD, "is suspended; resume it before you commit funding");
		}

		@ParameterizedTest(name = "{0}")
		@CsvSource(delimiter = '|', value = {
				"PROPOSED  | funding can only be committed once a binding agreement",
				"SUSPENDED | is suspended; resume it before you commit funding",
				"COMPLETED | is COMPLETED; it cannot commit funding any more",
				"CANCELLED | is CANCELLED; it cannot commit funding any more"})
		void theStateIsReportedBeforeInvalidLoanTerms(Stage stage, String message) {
			given(historyIn(stage))
					.when(new FundViaEximbankCommand(ID, "EDCF-UZB-2026-02", EximbankInstrument.EDCF_LOAN,
							usd("60000000.00"), TODAY, new LoanTerms(new BigDecimal("0.10"), 10, 12), null))
					.expectRejected(RULE_VIOLATION, NO_FIELD, message);
		}
	}

	@Nested
	class CommitFunding {

		@Test
		void koicaGrantIsAStandardOdaGrantAndMovesAgreedProjectToFinanced() {
			fixture.given(agreed())
					.when(new CommitFundingCommand(ID, "KOICA-2026-014", FundingSource.KOICA_GRANT,
							"Korea International Cooperation Agency", usd("8500000.00"), COMMITTED_ON, null))
					.expectEvents(
							new FundingCommittedEvent(ID, "KOICA-2026-014", FundingSource.KOICA_GRANT, null,
									"Korea International Cooperation Agency", usd("8500000.00"), COMMITTED_ON,
									LoanTerms.NONE, "110", "10", null),
							new ProjectStageChangedEvent(ID, Stage.AGREED, Stage.FINANCED, COMMITTED_ON));
		}

		@Test
		void privateInvestmentDefaultsToForeignDirectInvestment() {
			fixture.given(financed())
					.when(privateInvestment(null))
					.expectEvents(new FundingCommittedEvent(ID, "PRIV-2026-03", FundingSource.PRIVATE_INVESTMENT,
							null, "Doosan Enerbility", usd("35000000.00"), TODAY, LoanTerms.NONE, null, "36", null));
		}

		@Test
		void privateInvestmentAcceptsPrivateDevelopmentFinance() {
			fixture.given(financed())
					.when(privateInvestment("30"))
					.expectEvents(new FundingCommittedEvent(ID, "PRIV-2026-03", FundingSource.PRIVATE_INVESTMENT,
							null, "Doosan Enerbility", usd("35000000.00"), TODAY, LoanTerms.NONE, null, "30", null));
		}

		@Test
		void privateInvestmentRejectsTheOdaFlowType() {
			given(financed())
					.when(privateInvestment("10"))
					.expectRejected(INVALID_INPUT, "flowType",
							"flow type 10 does not fit a PRIVATE_INVESTMENT commitment");
		}

		@Test
		void uzbekBudgetHasNeitherFinanceNorFlowType() {
			fixture.given(financed())
					.when(new CommitFundingCommand(ID, "UZB-BUDGET-2026", FundingSource.UZBEK_BUDGET,
							"Ministry of Economy and Finance of Uzbekistan", usd("12000000.00"), TODAY, null))
					.expectEvents(new FundingCommittedEvent(ID, "UZB-BUDGET-2026", FundingSource.UZBEK_BUDGET, null,
							"Ministry of Economy and Finance of Uzbekistan", usd("12000000.00"), TODAY,
							LoanTerms.NONE, null, null, null));
		}

		@Test
		void uzbekBudgetRejectsAnyFlowType() {
			given(financed())
					.when(new CommitFundingCommand(ID, "UZB-BUDGET-2026", FundingSource.UZBEK_BUDGET,
							"Ministry of Economy and Finance of Uzbekistan", usd("12000000.00"), TODAY, "10"))
					.expectRejected(INVALID_INPUT, "flowType", "does not fit a UZBEK_BUDGET commitment");
		}

		@Test
		void rejectsEximbankAsSource() {
			given(agreed())
					.when(new CommitFundingCommand(ID, EDCF_FUNDING, FundingSource.EXIMBANK, EXIMBANK, EDCF_AMOUNT,
							COMMITTED_ON, null))
					.expectRejected(INVALID_INPUT, "source", "recorded with FundViaEximbank");
		}

		@Test
		void rejectedWhileProposed() {
			given(proposed())
					.when(koicaGrant("KOICA-2026-014", TODAY))
					.expectRejected(RULE_VIOLATION, NO_FIELD, "once a binding agreement");
		}

		@Test
		void rejectedAfterOnlyAnMou() {
			given(concat(proposed(), signed("MOU-2026-01", AgreementType.MOU, LocalDate.of(2026, 2, 1))))
					.when(koicaGrant("KOICA-2026-014", TODAY))
					.expectRejected(RULE_VIOLATION, NO_FIELD, "is PROPOSED");
		}

		@Test
		void furtherCommitmentLeavesFinancedProjectFinanced() {
			fixture.given(financed())
					.when(koicaGrant("KOICA-2026-014", TODAY))
					.expectEvents(new FundingCommittedEvent(ID, "KOICA-2026-014", FundingSource.KOICA_GRANT, null,
							"Korea International Cooperation Agency", usd("8500000.00"), TODAY, LoanTerms.NONE,
							"110", "10", null));
		}

		@Test
		void rejectsACommitmentDatedBeforeTheFirstBindingAgreement() {
			given(agreed())
					.when(koicaGrant("KOICA-2026-014", AGREED_ON.minusDays(1)))
					.expectRejected(RULE_VIOLATION, "committedOn", "before the first binding agreement");
		}

		@Test
		void rejectsACommitmentDatedInTheFuture() {
			given(agreed())
					.when(koicaGrant("KOICA-2026-014", TOMORROW))
					.expectRejected(INVALID_INPUT, "committedOn", "is in the future");
		}

		@Test
		void rejectsAFundingIdAlreadyUsedByAnEximbankCommitment() {
			given(financed())
					.when(koicaGrant(EDCF_FUNDING, TODAY))
					.expectRejected(DUPLICATE, "fundingId", "is already recorded");
		}

		@Test
		void rejectsAnAmountThatIsNotPositive() {
			given(financed())
					.when(new CommitFundingCommand(ID, "KOICA-2026-014", FundingSource.KOICA_GRANT,
							"Korea International Cooperation Agency", usd("0.00"), TODAY, null))
					.expectRejected(INVALID_INPUT, "amount.amount", "greater than zero");
		}

		@Test
		void refusedWhileSuspended() {
			given(suspendedFrom(Stage.FINANCED))
					.when(koicaGrant("KOICA-2026-014", TODAY))
					.expectRejected(RULE_VIOLATION, NO_FIELD, "is suspended");
		}

		@ParameterizedTest(name = "{0}")
		@CsvSource(delimiter = '|', value = {
				"PROPOSED  | funding can only be committed once a binding agreement (LOAN, GRANT, FRAMEWORK or CONTRACT) is signed",
				"SUSPENDED | is suspended; resume it before you commit funding",
				"COMPLETED | is COMPLETED; it cannot commit funding any more"})
		void theStateIsReportedBeforeAnEximbankSource(Stage stage, String message) {
			given(historyIn(stage))
					.when(new CommitFundingCommand(ID, "EDCF-UZB-2026-02", FundingSource.EXIMBANK, EXIMBANK,
							usd("60000000.00"), TODAY, null))
					.expectRejected(RULE_VIOLATION, NO_FIELD, message);
		}
	}
}
