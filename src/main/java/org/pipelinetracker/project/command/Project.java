package org.pipelinetracker.project.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.pipelinetracker.kernel.AuditMetadata;
import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.project.api.ApproveMoneyEntryCommand;
import org.pipelinetracker.project.api.MoneyEntryApprovedEvent;
import org.pipelinetracker.project.api.MoneyEntryKind;
import org.pipelinetracker.project.api.MoneyEntryRejectedEvent;
import org.pipelinetracker.project.api.MoneyEntrySubmittedEvent;
import org.pipelinetracker.project.api.RejectMoneyEntryCommand;
import org.pipelinetracker.project.api.AgreementSignedEvent;
import org.pipelinetracker.project.api.CommitFundingCommand;
import org.pipelinetracker.project.api.ContentLanguage;
import org.pipelinetracker.project.api.CorrectFundingCommitmentCommand;
import org.pipelinetracker.project.api.DisbursementRecordedEvent;
import org.pipelinetracker.project.api.EximbankInstrument;
import org.pipelinetracker.project.api.ExpenditureRecordedEvent;
import org.pipelinetracker.project.api.FundViaEximbankCommand;
import org.pipelinetracker.project.api.FundingCommitmentCorrectedEvent;
import org.pipelinetracker.project.api.FundingCommittedEvent;
import org.pipelinetracker.project.api.FundingSource;
import org.pipelinetracker.project.api.IncomingFundsRecordedEvent;
import org.pipelinetracker.project.api.LoanTerms;
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.project.api.ProjectProposedEvent;
import org.pipelinetracker.project.api.ProjectStageChangedEvent;
import org.pipelinetracker.project.api.ProposeProjectCommand;
import org.pipelinetracker.project.api.RecordDisbursementCommand;
import org.pipelinetracker.project.api.RecordExpenditureCommand;
import org.pipelinetracker.project.api.RecordIncomingFundsCommand;
import org.pipelinetracker.project.api.SignAgreementCommand;
import org.pipelinetracker.project.api.Stage;
import org.pipelinetracker.project.api.StallKind;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.pipelinetracker.project.api.CommandRejectedException.duplicate;
import static org.pipelinetracker.project.api.CommandRejectedException.rule;
import static org.pipelinetracker.project.command.DatingPolicy.Financing;
import static org.pipelinetracker.project.command.DatingPolicy.UnderCommitment;
import static org.pipelinetracker.project.command.MoneyPolicy.AgainstCommitment;
import static org.pipelinetracker.project.command.StagePolicy.Action;

/**
 * The project aggregate: validates every command against the project's history and appends events.
 * Field formats (codelists, patterns) are checked at the edge; the rules that need state are named policies, each
 * judging the state it is given: {@link StagePolicy} (what the stage allows), {@link DatingPolicy} (effective
 * dates), {@link MoneyPolicy} (amounts, currencies, commitments), {@link StallChecks} (stalled projects) and
 * {@link StatusPolicy} (a publisher's reported status). Each handler applies them in the order its rejections are
 * reported. The commands that describe the record (texts, documents, a reported status, import notes) are
 * {@link ProjectRecord}'s, those of its plans {@link ProjectPlans}'s, of its loans {@link ProjectLoans}'s, its milestones and
 * stage changes {@link ProjectStages}'s.
 * <p>
 * Revision "2" of its snapshot: the state keeps the proposal's planned dates (the plans' rule needs them, since "1")
 * and the money entries waiting for approval (since "2"). Axon skips a snapshot of another revision (one taken
 * before) and loads the project from its events.
 */
@Aggregate(snapshotTriggerDefinition = "projectSnapshotTrigger", cache = "projectCache")
@Revision("2")
class Project extends ProjectStages {

	Project() {
		// required by Axon
	}

	@CommandHandler
	Project(ProposeProjectCommand command, Clock clock) {
		DatingPolicy.requireNotFuture("proposedOn", command.proposedOn(), clock);
		DatingPolicy.requirePlannedInOrder(command.plannedStart(), command.plannedEnd());
		MoneyPolicy.requireEstimatedCost(command.estimatedCost());
		String language = command.language() == null ? ContentLanguage.DEFAULT
				: TextPolicy.requireLanguage("language", command.language());
		apply(new ProjectProposedEvent(command.projectId(), command.title(), command.description(), command.sector(),
				command.region(), List.copyOf(command.partners()), command.estimatedCost(), command.proposedOn(),
				command.plannedStart(), command.plannedEnd(), language));
	}

	@CommandHandler
	Long handle(SignAgreementCommand command, Clock clock, DeadlineManager deadlines, StallPolicy policy) {
		stages().requireActive(Action.SIGN_AGREEMENT);
		dates(clock).requireEffective("signedOn", command.signedOn());
		if (hasAgreement(command.agreementId())) {
			throw duplicate("agreementId", Text.of("problem.rule.agreementExists")
					.with("agreementId", command.agreementId()).with("projectId", projectId()));
		}
		if (command.documentId() != null && document(command.documentId()) == null) {
			throw rule("documentId", Text.of("problem.rule.noSuchDocument").with("projectId", projectId())
					.with("documentId", command.documentId()));
		}
		boolean agreed = stages().agreedBy(command.type());
		if (agreed) {
			dates(clock).requireNotBeforeStageStart("signedOn", command.signedOn());
		}
		apply(new AgreementSignedEvent(projectId(), command.agreementId(), command.type(), command.signedOn(),
				List.copyOf(command.parties()), command.documentUrl(), command.documentId()));
		if (agreed) {
			apply(new ProjectStageChangedEvent(projectId(), Stage.PROPOSED, Stage.AGREED, command.signedOn()));
			new StallChecks(deadlines, clock, policy).scheduleNoFunding(command.signedOn());
		}
		return AggregateLifecycle.getVersion();
	}

	@CommandHandler
	Long handle(FundViaEximbankCommand command, Clock clock, DeadlineManager deadlines, StallPolicy policy,
			MetaData metaData) {
		stages().requireFundable();
		LoanTerms terms = MoneyPolicy.requireLoanTerms(command.terms());
		EximbankInstrument instrument = command.instrument();
		commit(new FundingCommittedEvent(projectId(), command.fundingId(), FundingSource.EXIMBANK, instrument,
				"Export-Import Bank of Korea", command.amount(), command.committedOn(), terms,
				instrument.iatiFinanceType(), instrument.iatiFlowType(), command.facilityId(),
				LoanPolicy.requireLoanDates(command.fundingId(), command.committedOn(), command.dates())),
				clock, new StallChecks(deadlines, clock, policy), Submission.of(metaData));
		return AggregateLifecycle.getVersion();
	}

	@CommandHandler
	Long handle(CommitFundingCommand command, Clock clock, DeadlineManager deadlines, StallPolicy policy,
			MetaData metaData) {
		stages().requireFundable();
		FundingSource source = command.source();
		String flowType = MoneyPolicy.flowTypeOf(source, command.flowType());
		commit(new FundingCommittedEvent(projectId(), command.fundingId(), source, null, command.funder(),
				command.amount(), command.committedOn(), LoanTerms.NONE, source.iatiFinanceType(), flowType, null),
				clock, new StallChecks(deadlines, clock, policy), Submission.of(metaData));
		return AggregateLifecycle.getVersion();
	}

	/**
	 * Records the commitment {@code event} describes (or submits it for approval, {@link Submission}), if the money
	 * and dating rules allow it.
	 */
	private void commit(FundingCommittedEvent event, Clock clock, StallChecks checks, Submission submission) {
		LocalDate committedOn = event.committedOn();
		MoneyPolicy.requirePositive("amount.amount", event.amount());
		DatingPolicy dates = dates(clock);
		dates.requireEffective("committedOn", committedOn);
		dates.requireFinancingDate("committedOn", committedOn, Financing.COMMITMENT);
		dates.requireOutsideSuspensions("committedOn", committedOn);
		money().requireNewFunding(event.fundingId());
		if (!submission.approving()) {
			requireNoPendingCommitment(event.fundingId());
		}
		if (!submission.recordNow(MoneyEntryKind.COMMITMENT, event)) {
			return;
		}
		boolean financed = stages().financedByFirstMoney();
		apply(event);
		if (financed) {
			apply(new ProjectStageChangedEvent(projectId(), Stage.AGREED, Stage.FINANCED, committedOn));
		}
		checks.scheduleNoDisbursement(committedOn, event.fundingId());
	}

	@CommandHandler
	Long handle(RecordDisbursementCommand command, Clock clock, MetaData metaData) {
		disburse(new DisbursementRecordedEvent(projectId(), command.fundingId(), command.amount(),
				command.disbursedOn()), command.published(), clock, Submission.of(metaData));
		return AggregateLifecycle.getVersion();
	}

	/**
	 * Records the disbursement {@code event} describes (or submits it for approval), if the rules allow it; a
	 * {@code published} one (from an IATI file) is kept outside its loan's dates, as its publisher said.
	 */
	private void disburse(DisbursementRecordedEvent event, boolean published, Clock clock, Submission submission) {
		stages().requireActive(Action.RECORD_DISBURSEMENT);
		String fundingId = event.fundingId();
		Funding funding = money().requireFunding(fundingId);
		Money amount = event.amount();
		LocalDate disbursedOn = event.disbursedOn();
		MoneyPolicy.requirePositive("amount.amount", amount);
		MoneyPolicy.requireCommittedCurrency(fundingId, funding, amount, AgainstCommitment.DISBURSEMENT);
		dates(clock).requireEffective("disbursedOn", disbursedOn);
		DatingPolicy.requireNotBeforeCommitment("disbursedOn", disbursedOn, UnderCommitment.DISBURSEMENT, fundingId,
				funding);
		dates(clock).requireOutsideSuspensions("disbursedOn", disbursedOn);
		if (!published) {
			LoanPolicy.requireWithinLoanDates(fundingId, funding, disbursedOn);
		}
		MoneyPolicy.requireDisbursementHeadroom(fundingId, funding, amount, disbursedOn);
		if (submission.recordNow(MoneyEntryKind.DISBURSEMENT, event, published)) {
			apply(event);
		}
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
		stages().requireIncomingFundsAccepted();
		Money amount = command.amount();
		MoneyPolicy.requirePositive("amount.amount", amount);
		MoneyPolicy.requireProvider(command.provider());
		LocalDate receivedOn = command.receivedOn();
		DatingPolicy dates = dates(clock);
		dates.requireEffective("receivedOn", receivedOn);
		dates.requireFinancingDate("receivedOn", receivedOn, Financing.INCOMING_FUNDS);
		dates.requireOutsideSuspensions("receivedOn", receivedOn);
		String fundingId = command.fundingId();
		if (fundingId != null) {
			Funding funding = money().requireFunding(fundingId);
			MoneyPolicy.requireCommittedCurrency(fundingId, funding, amount, AgainstCommitment.INCOMING_FUNDS);
			DatingPolicy.requireNotBeforeCommitment("receivedOn", receivedOn, UnderCommitment.INCOMING_FUNDS, fundingId,
					funding);
			MoneyPolicy.requireReceiptHeadroom(fundingId, funding, amount, receivedOn);
		}
		boolean financed = stages().financedByFirstMoney();
		apply(new IncomingFundsRecordedEvent(projectId(), amount, receivedOn, fundingId, command.provider(),
				command.receiver(), command.description()));
		if (financed) {
			apply(new ProjectStageChangedEvent(projectId(), Stage.AGREED, Stage.FINANCED, receivedOn));
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
		stages().requireActive(Action.RECORD_EXPENDITURE);
		MoneyPolicy.requirePositive("amount.amount", command.amount());
		LocalDate spentOn = command.spentOn();
		dates(clock).requireEffective("spentOn", spentOn);
		dates(clock).requireOutsideSuspensions("spentOn", spentOn);
		if (command.fundingId() != null) {
			Funding funding = money().requireFunding(command.fundingId());
			DatingPolicy.requireNotBeforeCommitment("spentOn", spentOn, UnderCommitment.EXPENDITURE, command.fundingId(),
					funding);
		}
		apply(new ExpenditureRecordedEvent(projectId(), command.amount(), spentOn, command.fundingId(),
				command.provider(), command.receiver(), command.description()));
		return AggregateLifecycle.getVersion();
	}

	@CommandHandler
	Long handle(CorrectFundingCommitmentCommand command, Clock clock, MetaData metaData) {
		correct(command.fundingId(), command.newAmount(), command.reason(), command.correctedOn(), clock,
				Submission.of(metaData));
		return AggregateLifecycle.getVersion();
	}

	/**
	 * Corrects the commitment's amount (or submits the correction for approval), if the rules allow it; the previous
	 * amount is the commitment's as it stands when the correction is recorded.
	 */
	private void correct(String fundingId, Money newAmount, String reason, LocalDate correctedOn, Clock clock,
			Submission submission) {
		requireReason(reason);
		Funding funding = money().requireFunding(fundingId);
		MoneyPolicy.requirePositive("amount.amount", newAmount);
		MoneyPolicy.requireCorrection(fundingId, funding, newAmount);
		dates(clock).requireEffective("on", correctedOn);
		DatingPolicy.requireCorrectionInOrder(correctedOn, fundingId, funding);
		FundingCommitmentCorrectedEvent event = new FundingCommitmentCorrectedEvent(projectId(), fundingId,
				funding.committed(), newAmount, reason, correctedOn);
		if (submission.recordNow(MoneyEntryKind.CORRECTION, event)) {
			apply(event);
		}
	}

	// --- four-eyes approval of money (Submission) ------------------------------------------------------------

	/**
	 * Approves a pending entry: by another person than its submitter, and only if the entry still passes every rule
	 * of its kind against the project as it stands now; then the approval and the money event are recorded.
	 */
	@CommandHandler
	Long handle(ApproveMoneyEntryCommand command, Clock clock, DeadlineManager deadlines, StallPolicy policy,
			MetaData metaData) {
		MoneyEntrySubmittedEvent entry = requirePending(command.entryId());
		String approver = actorOf(metaData);
		if (approver == null || approver.equals(entry.submittedBy())) {
			throw rule(Text.of("problem.rule.ownEntry").with("entryId", entry.entryId()));
		}
		Submission approval = Submission.approving(new MoneyEntryApprovedEvent(projectId(), entry.entryId(),
				entry.kind(), entry.submittedBy(), approver, entry.effectiveOn()));
		switch (entry.kind()) {
			case COMMITMENT -> {
				stages().requireFundable();
				commit(entry.commitment(), clock, new StallChecks(deadlines, clock, policy), approval);
			}
			case DISBURSEMENT -> disburse(entry.disbursement(), entry.fromPublishersFile(), clock, approval);
			case CORRECTION -> correct(entry.fundingId(), entry.correction().newAmount(), entry.correction().reason(),
					entry.correction().correctedOn(), clock, approval);
		}
		return AggregateLifecycle.getVersion();
	}

	/** Rejects a pending entry with a reason: it never counts. */
	@CommandHandler
	Long handle(RejectMoneyEntryCommand command, MetaData metaData) {
		requireReason(command.reason());
		MoneyEntrySubmittedEvent entry = requirePending(command.entryId());
		apply(new MoneyEntryRejectedEvent(projectId(), entry.entryId(), entry.kind(), entry.submittedBy(),
				actorOf(metaData), command.reason().trim(), entry.effectiveOn()));
		return AggregateLifecycle.getVersion();
	}

	private MoneyEntrySubmittedEvent requirePending(String entryId) {
		MoneyEntrySubmittedEvent entry = entries().pending(entryId);
		if (entry == null) {
			throw rule(Text.of(entries().isDecided(entryId) ? "problem.rule.entryDecided" : "problem.rule.noSuchEntry")
					.with("entryId", entryId).with("projectId", projectId()));
		}
		return entry;
	}

	/** A second commitment under a funding id that waits for approval is refused as a duplicate would be. */
	private void requireNoPendingCommitment(String fundingId) {
		if (entries().hasPendingCommitment(fundingId)) {
			throw duplicate("fundingId", Text.of("problem.rule.commitmentPending").with("fundingId", fundingId));
		}
	}

	private static String actorOf(MetaData metaData) {
		Object actor = metaData == null ? null : metaData.get(AuditMetadata.ACTOR);
		return actor == null ? null : actor.toString();
	}

	// --- the entries waiting for approval (the state keeps them in PendingEntries) ------------------------------

	@EventSourcingHandler
	void on(MoneyEntrySubmittedEvent event) {
		entries().submitted(event);
	}

	@EventSourcingHandler
	void on(MoneyEntryApprovedEvent event) {
		entries().decided(event.entryId());
	}

	@EventSourcingHandler
	void on(MoneyEntryRejectedEvent event) {
		entries().decided(event.entryId());
	}

	// --- stalled projects: persisted deadlines (StallChecks) ---------------------------------------------------

	/** The no-funding check fell due: a stall is recorded only if it held in valid time ({@link StallChecks}). */
	@DeadlineHandler(deadlineName = StallChecks.NO_FUNDING)
	void noFundingDue(StallCheck check) {
		stalledWithoutFunding(check.dueOn()).ifPresent(period ->
				apply(StallChecks.stalled(projectId(), StallKind.NO_FUNDING, check, period),
						StallChecks.metaData(StallChecks.NO_FUNDING, check)));
	}

	/** The no-disbursement check fell due: a stall is recorded only if it held in valid time. */
	@DeadlineHandler(deadlineName = StallChecks.NO_DISBURSEMENT)
	void noDisbursementDue(StallCheck check) {
		stalledWithoutDisbursement(check.fundingId(), check.dueOn()).ifPresent(period ->
				apply(StallChecks.stalled(projectId(), StallKind.NO_DISBURSEMENT, check, period),
						StallChecks.metaData(StallChecks.NO_DISBURSEMENT, check)));
	}
}
