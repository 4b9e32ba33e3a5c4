package org.pipelinetracker.project.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.pipelinetracker.project.api.AgreementSignedEvent;
import org.pipelinetracker.project.api.AgreementType;
import org.pipelinetracker.project.api.CommandRejectedException;
import org.pipelinetracker.project.api.CommitFundingCommand;
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
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.project.api.Partner;
import org.pipelinetracker.project.api.PartnerRole;
import org.pipelinetracker.project.api.ProjectCancelledEvent;
import org.pipelinetracker.project.api.ProjectCompletedEvent;
import org.pipelinetracker.project.api.ProjectFinalisedEvent;
import org.pipelinetracker.project.api.ProjectId;
import org.pipelinetracker.project.api.ProjectProposedEvent;
import org.pipelinetracker.project.api.ProjectStageChangedEvent;
import org.pipelinetracker.project.api.ProjectSuspendedEvent;
import org.pipelinetracker.project.api.ProposeProjectCommand;
import org.pipelinetracker.project.api.RecordDisbursementCommand;
import org.pipelinetracker.project.api.RecordExpenditureCommand;
import org.pipelinetracker.project.api.RecordIncomingFundsCommand;
import org.pipelinetracker.project.api.RecordMilestoneCommand;
import org.pipelinetracker.project.api.SignAgreementCommand;
import org.pipelinetracker.project.api.Stage;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import static org.hamcrest.Matchers.containsString;

/**
 * The rules of the {@link Project} aggregate are tested as given (past events) / when (a command) / expect (new
 * events, or a rejection: {@code given(...).when(...).expectRejected(kind, field, message parts)}), on Axon's
 * aggregate test fixture, without Spring. This is what those tests share: the fixture, the rejection check and the
 * story every given builds on.
 * <p>
 * "Today" is 2026-06-15 in Tashkent. The story: proposed 2026-01-12, EDCF loan agreement signed 2026-02-20
 * (AGREED), EDCF loan of USD 180 million committed 2026-03-05 (FINANCED), implementation started 2026-04-01.
 */
abstract class ProjectFixture {

	// --- the story ------------------------------------------------------------------------------------------

	static final ProjectId ID = ProjectId.of("KR-UZ-TEST-1");
	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T08:00:00Z"), ZoneId.of("Asia/Tashkent"));

	static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
	static final LocalDate TOMORROW = TODAY.plusDays(1);
	static final LocalDate PROPOSED_ON = LocalDate.of(2026, 1, 12);
	static final LocalDate AGREED_ON = LocalDate.of(2026, 2, 20);
	static final LocalDate COMMITTED_ON = LocalDate.of(2026, 3, 5);
	static final LocalDate IMPLEMENTATION_ON = LocalDate.of(2026, 4, 1);
	static final LocalDate SUSPENDED_ON = LocalDate.of(2026, 5, 4);
	static final LocalDate FINALISED_ON = LocalDate.of(2026, 5, 20);
	static final LocalDate ENDED_ON = LocalDate.of(2026, 6, 1);

	static final String LOAN_AGREEMENT = "EDCF-LA-UZB-2026-01";
	static final String EDCF_FUNDING = "EDCF-UZB-2026-01";
	static final String EXIMBANK = "Export-Import Bank of Korea";
	static final List<String> PARTIES = List.of(EXIMBANK, "Ministry of Economy and Finance of Uzbekistan");
	static final List<Partner> PARTNERS = List.of(
			new Partner(EXIMBANK, "KR", PartnerRole.FUNDING),
			new Partner("Ministry of Economy and Finance of Uzbekistan", "UZ", PartnerRole.ACCOUNTABLE),
			new Partner("Tashkent Province Vodokanal", "UZ", PartnerRole.IMPLEMENTING));
	static final Money ESTIMATED_COST = usd("250000000.00");
	static final Money EDCF_AMOUNT = usd("180000000.00");
	static final LoanTerms EDCF_TERMS = new LoanTerms(new BigDecimal("0.10"), 40, 10);

	FixtureConfiguration<Project> fixture;

	@BeforeEach
	void setUp() {
		fixture = new AggregateTestFixture<>(Project.class);
		fixture.registerInjectableResource(CLOCK);
		fixture.registerInjectableResource(new StallPolicy(180, 180));
	}

	// --- rejections: given / when / expectRejected ------------------------------------------------------------

	/** The field of a rejection that blames the whole command (its state, not one of its fields). */
	static final String NO_FIELD = null;

	/** The project's history before the command: past events. */
	When given(Object... history) {
		return new When(fixture.given(history));
	}

	When givenNoPriorActivity() {
		return new When(fixture.givenNoPriorActivity());
	}

	/** The project's history before the command, as the commands that wrote it. */
	When givenCommands(Object... commands) {
		return new When(fixture.givenCommands(commands));
	}

	/** The command, after the given history. */
	record When(TestExecutor<Project> history) {

		Then when(Object command) {
			return new Then(history.when(command));
		}
	}

	/** What the command did. */
	record Then(ResultValidator<Project> result) {

		/**
		 * The command was rejected: no event, a {@link CommandRejectedException} of {@code kind} blaming
		 * {@code field} ({@link ProjectFixture#NO_FIELD}: the whole command), its message containing each of {@code messageParts}.
		 */
		void expectRejected(CommandRejectedException.Kind kind, String field, String... messageParts) {
			result.expectNoEvents()
					.expectException(CommandRejectedException.class)
					.expectException(rejection(kind, field));
			for (String part : messageParts) {
				result.expectExceptionMessage(containsString(part));
			}
		}
	}

	// --- givens: the project's history up to a stage -----------------------------------------------------------

	static Object[] proposed() {
		return new Object[] {new ProjectProposedEvent(ID, "Tashkent Province Water Supply Modernisation",
				"Rehabilitation of water intake, treatment and distribution networks", "14020", "UZ-TO", PARTNERS,
				ESTIMATED_COST, PROPOSED_ON, LocalDate.of(2026, 9, 1), LocalDate.of(2029, 12, 31))};
	}

	static Object[] agreed() {
		return concat(proposed(), signed(LOAN_AGREEMENT, AgreementType.LOAN, AGREED_ON),
				new ProjectStageChangedEvent(ID, Stage.PROPOSED, Stage.AGREED, AGREED_ON));
	}

	static Object[] financed() {
		return concat(agreed(), edcfCommitted(EDCF_FUNDING, EDCF_AMOUNT, COMMITTED_ON),
				new ProjectStageChangedEvent(ID, Stage.AGREED, Stage.FINANCED, COMMITTED_ON));
	}

	static Object[] inImplementation() {
		return concat(financed(), new ImplementationStartedEvent(ID, IMPLEMENTATION_ON));
	}

	static Object[] suspendedFrom(Stage stage) {
		return concat(historyIn(stage), new ProjectSuspendedEvent(ID, SUSPENDED_ON, "Land acquisition dispute", stage));
	}

	static Object[] completed() {
		return concat(inImplementation(), new ProjectCompletedEvent(ID, ENDED_ON));
	}

	/** In FINALISATION since {@link #FINALISED_ON}. */
	static Object[] finalised() {
		return concat(inImplementation(), new ProjectFinalisedEvent(ID, FINALISED_ON));
	}

	static Object[] cancelled() {
		return concat(financed(), new ProjectCancelledEvent(ID, ENDED_ON, "Government reprioritised", Stage.FINANCED));
	}

	static Object[] historyIn(Stage stage) {
		return switch (stage) {
			case PROPOSED -> proposed();
			case AGREED -> agreed();
			case FINANCED -> financed();
			case IMPLEMENTATION -> inImplementation();
			case FINALISATION -> finalised();
			case SUSPENDED -> suspendedFrom(Stage.FINANCED);
			case COMPLETED -> completed();
			case CANCELLED -> cancelled();
		};
	}

	// --- events ---------------------------------------------------------------------------------------------

	static AgreementSignedEvent signed(String agreementId, AgreementType type, LocalDate signedOn) {
		return new AgreementSignedEvent(ID, agreementId, type, signedOn, PARTIES,
				"https://www.koreaexim.go.kr/docs/" + agreementId + ".pdf");
	}

	static FundingCommittedEvent edcfCommitted(String fundingId, Money amount, LocalDate committedOn) {
		return new FundingCommittedEvent(ID, fundingId, FundingSource.EXIMBANK, EximbankInstrument.EDCF_LOAN, EXIMBANK,
				amount, committedOn, EDCF_TERMS, "421", "10", null);
	}

	static DisbursementRecordedEvent disbursed(String fundingId, Money amount, LocalDate disbursedOn) {
		return new DisbursementRecordedEvent(ID, fundingId, amount, disbursedOn);
	}

	static IncomingFundsRecordedEvent received(String fundingId, Money amount, LocalDate receivedOn) {
		return new IncomingFundsRecordedEvent(ID, amount, receivedOn, fundingId, "Korea International Cooperation Agency",
				"Ministry of Economy and Finance of Uzbekistan", "Tranche transferred to the project account");
	}

	static ExpenditureRecordedEvent spent(String fundingId, Money amount, LocalDate spentOn) {
		return new ExpenditureRecordedEvent(ID, amount, spentOn, fundingId, "Tashkent Province Vodokanal",
				"Uzsuvloyiha design institute", "Feasibility study and detailed design");
	}

	static FundingCommitmentCorrectedEvent corrected(Money previous, Money next) {
		return corrected(previous, next, IMPLEMENTATION_ON);
	}

	static FundingCommitmentCorrectedEvent corrected(Money previous, Money next, LocalDate correctedOn) {
		return new FundingCommitmentCorrectedEvent(ID, EDCF_FUNDING, previous, next,
				"Loan agreement amended: scope reduced", correctedOn);
	}

	// --- commands -------------------------------------------------------------------------------------------

	static ProposeProjectCommand propose(LocalDate proposedOn, LocalDate plannedStart, LocalDate plannedEnd,
			Money estimatedCost) {
		return new ProposeProjectCommand(ID, "Tashkent Province Water Supply Modernisation",
				"Rehabilitation of water intake, treatment and distribution networks", "14020", "UZ-TO", PARTNERS,
				estimatedCost, proposedOn, plannedStart, plannedEnd);
	}

	static SignAgreementCommand sign(String agreementId, AgreementType type, LocalDate signedOn) {
		return new SignAgreementCommand(ID, agreementId, type, signedOn, PARTIES,
				"https://www.koreaexim.go.kr/docs/" + agreementId + ".pdf");
	}

	static FundViaEximbankCommand edcf(String fundingId, Money amount, LocalDate committedOn) {
		return new FundViaEximbankCommand(ID, fundingId, EximbankInstrument.EDCF_LOAN, amount, committedOn, EDCF_TERMS, null);
	}

	static CommitFundingCommand koicaGrant(String fundingId, LocalDate committedOn) {
		return new CommitFundingCommand(ID, fundingId, FundingSource.KOICA_GRANT,
				"Korea International Cooperation Agency", usd("8500000.00"), committedOn, null);
	}

	static CommitFundingCommand privateInvestment(String flowType) {
		return new CommitFundingCommand(ID, "PRIV-2026-03", FundingSource.PRIVATE_INVESTMENT, "Doosan Enerbility",
				usd("35000000.00"), TODAY, flowType);
	}

	static RecordDisbursementCommand disburse(String fundingId, Money amount, LocalDate disbursedOn) {
		return new RecordDisbursementCommand(ID, fundingId, amount, disbursedOn);
	}

	static RecordIncomingFundsCommand receive(String fundingId, Money amount, LocalDate receivedOn) {
		return new RecordIncomingFundsCommand(ID, amount, receivedOn, fundingId, "Korea International Cooperation Agency",
				"Ministry of Economy and Finance of Uzbekistan", "Tranche transferred to the project account");
	}

	static RecordExpenditureCommand spend(String fundingId, Money amount, LocalDate spentOn) {
		return new RecordExpenditureCommand(ID, amount, spentOn, fundingId, "Tashkent Province Vodokanal",
				"Uzsuvloyiha design institute", "Feasibility study and detailed design");
	}

	static RecordMilestoneCommand milestone(String milestoneId, String name, LocalDate plannedOn,
			LocalDate achievedOn, LocalDate recordedOn) {
		return new RecordMilestoneCommand(ID, milestoneId, name, plannedOn, achievedOn, recordedOn);
	}

	static CorrectFundingCommitmentCommand correct(String fundingId, Money newAmount, LocalDate correctedOn) {
		return new CorrectFundingCommitmentCommand(ID, fundingId, newAmount, "Loan agreement amended: scope reduced",
				correctedOn, null);
	}

	// --- support --------------------------------------------------------------------------------------------

	static Money usd(String amount) {
		return Money.of(amount, "USD");
	}

	static Object[] concat(Object[] history, Object... more) {
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
