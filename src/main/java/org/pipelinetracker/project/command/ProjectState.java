package org.pipelinetracker.project.command;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.pipelinetracker.project.api.ActivityStatusReportedEvent;
import org.pipelinetracker.project.api.AgreementSignedEvent;
import org.pipelinetracker.project.api.ContentLanguage;
import org.pipelinetracker.project.api.DisbursementRecordedEvent;
import org.pipelinetracker.project.api.DocumentAttachedEvent;
import org.pipelinetracker.project.api.DocumentAttachment;
import org.pipelinetracker.project.api.DocumentLinkedEvent;
import org.pipelinetracker.project.api.ExpenditureRecordedEvent;
import org.pipelinetracker.project.api.FundingCommitmentCorrectedEvent;
import org.pipelinetracker.project.api.FundingCommittedEvent;
import org.pipelinetracker.project.api.ImportNote;
import org.pipelinetracker.project.api.ImportNotesRecordedEvent;
import org.pipelinetracker.project.api.IncomingFundsRecordedEvent;
import org.pipelinetracker.project.api.MilestoneRecordedEvent;
import org.pipelinetracker.project.api.ProjectId;
import org.pipelinetracker.project.api.ProjectProposedEvent;
import org.pipelinetracker.project.api.ProjectResumedEvent;
import org.pipelinetracker.project.api.ProjectStageChangedEvent;
import org.pipelinetracker.project.api.ProjectStalledEvent;
import org.pipelinetracker.project.api.ProjectSuspendedEvent;
import org.pipelinetracker.project.api.ProjectTextRecordedEvent;
import org.pipelinetracker.project.api.Stage;
import org.pipelinetracker.project.api.StageChange;
import org.pipelinetracker.project.api.StallKind;
import org.pipelinetracker.project.api.StallPeriod;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a project's events have established, and how each event changes it: the state {@link Project} decides its
 * commands on. The {@link Project} aggregate is this state plus its command handlers, and its snapshot is these
 * fields (see {@link ProjectCommandConfiguration}). The command handlers read the state through the policies it
 * gives them ({@link #stages()}, {@link #dates(Clock)}, {@link #money()}) and the few accessors below.
 */
abstract class ProjectState {

	@AggregateIdentifier
	private ProjectId projectId;
	private LocalDate proposedOn;
	/** The planned start and end of the proposal (either may be null; null in a snapshot taken before plans). */
	private LocalDate plannedStart;
	private LocalDate plannedEnd;
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
	/**
	 * The earliest date incoming funds were received on (null when none were, and in a snapshot taken before this
	 * field existed: then {@link #fundsReceived} alone is known, and a stall check takes the funds as in time).
	 */
	private LocalDate firstReceivedOn;
	private Set<String> agreementIds = new HashSet<>();
	private Map<String, Funding> fundings = new HashMap<>();
	private Map<String, Milestone> milestones = new HashMap<>();
	private List<Period> suspensions = new ArrayList<>();
	/** Stalls flagged and not yet cleared ({@link StallChecks#openStall}). */
	private Set<String> openStalls = new HashSet<>();
	/** The language of the proposal's title and description (null in a snapshot taken before languages: English). */
	private String originalLanguage;
	/** The texts recorded in other languages, by language tag. */
	private Map<String, ProjectText> texts = new HashMap<>();
	/** The documents kept, by document id, as last linked. */
	private Map<String, KeptDocument> documents = new HashMap<>();
	/** The activity status a publisher last reported ({@link StatusReport}), null when none was. */
	private StatusReport reportedStatus;
	/** The data-quality notes of the latest import. */
	private List<ImportNote> importNotes = new ArrayList<>();
	/** The money entries waiting for a second person's approval, and those decided. */
	private PendingEntries entries = new PendingEntries();

	// --- read by the command handlers -------------------------------------------------------------------------

	ProjectId projectId() {
		return projectId;
	}

	Stage stage() {
		return stage;
	}

	/** The stage a suspended project left (null when it is not suspended). */
	Stage suspendedFrom() {
		return suspendedFrom;
	}

	/** The money entries waiting for approval and those decided (four-eyes approval). */
	PendingEntries entries() {
		return entries;
	}

	boolean hasAgreement(String agreementId) {
		return agreementIds.contains(agreementId);
	}

	/** The milestone as last recorded, null when there is none with this id. */
	Milestone milestone(String milestoneId) {
		return milestones.get(milestoneId);
	}

	/** The language of the original text, the proposal's. */
	String originalLanguage() {
		return originalLanguage != null ? originalLanguage : ContentLanguage.DEFAULT;
	}

	/** The text in another language as last recorded, null when there is none. */
	ProjectText text(String language) {
		return texts.get(language);
	}

	Map<String, Funding> fundings() {
		return fundings;
	}

	/** The document as last linked, null when there is none with this id. */
	KeptDocument document(String documentId) {
		return documents.get(documentId);
	}

	/** Whether what a document would be attached to exists in this project (see {@link DocumentAttachment}). */
	boolean hasAttachable(DocumentAttachment to) {
		String id = to.id();
		return switch (to.kind()) {
			case AGREEMENT -> agreementIds.contains(id);
			case FUNDING -> fundings.containsKey(id);
			case MILESTONE -> milestones.containsKey(id);
			case DISBURSEMENT -> {
				int slash = id.lastIndexOf('/');
				Funding funding = slash < 0 ? null : fundings.get(id.substring(0, slash));
				yield funding != null && funding.disbursedOn(id.substring(slash + 1));
			}
		};
	}

	/** The activity status a publisher last reported, null when none was. */
	StatusReport reportedStatus() {
		return reportedStatus;
	}

	List<ImportNote> importNotes() {
		return importNotes;
	}

	/** Whether a commitment or incoming funds finance the project (the facts of a FINANCED project). */
	boolean financed() {
		return !fundings.isEmpty() || fundsReceived;
	}

	/** Whether a binding agreement is signed (the fact of an AGREED project). */
	boolean agreed() {
		return firstBindingAgreementOn != null;
	}

	/**
	 * What the no-funding check due on {@code dueOn} finds, in valid time ({@link StallChecks#found}): the project
	 * active then, and no commitment or incoming funds dated on or before it. Empty when the stall is flagged already.
	 */
	Optional<StallPeriod> stalledWithoutFunding(LocalDate dueOn) {
		if (openStalls.contains(StallChecks.openStall(StallKind.NO_FUNDING, null))) {
			return Optional.empty();
		}
		List<LocalDate> funded = new ArrayList<>();
		fundings.values().forEach(funding -> funded.add(funding.committedOn()));
		if (fundsReceived) {
			funded.add(firstReceivedOn);
		}
		endedOn().ifPresent(funded::add);
		return StallChecks.found(dueOn, activeOn(dueOn), funded);
	}

	/**
	 * What the no-disbursement check of {@code fundingId} due on {@code dueOn} finds, in valid time: the project
	 * active then, and nothing disbursed under the commitment on or before it. Empty when the stall is flagged already.
	 */
	Optional<StallPeriod> stalledWithoutDisbursement(String fundingId, LocalDate dueOn) {
		Funding funding = fundings.get(fundingId);
		if (funding == null || openStalls.contains(StallChecks.openStall(StallKind.NO_DISBURSEMENT, fundingId))) {
			return Optional.empty();
		}
		List<LocalDate> disbursed = new ArrayList<>();
		funding.firstDisbursedOn().ifPresent(disbursed::add);
		endedOn().ifPresent(disbursed::add);
		return StallChecks.found(dueOn, activeOn(dueOn), disbursed);
	}

	/** Not suspended on {@code date} (an ended project is judged by {@link #endedOn()}). */
	private boolean activeOn(LocalDate date) {
		return suspensions.stream().noneMatch(period -> period.contains(date));
	}

	/** The day the project was completed or cancelled, if it was. */
	private Optional<LocalDate> endedOn() {
		return stage != null && stage.isTerminal() ? Optional.of(stageSince) : Optional.empty();
	}

	// --- the policies, given the state they judge --------------------------------------------------------------

	StagePolicy stages() {
		return new StagePolicy(projectId, stage);
	}

	DatingPolicy dates(Clock clock) {
		return new DatingPolicy(clock, proposedOn, stage, stageSince, firstBindingAgreementOn, financedOn,
				lastMoneyDate, lastAchievedOn, suspensions);
	}

	MoneyPolicy money() {
		return new MoneyPolicy(projectId, fundings);
	}

	PlanPolicy plans() {
		return new PlanPolicy(plannedStart, plannedEnd);
	}

	// --- how each event changes the state ------------------------------------------------------------------

	@EventSourcingHandler
	void on(ProjectProposedEvent event) {
		projectId = event.projectId();
		proposedOn = event.proposedOn();
		plannedStart = event.plannedStart();
		plannedEnd = event.plannedEnd();
		originalLanguage = event.language();
		enter(event);
	}

	@EventSourcingHandler
	void on(ProjectTextRecordedEvent event) {
		texts.put(event.language(), new ProjectText(event.title(), event.description()));
	}

	@EventSourcingHandler
	void on(AgreementSignedEvent event) {
		agreementIds.add(event.agreementId());
		if (event.type().isBinding()
				&& (firstBindingAgreementOn == null || event.signedOn().isBefore(firstBindingAgreementOn))) {
			firstBindingAgreementOn = event.signedOn();
		}
	}

	/**
	 * A stage the project moved to as a consequence of another event: a binding agreement, the first money, or a status
	 * its publisher reported. Financed once, on the first such date; a reported suspension opens a suspension period
	 * as a typed one does, and a reported status that leaves SUSPENDED closes it.
	 */
	@EventSourcingHandler
	void on(ProjectStageChangedEvent event) {
		if (event.stageAfter() == Stage.FINANCED && financedOn == null) {
			financedOn = event.stageChangedOn();
		}
		if (event.from() == Stage.SUSPENDED && event.to() != Stage.SUSPENDED && !suspensions.isEmpty()) {
			closeSuspension(event.stageChangedOn());
		}
		if (event.to() == Stage.SUSPENDED && event.from() != Stage.SUSPENDED) {
			suspendedFrom = event.from();
			suspensions.add(new Period(event.stageChangedOn(), null));
		}
		enter(event);
	}

	@EventSourcingHandler
	void on(ActivityStatusReportedEvent event) {
		reportedStatus = new StatusReport(event.status(), event.reportingOrgRef(), event.lastUpdated());
	}

	@EventSourcingHandler
	void on(DocumentLinkedEvent event) {
		documents.put(event.documentId(), KeptDocument.of(event));
	}

	@EventSourcingHandler
	void on(DocumentAttachedEvent event) {
		documents.put(event.documentId(), KeptDocument.of(event));
	}

	@EventSourcingHandler
	void on(ImportNotesRecordedEvent event) {
		importNotes = new ArrayList<>(event.notes());
	}

	@EventSourcingHandler
	void on(ProjectSuspendedEvent event) {
		suspendedFrom = event.suspendedFrom();
		suspensions.add(new Period(event.suspendedOn(), null));
		enter(event);
	}

	@EventSourcingHandler
	void on(ProjectResumedEvent event) {
		enter(event);
		closeSuspension(event.resumedOn());
	}

	private void closeSuspension(LocalDate on) {
		suspendedFrom = null;
		Period open = suspensions.remove(suspensions.size() - 1);
		suspensions.add(new Period(open.from(), on));
	}

	/** Implementation started, finalised, completed, cancelled: only the stage changes. */
	@EventSourcingHandler
	void on(StageChange event) {
		enter(event);
	}

	private void enter(StageChange change) {
		stage = change.stageAfter();
		stageSince = change.stageChangedOn();
	}

	/** A stall the check found already ended (a backfilled history) is not open. */
	@EventSourcingHandler
	void on(ProjectStalledEvent event) {
		if (event.resolvedOn() == null) {
			openStalls.add(StallChecks.openStall(event.kind(), event.fundingId()));
		}
	}

	@EventSourcingHandler
	void on(FundingCommittedEvent event) {
		openStalls.remove(StallChecks.openStall(StallKind.NO_FUNDING, null));
		Funding funding = Funding.committed(event.amount(), event.committedOn());
		funding.dated(event.datesOrNone().effectiveOn(), event.datesOrNone().closingOn());
		fundings.put(event.fundingId(), funding);
		moneyMovedOn(event.committedOn());
	}

	@EventSourcingHandler
	void on(DisbursementRecordedEvent event) {
		openStalls.remove(StallChecks.openStall(StallKind.NO_DISBURSEMENT, event.fundingId()));
		fundings.get(event.fundingId()).disburse(event.amount(), event.disbursedOn());
		moneyMovedOn(event.disbursedOn());
	}

	@EventSourcingHandler
	void on(IncomingFundsRecordedEvent event) {
		openStalls.remove(StallChecks.openStall(StallKind.NO_FUNDING, null));
		fundsReceived = true;
		if (firstReceivedOn == null || event.receivedOn().isBefore(firstReceivedOn)) {
			firstReceivedOn = event.receivedOn();
		}
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
}
