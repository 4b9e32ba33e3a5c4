package org.pipelinetracker.project.command;

import static org.hamcrest.Matchers.containsString;
import static org.pipelinetracker.project.api.CommandRejectedException.Kind.DUPLICATE;
import static org.pipelinetracker.project.api.CommandRejectedException.Kind.INVALID_INPUT;
import static org.pipelinetracker.project.api.CommandRejectedException.Kind.RULE_VIOLATION;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pipelinetracker.project.api.AgreementSignedEvent;
import org.pipelinetracker.project.api.AgreementType;
import org.pipelinetracker.project.api.CancelProjectCommand;
import org.pipelinetracker.project.api.CommandRejectedException;
import org.pipelinetracker.project.api.CommitFundingCommand;
import org.pipelinetracker.project.api.CompleteProjectCommand;
import org.pipelinetracker.project.api.CorrectFundingCommitmentCommand;
import org.pipelinetracker.project.api.DisbursementRecordedEvent;
import org.pipelinetracker.project.api.EximbankInstrument;
import org.pipelinetracker.project.api.ExpenditureRecordedEvent;
import org.pipelinetracker.project.api.FundViaEximbankCommand;
import org.pipelinetracker.project.api.FundingCommitmentCorrectedEvent;
import org.pipelinetracker.project.api.FundingCommittedEvent;
import org.pipelinetracker.project.api.FundingSource;
import org.pipelinetracker.project.api.ImplementationStartedEvent;
import org.pipelinetracker.project.api.IncomingFundsRecordedEvent;
import org.pipelinetracker.project.api.LoanTerms;
import org.pipelinetracker.project.api.MilestoneRecordedEvent;
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.project.api.Partner;
import org.pipelinetracker.project.api.PartnerRole;
import org.pipelinetracker.project.api.ProjectCancelledEvent;
import org.pipelinetracker.project.api.ProjectCompletedEvent;
import org.pipelinetracker.project.api.ProjectId;
import org.pipelinetracker.project.api.StallKind;
import org.pipelinetracker.project.api.ProjectStalledEvent;
import org.pipelinetracker.project.api.ProjectProposedEvent;
import org.pipelinetracker.project.api.ProjectResumedEvent;
import org.pipelinetracker.project.api.ProjectStageChangedEvent;
import org.pipelinetracker.project.api.ProjectSuspendedEvent;
import org.pipelinetracker.project.api.ProposeProjectCommand;
import org.pipelinetracker.project.api.RecordDisbursementCommand;
import org.pipelinetracker.project.api.RecordExpenditureCommand;
import org.pipelinetracker.project.api.RecordIncomingFundsCommand;
import org.pipelinetracker.project.api.RecordMilestoneCommand;
import org.pipelinetracker.project.api.ResumeProjectCommand;
import org.pipelinetracker.project.api.SignAgreementCommand;
import org.pipelinetracker.project.api.Stage;
import org.pipelinetracker.project.api.StartImplementationCommand;
import org.pipelinetracker.project.api.SuspendProjectCommand;

/**
 * The rules of the {@link Project} aggregate, one behaviour per test, written as given (past events) / when
 * (a command) / expect (new events or a rejection).
 * <p>
 * "Today" is 2026-06-15 in Tashkent. The story every given builds on: proposed 2026-01-12, EDCF loan agreement
 * signed 2026-02-20 (AGREED), EDCF loan of USD 180 million committed 2026-03-05 (FINANCED), implementation started
 * 2026-04-01.
 */
class ProjectTest {

	private static final ProjectId ID = ProjectId.of("KR-UZ-TEST-1");
	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T08:00:00Z"), ZoneId.of("Asia/Tashkent"));

	private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
	private static final LocalDate TOMORROW = TODAY.plusDays(1);
	private static final LocalDate PROPOSED_ON = LocalDate.of(2026, 1, 12);
	private static final LocalDate AGREED_ON = LocalDate.of(2026, 2, 20);
	private static final LocalDate COMMITTED_ON = LocalDate.of(2026, 3, 5);
	private static final LocalDate IMPLEMENTATION_ON = LocalDate.of(2026, 4, 1);
	private static final LocalDate SUSPENDED_ON = LocalDate.of(2026, 5, 4);
	private static final LocalDate ENDED_ON = LocalDate.of(2026, 6, 1);

	private static final String LOAN_AGREEMENT = "EDCF-LA-UZB-2026-01";
	private static final String EDCF_FUNDING = "EDCF-UZB-2026-01";
	private static final String EXIMBANK = "Export-Import Bank of Korea";
	private static final List<String> PARTIES = List.of(EXIMBANK, "Ministry of Economy and Finance of Uzbekistan");
	private static final List<Partner> PARTNERS = List.of(
			new Partner(EXIMBANK, "KR", PartnerRole.FUNDING),
			new Partner("Ministry of Economy and Finance of Uzbekistan", "UZ", PartnerRole.ACCOUNTABLE),
			new Partner("Tashkent Province Vodokanal", "UZ", PartnerRole.IMPLEMENTING));
	private static final Money ESTIMATED_COST = usd("250000000.00");
	private static final Money EDCF_AMOUNT = usd("180000000.00");
	private static final LoanTerms EDCF_TERMS = new LoanTerms(new BigDecimal("0.10"), 40, 10);

	private FixtureConfiguration<Project> fixture;

	@BeforeEach
	void setUp() {
		fixture = new AggregateTestFixture<>(Project.class);
		fixture.registerInjectableResource(CLOCK);
		fixture.registerInjectableResource(new StallPolicy(180, 180));
	}

	// ============================================================================================================
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
			fixture.givenNoPriorActivity()
					.when(propose(TOMORROW, null, null, ESTIMATED_COST))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(INVALID_INPUT, "proposedOn"))
					.expectExceptionMessage(containsString("is in the future (today is 2026-06-15)"));
		}

		@Test
		void rejectsAProposalWithoutADate() {
			fixture.givenNoPriorActivity()
					.when(propose(null, null, null, ESTIMATED_COST))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(INVALID_INPUT, "proposedOn"))
					.expectExceptionMessage(containsString("proposedOn is required"));
		}

		@Test
		void rejectsAPlannedEndBeforeThePlannedStart() {
			fixture.givenNoPriorActivity()
					.when(propose(PROPOSED_ON, LocalDate.of(2027, 1, 1), LocalDate.of(2026, 12, 31), ESTIMATED_COST))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(INVALID_INPUT, "plannedEnd"))
					.expectExceptionMessage(containsString("plannedEnd (2026-12-31) is before plannedStart (2027-01-01)"));
		}

		@ParameterizedTest(name = "estimated cost {0}")
		@ValueSource(strings = {"0", "0.00", "-250000000.00"})
		void rejectsAnEstimatedCostThatIsNotPositive(String amount) {
			fixture.givenNoPriorActivity()
					.when(propose(PROPOSED_ON, null, null, usd(amount)))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(INVALID_INPUT, "estimatedCost.amount"))
					.expectExceptionMessage(containsString("estimated cost must be greater than zero"));
		}
	}

	// ============================================================================================================
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
			fixture.given(agreed())
					.when(sign(LOAN_AGREEMENT, AgreementType.CONTRACT, TODAY))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(DUPLICATE, "agreementId"))
					.expectExceptionMessage(containsString("agreement '" + LOAN_AGREEMENT + "' is already recorded"));
		}

		@Test
		void rejectsADuplicateAgreementIdEvenForAnMou() {
			fixture.given(concat(proposed(), signed("MOU-2026-01", AgreementType.MOU, LocalDate.of(2026, 2, 1))))
					.when(sign("MOU-2026-01", AgreementType.LOAN, AGREED_ON))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(DUPLICATE, "agreementId"))
					.expectExceptionMessage(containsString("is already recorded"));
		}

		@Test
		void rejectsAnAgreementSignedBeforeTheProposal() {
			fixture.given(proposed())
					.when(sign(LOAN_AGREEMENT, AgreementType.LOAN, PROPOSED_ON.minusDays(1)))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "signedOn"))
					.expectExceptionMessage(containsString("is before the project was proposed on 2026-01-12"));
		}

		@Test
		void rejectsAnAgreementSignedInTheFuture() {
			fixture.given(proposed())
					.when(sign(LOAN_AGREEMENT, AgreementType.LOAN, TOMORROW))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(INVALID_INPUT, "signedOn"))
					.expectExceptionMessage(containsString("is in the future"));
		}

		@Test
		void rejectsAnAgreementWithoutADate() {
			fixture.given(proposed())
					.when(sign(LOAN_AGREEMENT, AgreementType.LOAN, null))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(INVALID_INPUT, "signedOn"))
					.expectExceptionMessage(containsString("signedOn is required"));
		}

		@Test
		void rejectsABindingAgreementDatedBeforeAProposedProjectWasResumed() {
			// suspended from PROPOSED on 2026-02-01, resumed on 2026-03-01: PROPOSED (again) since 2026-03-01
			fixture.given(concat(proposed(),
							new ProjectSuspendedEvent(ID, LocalDate.of(2026, 2, 1), "Feasibility study re-tendered", Stage.PROPOSED),
							new ProjectResumedEvent(ID, LocalDate.of(2026, 3, 1), Stage.PROPOSED)))
					.when(sign(LOAN_AGREEMENT, AgreementType.LOAN, LocalDate.of(2026, 2, 15)))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "signedOn"))
					.expectExceptionMessage(containsString("before the project entered its current stage (PROPOSED) on 2026-03-01"));
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
			fixture.given(suspendedFrom(Stage.PROPOSED))
					.when(sign(LOAN_AGREEMENT, AgreementType.LOAN, TODAY))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, null))
					.expectExceptionMessage(containsString("is suspended; resume it before you sign an agreement"));
		}

		@ParameterizedTest(name = "{0}")
		@EnumSource(value = Stage.class, names = {"COMPLETED", "CANCELLED"})
		void refusedWhenTheProjectHasEnded(Stage terminal) {
			fixture.given(historyIn(terminal))
					.when(sign("CONTRACT-2026-09", AgreementType.CONTRACT, TODAY))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, null))
					.expectExceptionMessage(containsString("is " + terminal + "; it cannot sign an agreement any more"));
		}
	}

	// ============================================================================================================
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
			fixture.given(proposed())
					.when(edcf(EDCF_FUNDING, EDCF_AMOUNT, TODAY))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, null))
					.expectExceptionMessage(containsString("once a binding agreement (LOAN, GRANT, FRAMEWORK or CONTRACT) is signed"));
		}

		@Test
		void rejectedAfterOnlyAnMou() {
			fixture.given(concat(proposed(), signed("MOU-2026-01", AgreementType.MOU, LocalDate.of(2026, 2, 1))))
					.when(edcf(EDCF_FUNDING, EDCF_AMOUNT, TODAY))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, null))
					.expectExceptionMessage(containsString("project KR-UZ-TEST-1 is PROPOSED"));
		}

		@Test
		void rejectsACommitmentDatedBeforeTheFirstBindingAgreement() {
			fixture.given(agreed())
					.when(edcf(EDCF_FUNDING, EDCF_AMOUNT, AGREED_ON.minusDays(1)))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "committedOn"))
					.expectExceptionMessage(containsString("before the first binding agreement was signed on 2026-02-20"));
		}

		@Test
		void anMouSignedEarlierDoesNotCountAsTheFirstBindingAgreement() {
			fixture.given(concat(proposed(), signed("MOU-2026-01", AgreementType.MOU, LocalDate.of(2026, 2, 1)),
							signed(LOAN_AGREEMENT, AgreementType.LOAN, AGREED_ON),
							new ProjectStageChangedEvent(ID, Stage.PROPOSED, Stage.AGREED, AGREED_ON)))
					.when(edcf(EDCF_FUNDING, EDCF_AMOUNT, LocalDate.of(2026, 2, 10)))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "committedOn"))
					.expectExceptionMessage(containsString("signed on 2026-02-20"));
		}

		@Test
		void firstCommitmentCannotMoveTheProjectToFinancedBeforeItReenteredAgreed() {
			// AGREED since 2026-02-20, suspended 2026-03-01, resumed to AGREED 2026-04-01
			fixture.given(concat(agreed(),
							new ProjectSuspendedEvent(ID, LocalDate.of(2026, 3, 1), "Loan negotiations paused", Stage.AGREED),
							new ProjectResumedEvent(ID, LocalDate.of(2026, 4, 1), Stage.AGREED)))
					.when(edcf(EDCF_FUNDING, EDCF_AMOUNT, LocalDate.of(2026, 3, 10)))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "committedOn"))
					.expectExceptionMessage(containsString("before the project entered its current stage (AGREED) on 2026-04-01"));
		}

		@Test
		void rejectsACommitmentDatedInTheFuture() {
			fixture.given(agreed())
					.when(edcf(EDCF_FUNDING, EDCF_AMOUNT, TOMORROW))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(INVALID_INPUT, "committedOn"))
					.expectExceptionMessage(containsString("is in the future"));
		}

		@Test
		void rejectsADuplicateFundingId() {
			fixture.given(financed())
					.when(edcf(EDCF_FUNDING, usd("20000000.00"), TODAY))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(DUPLICATE, "fundingId"))
					.expectExceptionMessage(containsString("funding '" + EDCF_FUNDING + "' is already recorded"));
		}

		@ParameterizedTest(name = "amount {0}")
		@ValueSource(strings = {"0.00", "-180000000.00"})
		void rejectsAnAmountThatIsNotPositive(String amount) {
			fixture.given(agreed())
					.when(edcf(EDCF_FUNDING, usd(amount), COMMITTED_ON))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(INVALID_INPUT, "amount.amount"))
					.expectExceptionMessage(containsString("amount must be greater than zero"));
		}

		@Test
		void rejectsAGracePeriodLongerThanTheMaturity() {
			fixture.given(agreed())
					.when(new FundViaEximbankCommand(ID, EDCF_FUNDING, EximbankInstrument.EDCF_LOAN, EDCF_AMOUNT,
							COMMITTED_ON, new LoanTerms(new BigDecimal("0.10"), 10, 12), null))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(INVALID_INPUT, "graceYears"))
					.expectExceptionMessage(containsString("grace period (12 years) is longer than the maturity (10 years)"));
		}

		@Test
		void refusedWhileSuspended() {
			fixture.given(suspendedFrom(Stage.AGREED))
					.when(edcf(EDCF_FUNDING, EDCF_AMOUNT, TODAY))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, null))
					.expectExceptionMessage(containsString("is suspended; resume it before you commit funding"));
		}

		@ParameterizedTest(name = "{0}")
		@CsvSource(delimiter = '|', value = {
				"PROPOSED  | funding can only be committed once a binding agreement",
				"SUSPENDED | is suspended; resume it before you commit funding",
				"COMPLETED | is COMPLETED; it cannot commit funding any more",
				"CANCELLED | is CANCELLED; it cannot commit funding any more"})
		void theStateIsReportedBeforeInvalidLoanTerms(Stage stage, String message) {
			fixture.given(historyIn(stage))
					.when(new FundViaEximbankCommand(ID, "EDCF-UZB-2026-02", EximbankInstrument.EDCF_LOAN,
							usd("60000000.00"), TODAY, new LoanTerms(new BigDecimal("0.10"), 10, 12), null))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, null))
					.expectExceptionMessage(containsString(message));
		}
	}

	// ============================================================================================================
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
			fixture.given(financed())
					.when(privateInvestment("10"))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(INVALID_INPUT, "flowType"))
					.expectExceptionMessage(containsString("flow type 10 does not fit a PRIVATE_INVESTMENT commitment"));
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
			fixture.given(financed())
					.when(new CommitFundingCommand(ID, "UZB-BUDGET-2026", FundingSource.UZBEK_BUDGET,
							"Ministry of Economy and Finance of Uzbekistan", usd("12000000.00"), TODAY, "10"))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(INVALID_INPUT, "flowType"))
					.expectExceptionMessage(containsString("does not fit a UZBEK_BUDGET commitment"));
		}

		@Test
		void rejectsEximbankAsSource() {
			fixture.given(agreed())
					.when(new CommitFundingCommand(ID, EDCF_FUNDING, FundingSource.EXIMBANK, EXIMBANK, EDCF_AMOUNT,
							COMMITTED_ON, null))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(INVALID_INPUT, "source"))
					.expectExceptionMessage(containsString("recorded with FundViaEximbank"));
		}

		@Test
		void rejectedWhileProposed() {
			fixture.given(proposed())
					.when(koicaGrant("KOICA-2026-014", TODAY))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, null))
					.expectExceptionMessage(containsString("once a binding agreement"));
		}

		@Test
		void rejectedAfterOnlyAnMou() {
			fixture.given(concat(proposed(), signed("MOU-2026-01", AgreementType.MOU, LocalDate.of(2026, 2, 1))))
					.when(koicaGrant("KOICA-2026-014", TODAY))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, null))
					.expectExceptionMessage(containsString("is PROPOSED"));
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
			fixture.given(agreed())
					.when(koicaGrant("KOICA-2026-014", AGREED_ON.minusDays(1)))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "committedOn"))
					.expectExceptionMessage(containsString("before the first binding agreement"));
		}

		@Test
		void rejectsACommitmentDatedInTheFuture() {
			fixture.given(agreed())
					.when(koicaGrant("KOICA-2026-014", TOMORROW))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(INVALID_INPUT, "committedOn"))
					.expectExceptionMessage(containsString("is in the future"));
		}

		@Test
		void rejectsAFundingIdAlreadyUsedByAnEximbankCommitment() {
			fixture.given(financed())
					.when(koicaGrant(EDCF_FUNDING, TODAY))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(DUPLICATE, "fundingId"))
					.expectExceptionMessage(containsString("is already recorded"));
		}

		@Test
		void rejectsAnAmountThatIsNotPositive() {
			fixture.given(financed())
					.when(new CommitFundingCommand(ID, "KOICA-2026-014", FundingSource.KOICA_GRANT,
							"Korea International Cooperation Agency", usd("0.00"), TODAY, null))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(INVALID_INPUT, "amount.amount"))
					.expectExceptionMessage(containsString("greater than zero"));
		}

		@Test
		void refusedWhileSuspended() {
			fixture.given(suspendedFrom(Stage.FINANCED))
					.when(koicaGrant("KOICA-2026-014", TODAY))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, null))
					.expectExceptionMessage(containsString("is suspended"));
		}

		@ParameterizedTest(name = "{0}")
		@CsvSource(delimiter = '|', value = {
				"PROPOSED  | funding can only be committed once a binding agreement (LOAN, GRANT, FRAMEWORK or CONTRACT) is signed",
				"SUSPENDED | is suspended; resume it before you commit funding",
				"COMPLETED | is COMPLETED; it cannot commit funding any more"})
		void theStateIsReportedBeforeAnEximbankSource(Stage stage, String message) {
			fixture.given(historyIn(stage))
					.when(new CommitFundingCommand(ID, "EDCF-UZB-2026-02", FundingSource.EXIMBANK, EXIMBANK,
							usd("60000000.00"), TODAY, null))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, null))
					.expectExceptionMessage(containsString(message));
		}
	}

	// ============================================================================================================
	@Nested
	class RecordDisbursement {

		@Test
		void recordsADisbursement() {
			fixture.given(financed())
					.when(disburse(EDCF_FUNDING, usd("20000000.00"), LocalDate.of(2026, 3, 20)))
					.expectEvents(disbursed(EDCF_FUNDING, usd("20000000.00"), LocalDate.of(2026, 3, 20)));
		}

		@Test
		void recordsADisbursementDuringImplementation() {
			fixture.given(inImplementation())
					.when(disburse(EDCF_FUNDING, usd("20000000.00"), TODAY))
					.expectEvents(disbursed(EDCF_FUNDING, usd("20000000.00"), TODAY));
		}

		@Test
		void totalMayReachExactlyTheCommitment() {
			fixture.given(concat(financed(), disbursed(EDCF_FUNDING, usd("100000000.00"), IMPLEMENTATION_ON)))
					.when(disburse(EDCF_FUNDING, usd("80000000.00"), TODAY))
					.expectEvents(disbursed(EDCF_FUNDING, usd("80000000.00"), TODAY));
		}

		@Test
		void rejectsATotalAboveTheCommitment() {
			fixture.given(concat(financed(), disbursed(EDCF_FUNDING, usd("100000000.00"), IMPLEMENTATION_ON)))
					.when(disburse(EDCF_FUNDING, usd("80000000.01"), TODAY))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "amount.amount"))
					.expectExceptionMessage(containsString("above the commitment"))
					.expectExceptionMessage(containsString("at most USD 80000000.00 remains"));
		}

		@Test
		void rejectsAnUnknownFunding() {
			fixture.given(financed())
					.when(disburse("KOICA-2026-999", usd("1000000.00"), TODAY))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "fundingId"))
					.expectExceptionMessage(containsString("has no funding 'KOICA-2026-999'"));
		}

		@Test
		void rejectsADisbursementInAnotherCurrency() {
			fixture.given(financed())
					.when(disburse(EDCF_FUNDING, Money.of("25000000000", "KRW"), TODAY))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "amount.currency"))
					.expectExceptionMessage(containsString("is committed in USD; a disbursement in KRW cannot be recorded"));
		}

		@ParameterizedTest(name = "amount {0}")
		@ValueSource(strings = {"0.00", "-1.00"})
		void rejectsAnAmountThatIsNotPositive(String amount) {
			fixture.given(financed())
					.when(disburse(EDCF_FUNDING, usd(amount), TODAY))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(INVALID_INPUT, "amount.amount"))
					.expectExceptionMessage(containsString("greater than zero"));
		}

		@Test
		void rejectsADisbursementBeforeTheCommitment() {
			fixture.given(financed())
					.when(disburse(EDCF_FUNDING, usd("1000000.00"), COMMITTED_ON.minusDays(1)))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "disbursedOn"))
					.expectExceptionMessage(containsString("before funding '" + EDCF_FUNDING + "' was committed on 2026-03-05"));
		}

		@Test
		void rejectsADisbursementDatedInTheFuture() {
			fixture.given(financed())
					.when(disburse(EDCF_FUNDING, usd("1000000.00"), TOMORROW))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(INVALID_INPUT, "disbursedOn"))
					.expectExceptionMessage(containsString("is in the future"));
		}

		@Test
		void refusedWhileSuspended() {
			fixture.given(suspendedFrom(Stage.IMPLEMENTATION))
					.when(disburse(EDCF_FUNDING, usd("1000000.00"), TODAY))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, null))
					.expectExceptionMessage(containsString("is suspended; resume it before you record a disbursement"));
		}

		@ParameterizedTest(name = "{0}")
		@EnumSource(value = Stage.class, names = {"COMPLETED", "CANCELLED"})
		void refusedWhenTheProjectHasEnded(Stage terminal) {
			fixture.given(historyIn(terminal))
					.when(disburse(EDCF_FUNDING, usd("1000000.00"), TODAY))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, null))
					.expectExceptionMessage(containsString("it cannot record a disbursement any more"));
		}

		@Test
		void aDownwardCorrectionLowersTheLimit() {
			fixture.given(concat(financed(), corrected(EDCF_AMOUNT, usd("150000000.00")),
							disbursed(EDCF_FUNDING, usd("100000000.00"), IMPLEMENTATION_ON)))
					.when(disburse(EDCF_FUNDING, usd("50000000.01"), TODAY))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "amount.amount"))
					.expectExceptionMessage(containsString("above the commitment"))
					.expectExceptionMessage(containsString("at most USD 50000000.00 remains"));
		}

		@Test
		void aDownwardCorrectedCommitmentCanStillBeDisbursedInFull() {
			fixture.given(concat(financed(), corrected(EDCF_AMOUNT, usd("150000000.00")),
							disbursed(EDCF_FUNDING, usd("100000000.00"), IMPLEMENTATION_ON)))
					.when(disburse(EDCF_FUNDING, usd("50000000.00"), TODAY))
					.expectEvents(disbursed(EDCF_FUNDING, usd("50000000.00"), TODAY));
		}
	}

	// ============================================================================================================
	@Nested
	class RecordIncomingFunds {

		private final LocalDate receivedOn = LocalDate.of(2026, 3, 1);

		@Test
		void firstIncomingFundsMoveAnAgreedProjectToFinanced() {
			fixture.given(agreed())
					.when(receive(null, usd("2000000.00"), receivedOn))
					.expectEvents(received(null, usd("2000000.00"), receivedOn),
							new ProjectStageChangedEvent(ID, Stage.AGREED, Stage.FINANCED, receivedOn));
		}

		@Test
		void incomingFundsMayBeReceivedOnTheDayOfTheAgreement() {
			fixture.given(agreed())
					.when(receive(null, usd("2000000.00"), AGREED_ON))
					.expectEvents(received(null, usd("2000000.00"), AGREED_ON),
							new ProjectStageChangedEvent(ID, Stage.AGREED, Stage.FINANCED, AGREED_ON));
		}

		@ParameterizedTest(name = "{0}")
		@EnumSource(value = Stage.class, names = {"FINANCED", "IMPLEMENTATION"})
		void furtherIncomingFundsLeaveTheStageAsItIs(Stage stage) {
			fixture.given(historyIn(stage))
					.when(receive(null, Money.of("1500000000", "KRW"), TODAY))
					.expectEvents(received(null, Money.of("1500000000", "KRW"), TODAY));
		}

		@Test
		void incomingFundsUnderACommitmentNameIt() {
			fixture.given(inImplementation())
					.when(receive(EDCF_FUNDING, usd("20000000.00"), TODAY))
					.expectEvents(received(EDCF_FUNDING, usd("20000000.00"), TODAY));
		}

		@Test
		void receiptsUnderACommitmentAreCappedApartFromItsDisbursements() {
			// the same money seen from both sides: each total may reach the commitment, not their sum
			fixture.given(concat(financed(), disbursed(EDCF_FUNDING, EDCF_AMOUNT, IMPLEMENTATION_ON)))
					.when(receive(EDCF_FUNDING, EDCF_AMOUNT, IMPLEMENTATION_ON))
					.expectEvents(received(EDCF_FUNDING, EDCF_AMOUNT, IMPLEMENTATION_ON));
		}

		@Test
		void rejectsMoreThanTheCommitmentTheyAreReceivedUnder() {
			fixture.given(concat(financed(), received(EDCF_FUNDING, usd("100000000.00"), IMPLEMENTATION_ON)))
					.when(receive(EDCF_FUNDING, usd("80000000.01"), TODAY))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "amount.amount"))
					.expectExceptionMessage(containsString("above the commitment in force"))
					.expectExceptionMessage(containsString("at most USD 80000000.00 remains"));
		}

		@Test
		void aDownwardCorrectionLowersWhatCanStillBeReceivedUnderTheCommitment() {
			fixture.given(concat(financed(), corrected(EDCF_AMOUNT, usd("150000000.00")),
							received(EDCF_FUNDING, usd("100000000.00"), IMPLEMENTATION_ON)))
					.when(receive(EDCF_FUNDING, usd("50000000.01"), TODAY))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "amount.amount"))
					.expectExceptionMessage(containsString("at most USD 50000000.00 remains"));
		}

		@Test
		void rejectedWhileProposed() {
			fixture.given(proposed())
					.when(receive(null, usd("2000000.00"), TODAY))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, null))
					.expectExceptionMessage(containsString("incoming funds can only be recorded once a binding agreement"))
					.expectExceptionMessage(containsString("is PROPOSED"));
		}

		@Test
		void rejectedAfterOnlyAnMou() {
			fixture.given(concat(proposed(), signed("MOU-2026-01", AgreementType.MOU, LocalDate.of(2026, 2, 1))))
					.when(receive(null, usd("2000000.00"), TODAY))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, null))
					.expectExceptionMessage(containsString("binding agreement"));
		}

		@Test
		void rejectsIncomingFundsDatedBeforeTheFirstBindingAgreement() {
			fixture.given(agreed())
					.when(receive(null, usd("2000000.00"), AGREED_ON.minusDays(1)))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "receivedOn"))
					.expectExceptionMessage(containsString("before the first binding agreement was signed on 2026-02-20"));
		}

		@Test
		void rejectsIncomingFundsDatedBeforeTheProjectWasFinanced() {
			fixture.given(financed())
					.when(receive(null, usd("2000000.00"), COMMITTED_ON.minusDays(1)))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "receivedOn"))
					.expectExceptionMessage(containsString("before the project was financed on 2026-03-05"));
		}

		@Test
		void firstIncomingFundsCannotMoveTheProjectToFinancedBeforeItReenteredAgreed() {
			LocalDate resumedOn = LocalDate.of(2026, 5, 20);
			fixture.given(concat(suspendedFrom(Stage.AGREED), new ProjectResumedEvent(ID, resumedOn, Stage.AGREED)))
					.when(receive(null, usd("2000000.00"), resumedOn.minusDays(1)))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "receivedOn"))
					.expectExceptionMessage(containsString("before the project entered its current stage (AGREED)"));
		}

		@Test
		void rejectsIncomingFundsDatedInTheFuture() {
			fixture.given(financed())
					.when(receive(null, usd("2000000.00"), TOMORROW))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(INVALID_INPUT, "receivedOn"))
					.expectExceptionMessage(containsString("is in the future"));
		}

		@ParameterizedTest(name = "amount {0}")
		@ValueSource(strings = {"0.00", "-1.00"})
		void rejectsAnAmountThatIsNotPositive(String amount) {
			fixture.given(financed())
					.when(receive(null, usd(amount), TODAY))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(INVALID_INPUT, "amount.amount"))
					.expectExceptionMessage(containsString("greater than zero"));
		}

		@ParameterizedTest(name = "provider \"{0}\"")
		@NullAndEmptySource
		@ValueSource(strings = {"  "})
		void rejectsIncomingFundsWithoutAProvider(String provider) {
			fixture.given(financed())
					.when(new RecordIncomingFundsCommand(ID, usd("2000000.00"), TODAY, null, provider, null, null))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(INVALID_INPUT, "provider"))
					.expectExceptionMessage(containsString("need the organisation that provided them"));
		}

		@Test
		void rejectsAnUnknownFunding() {
			fixture.given(financed())
					.when(receive("KOICA-2026-999", usd("1000000.00"), TODAY))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "fundingId"))
					.expectExceptionMessage(containsString("has no funding 'KOICA-2026-999'"));
		}

		@Test
		void rejectsIncomingFundsInAnotherCurrencyThanTheirCommitment() {
			fixture.given(financed())
					.when(receive(EDCF_FUNDING, Money.of("25000000000", "KRW"), TODAY))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "amount.currency"))
					.expectExceptionMessage(containsString("is committed in USD; incoming funds in KRW cannot be recorded"));
		}

		@Test
		void rejectsIncomingFundsUnderACommitmentDatedBeforeIt() {
			LocalDate koicaOn = LocalDate.of(2026, 4, 10);
			fixture.given(concat(financed(), new FundingCommittedEvent(ID, "KOICA-2026-014", FundingSource.KOICA_GRANT,
							null, "Korea International Cooperation Agency", usd("8500000.00"), koicaOn, LoanTerms.NONE,
							"110", "10", null)))
					.when(receive("KOICA-2026-014", usd("1000000.00"), koicaOn.minusDays(1)))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "receivedOn"))
					.expectExceptionMessage(containsString("before funding 'KOICA-2026-014' was committed on 2026-04-10"));
		}

		@Test
		void refusedWhileSuspended() {
			fixture.given(suspendedFrom(Stage.IMPLEMENTATION))
					.when(receive(null, usd("1000000.00"), TODAY))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, null))
					.expectExceptionMessage(containsString("is suspended; resume it before you record incoming funds"));
		}

		@ParameterizedTest(name = "received on {0}")
		@ValueSource(strings = {"2026-05-04", "2026-05-19"})
		void rejectsIncomingFundsDatedInsideAPastSuspension(LocalDate on) {
			fixture.given(concat(suspendedFrom(Stage.IMPLEMENTATION),
							new ProjectResumedEvent(ID, LocalDate.of(2026, 5, 20), Stage.IMPLEMENTATION)))
					.when(receive(null, usd("1000000.00"), on))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "receivedOn"))
					.expectExceptionMessage(containsString("nothing can be committed, disbursed, received or spent on " + on));
		}

		@Test
		void aFirstReceiptReturnsTheVersionAfterTheStageChange() {
			fixture.given(agreed()) // sequences 0..2
					.when(receive(null, usd("2000000.00"), receivedOn)) // sequences 3 and 4
					.expectResultMessagePayload(4L);
		}

		@Test
		void aCommitmentCannotBeCorrectedBelowWhatWasReceivedUnderIt() {
			fixture.given(concat(financed(), received(EDCF_FUNDING, usd("100000000.00"), IMPLEMENTATION_ON)))
					.when(correct(EDCF_FUNDING, usd("99999999.99"), TODAY))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "amount.amount"))
					.expectExceptionMessage(containsString("USD 100000000.00 has already been received under it"));
		}

		@Test
		void aSuspensionCannotBeDatedBeforeTheLatestIncomingFunds() {
			fixture.given(concat(inImplementation(), received(null, usd("1000000.00"), LocalDate.of(2026, 5, 10))))
					.when(new SuspendProjectCommand(ID, SUSPENDED_ON, "Land acquisition dispute"))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "on"))
					.expectExceptionMessage(containsString("incoming funds or expenditure already recorded (2026-05-10)"));
		}
	}

	// ============================================================================================================
	@Nested
	class RecordExpenditure {

		private final Money feasibilityStudy = Money.of("1235514000", "UZS");

		@ParameterizedTest(name = "{0}")
		@EnumSource(value = Stage.class, names = {"PROPOSED", "AGREED", "FINANCED", "IMPLEMENTATION"})
		void recordsAnExpenditureInEveryActiveStage(Stage stage) {
			fixture.given(historyIn(stage))
					.when(spend(null, feasibilityStudy, TODAY))
					.expectEvents(spent(null, feasibilityStudy, TODAY));
		}

		@Test
		void preparationMayBePaidForBeforeAnyAgreement() {
			fixture.given(proposed())
					.when(spend(null, feasibilityStudy, PROPOSED_ON))
					.expectEvents(spent(null, feasibilityStudy, PROPOSED_ON));
		}

		@Test
		void anExpenditurePaidFromACommitmentMayBeInAnotherCurrency() {
			fixture.given(inImplementation())
					.when(spend(EDCF_FUNDING, feasibilityStudy, TODAY))
					.expectEvents(spent(EDCF_FUNDING, feasibilityStudy, TODAY));
		}

		@Test
		void anExpenditureDrawsNothingDownFromTheCommitment() {
			fixture.given(concat(financed(), spent(EDCF_FUNDING, EDCF_AMOUNT, IMPLEMENTATION_ON)))
					.when(disburse(EDCF_FUNDING, EDCF_AMOUNT, TODAY))
					.expectEvents(disbursed(EDCF_FUNDING, EDCF_AMOUNT, TODAY));
		}

		@Test
		void anExpenditureNeitherFinancesTheProjectNorChangesItsStage() {
			fixture.given(agreed())
					.when(spend(null, usd("5000.00"), TODAY))
					.expectEvents(spent(null, usd("5000.00"), TODAY));
		}

		@Test
		void rejectsAnUnknownFunding() {
			fixture.given(financed())
					.when(spend("KOICA-2026-999", usd("1000.00"), TODAY))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "fundingId"))
					.expectExceptionMessage(containsString("has no funding 'KOICA-2026-999'"));
		}

		@Test
		void rejectsAnExpenditureFromACommitmentDatedBeforeIt() {
			fixture.given(financed())
					.when(spend(EDCF_FUNDING, usd("1000.00"), COMMITTED_ON.minusDays(1)))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "spentOn"))
					.expectExceptionMessage(containsString("before funding '" + EDCF_FUNDING + "' was committed on 2026-03-05"));
		}

		@Test
		void rejectsAnExpenditureDatedBeforeTheProposal() {
			fixture.given(proposed())
					.when(spend(null, usd("1000.00"), PROPOSED_ON.minusDays(1)))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "spentOn"))
					.expectExceptionMessage(containsString("before the project was proposed on 2026-01-12"));
		}

		@Test
		void rejectsAnExpenditureDatedInTheFuture() {
			fixture.given(financed())
					.when(spend(null, usd("1000.00"), TOMORROW))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(INVALID_INPUT, "spentOn"))
					.expectExceptionMessage(containsString("is in the future"));
		}

		@ParameterizedTest(name = "amount {0}")
		@ValueSource(strings = {"0.00", "-1.00"})
		void rejectsAnAmountThatIsNotPositive(String amount) {
			fixture.given(financed())
					.when(spend(null, usd(amount), TODAY))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(INVALID_INPUT, "amount.amount"))
					.expectExceptionMessage(containsString("greater than zero"));
		}

		@Test
		void refusedWhileSuspended() {
			fixture.given(suspendedFrom(Stage.PROPOSED))
					.when(spend(null, usd("1000.00"), TODAY))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, null))
					.expectExceptionMessage(containsString("is suspended; resume it before you record an expenditure"));
		}

		@ParameterizedTest(name = "spent on {0}")
		@ValueSource(strings = {"2026-05-04", "2026-05-19"})
		void rejectsAnExpenditureDatedInsideAPastSuspension(LocalDate on) {
			fixture.given(concat(suspendedFrom(Stage.PROPOSED), new ProjectResumedEvent(ID, LocalDate.of(2026, 5, 20),
							Stage.PROPOSED)))
					.when(spend(null, usd("1000.00"), on))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "spentOn"))
					.expectExceptionMessage(containsString("nothing can be committed, disbursed, received or spent on " + on));
		}

		@Test
		void aCompletionCannotBeDatedBeforeTheLatestExpenditure() {
			fixture.given(concat(inImplementation(), spent(null, usd("1000.00"), LocalDate.of(2026, 6, 10))))
					.when(new CompleteProjectCommand(ID, LocalDate.of(2026, 6, 5)))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "on"))
					.expectExceptionMessage(containsString("incoming funds or expenditure already recorded (2026-06-10)"));
		}

		@Test
		void aCompletionOnTheDayOfTheLatestExpenditureIsFine() {
			LocalDate on = LocalDate.of(2026, 6, 10);
			fixture.given(concat(inImplementation(), spent(null, usd("1000.00"), on)))
					.when(new CompleteProjectCommand(ID, on))
					.expectEvents(new ProjectCompletedEvent(ID, on));
		}
	}

	// ============================================================================================================
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
			fixture.given(financed())
					.when(milestone(MILESTONE, name, PLANNED, null, null))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(INVALID_INPUT, "name"))
					.expectExceptionMessage(containsString("a new milestone needs a name"));
		}

		@Test
		void rejectsANewMilestoneWithoutAnyDate() {
			fixture.given(financed())
					.when(milestone(MILESTONE, NAME, null, null, null))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(INVALID_INPUT, "plannedOn"))
					.expectExceptionMessage(containsString("needs a planned date, an achieved date or both"));
		}

		@Test
		void rejectsAPlannedDateBeforeTheProposal() {
			fixture.given(financed())
					.when(milestone(MILESTONE, NAME, PROPOSED_ON.minusDays(1), null, null))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "plannedOn"))
					.expectExceptionMessage(containsString("is before the project was proposed on 2026-01-12"));
		}

		@Test
		void rejectsAnAchievedDateInTheFuture() {
			fixture.given(financed())
					.when(milestone(MILESTONE, NAME, PLANNED, TOMORROW, null))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(INVALID_INPUT, "achievedOn"))
					.expectExceptionMessage(containsString("is in the future"));
		}

		@Test
		void rejectsAnAchievedDateBeforeTheProposal() {
			fixture.given(financed())
					.when(milestone(MILESTONE, NAME, null, PROPOSED_ON.minusDays(1), null))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "achievedOn"))
					.expectExceptionMessage(containsString("is before the project was proposed"));
		}

		@Test
		void rejectsARecordedOnInTheFuture() {
			fixture.given(financed())
					.when(milestone(MILESTONE, NAME, PLANNED, null, TOMORROW))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(INVALID_INPUT, "on"))
					.expectExceptionMessage(containsString("is in the future"));
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
			fixture.given(historyIn(terminal))
					.when(milestone(MILESTONE, NAME, PLANNED, PLANNED, null))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, null))
					.expectExceptionMessage(containsString("it cannot record a milestone any more"));
		}
	}

	// ============================================================================================================
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
			fixture.given(historyIn(stage))
					.when(new StartImplementationCommand(ID, TODAY))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, null))
					.expectExceptionMessage(containsString("only a financed project can start implementation; project KR-UZ-TEST-1 is " + stage));
		}

		@Test
		void rejectsAStartBeforeTheProjectWasFinanced() {
			fixture.given(financed())
					.when(new StartImplementationCommand(ID, COMMITTED_ON.minusDays(1)))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "on"))
					.expectExceptionMessage(containsString("before the project entered its current stage (FINANCED) on 2026-03-05"));
		}

		@Test
		void rejectsAStartInTheFuture() {
			fixture.given(financed())
					.when(new StartImplementationCommand(ID, TOMORROW))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(INVALID_INPUT, "on"))
					.expectExceptionMessage(containsString("is in the future"));
		}

		@Test
		void refusedWhileSuspended() {
			fixture.given(suspendedFrom(Stage.FINANCED))
					.when(new StartImplementationCommand(ID, TODAY))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, null))
					.expectExceptionMessage(containsString("is suspended; resume it before you start implementation"));
		}
	}

	// ============================================================================================================
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
			fixture.given(financed())
					.when(new SuspendProjectCommand(ID, SUSPENDED_ON, reason))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(INVALID_INPUT, "reason"))
					.expectExceptionMessage(containsString("a reason is required"));
		}

		@Test
		void rejectsSuspendingASuspendedProject() {
			fixture.given(suspendedFrom(Stage.FINANCED))
					.when(new SuspendProjectCommand(ID, TODAY, "Still disputed"))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, null))
					.expectExceptionMessage(containsString("KR-UZ-TEST-1 is"))
					.expectExceptionMessage(containsString("suspended"));
		}

		@Test
		void rejectsASuspensionBeforeTheCurrentStageBegan() {
			fixture.given(inImplementation())
					.when(new SuspendProjectCommand(ID, IMPLEMENTATION_ON.minusDays(1), "Land acquisition dispute"))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "on"))
					.expectExceptionMessage(containsString("before the project entered its current stage (IMPLEMENTATION)"));
		}

		@Test
		void rejectsASuspensionInTheFuture() {
			fixture.given(inImplementation())
					.when(new SuspendProjectCommand(ID, TOMORROW, "Land acquisition dispute"))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(INVALID_INPUT, "on"))
					.expectExceptionMessage(containsString("is in the future"));
		}
	}

	// ============================================================================================================
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
			fixture.given(historyIn(stage))
					.when(new ResumeProjectCommand(ID, TODAY))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, null))
					.expectExceptionMessage(containsString("only a suspended project can be resumed; project KR-UZ-TEST-1 is " + stage));
		}

		@Test
		void rejectsAResumptionBeforeTheSuspension() {
			fixture.given(suspendedFrom(Stage.FINANCED))
					.when(new ResumeProjectCommand(ID, SUSPENDED_ON.minusDays(1)))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "on"))
					.expectExceptionMessage(containsString("before the project entered its current stage (SUSPENDED) on 2026-05-04"));
		}

		@Test
		void resumptionMayBeOnTheDayOfTheSuspension() {
			fixture.given(suspendedFrom(Stage.FINANCED))
					.when(new ResumeProjectCommand(ID, SUSPENDED_ON))
					.expectEvents(new ProjectResumedEvent(ID, SUSPENDED_ON, Stage.FINANCED));
		}

		@Test
		void rejectsAResumptionInTheFuture() {
			fixture.given(suspendedFrom(Stage.FINANCED))
					.when(new ResumeProjectCommand(ID, TOMORROW))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(INVALID_INPUT, "on"))
					.expectExceptionMessage(containsString("is in the future"));
		}
	}

	// ============================================================================================================
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
			fixture.given(historyIn(stage))
					.when(new CompleteProjectCommand(ID, TODAY))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, null))
					.expectExceptionMessage(containsString("only a project in implementation can be completed; project KR-UZ-TEST-1 is " + stage));
		}

		@Test
		void refusedWhileSuspended() {
			fixture.given(suspendedFrom(Stage.IMPLEMENTATION))
					.when(new CompleteProjectCommand(ID, TODAY))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, null))
					.expectExceptionMessage(containsString("is suspended; resume it before you complete it"));
		}

		@Test
		void rejectsACompletionBeforeImplementationStarted() {
			fixture.given(inImplementation())
					.when(new CompleteProjectCommand(ID, IMPLEMENTATION_ON.minusDays(1)))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "on"))
					.expectExceptionMessage(containsString("before the project entered its current stage (IMPLEMENTATION) on 2026-04-01"));
		}

		@Test
		void rejectsACompletionInTheFuture() {
			fixture.given(inImplementation())
					.when(new CompleteProjectCommand(ID, TOMORROW))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(INVALID_INPUT, "on"))
					.expectExceptionMessage(containsString("is in the future"));
		}
	}

	// ============================================================================================================
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
			fixture.given(financed())
					.when(new CancelProjectCommand(ID, TODAY, reason))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(INVALID_INPUT, "reason"))
					.expectExceptionMessage(containsString("a reason is required"));
		}

		@Test
		void rejectsCancellingTwice() {
			fixture.given(cancelled())
					.when(new CancelProjectCommand(ID, TODAY, "Cancelled again"))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, null))
					.expectExceptionMessage(containsString("is CANCELLED; it cannot cancel any more"));
		}

		@Test
		void rejectsCancellingACompletedProject() {
			fixture.given(completed())
					.when(new CancelProjectCommand(ID, TODAY, "Too late"))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, null))
					.expectExceptionMessage(containsString("is COMPLETED; it cannot cancel any more"));
		}

		@Test
		void rejectsACancellationBeforeTheCurrentStageBegan() {
			fixture.given(suspendedFrom(Stage.FINANCED))
					.when(new CancelProjectCommand(ID, SUSPENDED_ON.minusDays(1), "Government reprioritised"))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "on"))
					.expectExceptionMessage(containsString("before the project entered its current stage (SUSPENDED)"));
		}

		@Test
		void rejectsACancellationInTheFuture() {
			fixture.given(financed())
					.when(new CancelProjectCommand(ID, TOMORROW, "Government reprioritised"))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(INVALID_INPUT, "on"))
					.expectExceptionMessage(containsString("is in the future"));
		}
	}

	// ============================================================================================================
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
			fixture.given(historyIn(terminal))
					.when(command)
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, null))
					.expectExceptionMessage(containsString("project KR-UZ-TEST-1 is " + terminal + "; it cannot"))
					.expectExceptionMessage(containsString("any more — only funding corrections are accepted"));
		}

		@ParameterizedTest(name = "{0}")
		@EnumSource(value = Stage.class, names = {"COMPLETED", "CANCELLED"})
		void terminalStageStillAcceptsAFundingCorrection(Stage terminal) {
			fixture.given(historyIn(terminal))
					.when(correct(EDCF_FUNDING, usd("176500000.00"), TODAY))
					.expectEvents(corrected(EDCF_AMOUNT, usd("176500000.00"), TODAY));
		}
	}

	// ============================================================================================================
	@Nested
	class CorrectFundingCommitment {

		@Test
		void correctsACommitmentKeepingThePreviousAmount() {
			fixture.given(financed())
					.when(correct(EDCF_FUNDING, usd("150000000.00"), TODAY))
					.expectEvents(new FundingCommitmentCorrectedEvent(ID, EDCF_FUNDING, EDCF_AMOUNT,
							usd("150000000.00"), "Loan agreement amended: scope reduced", TODAY));
		}

		@Test
		void correctsACommitmentUpwards() {
			fixture.given(financed())
					.when(correct(EDCF_FUNDING, usd("200000000.00"), COMMITTED_ON))
					.expectEvents(corrected(EDCF_AMOUNT, usd("200000000.00"), COMMITTED_ON));
		}

		@Test
		void aSecondCorrectionReportsTheFirstCorrectedAmountAsPrevious() {
			fixture.given(concat(financed(), corrected(EDCF_AMOUNT, usd("150000000.00"))))
					.when(correct(EDCF_FUNDING, usd("165000000.00"), TODAY))
					.expectEvents(corrected(usd("150000000.00"), usd("165000000.00"), TODAY));
		}

		@Test
		void mayBeCorrectedDownToExactlyTheDisbursedTotal() {
			fixture.given(concat(financed(), disbursed(EDCF_FUNDING, usd("100000000.00"), IMPLEMENTATION_ON)))
					.when(correct(EDCF_FUNDING, usd("100000000.00"), TODAY))
					.expectEvents(corrected(EDCF_AMOUNT, usd("100000000.00"), TODAY));
		}

		@Test
		void allowedWhileSuspended() {
			fixture.given(suspendedFrom(Stage.IMPLEMENTATION))
					.when(correct(EDCF_FUNDING, usd("150000000.00"), TODAY))
					.expectEvents(corrected(EDCF_AMOUNT, usd("150000000.00"), TODAY));
		}

		@ParameterizedTest(name = "reason [{0}]")
		@NullAndEmptySource
		@ValueSource(strings = {"   "})
		void rejectsACorrectionWithoutAReason(String reason) {
			fixture.given(financed())
					.when(new CorrectFundingCommitmentCommand(ID, EDCF_FUNDING, usd("150000000.00"), reason, TODAY, null))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(INVALID_INPUT, "reason"))
					.expectExceptionMessage(containsString("a reason is required"));
		}

		@Test
		void rejectsAnUnknownFunding() {
			fixture.given(financed())
					.when(correct("KOICA-2026-999", usd("150000000.00"), TODAY))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "fundingId"))
					.expectExceptionMessage(containsString("has no funding 'KOICA-2026-999'"));
		}

		@Test
		void rejectsACorrectionInAnotherCurrency() {
			fixture.given(financed())
					.when(correct(EDCF_FUNDING, Money.of("165000000.00", "EUR"), TODAY))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "amount.currency"))
					.expectExceptionMessage(containsString("is committed in USD; a correction must keep that currency"));
		}

		@ParameterizedTest(name = "{0}")
		@ValueSource(strings = {"180000000.00", "180000000", "180000000.0000"})
		void rejectsACorrectionToTheSameAmount(String amount) {
			fixture.given(financed())
					.when(correct(EDCF_FUNDING, usd(amount), TODAY))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "amount.amount"))
					.expectExceptionMessage(containsString("is already USD 180000000.00"));
		}

		@Test
		void rejectsACorrectionBelowTheDisbursedTotal() {
			fixture.given(concat(financed(), disbursed(EDCF_FUNDING, usd("100000000.00"), IMPLEMENTATION_ON)))
					.when(correct(EDCF_FUNDING, usd("99999999.99"), TODAY))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "amount.amount"))
					.expectExceptionMessage(containsString("USD 100000000.00 has already been disbursed"));
		}

		@ParameterizedTest(name = "amount {0}")
		@ValueSource(strings = {"0.00", "-1.00"})
		void rejectsAnAmountThatIsNotPositive(String amount) {
			fixture.given(financed())
					.when(correct(EDCF_FUNDING, usd(amount), TODAY))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(INVALID_INPUT, "amount.amount"))
					.expectExceptionMessage(containsString("greater than zero"));
		}

		@Test
		void rejectsACorrectionDatedBeforeTheCommitment() {
			fixture.given(financed())
					.when(correct(EDCF_FUNDING, usd("150000000.00"), COMMITTED_ON.minusDays(1)))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "on"))
					.expectExceptionMessage(containsString("before funding '" + EDCF_FUNDING + "' was committed on 2026-03-05"));
		}

		@Test
		void rejectsACorrectionDatedInTheFuture() {
			fixture.given(financed())
					.when(correct(EDCF_FUNDING, usd("150000000.00"), TOMORROW))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(INVALID_INPUT, "on"))
					.expectExceptionMessage(containsString("is in the future"));
		}
	}

	// ============================================================================================================
	/**
	 * The rules that keep a valid-time cut ({@code asOf}) consistent with later-dated records: nothing committed or
	 * disbursed inside a past suspension, no stage end before money already moved, disbursements within the
	 * commitment in force on every later date, corrections and milestone records in date order.
	 */
	@Nested
	class DateConsistency {

		/** FINANCED since 2026-03-05 (implementation since 2026-04-01), suspended 2026-05-04, resumed 2026-05-20. */
		private static final LocalDate RESUMED_ON = LocalDate.of(2026, 5, 20);

		private static final String SECOND_FUNDING = "EDCF-UZB-2026-02";

		private static Object[] resumedFrom(Stage stage) {
			return concat(suspendedFrom(stage), new ProjectResumedEvent(ID, RESUMED_ON, stage));
		}

		// --- no commitment inside a past suspension --------------------------------------------------------------

		@ParameterizedTest(name = "committed on {0}")
		@ValueSource(strings = {"2026-05-04", "2026-05-12", "2026-05-19"})
		void rejectsACommitmentDatedInsideAPastSuspension(LocalDate committedOn) {
			fixture.given(resumedFrom(Stage.FINANCED))
					.when(edcf(SECOND_FUNDING, usd("60000000.00"), committedOn))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "committedOn"))
					.expectExceptionMessage(containsString("the project was suspended from 2026-05-04 to 2026-05-20; "
							+ "nothing can be committed, disbursed, received or spent on " + committedOn));
		}

		@ParameterizedTest(name = "committed on {0}")
		@ValueSource(strings = {"2026-05-03", "2026-05-20", "2026-06-15"})
		void acceptsACommitmentDatedOutsideThePastSuspension(LocalDate committedOn) {
			fixture.given(resumedFrom(Stage.FINANCED))
					.when(edcf(SECOND_FUNDING, usd("60000000.00"), committedOn))
					.expectEvents(edcfCommitted(SECOND_FUNDING, usd("60000000.00"), committedOn));
		}

		@Test
		void rejectsAnyFundingSourceDatedInsideAPastSuspension() {
			fixture.given(resumedFrom(Stage.IMPLEMENTATION))
					.when(koicaGrant("KOICA-2026-014", LocalDate.of(2026, 5, 10)))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "committedOn"))
					.expectExceptionMessage(containsString("suspended from 2026-05-04 to 2026-05-20"));
		}

		@Test
		void acceptsAnyFundingSourceDatedOnTheDayOfTheResumption() {
			fixture.given(resumedFrom(Stage.IMPLEMENTATION))
					.when(koicaGrant("KOICA-2026-014", RESUMED_ON))
					.expectEvents(new FundingCommittedEvent(ID, "KOICA-2026-014", FundingSource.KOICA_GRANT, null,
							"Korea International Cooperation Agency", usd("8500000.00"), RESUMED_ON, LoanTerms.NONE,
							"110", "10", null));
		}

		@Test
		void everyPastSuspensionCounts() {
			// suspended 2026-04-10 to 2026-04-20 and again 2026-05-04 to 2026-05-20
			fixture.given(concat(inImplementation(),
							new ProjectSuspendedEvent(ID, LocalDate.of(2026, 4, 10), "Design review", Stage.IMPLEMENTATION),
							new ProjectResumedEvent(ID, LocalDate.of(2026, 4, 20), Stage.IMPLEMENTATION),
							new ProjectSuspendedEvent(ID, SUSPENDED_ON, "Land acquisition dispute", Stage.IMPLEMENTATION),
							new ProjectResumedEvent(ID, RESUMED_ON, Stage.IMPLEMENTATION)))
					.when(edcf(SECOND_FUNDING, usd("60000000.00"), LocalDate.of(2026, 4, 15)))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "committedOn"))
					.expectExceptionMessage(containsString("suspended from 2026-04-10 to 2026-04-20"));
		}

		// --- no disbursement inside a past suspension ------------------------------------------------------------

		@ParameterizedTest(name = "disbursed on {0}")
		@ValueSource(strings = {"2026-05-04", "2026-05-12", "2026-05-19"})
		void rejectsADisbursementDatedInsideAPastSuspension(LocalDate disbursedOn) {
			fixture.given(resumedFrom(Stage.IMPLEMENTATION))
					.when(disburse(EDCF_FUNDING, usd("20000000.00"), disbursedOn))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "disbursedOn"))
					.expectExceptionMessage(containsString("the project was suspended from 2026-05-04 to 2026-05-20; "
							+ "nothing can be committed, disbursed, received or spent on " + disbursedOn));
		}

		@ParameterizedTest(name = "disbursed on {0}")
		@ValueSource(strings = {"2026-05-03", "2026-05-20", "2026-06-15"})
		void acceptsADisbursementDatedOutsideThePastSuspension(LocalDate disbursedOn) {
			fixture.given(resumedFrom(Stage.IMPLEMENTATION))
					.when(disburse(EDCF_FUNDING, usd("20000000.00"), disbursedOn))
					.expectEvents(disbursed(EDCF_FUNDING, usd("20000000.00"), disbursedOn));
		}

		// --- no stage end before money already moved -------------------------------------------------------------

		@Test
		void rejectsASuspensionDatedBeforeTheLatestDisbursement() {
			fixture.given(concat(inImplementation(), disbursed(EDCF_FUNDING, usd("20000000.00"), LocalDate.of(2026, 5, 10))))
					.when(new SuspendProjectCommand(ID, SUSPENDED_ON, "Land acquisition dispute"))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "on"))
					.expectExceptionMessage(containsString("the date 2026-05-04 is before the latest commitment, "
							+ "disbursement, correction, incoming funds or expenditure already recorded (2026-05-10)"));
		}

		@Test
		void acceptsASuspensionOnTheDayOfTheLatestDisbursement() {
			fixture.given(concat(inImplementation(), disbursed(EDCF_FUNDING, usd("20000000.00"), LocalDate.of(2026, 5, 10))))
					.when(new SuspendProjectCommand(ID, LocalDate.of(2026, 5, 10), "Land acquisition dispute"))
					.expectEvents(new ProjectSuspendedEvent(ID, LocalDate.of(2026, 5, 10), "Land acquisition dispute",
							Stage.IMPLEMENTATION));
		}

		@Test
		void rejectsACompletionDatedBeforeTheLatestCorrection() {
			fixture.given(concat(inImplementation(), corrected(EDCF_AMOUNT, usd("150000000.00"), LocalDate.of(2026, 6, 5))))
					.when(new CompleteProjectCommand(ID, ENDED_ON))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "on"))
					.expectExceptionMessage(containsString("before the latest commitment, disbursement, correction, "
							+ "incoming funds or expenditure already recorded (2026-06-05)"));
		}

		@Test
		void acceptsACompletionAfterTheLatestCorrection() {
			fixture.given(concat(inImplementation(), corrected(EDCF_AMOUNT, usd("150000000.00"), LocalDate.of(2026, 6, 5))))
					.when(new CompleteProjectCommand(ID, LocalDate.of(2026, 6, 6)))
					.expectEvents(new ProjectCompletedEvent(ID, LocalDate.of(2026, 6, 6)));
		}

		@Test
		void rejectsACancellationDatedBeforeTheLatestCommitment() {
			fixture.given(concat(financed(), edcfCommitted(SECOND_FUNDING, usd("60000000.00"), LocalDate.of(2026, 5, 10))))
					.when(new CancelProjectCommand(ID, SUSPENDED_ON, "Government reprioritised"))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "on"))
					.expectExceptionMessage(containsString("before the latest commitment, disbursement, correction, "
							+ "incoming funds or expenditure already recorded (2026-05-10)"));
		}

		@Test
		void rejectsACancellationOfASuspendedProjectDatedBeforeACorrectionMadeWhileSuspended() {
			// suspended 2026-05-04; the commitment was corrected on 2026-05-25, during the suspension
			fixture.given(concat(suspendedFrom(Stage.FINANCED),
							corrected(EDCF_AMOUNT, usd("150000000.00"), LocalDate.of(2026, 5, 25))))
					.when(new CancelProjectCommand(ID, LocalDate.of(2026, 5, 20), "Government reprioritised"))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "on"))
					.expectExceptionMessage(containsString("already recorded (2026-05-25)"));
		}

		@Test
		void acceptsACancellationOnTheDayOfTheLatestCommitment() {
			fixture.given(concat(financed(), edcfCommitted(SECOND_FUNDING, usd("60000000.00"), LocalDate.of(2026, 5, 10))))
					.when(new CancelProjectCommand(ID, LocalDate.of(2026, 5, 10), "Government reprioritised"))
					.expectEvents(new ProjectCancelledEvent(ID, LocalDate.of(2026, 5, 10), "Government reprioritised",
							Stage.FINANCED));
		}

		// --- disbursements within the commitment in force on every later date ----------------------------------

		/** USD 100.00 committed on D1 (2026-03-05). D2 = 2026-04-01, D3 = 2026-05-01, D4 = 2026-06-01. */
		private static final LocalDate D1 = COMMITTED_ON;
		private static final LocalDate D2 = LocalDate.of(2026, 4, 1);
		private static final LocalDate D3 = LocalDate.of(2026, 5, 1);
		private static final LocalDate D4 = LocalDate.of(2026, 6, 1);

		private static Object[] committed100(Object... more) {
			return concat(concat(agreed(), edcfCommitted(EDCF_FUNDING, usd("100.00"), D1),
					new ProjectStageChangedEvent(ID, Stage.AGREED, Stage.FINANCED, D1)), more);
		}

		/** 100 on D1, corrected upwards to 150 on D3. */
		private static Object[] correctedTo150OnD3(Object... more) {
			return concat(committed100(corrected(usd("100.00"), usd("150.00"), D3)), more);
		}

		@Test
		void rejectsADisbursementDatedBeforeTheUpwardCorrectionItWouldNeed() {
			fixture.given(correctedTo150OnD3())
					.when(disburse(EDCF_FUNDING, usd("120.00"), D2))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "amount.amount"))
					.expectExceptionMessage(containsString("above the commitment in force (USD 100.00 on that date, "
							+ "USD 150.00 now); at most USD 100.00 remains"));
		}

		@ParameterizedTest(name = "disbursed on {0}")
		@ValueSource(strings = {"2026-05-01", "2026-06-01"})
		void acceptsTheSameDisbursementDatedOnOrAfterTheUpwardCorrection(LocalDate disbursedOn) {
			fixture.given(correctedTo150OnD3())
					.when(disburse(EDCF_FUNDING, usd("120.00"), disbursedOn))
					.expectEvents(disbursed(EDCF_FUNDING, usd("120.00"), disbursedOn));
		}

		@Test
		void acceptsExactlyTheCommitmentInForceBeforeTheUpwardCorrection() {
			fixture.given(correctedTo150OnD3())
					.when(disburse(EDCF_FUNDING, usd("100.00"), D2))
					.expectEvents(disbursed(EDCF_FUNDING, usd("100.00"), D2));
		}

		@Test
		void theUpwardCorrectionOnlyAddsHeadroomFromItsOwnDate() {
			// 100 disbursed on D2 uses up the original commitment; the correction to 150 on D3 leaves 50 from then on
			fixture.given(correctedTo150OnD3(disbursed(EDCF_FUNDING, usd("100.00"), D2)))
					.when(disburse(EDCF_FUNDING, usd("50.00"), D3))
					.expectEvents(disbursed(EDCF_FUNDING, usd("50.00"), D3));
		}

		@Test
		void rejectsAnyMoreBeforeTheUpwardCorrectionOnceTheOriginalCommitmentIsUsedUp() {
			fixture.given(correctedTo150OnD3(disbursed(EDCF_FUNDING, usd("100.00"), D2)))
					.when(disburse(EDCF_FUNDING, usd("0.01"), LocalDate.of(2026, 4, 30)))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "amount.amount"))
					.expectExceptionMessage(containsString("at most USD 0.00 remains"));
		}

		@Test
		void rejectsABackdatedDisbursementThatWouldOverdrawALaterDate() {
			// 50 already disbursed on D4: 60 on D2 would make 110 disbursed by D4 against a commitment of 100
			fixture.given(committed100(disbursed(EDCF_FUNDING, usd("50.00"), D4)))
					.when(disburse(EDCF_FUNDING, usd("60.00"), D2))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "amount.amount"))
					.expectExceptionMessage(containsString("disbursing USD 60.00 on 2026-04-01"))
					.expectExceptionMessage(containsString("at most USD 50.00 remains"));
		}

		@Test
		void acceptsABackdatedDisbursementUpToTheLimitOfTheLaterDate() {
			fixture.given(committed100(disbursed(EDCF_FUNDING, usd("50.00"), D4)))
					.when(disburse(EDCF_FUNDING, usd("50.00"), D2))
					.expectEvents(disbursed(EDCF_FUNDING, usd("50.00"), D2));
		}

		@Test
		void rejectsABackdatedDisbursementAboveALaterDownwardCorrection() {
			// 150 committed on D1, corrected down to 100 on D3: 120 on D2 would be 120 disbursed against 100 from D3
			fixture.given(concat(agreed(), edcfCommitted(EDCF_FUNDING, usd("150.00"), D1),
							new ProjectStageChangedEvent(ID, Stage.AGREED, Stage.FINANCED, D1),
							corrected(usd("150.00"), usd("100.00"), D3)))
					.when(disburse(EDCF_FUNDING, usd("120.00"), D2))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "amount.amount"))
					.expectExceptionMessage(containsString("at most USD 100.00 remains"));
		}

		// --- corrections in date order ------------------------------------------------------------------------

		@Test
		void rejectsACorrectionDatedBeforeThePreviousCorrection() {
			fixture.given(concat(financed(), corrected(EDCF_AMOUNT, usd("150000000.00"), D3)))
					.when(correct(EDCF_FUNDING, usd("165000000.00"), D2))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(RULE_VIOLATION, "on"))
					.expectExceptionMessage(containsString("the correction is dated 2026-04-01, before funding '"
							+ EDCF_FUNDING + "' was last corrected on 2026-05-01"));
		}

		@ParameterizedTest(name = "corrected on {0}")
		@ValueSource(strings = {"2026-05-01", "2026-06-15"})
		void acceptsACorrectionDatedOnOrAfterThePreviousCorrection(LocalDate correctedOn) {
			fixture.given(concat(financed(), corrected(EDCF_AMOUNT, usd("150000000.00"), D3)))
					.when(correct(EDCF_FUNDING, usd("165000000.00"), correctedOn))
					.expectEvents(corrected(usd("150000000.00"), usd("165000000.00"), correctedOn));
		}

		// --- a milestone is not recorded before it was achieved ------------------------------------------------

		@Test
		void rejectsAMilestoneRecordedBeforeItWasAchieved() {
			fixture.given(financed())
					.when(milestone("M1-DESIGN", "Detailed design approved", null, LocalDate.of(2026, 6, 2),
							LocalDate.of(2026, 6, 1)))
					.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(INVALID_INPUT, "on"))
					.expectExceptionMessage(containsString("the record is dated 2026-06-01, before the milestone was "
							+ "achieved on 2026-06-02"));
		}

		@Test
		void acceptsAMilestoneRecordedOnTheDayItWasAchieved() {
			fixture.given(financed())
					.when(milestone("M1-DESIGN", "Detailed design approved", null, LocalDate.of(2026, 6, 2),
							LocalDate.of(2026, 6, 2)))
					.expectEvents(new MilestoneRecordedEvent(ID, "M1-DESIGN", "Detailed design approved", null,
							LocalDate.of(2026, 6, 2), LocalDate.of(2026, 6, 2)));
		}
	}

	// ============================================================================================================
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

	// ============================================================================================================
	// givens: the project's history up to a stage

	// ============================================================================================================
	@Nested
	class StalledProjects {

		private final LocalDate fundingDue = AGREED_ON.plusDays(180);
		private final LocalDate disbursementDue = COMMITTED_ON.plusDays(180);

		@Test
		void flagsABindingAgreementWithoutFundingWhenItsDeadlineFallsDue() {
			fixture.givenCommands(propose(PROPOSED_ON, null, null, null), sign("LOAN-1", AgreementType.LOAN, AGREED_ON))
					.whenTimeElapses(Duration.ofSeconds(1))
					.expectEvents(new ProjectStalledEvent(ID, StallKind.NO_FUNDING, null, 180, fundingDue));
		}

		@Test
		void anMouSchedulesNoFundingCheck() {
			fixture.givenCommands(propose(PROPOSED_ON, null, null, null), sign("MOU-1", AgreementType.MOU, AGREED_ON))
					.whenTimeElapses(Duration.ofSeconds(1))
					.expectNoEvents();
		}

		@Test
		void fundingInTimeClearsTheFundingCheckButACommitmentWithoutDisbursementIsFlagged() {
			fixture.givenCommands(propose(PROPOSED_ON, null, null, null), sign("LOAN-1", AgreementType.LOAN, AGREED_ON),
							edcf(EDCF_FUNDING, EDCF_AMOUNT, COMMITTED_ON))
					.whenTimeElapses(Duration.ofSeconds(1))
					.expectEvents(new ProjectStalledEvent(ID, StallKind.NO_DISBURSEMENT, EDCF_FUNDING, 180, disbursementDue));
		}

		@Test
		void aDisbursedCommitmentIsNotFlagged() {
			fixture.givenCommands(propose(PROPOSED_ON, null, null, null), sign("LOAN-1", AgreementType.LOAN, AGREED_ON),
							edcf(EDCF_FUNDING, EDCF_AMOUNT, COMMITTED_ON),
							disburse(EDCF_FUNDING, usd("1000000.00"), COMMITTED_ON.plusDays(10)))
					.whenTimeElapses(Duration.ofSeconds(1))
					.expectNoEvents();
		}

		@Test
		void incomingFundsInTimeClearTheFundingCheck() {
			fixture.givenCommands(propose(PROPOSED_ON, null, null, null), sign("LOAN-1", AgreementType.LOAN, AGREED_ON),
							receive(null, usd("2000000.00"), COMMITTED_ON))
					.whenTimeElapses(Duration.ofSeconds(1))
					.expectNoEvents();
		}

		@Test
		void anExpenditureDoesNotClearTheFundingCheck() {
			fixture.givenCommands(propose(PROPOSED_ON, null, null, null), sign("LOAN-1", AgreementType.LOAN, AGREED_ON),
							spend(null, usd("5000.00"), COMMITTED_ON))
					.whenTimeElapses(Duration.ofSeconds(1))
					.expectEvents(new ProjectStalledEvent(ID, StallKind.NO_FUNDING, null, 180, fundingDue));
		}

		@Test
		void aCancelledProjectIsNotFlagged() {
			fixture.givenCommands(propose(PROPOSED_ON, null, null, null), sign("LOAN-1", AgreementType.LOAN, AGREED_ON),
							new CancelProjectCommand(ID, AGREED_ON.plusDays(5), "Withdrawn"))
					.whenTimeElapses(Duration.ofSeconds(1))
					.expectNoEvents();
		}

		@Test
		void resumingStartsTheChecksAgainFromTheResumption() {
			LocalDate resumedOn = TODAY;
			fixture.given(suspendedFrom(Stage.AGREED))
					.when(new ResumeProjectCommand(ID, resumedOn))
					.expectScheduledDeadlineWithName(
							resumedOn.plusDays(180).atStartOfDay(CLOCK.getZone()).toInstant(), StallChecks.NO_FUNDING);
		}

		@Test
		void aStallAlreadyFlaggedIsNotFlaggedAgainAfterAResumption() {
			ProjectStalledEvent flagged = new ProjectStalledEvent(ID, StallKind.NO_FUNDING, null, 180, fundingDue);
			fixture.givenCommands(propose(PROPOSED_ON, null, null, null), sign("LOAN-1", AgreementType.LOAN, AGREED_ON))
					.andGiven(flagged)
					.andGivenCommands(new SuspendProjectCommand(ID, AGREED_ON.plusDays(5), "Elections"),
							new ResumeProjectCommand(ID, AGREED_ON.plusDays(6)))
					.whenTimeElapses(Duration.ofSeconds(1))
					.expectNoEvents();
		}

		@Test
		void aSuspendedProjectIsNotFlagged() {
			fixture.givenCommands(propose(PROPOSED_ON, null, null, null), sign("LOAN-1", AgreementType.LOAN, AGREED_ON),
							new SuspendProjectCommand(ID, AGREED_ON.plusDays(5), "Elections"))
					.whenTimeElapses(Duration.ofSeconds(1))
					.expectNoEvents();
		}
	}

	private static Object[] proposed() {
		return new Object[] {new ProjectProposedEvent(ID, "Tashkent Province Water Supply Modernisation",
				"Rehabilitation of water intake, treatment and distribution networks", "14020", "UZ-TO", PARTNERS,
				ESTIMATED_COST, PROPOSED_ON, LocalDate.of(2026, 9, 1), LocalDate.of(2029, 12, 31))};
	}

	private static Object[] agreed() {
		return concat(proposed(), signed(LOAN_AGREEMENT, AgreementType.LOAN, AGREED_ON),
				new ProjectStageChangedEvent(ID, Stage.PROPOSED, Stage.AGREED, AGREED_ON));
	}

	private static Object[] financed() {
		return concat(agreed(), edcfCommitted(EDCF_FUNDING, EDCF_AMOUNT, COMMITTED_ON),
				new ProjectStageChangedEvent(ID, Stage.AGREED, Stage.FINANCED, COMMITTED_ON));
	}

	private static Object[] inImplementation() {
		return concat(financed(), new ImplementationStartedEvent(ID, IMPLEMENTATION_ON));
	}

	private static Object[] suspendedFrom(Stage stage) {
		return concat(historyIn(stage), new ProjectSuspendedEvent(ID, SUSPENDED_ON, "Land acquisition dispute", stage));
	}

	private static Object[] completed() {
		return concat(inImplementation(), new ProjectCompletedEvent(ID, ENDED_ON));
	}

	private static Object[] cancelled() {
		return concat(financed(), new ProjectCancelledEvent(ID, ENDED_ON, "Government reprioritised", Stage.FINANCED));
	}

	private static Object[] historyIn(Stage stage) {
		return switch (stage) {
			case PROPOSED -> proposed();
			case AGREED -> agreed();
			case FINANCED -> financed();
			case IMPLEMENTATION -> inImplementation();
			case SUSPENDED -> suspendedFrom(Stage.FINANCED);
			case COMPLETED -> completed();
			case CANCELLED -> cancelled();
		};
	}

	// events

	private static AgreementSignedEvent signed(String agreementId, AgreementType type, LocalDate signedOn) {
		return new AgreementSignedEvent(ID, agreementId, type, signedOn, PARTIES,
				"https://www.koreaexim.go.kr/docs/" + agreementId + ".pdf");
	}

	private static FundingCommittedEvent edcfCommitted(String fundingId, Money amount, LocalDate committedOn) {
		return new FundingCommittedEvent(ID, fundingId, FundingSource.EXIMBANK, EximbankInstrument.EDCF_LOAN, EXIMBANK,
				amount, committedOn, EDCF_TERMS, "421", "10", null);
	}

	private static DisbursementRecordedEvent disbursed(String fundingId, Money amount, LocalDate disbursedOn) {
		return new DisbursementRecordedEvent(ID, fundingId, amount, disbursedOn);
	}

	private static IncomingFundsRecordedEvent received(String fundingId, Money amount, LocalDate receivedOn) {
		return new IncomingFundsRecordedEvent(ID, amount, receivedOn, fundingId, "Korea International Cooperation Agency",
				"Ministry of Economy and Finance of Uzbekistan", "Tranche transferred to the project account");
	}

	private static ExpenditureRecordedEvent spent(String fundingId, Money amount, LocalDate spentOn) {
		return new ExpenditureRecordedEvent(ID, amount, spentOn, fundingId, "Tashkent Province Vodokanal",
				"Uzsuvloyiha design institute", "Feasibility study and detailed design");
	}

	private static FundingCommitmentCorrectedEvent corrected(Money previous, Money next) {
		return corrected(previous, next, IMPLEMENTATION_ON);
	}

	private static FundingCommitmentCorrectedEvent corrected(Money previous, Money next, LocalDate correctedOn) {
		return new FundingCommitmentCorrectedEvent(ID, EDCF_FUNDING, previous, next,
				"Loan agreement amended: scope reduced", correctedOn);
	}

	// commands

	private static ProposeProjectCommand propose(LocalDate proposedOn, LocalDate plannedStart, LocalDate plannedEnd,
			Money estimatedCost) {
		return new ProposeProjectCommand(ID, "Tashkent Province Water Supply Modernisation",
				"Rehabilitation of water intake, treatment and distribution networks", "14020", "UZ-TO", PARTNERS,
				estimatedCost, proposedOn, plannedStart, plannedEnd);
	}

	private static SignAgreementCommand sign(String agreementId, AgreementType type, LocalDate signedOn) {
		return new SignAgreementCommand(ID, agreementId, type, signedOn, PARTIES,
				"https://www.koreaexim.go.kr/docs/" + agreementId + ".pdf");
	}

	private static FundViaEximbankCommand edcf(String fundingId, Money amount, LocalDate committedOn) {
		return new FundViaEximbankCommand(ID, fundingId, EximbankInstrument.EDCF_LOAN, amount, committedOn, EDCF_TERMS, null);
	}

	private static CommitFundingCommand koicaGrant(String fundingId, LocalDate committedOn) {
		return new CommitFundingCommand(ID, fundingId, FundingSource.KOICA_GRANT,
				"Korea International Cooperation Agency", usd("8500000.00"), committedOn, null);
	}

	private static CommitFundingCommand privateInvestment(String flowType) {
		return new CommitFundingCommand(ID, "PRIV-2026-03", FundingSource.PRIVATE_INVESTMENT, "Doosan Enerbility",
				usd("35000000.00"), TODAY, flowType);
	}

	private static RecordDisbursementCommand disburse(String fundingId, Money amount, LocalDate disbursedOn) {
		return new RecordDisbursementCommand(ID, fundingId, amount, disbursedOn);
	}

	private static RecordIncomingFundsCommand receive(String fundingId, Money amount, LocalDate receivedOn) {
		return new RecordIncomingFundsCommand(ID, amount, receivedOn, fundingId, "Korea International Cooperation Agency",
				"Ministry of Economy and Finance of Uzbekistan", "Tranche transferred to the project account");
	}

	private static RecordExpenditureCommand spend(String fundingId, Money amount, LocalDate spentOn) {
		return new RecordExpenditureCommand(ID, amount, spentOn, fundingId, "Tashkent Province Vodokanal",
				"Uzsuvloyiha design institute", "Feasibility study and detailed design");
	}

	private static RecordMilestoneCommand milestone(String milestoneId, String name, LocalDate plannedOn,
			LocalDate achievedOn, LocalDate recordedOn) {
		return new RecordMilestoneCommand(ID, milestoneId, name, plannedOn, achievedOn, recordedOn);
	}

	private static CorrectFundingCommitmentCommand correct(String fundingId, Money newAmount, LocalDate correctedOn) {
		return new CorrectFundingCommitmentCommand(ID, fundingId, newAmount, "Loan agreement amended: scope reduced",
				correctedOn, null);
	}

	// support

	private static Money usd(String amount) {
		return Money.of(amount, "USD");
	}

	private static Object[] concat(Object[] history, Object... more) {
		Object[] all = Arrays.copyOf(history, history.length + more.length);
		System.arraycopy(more, 0, all, history.length, more.length);
		return all;
	}

	/** A {@link CommandRejectedException} of the given kind, blaming the given field (null: the whole command). */
	private static Matcher<CommandRejectedException> rejection(CommandRejectedException.Kind kind, String field) {
		return new TypeSafeDiagnosingMatcher<>() {
			@Override
			protected boolean matchesSafely(CommandRejectedException rejected, Description mismatch) {
				if (rejected.kind() == kind && Objects.equals(rejected.field(), field)) {
					return true;
				}
				mismatch.appendText("was ").appendValue(rejected.kind()).appendText(" on field ")
						.appendValue(rejected.field()).appendText(": ").appendText(rejected.getMessage());
				return false;
			}

			@Override
			public void describeTo(Description description) {
				description.appendText("a ").appendValue(kind).appendText(" rejection on field ").appendValue(field);
			}
		};
	}
}
