package org.pipelinetracker.project.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.pipelinetracker.project.api.AgreementSignedEvent;
import org.pipelinetracker.project.api.CancelProjectCommand;
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
import org.pipelinetracker.project.api.ProjectCancelledEvent;
import org.pipelinetracker.project.api.ProjectCompletedEvent;
import org.pipelinetracker.project.api.ProjectId;
import org.pipelinetracker.project.api.ProjectProposedEvent;
import org.pipelinetracker.project.api.ProjectResumedEvent;
import org.pipelinetracker.project.api.ProjectStageChangedEvent;
import org.pipelinetracker.project.api.ProjectStalledEvent;
import org.pipelinetracker.project.api.StallKind;
import org.pipelinetracker.kernel.AuditMetadata;
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

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.pipelinetracker.project.api.CommandRejectedException.duplicate;
import static org.pipelinetracker.project.api.CommandRejectedException.invalid;
import static org.pipelinetracker.project.api.CommandRejectedException.rule;

/**
 * The project aggregate: validates every command against the project's history and appends events.
 * Field formats (codelists, patterns) are checked at the edge; this class guards the rules that need state:
 * stages, dates, uniqueness of ids and the money invariants.
 */
@Aggregate(snapshotTriggerDefinition = "projectSnapshotTrigger", cache = "projectCache")
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
class Project {

	static final String NO_FUNDING = "no-funding";
	static final String NO_DISBURSEMENT = "no-disbursement";
	private static final Set<Stage> ACTIVE = EnumSet.of(Stage.PROPOSED, Stage.AGREED, Stage.FINANCED, Stage.IMPLEMENTATION);
	private static final Set<Stage> FUNDABLE = EnumSet.of(Stage.AGREED, Stage.FINANCED, Stage.IMPLEMENTATION);

	@AggregateIdentifier
	private ProjectId projectId;
	private LocalDate proposedOn;
	private Stage stage;
	private LocalDate stageSince;
	private Stage suspendedFrom;
	private LocalDate firstBindingAgreementOn;
	/** The latest effective date of any commitment, disbursement, correction, incoming funds or expenditure. */
	private LocalDate lastMoneyDate;
	/** The date of the first commitment (AGREED → FINANCED). */
	private LocalDate financedOn;
	/** The latest date a milestone was achieved. */
	private LocalDate lastAchievedOn;
	/** Whether incoming funds have been recorded (they finance the project as a commitment does). */
	private boolean fundsReceived;
	private Set<String> agreementIds = new HashSet<>();
	private Map<String, Funding> fundings = new HashMap<>();
	private Map<String, Milestone> milestones = new HashMap<>();
	private List<Period> suspensions = new ArrayList<>();
	/** Stalls flagged and not yet cleared: NO_FUNDING, or NO_DISBURSEMENT:fundingId. */
	private Set<String> openStalls = new HashSet<>();

	Project() {
		// required by Axon
	}

	@CommandHandler
	Project(ProposeProjectCommand command, Clock clock) {
		requireNotFuture("proposedOn", command.proposedOn(), clock);
		if (command.plannedStart() != null && command.plannedEnd() != null
				&& command.plannedEnd().isBefore(command.plannedStart())) {
			throw invalid("plannedEnd", "plannedEnd (" + command.plannedEnd() + ") is before plannedStart ("
					+ command.plannedStart() + ")");
		}
		if (command.estimatedCost() != null && !command.estimatedCost().isPositive()) {
			throw invalid("estimatedCost.amount", "estimated cost must be greater than zero");
		}
		AggregateLifecycle.apply(new ProjectProposedEvent(command.projectId(), command.title(), command.description(),
				command.sector(), command.region(), List.copyOf(command.partners()), command.estimatedCost(),
				command.proposedOn(), command.plannedStart(), command.plannedEnd()));
	}

	@CommandHandler
	Long handle(SignAgreementCommand command, Clock clock, DeadlineManager deadlines, StallPolicy policy) {
		requireActive("sign an agreement");
		requireEffectiveDate("signedOn", command.signedOn(), clock);
		if (agreementIds.contains(command.agreementId())) {
			throw duplicate("agreementId", "agreement '" + command.agreementId() + "' is already recorded for project "
					+ projectId);
		}
		boolean movesToAgreed = command.type().isBinding() && stage == Stage.PROPOSED;
		if (movesToAgreed) {
			requireNotBeforeStageStart("signedOn", command.signedOn());
		}
		AggregateLifecycle.apply(new AgreementSignedEvent(projectId, command.agreementId(), command.type(),
				command.signedOn(), List.copyOf(command.parties()), command.documentUrl()));
		if (movesToAgreed) {
			AggregateLifecycle.apply(new ProjectStageChangedEvent(projectId, Stage.PROPOSED, Stage.AGREED,
					command.signedOn()));
			scheduleStallCheck(deadlines, clock, NO_FUNDING, command.signedOn(), policy.noFundingDays(), null);
		}
		return AggregateLifecycle.getVersion();
	}

	@CommandHandler
	Long handle(FundViaEximbankCommand command, Clock clock, DeadlineManager deadlines, StallPolicy policy) {
		requireFundable();
		LoanTerms terms = command.terms() == null ? LoanTerms.NONE : command.terms();
		if (terms.graceYears() != null && terms.maturityYears() != null && terms.graceYears() > terms.maturityYears()) {
			throw invalid("graceYears", "grace period (" + terms.graceYears() + " years) is longer than the maturity ("
					+ terms.maturityYears() + " years)");
		}
		EximbankInstrument instrument = command.instrument();
		commit(command.fundingId(), command.amount(), command.committedOn(), clock,
				new FundingCommittedEvent(projectId, command.fundingId(), FundingSource.EXIMBANK, instrument,
						"Export-Import Bank of Korea", command.amount(), command.committedOn(), terms,
						instrument.iatiFinanceType(), instrument.iatiFlowType(), command.facilityId()));
		scheduleStallCheck(deadlines, clock, NO_DISBURSEMENT, command.committedOn(), policy.noDisbursementDays(),
				command.fundingId());
		return AggregateLifecycle.getVersion();
	}

	@CommandHandler
	Long handle(CommitFundingCommand command, Clock clock, DeadlineManager deadlines, StallPolicy policy) {
		requireFundable();
		FundingSource source = command.source();
		if (source == FundingSource.EXIMBANK) {
			throw invalid("source", "Korea Eximbank commitments are recorded with FundViaEximbank "
					+ "(POST /api/projects/{id}/fundings/eximbank)");
		}
		String flowType = command.flowType() == null ? source.defaultFlowType() : command.flowType();
		if (command.flowType() != null && !source.allowedFlowTypes().contains(command.flowType())) {
			throw invalid("flowType", "flow type " + command.flowType() + " does not fit a " + source
					+ " commitment; allowed: " + source.allowedFlowTypes());
		}
		commit(command.fundingId(), command.amount(), command.committedOn(), clock,
				new FundingCommittedEvent(projectId, command.fundingId(), source, null, command.funder(),
						command.amount(), command.committedOn(), LoanTerms.NONE, source.iatiFinanceType(), flowType, null));
		scheduleStallCheck(deadlines, clock, NO_DISBURSEMENT, command.committedOn(), policy.noDisbursementDays(),
				command.fundingId());
		return AggregateLifecycle.getVersion();
	}

	private void requireFundable() {
		requireActive("commit funding");
		if (!FUNDABLE.contains(stage)) {
			throw rule("funding can only be committed once a binding agreement (LOAN, GRANT, FRAMEWORK or CONTRACT) "
					+ "is signed; project " + projectId + " is " + stage);
		}
	}

	private void commit(String fundingId, Money amount, LocalDate committedOn, Clock clock, FundingCommittedEvent event) {
		requirePositive("amount.amount", amount);
		requireEffectiveDate("committedOn", committedOn, clock);
		if (committedOn.isBefore(firstBindingAgreementOn)) {
			throw rule("committedOn", "the commitment is dated " + committedOn
					+ ", before the first binding agreement was signed on " + firstBindingAgreementOn);
		}
		if (stage == Stage.AGREED) {
			requireNotBeforeStageStart("committedOn", committedOn);
		}
		else if (committedOn.isBefore(financedOn)) {
			throw rule("committedOn", "the commitment is dated " + committedOn + ", before the project was financed on "
					+ financedOn + " (its first commitment)");
		}
		requireOutsideSuspensions("committedOn", committedOn);
		if (fundings.containsKey(fundingId)) {
			throw duplicate("fundingId", "funding '" + fundingId + "' is already recorded for project " + projectId);
		}
		AggregateLifecycle.apply(event);
		if (stage == Stage.AGREED) {
			AggregateLifecycle.apply(new ProjectStageChangedEvent(projectId, Stage.AGREED, Stage.FINANCED, committedOn));
		}
	}

	@CommandHandler
	Long handle(RecordDisbursementCommand command, Clock clock) {
		requireActive("record a disbursement");
		Funding funding = requireFunding(command.fundingId());
		Money amount = command.amount();
		requirePositive("amount.amount", amount);
		if (!amount.currency().equals(funding.committed().currency())) {
			throw rule("amount.currency", "funding '" + command.fundingId() + "' is committed in "
					+ funding.committed().currency() + "; a disbursement in " + amount.currency() + " cannot be recorded against it");
		}
		requireEffectiveDate("disbursedOn", command.disbursedOn(), clock);
		if (command.disbursedOn().isBefore(funding.committedOn())) {
			throw rule("disbursedOn", "the disbursement is dated " + command.disbursedOn()
					+ ", before funding '" + command.fundingId() + "' was committed on " + funding.committedOn());
		}
		requireOutsideSuspensions("disbursedOn", command.disbursedOn());
		Money headroom = funding.disbursementHeadroomFrom(command.disbursedOn());
		if (amount.isGreaterThan(headroom)) {
			throw rule("amount.amount", "disbursing " + amount + " on " + command.disbursedOn()
					+ " would bring the total disbursed under '" + command.fundingId()
					+ "' above the commitment in force (" + funding.committedAt(command.disbursedOn())
					+ " on that date, " + funding.committed() + " now); at most " + headroom + " remains");
		}
		AggregateLifecycle.apply(new DisbursementRecordedEvent(projectId, command.fundingId(), amount,
				command.disbursedOn()));
		return AggregateLifecycle.getVersion();
	}

	/**
	 * Incoming funds are money received for the project: like a commitment they need a binding agreement and an
	 * active project, are dated on or after the first binding agreement, on or after the day the project was
	 * financed (or entered AGREED, when they are what finances it), and outside past suspensions; the first receipt
	 * moves an AGREED project to FINANCED. Received under a commitment ({@code fundingId}), they are in its currency,
	 * not dated before it, and capped by it as disbursements are: on no date is more received under it than was
	 * committed then.
	 */
	@CommandHandler
	Long handle(RecordIncomingFundsCommand command, Clock clock) {
		requireActive("record incoming funds");
		if (!FUNDABLE.contains(stage)) {
			throw rule("incoming funds can only be recorded once a binding agreement (LOAN, GRANT, FRAMEWORK or "
					+ "CONTRACT) is signed; project " + projectId + " is " + stage);
		}
		Money amount = command.amount();
		requirePositive("amount.amount", amount);
		if (command.provider() == null || command.provider().isBlank()) {
			throw invalid("provider", "incoming funds need the organisation that provided them");
		}
		LocalDate receivedOn = command.receivedOn();
		requireEffectiveDate("receivedOn", receivedOn, clock);
		if (receivedOn.isBefore(firstBindingAgreementOn)) {
			throw rule("receivedOn", "the incoming funds are dated " + receivedOn
					+ ", before the first binding agreement was signed on " + firstBindingAgreementOn);
		}
		if (stage == Stage.AGREED) {
			requireNotBeforeStageStart("receivedOn", receivedOn);
		}
		else if (receivedOn.isBefore(financedOn)) {
			throw rule("receivedOn", "the incoming funds are dated " + receivedOn + ", before the project was financed on "
					+ financedOn);
		}
		requireOutsideSuspensions("receivedOn", receivedOn);
		if (command.fundingId() != null) {
			Funding funding = requireFunding(command.fundingId());
			if (!amount.currency().equals(funding.committed().currency())) {
				throw rule("amount.currency", "funding '" + command.fundingId() + "' is committed in "
						+ funding.committed().currency() + "; incoming funds in " + amount.currency()
						+ " cannot be recorded against it");
			}
			if (receivedOn.isBefore(funding.committedOn())) {
				throw rule("receivedOn", "the incoming funds are dated " + receivedOn + ", before funding '"
						+ command.fundingId() + "' was committed on " + funding.committedOn());
			}
			Money headroom = funding.receiptHeadroomFrom(receivedOn);
			if (amount.isGreaterThan(headroom)) {
				throw rule("amount.amount", "receiving " + amount + " on " + receivedOn
						+ " would bring the total received under '" + command.fundingId()
						+ "' above the commitment in force (" + funding.committedAt(receivedOn) + " on that date, "
						+ funding.committed() + " now); at most " + headroom + " remains");
			}
		}
		AggregateLifecycle.apply(new IncomingFundsRecordedEvent(projectId, amount, receivedOn, command.fundingId(),
				command.provider(), command.receiver(), command.description()));
		if (stage == Stage.AGREED) {
			AggregateLifecycle.apply(new ProjectStageChangedEvent(projectId, Stage.AGREED, Stage.FINANCED, receivedOn));
		}
		return AggregateLifecycle.getVersion();
	}

	/**
	 * Expenditure is money the project spent: accepted in every active stage (preparation is paid for before any
	 * agreement), dated by the date rule and outside past suspensions. Paid from a commitment ({@code fundingId}),
	 * it is not dated before that commitment; its currency is free (a loan in USD is spent in UZS) and it draws
	 * nothing down, since it is not a disbursement.
	 */
	@CommandHandler
	Long handle(RecordExpenditureCommand command, Clock clock) {
		requireActive("record an expenditure");
		requirePositive("amount.amount", command.amount());
		LocalDate spentOn = command.spentOn();
		requireEffectiveDate("spentOn", spentOn, clock);
		requireOutsideSuspensions("spentOn", spentOn);
		if (command.fundingId() != null) {
			Funding funding = requireFunding(command.fundingId());
			if (spentOn.isBefore(funding.committedOn())) {
				throw rule("spentOn", "the expenditure is dated " + spentOn + ", before funding '" + command.fundingId()
						+ "' was committed on " + funding.committedOn());
			}
		}
		AggregateLifecycle.apply(new ExpenditureRecordedEvent(projectId, command.amount(), spentOn, command.fundingId(),
				command.provider(), command.receiver(), command.description()));
		return AggregateLifecycle.getVersion();
	}

	@CommandHandler
	Long handle(RecordMilestoneCommand command, Clock clock) {
		requireNotTerminal("record a milestone");
		Milestone previous = milestones.get(command.milestoneId());
		String name = command.name() != null ? command.name() : previous == null ? null : previous.name;
		if (name == null || name.isBlank()) {
			throw invalid("name", previous == null ? "a new milestone needs a name" : "a milestone's name cannot be blank");
		}
		LocalDate plannedOn = command.plannedOn() != null ? command.plannedOn() : previous == null ? null : previous.plannedOn;
		LocalDate achievedOn = command.achievedOn() != null ? command.achievedOn() : previous == null ? null : previous.achievedOn;
		if (plannedOn == null && achievedOn == null) {
			throw invalid("plannedOn", "a milestone needs a planned date, an achieved date or both");
		}
		if (plannedOn != null && plannedOn.isBefore(proposedOn)) {
			throw rule("plannedOn", "the planned date " + plannedOn + " is before the project was proposed on " + proposedOn);
		}
		if (command.achievedOn() != null) {
			requireEffectiveDate("achievedOn", command.achievedOn(), clock);
		}
		LocalDate recordedOn = command.recordedOn() != null ? command.recordedOn()
				: command.achievedOn() != null ? command.achievedOn() : LocalDate.now(clock);
		requireEffectiveDate("on", recordedOn, clock);
		if (achievedOn != null && recordedOn.isBefore(achievedOn)) {
			throw invalid("on", "the record is dated " + recordedOn + ", before the milestone was achieved on "
					+ achievedOn);
		}
		if (previous != null && previous.name.equals(name) && Objects.equals(previous.plannedOn, plannedOn)
				&& Objects.equals(previous.achievedOn, achievedOn)) {
			return AggregateLifecycle.getVersion(); // nothing changed: nothing to record
		}
		AggregateLifecycle.apply(new MilestoneRecordedEvent(projectId, command.milestoneId(), name, plannedOn,
				achievedOn, recordedOn));
		return AggregateLifecycle.getVersion();
	}

	@CommandHandler
	Long handle(StartImplementationCommand command, Clock clock) {
		requireActive("start implementation");
		if (stage != Stage.FINANCED) {
			throw rule("only a financed project can start implementation; project " + projectId + " is " + stage);
		}
		requireStageChangeDate("on", command.startedOn(), clock);
		AggregateLifecycle.apply(new ImplementationStartedEvent(projectId, command.startedOn()));
		return AggregateLifecycle.getVersion();
	}

	@CommandHandler
	Long handle(SuspendProjectCommand command, Clock clock) {
		if (stage == Stage.SUSPENDED) {
			throw rule("project " + projectId + " is already suspended");
		}
		requireActive("suspend it");
		requireReason(command.reason());
		requireStageChangeDate("on", command.suspendedOn(), clock);
		requireNotBeforeMoneyMoved("on", command.suspendedOn());
		AggregateLifecycle.apply(new ProjectSuspendedEvent(projectId, command.suspendedOn(), command.reason(), stage));
		return AggregateLifecycle.getVersion();
	}

	@CommandHandler
	Long handle(ResumeProjectCommand command, Clock clock, DeadlineManager deadlines, StallPolicy policy) {
		requireNotTerminal("resume it");
		if (stage != Stage.SUSPENDED) {
			throw rule("only a suspended project can be resumed; project " + projectId + " is " + stage);
		}
		requireStageChangeDate("on", command.resumedOn(), clock);
		AggregateLifecycle.apply(new ProjectResumedEvent(projectId, command.resumedOn(), suspendedFrom));
		// checks that fell due during the suspension were skipped: the clock starts again from the resumption
		if (stage == Stage.AGREED) {
			scheduleStallCheck(deadlines, clock, NO_FUNDING, command.resumedOn(), policy.noFundingDays(), null);
		}
		fundings.forEach((fundingId, funding) -> {
			if (!funding.disbursed().isPositive()) {
				scheduleStallCheck(deadlines, clock, NO_DISBURSEMENT, command.resumedOn(), policy.noDisbursementDays(),
						fundingId);
			}
		});
		return AggregateLifecycle.getVersion();
	}

	@CommandHandler
	Long handle(CompleteProjectCommand command, Clock clock) {
		requireActive("complete it");
		if (stage != Stage.IMPLEMENTATION) {
			throw rule("only a project in implementation can be completed; project " + projectId + " is " + stage);
		}
		requireStageChangeDate("on", command.completedOn(), clock);
		requireNotBeforeMoneyMoved("on", command.completedOn());
		requireNotBeforeLastAchievement(command.completedOn());
		AggregateLifecycle.apply(new ProjectCompletedEvent(projectId, command.completedOn()));
		return AggregateLifecycle.getVersion();
	}

	@CommandHandler
	Long handle(CancelProjectCommand command, Clock clock) {
		requireNotTerminal("cancel it");
		requireReason(command.reason());
		requireStageChangeDate("on", command.cancelledOn(), clock);
		requireNotBeforeMoneyMoved("on", command.cancelledOn());
		requireNotBeforeLastAchievement(command.cancelledOn());
		AggregateLifecycle.apply(new ProjectCancelledEvent(projectId, command.cancelledOn(), command.reason(), stage));
		return AggregateLifecycle.getVersion();
	}

	@CommandHandler
	Long handle(CorrectFundingCommitmentCommand command, Clock clock) {
		requireReason(command.reason());
		Funding funding = requireFunding(command.fundingId());
		Money newAmount = command.newAmount();
		requirePositive("amount.amount", newAmount);
		if (!newAmount.currency().equals(funding.committed().currency())) {
			throw rule("amount.currency", "funding '" + command.fundingId() + "' is committed in "
					+ funding.committed().currency() + "; a correction must keep that currency");
		}
		if (newAmount.amount().compareTo(funding.committed().amount()) == 0) {
			throw rule("amount.amount", "funding '" + command.fundingId() + "' is already " + funding.committed());
		}
		if (newAmount.isLessThan(funding.disbursed())) {
			throw rule("amount.amount", "cannot correct '" + command.fundingId() + "' to " + newAmount + ": "
					+ funding.disbursed() + " has already been disbursed under it");
		}
		if (newAmount.isLessThan(funding.received())) {
			throw rule("amount.amount", "cannot correct '" + command.fundingId() + "' to " + newAmount + ": "
					+ funding.received() + " has already been received under it");
		}
		requireEffectiveDate("on", command.correctedOn(), clock);
		LocalDate latest = funding.latestChange();
		if (command.correctedOn().isBefore(latest)) {
			throw rule("on", "the correction is dated " + command.correctedOn() + ", before funding '"
					+ command.fundingId() + "' was " + (latest.equals(funding.committedOn()) ? "committed" : "last corrected")
					+ " on " + latest);
		}
		AggregateLifecycle.apply(new FundingCommitmentCorrectedEvent(projectId, command.fundingId(), funding.committed(),
				newAmount, command.reason(), command.correctedOn()));
		return AggregateLifecycle.getVersion();
	}

	// --- stalled projects: persisted deadlines -----------------------------------------------------------------

	/**
	 * Schedules a check {@code days} after {@code from}. A due date already past (a backdated entry) is checked at
	 * once. The check itself decides from the state then, so nothing needs cancelling when funding arrives.
	 */
	private static void scheduleStallCheck(DeadlineManager deadlines, Clock clock, String name, LocalDate from, int days,
			String fundingId) {
		LocalDate due = from.plusDays(days);
		Instant at = due.atStartOfDay(clock.getZone()).toInstant();
		if (at.isBefore(clock.instant())) {
			at = clock.instant();
		}
		DeadlineMessage<StallCheck> check = GenericDeadlineMessage.<StallCheck>asDeadlineMessage(name,
				new StallCheck(due, fundingId, days), at).withMetaData(Map.of(AuditMetadata.ACTOR, "system:stall-check",
						AuditMetadata.REASON, name + " check due " + due));
		deadlines.schedule(at, name, check);
	}

	@DeadlineHandler(deadlineName = NO_FUNDING)
	void noFundingDue(StallCheck check) {
		if (stage.isTerminal() || stage == Stage.SUSPENDED || !fundings.isEmpty() || fundsReceived
				|| openStalls.contains(StallKind.NO_FUNDING.name())) {
			return;
		}
		AggregateLifecycle.apply(new ProjectStalledEvent(projectId, StallKind.NO_FUNDING, null, check.days(),
				check.dueOn()), stallCheckMetaData(NO_FUNDING, check));
	}

	@DeadlineHandler(deadlineName = NO_DISBURSEMENT)
	void noDisbursementDue(StallCheck check) {
		Funding funding = fundings.get(check.fundingId());
		if (stage.isTerminal() || stage == Stage.SUSPENDED || funding == null || funding.disbursed().isPositive()
				|| openStalls.contains(StallKind.NO_DISBURSEMENT + ":" + check.fundingId())) {
			return;
		}
		AggregateLifecycle.apply(new ProjectStalledEvent(projectId, StallKind.NO_DISBURSEMENT, check.fundingId(),
				check.days(), check.dueOn()), stallCheckMetaData(NO_DISBURSEMENT, check));
	}

	/**
	 * The deadline's own metadata does not survive the persisted scheduler, so the event names its writer itself: the
	 * stall check is the system, not the last user who touched the project.
	 */
	private static MetaData stallCheckMetaData(String name, StallCheck check) {
		return MetaData.with(AuditMetadata.ACTOR, "system:stall-check")
				.and(AuditMetadata.REASON, name + " check due " + check.dueOn());
	}

	// --- rules shared by several commands -------------------------------------------------------------------

	private void requireNotTerminal(String action) {
		if (stage.isTerminal()) {
			throw rule("project " + projectId + " is " + stage + "; it cannot " + action.replace(" it", "")
					+ " any more — only funding corrections are accepted");
		}
	}

	private void requireActive(String action) {
		requireNotTerminal(action);
		if (stage == Stage.SUSPENDED) {
			throw rule("project " + projectId + " is suspended; resume it before you " + action);
		}
	}

	private Funding requireFunding(String fundingId) {
		Funding funding = fundings.get(fundingId);
		if (funding == null) {
			throw rule("fundingId", "project " + projectId + " has no funding '" + fundingId + "'");
		}
		return funding;
	}

	private void requireEffectiveDate(String field, LocalDate date, Clock clock) {
		requireNotFuture(field, date, clock);
		if (date.isBefore(proposedOn)) {
			throw rule(field, field + " " + date + " is before the project was proposed on " + proposedOn);
		}
	}

	private void requireStageChangeDate(String field, LocalDate date, Clock clock) {
		requireEffectiveDate(field, date, clock);
		requireNotBeforeStageStart(field, date);
	}

	private void requireNotBeforeStageStart(String field, LocalDate date) {
		if (date.isBefore(stageSince)) {
			throw rule(field, "the date " + date + " is before the project entered its current stage (" + stage
					+ ") on " + stageSince);
		}
	}

	private void requireNotBeforeMoneyMoved(String field, LocalDate date) {
		if (lastMoneyDate != null && date.isBefore(lastMoneyDate)) {
			throw rule(field, "the date " + date + " is before the latest commitment, disbursement, correction,"
					+ " incoming funds or expenditure already recorded (" + lastMoneyDate + ")");
		}
	}

	private void requireNotBeforeLastAchievement(LocalDate date) {
		if (lastAchievedOn != null && date.isBefore(lastAchievedOn)) {
			throw rule("on", "the date " + date + " is before a milestone already recorded as achieved on "
					+ lastAchievedOn);
		}
	}

	private void requireOutsideSuspensions(String field, LocalDate date) {
		for (Period suspension : suspensions) {
			if (suspension.contains(date)) {
				throw rule(field, "the project was suspended from " + suspension.from()
						+ (suspension.to() == null ? "" : " to " + suspension.to()) + "; nothing can be committed,"
						+ " disbursed, received or spent on " + date);
			}
		}
	}

	private static void requireNotFuture(String field, LocalDate date, Clock clock) {
		if (date == null) {
			throw invalid(field, field + " is required");
		}
		LocalDate today = LocalDate.now(clock);
		if (date.isAfter(today)) {
			throw invalid(field, field + " " + date + " is in the future (today is " + today + ")");
		}
	}

	private static void requirePositive(String field, Money amount) {
		if (amount == null || amount.amount().signum() <= 0) {
			throw invalid(field, "amount must be greater than zero");
		}
	}

	private static void requireReason(String reason) {
		if (reason == null || reason.isBlank()) {
			throw invalid("reason", "a reason is required");
		}
	}

	// --- state ----------------------------------------------------------------------------------------------

	@EventSourcingHandler
	void on(ProjectProposedEvent event) {
		projectId = event.projectId();
		proposedOn = event.proposedOn();
		stage = Stage.PROPOSED;
		stageSince = event.proposedOn();
	}

	@EventSourcingHandler
	void on(AgreementSignedEvent event) {
		agreementIds.add(event.agreementId());
		if (event.type().isBinding()
				&& (firstBindingAgreementOn == null || event.signedOn().isBefore(firstBindingAgreementOn))) {
			firstBindingAgreementOn = event.signedOn();
		}
	}

	@EventSourcingHandler
	void on(ProjectStageChangedEvent event) {
		if (event.to() == Stage.FINANCED) {
			financedOn = event.changedOn();
		}
		enter(event.to(), event.changedOn());
	}

	@EventSourcingHandler
	void on(ProjectStalledEvent event) {
		openStalls.add(event.kind() == StallKind.NO_FUNDING ? event.kind().name() : event.kind() + ":" + event.fundingId());
	}

	@EventSourcingHandler
	void on(FundingCommittedEvent event) {
		openStalls.remove(StallKind.NO_FUNDING.name());
		fundings.put(event.fundingId(), Funding.committed(event.amount(), event.committedOn()));
		moneyMovedOn(event.committedOn());
	}

	@EventSourcingHandler
	void on(DisbursementRecordedEvent event) {
		openStalls.remove(StallKind.NO_DISBURSEMENT + ":" + event.fundingId());
		fundings.get(event.fundingId()).disburse(event.amount(), event.disbursedOn());
		moneyMovedOn(event.disbursedOn());
	}

	@EventSourcingHandler
	void on(IncomingFundsRecordedEvent event) {
		openStalls.remove(StallKind.NO_FUNDING.name());
		fundsReceived = true;
		if (event.fundingId() != null) {
			fundings.get(event.fundingId()).receive(event.amount(), event.receivedOn());
		}
		moneyMovedOn(event.receivedOn());
	}

	@EventSourcingHandler
	void on(ExpenditureRecordedEvent event) {
		moneyMovedOn(event.spentOn());
	}

	@EventSourcingHandler
	void on(FundingCommitmentCorrectedEvent event) {
		fundings.get(event.fundingId()).correct(event.newAmount(), event.correctedOn());
		moneyMovedOn(event.correctedOn());
	}

	private void moneyMovedOn(LocalDate date) {
		if (lastMoneyDate == null || date.isAfter(lastMoneyDate)) {
			lastMoneyDate = date;
		}
	}

	@EventSourcingHandler
	void on(MilestoneRecordedEvent event) {
		milestones.put(event.milestoneId(), new Milestone(event.name(), event.plannedOn(), event.achievedOn()));
		if (event.achievedOn() != null && (lastAchievedOn == null || event.achievedOn().isAfter(lastAchievedOn))) {
			lastAchievedOn = event.achievedOn();
		}
	}

	@EventSourcingHandler
	void on(ImplementationStartedEvent event) {
		enter(Stage.IMPLEMENTATION, event.startedOn());
	}

	@EventSourcingHandler
	void on(ProjectSuspendedEvent event) {
		suspendedFrom = event.suspendedFrom();
		suspensions.add(new Period(event.suspendedOn(), null));
		enter(Stage.SUSPENDED, event.suspendedOn());
	}

	@EventSourcingHandler
	void on(ProjectResumedEvent event) {
		enter(event.resumedTo(), event.resumedOn());
		suspendedFrom = null;
		Period open = suspensions.remove(suspensions.size() - 1);
		suspensions.add(new Period(open.from(), event.resumedOn()));
	}

	@EventSourcingHandler
	void on(ProjectCompletedEvent event) {
		enter(Stage.COMPLETED, event.completedOn());
	}

	@EventSourcingHandler
	void on(ProjectCancelledEvent event) {
		enter(Stage.CANCELLED, event.cancelledOn());
	}

	private void enter(Stage next, LocalDate since) {
		stage = next;
		stageSince = since;
	}

	/**
	 * A commitment as the aggregate needs it: the amount in force from each date (the commitment, then each
	 * correction) and the dated disbursements, so that on no date is more disbursed than was committed then.
	 */
	@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
			isGetterVisibility = Visibility.NONE)
	static final class Funding {
		private String currency;
		private LocalDate committedOn;
		private TreeMap<LocalDate, BigDecimal> schedule = new TreeMap<>();
		private TreeMap<LocalDate, BigDecimal> disbursedPerDay = new TreeMap<>();
		/** Incoming funds recorded under this commitment, per day. */
		private TreeMap<LocalDate, BigDecimal> receivedPerDay = new TreeMap<>();

		Funding() {
			// for snapshots
		}

		static Funding committed(Money amount, LocalDate on) {
			Funding funding = new Funding();
			funding.currency = amount.currency();
			funding.committedOn = on;
			funding.schedule.put(on, amount.amount());
			return funding;
		}

		void correct(Money amount, LocalDate on) {
			schedule.put(on, amount.amount());
		}

		void disburse(Money amount, LocalDate on) {
			disbursedPerDay.merge(on, amount.amount(), BigDecimal::add);
		}

		void receive(Money amount, LocalDate on) {
			receivedPerDay.merge(on, amount.amount(), BigDecimal::add);
		}

		LocalDate committedOn() {
			return committedOn;
		}

		LocalDate latestChange() {
			return schedule.lastKey();
		}

		Money committed() {
			return new Money(schedule.lastEntry().getValue(), currency);
		}

		Money committedAt(LocalDate date) {
			return new Money(schedule.floorEntry(date).getValue(), currency);
		}

		Money disbursed() {
			return new Money(disbursedPerDay.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add), currency);
		}

		Money received() {
			return new Money(receivedPerDay.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add), currency);
		}

		/** The most that can still be disbursed on {@code date} without exceeding the commitment on any later date. */
		Money disbursementHeadroomFrom(LocalDate date) {
			return headroomFrom(date, disbursedPerDay);
		}

		/** The most that can still be received on {@code date} without exceeding the commitment on any later date. */
		Money receiptHeadroomFrom(LocalDate date) {
			return headroomFrom(date, receivedPerDay);
		}

		/** The most that can be added to {@code perDay} on {@code date} with its running total never above the commitment. */
		private Money headroomFrom(LocalDate date, TreeMap<LocalDate, BigDecimal> perDay) {
			TreeSet<LocalDate> dates = new TreeSet<>(schedule.keySet());
			dates.addAll(perDay.keySet());
			dates.add(date);
			BigDecimal cumulative = BigDecimal.ZERO;
			BigDecimal headroom = null;
			for (LocalDate day : dates) {
				cumulative = cumulative.add(perDay.getOrDefault(day, BigDecimal.ZERO));
				if (!day.isBefore(date)) {
					BigDecimal room = schedule.floorEntry(day).getValue().subtract(cumulative);
					headroom = headroom == null || room.compareTo(headroom) < 0 ? room : headroom;
				}
			}
			return new Money(headroom.max(BigDecimal.ZERO), currency);
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Funding f && Objects.equals(currency, f.currency)
					&& Objects.equals(committedOn, f.committedOn) && schedule.equals(f.schedule)
					&& disbursedPerDay.equals(f.disbursedPerDay) && receivedPerDay.equals(f.receivedPerDay);
		}

		@Override
		public int hashCode() {
			return Objects.hash(currency, committedOn, schedule, disbursedPerDay, receivedPerDay);
		}
	}

	/** A suspension, open-ended while it lasts. */
	private record Period(LocalDate from, LocalDate to) {
		boolean contains(LocalDate date) {
			return !date.isBefore(from) && (to == null || date.isBefore(to));
		}
	}

	private record Milestone(String name, LocalDate plannedOn, LocalDate achievedOn) {
	}
}
