package org.pipelinetracker.project.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.pipelinetracker.fx.DisplayCurrencies;
import org.pipelinetracker.fx.FxRates;
import org.pipelinetracker.project.api.ActivityStatusReportedEvent;
import org.pipelinetracker.fx.RateTable;
import org.pipelinetracker.project.api.AgreementSignedEvent;
import org.pipelinetracker.project.api.AgreementType;
import org.pipelinetracker.project.api.ContentLanguage;
import org.pipelinetracker.project.api.DocumentLinkedEvent;
import org.pipelinetracker.project.api.EximbankInstrument;
import org.pipelinetracker.project.api.FundingSource;
import org.pipelinetracker.project.api.ImportNotesRecordedEvent;
import org.pipelinetracker.project.api.LoanTerms;
import org.pipelinetracker.project.api.MilestoneRecordedEvent;
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.project.api.Partner;
import org.pipelinetracker.project.api.ProjectEvent;
import org.pipelinetracker.project.api.ProjectProposedEvent;
import org.pipelinetracker.project.api.ProjectResumedEvent;
import org.pipelinetracker.project.api.ProjectStageChangedEvent;
import org.pipelinetracker.project.api.ProjectStalledEvent;
import org.pipelinetracker.project.api.StallKind;
import org.pipelinetracker.project.api.StallPeriod;
import org.pipelinetracker.project.api.ProjectSuspendedEvent;
import org.pipelinetracker.project.api.ProjectTextRecordedEvent;
import org.pipelinetracker.project.api.Stage;
import org.pipelinetracker.project.api.StageChange;

import org.pipelinetracker.project.query.ProjectTotals.ConvertedTotals;
import org.pipelinetracker.project.query.ProjectTotals.UsdSummary;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Where one project stands: the read model behind {@code GET /api/projects/{id}}.
 * <p>
 * It is a pure fold over the project's events ({@link #apply}), so the same code builds the live projection,
 * answers "as of" / "known at" questions from the event stream and rebuilds shadow copies for verification.
 * Stored as JSON; fields are public because this class is a document, not an object with behaviour to protect.
 */
public class ProjectView {

	public String projectId;
	/** The original title, as proposed, in {@link #language}. */
	public String title;
	/** The original description, as proposed, in {@link #language}. */
	public String description;
	/** The language of the original title and description (a BCP 47 tag). */
	public String language;
	/**
	 * The title and description in every language recorded, by language tag: the original's (the proposal's) and the
	 * texts recorded in other languages since.
	 */
	public SortedMap<String, TextView> texts = new TreeMap<>();
	public String sector;
	public String sectorName;
	public String region;
	public Stage stage;
	public String iatiStatus;
	public LocalDate stageSince;
	public Stage suspendedFrom;
	public List<StageEntry> stageHistory = new ArrayList<>();
	public List<Partner> partners = new ArrayList<>();
	public Money estimatedCost;
	public LocalDate proposedOn;
	public LocalDate plannedStart;
	public LocalDate plannedEnd;
	public List<AgreementView> agreements = new ArrayList<>();
	public List<FundingView> fundings = new ArrayList<>();
	public List<MilestoneView> milestones = new ArrayList<>();
	public Map<String, BigDecimal> committedByCurrency = new TreeMap<>();
	public Map<String, BigDecimal> disbursedByCurrency = new TreeMap<>();
	/** Money received for the project (IATI type 1), in recording order. */
	public List<IncomingFundsView> incomingFunds = new ArrayList<>();
	/** Money the project spent on goods and services (IATI type 4), in recording order. */
	public List<ExpenditureView> expenditures = new ArrayList<>();
	/**
	 * The money flows kept under their IATI TransactionType code ({@link LoanFlows}): interest payments (5), loan
	 * repayments (6), types 7 to 13 and negative values of types 1, 3 and 4 as published, in recording order.
	 */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public List<TransactionView> otherTransactions = new ArrayList<>();
	/**
	 * Every budget recorded, revisions included, in recording order ({@link ProjectPlanLines} tells the current ones).
	 */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public List<BudgetView> budgets = new ArrayList<>();
	/** Every planned disbursement recorded, revisions included, in recording order. */
	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public List<PlannedDisbursementView> plannedDisbursements = new ArrayList<>();
	public Map<String, BigDecimal> receivedByCurrency = new TreeMap<>();
	public Map<String, BigDecimal> expendedByCurrency = new TreeMap<>();
	/**
	 * Open stalled-project alerts, in valid time ({@link StallPeriod}): a stall is listed only while no fact that
	 * ends it (the funding or disbursement it waits for, the project's end) is in the view, whatever that fact's date:
	 * dated after the due date it resolved the stall, on or before it the stall never held.
	 */
	public List<AlertView> alerts = new ArrayList<>();
	/** The IATI activity status a publisher last reported (null for a project no publisher reported on). */
	public ReportedStatusView reportedStatus;
	/** Where the recorded facts contradict the reported status ({@link DataQuality}). */
	public List<DataQuality.Entry> dataQuality = new ArrayList<>();
	/** The project's documents, in the order first kept. */
	public List<DocumentView> documents = new ArrayList<>();
	/** The data-quality notes of the project's latest import (none for a project never imported). */
	public List<ImportNoteView> importNotes = new ArrayList<>();
	/** Money entries submitted for approval and not yet approved or rejected (they count nowhere until approved). */
	public List<PendingApprovalView> pendingApprovals = new ArrayList<>();
	/** USD-normalised totals, computed when read (with the rates in force then); null in stored documents. */
	public UsdSummary usd;
	/**
	 * Totals in the display currency the reader asked for (USD by default), with every amount converted and the
	 * rate and date it was converted at; computed when read, null in stored documents (and then not written: stored
	 * documents stay as they were before it existed).
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public ConvertedTotals converted;
	/** The aggregate version: sequence number of the last event applied (0 after the proposal). */
	public long version = -1;
	/** When the last event was recorded (transaction time). */
	public Instant lastEventAt;

	/** Fills {@link #usd} and {@link #converted} (in USD) with the rates in force. */
	public ProjectView normalise(FxRates fx) {
		return normalise(fx.current(), DisplayCurrencies.DEFAULT);
	}

	/** Fills {@link #usd} and {@link #converted} (in {@code displayCurrency}) from the fundings, incoming funds and expenditures. */
	public ProjectView normalise(RateTable rates, String displayCurrency) {
		ProjectMoney money = new ProjectMoney(this, rates);
		usd = money.usd();
		converted = money.in(displayCurrency);
		return this;
	}

	/** A title and description in one language (either may be null in a language other than the original's). */
	public record TextView(String title, String description) {
	}

	/** A stage the project entered, and on which (effective) date. */

	public record StageEntry(Stage stage, LocalDate since) {
	}

	/** An agreement; {@code documentId}: the project document that is its text, if any. */
	public record AgreementView(String agreementId, AgreementType type, boolean binding, LocalDate signedOn,
			List<String> parties, String documentUrl, String documentId) {
	}

	/**
	 * An open stall: {@code days} is the wait that ran out (after the agreement or commitment), {@code dueOn} the day
	 * it did; the project is stalled {@code since} then ({@code dueOn}), for {@code daysStalled} days up to the day
	 * asked about ({@link StallPeriod#days}). Both are filled when read ({@link #countStalledDays}), like {@link #usd},
	 * and left out of stored documents, which keep their shape.
	 */
	public record AlertView(StallKind kind, String fundingId, int days, LocalDate dueOn,
			@JsonInclude(JsonInclude.Include.NON_NULL) LocalDate since,
			@JsonInclude(JsonInclude.Include.NON_NULL) Long daysStalled) {

		/** This stall with its length up to {@code day}. */
		AlertView on(LocalDate day) {
			return new AlertView(kind, fundingId, days, dueOn, dueOn, new StallPeriod(dueOn, null).days(day));
		}
	}

	/** Fills each open alert's {@code daysStalled}, up to {@code day} (today, or the "as of" date). */
	public ProjectView countStalledDays(LocalDate day) {
		alerts.replaceAll(alert -> alert.on(day));
		return this;
	}

	public record DisbursementView(Money amount, LocalDate disbursedOn) {
	}

	/** Incoming funds (IATI type 1): from {@code provider}, under the commitment {@code fundingId} if any. */
	public record IncomingFundsView(Money amount, LocalDate receivedOn, String fundingId, String provider,
			String receiver, String description) {
	}

	/** An expenditure (IATI type 4): paid by {@code provider} to {@code receiver}, from {@code fundingId} if any. */
	public record ExpenditureView(Money amount, LocalDate spentOn, String fundingId, String provider, String receiver,
			String description) {
	}

	/** A flow kept under its IATI TransactionType code {@code type}; its value with the publisher's sign. */
	public record TransactionView(String type, Money value, LocalDate transactionDate, String fundingId, String provider,
			String receiver, String description) {
	}

	/**
	 * A budget as recorded: for the commitment {@code fundingId} (null: the whole project), IATI BudgetType
	 * {@code type} and BudgetStatus {@code status}, known on {@code recordedOn} and recorded at {@code recordedAt}.
	 */
	public record BudgetView(String fundingId, LocalDate periodStart, LocalDate periodEnd, Money value, String type,
			String status, LocalDate valueDate, LocalDate recordedOn, Instant recordedAt) {
	}

	/** A planned disbursement as recorded ({@code periodEnd}, {@code type}, provider and receiver may be null). */
	public record PlannedDisbursementView(String fundingId, LocalDate periodStart, LocalDate periodEnd, Money value,
			String type, LocalDate valueDate, String provider, String receiver, LocalDate recordedOn,
			Instant recordedAt) {
	}

	/** A cancellation of part or all of a commitment's undisbursed balance. */
	public record CancellationView(Money cancelled, Money remaining, LocalDate cancelledOn, String reason) {
	}

	public record CorrectionView(Money previousAmount, Money newAmount, String reason, LocalDate correctedOn) {
	}

	public record MilestoneView(String milestoneId, String name, LocalDate plannedOn, LocalDate achievedOn,
			Long slippageDays, LocalDate recordedOn) {
	}

	/** A commitment with what has been paid out under it; IATI transaction type 2 with its finance/flow types. */
	public static class FundingView {
		public String fundingId;
		public FundingSource source;
		public EximbankInstrument instrument;
		public String funder;
		public Money amount;
		public Money originalAmount;
		public Money disbursed;
		public Money undisbursed;
		public LocalDate committedOn;
		public LoanTerms terms;
		/** The loan's effectiveness date and closing (final disbursement) date: null while not known. */
		@JsonInclude(JsonInclude.Include.NON_NULL)
		public LocalDate effectiveOn;
		@JsonInclude(JsonInclude.Include.NON_NULL)
		public LocalDate closingOn;
		/** The closing dates in force before the present one (each extension keeps the one it replaced), oldest first. */
		@JsonInclude(JsonInclude.Include.NON_EMPTY)
		public List<LocalDate> earlierClosingDates = new ArrayList<>();
		public String iatiTransactionType = "2";
		public String financeType;
		public String flowType;
		/** The credit facility this commitment draws on, if any. */
		public String facilityId;
		public List<DisbursementView> disbursements = new ArrayList<>();
		public List<CorrectionView> corrections = new ArrayList<>();
		/** What was cancelled, repaid (type 6), paid as interest (type 5): null until there is any ({@link LoanFlows}). */
		@JsonInclude(JsonInclude.Include.NON_NULL)
		public Money cancelled;
		@JsonInclude(JsonInclude.Include.NON_NULL)
		public Money repaid;
		@JsonInclude(JsonInclude.Include.NON_NULL)
		public Money interestPaid;
		/** Principal outstanding (disbursed less repaid), null until anything was repaid. */
		@JsonInclude(JsonInclude.Include.NON_NULL)
		public Money outstanding;
		@JsonInclude(JsonInclude.Include.NON_EMPTY)
		public List<CancellationView> cancellations = new ArrayList<>();
	}

	/**
	 * Applies one event. {@code sectorNames} resolves a DAC code to its name.
	 */
	public ProjectView apply(ProjectEvent event, long sequence, Instant recordedAt, Function<String, String> sectorNames) {
		if (event instanceof ProjectProposedEvent e) {
			projectId = e.projectId().value();
			title = e.title();
			description = e.description();
			language = e.language() != null ? e.language() : ContentLanguage.DEFAULT;
			texts.put(language, new TextView(title, description));
			sector = e.sector();
			sectorName = sectorNames.apply(e.sector());
			region = e.region();
			partners = new ArrayList<>(e.partners());
			estimatedCost = e.estimatedCost();
			proposedOn = e.proposedOn();
			plannedStart = e.plannedStart();
			plannedEnd = e.plannedEnd();
		}
		else if (event instanceof AgreementSignedEvent e) {
			agreements.add(new AgreementView(e.agreementId(), e.type(), e.type().isBinding(), e.signedOn(), e.parties(),
					e.documentUrl(), e.documentId()));
			documents.replaceAll(d -> d.documentId().equals(e.documentId()) ? d.withAgreement(e.agreementId()) : d);
		}
		else if (MoneyFold.folds(event)) {
			MoneyFold.apply(this, event, recordedAt);
		}
		else if (event instanceof MilestoneRecordedEvent e) {
			Long slippage = e.plannedOn() != null && e.achievedOn() != null
					? ChronoUnit.DAYS.between(e.plannedOn(), e.achievedOn()) : null;
			MilestoneView milestone = new MilestoneView(e.milestoneId(), e.name(), e.plannedOn(), e.achievedOn(), slippage,
					e.recordedOn());
			milestones.removeIf(m -> m.milestoneId().equals(e.milestoneId()));
			milestones.add(milestone);
			milestones.sort((a, b) -> compareMilestones(a, b));
		}
		else if (event instanceof ProjectTextRecordedEvent e) {
			texts.put(e.language(), new TextView(e.title(), e.description()));
		}
		else if (event instanceof ProjectStalledEvent e) {
			if (!endedInThisView(e)) {
				alerts.add(new AlertView(e.kind(), e.fundingId(), e.days(), e.dueOn(), null, null));
			}
		}
		else if (event instanceof ProjectSuspendedEvent e) {
			suspendedFrom = e.suspendedFrom();
		}
		else if (event instanceof ProjectResumedEvent) {
			suspendedFrom = null;
		}
		else if (event instanceof ProjectStageChangedEvent e && (e.to() == Stage.SUSPENDED || e.from() == Stage.SUSPENDED)) {
			suspendedFrom = e.to() == Stage.SUSPENDED ? e.from() : null; // a suspension a publisher reported, or its end
		}
		else if (event instanceof ActivityStatusReportedEvent e) {
			reportedStatus = new ReportedStatusView(e.status(), e.reportedOn(), e.reportingOrgRef(), e.reportingOrgName(),
					e.file(), e.lastUpdated());
		}
		else if (event instanceof DocumentLinkedEvent e) {
			DocumentView document = new DocumentView(e.documentId(), e.source(), e.url(), e.titles(), e.descriptions(),
					e.format(), e.categories(), e.languages(), e.documentDate(), agreements.stream()
							.filter(a -> e.documentId().equals(a.documentId())).map(AgreementView::agreementId).toList());
			int at = documents.indexOf(documents.stream().filter(d -> d.documentId().equals(e.documentId())).findFirst()
					.orElse(null));
			if (at >= 0) {
				documents.set(at, document);
			}
			else {
				documents.add(document);
			}
		}
		else if (PendingApprovalView.fold(pendingApprovals, event, recordedAt)) {
			// a money entry submitted, approved or rejected: it counts nowhere until approved
		}
		else if (event instanceof ImportNotesRecordedEvent e) {
			importNotes = new ArrayList<>(e.notes().stream()
					.map(n -> new ImportNoteView(e.file(), e.lastUpdated(), recordedAt, n.kind(), n.subject(), n.text()))
					.toList());
		}
		if (event instanceof StageChange change) {
			if (change.stageAfter().isTerminal()) {
				alerts.clear();
			}
			enter(change.stageAfter(), change.stageChangedOn());
		}
		dataQuality = DataQuality.of(this);
		version = sequence;
		lastEventAt = recordedAt;
		return this;
	}

	/**
	 * A document stored before texts had a language has neither {@link #language} nor {@link #texts}: its title and
	 * description were English. Fills them in (the project-status projection is rebuilt on start-up as well).
	 */
	ProjectView withLanguages() {
		if (language == null && projectId != null) {
			language = ContentLanguage.DEFAULT;
			texts.put(language, new TextView(title, description));
		}
		return this;
	}

	/**
	 * Whether a fact that ends this stall is already in the view (a backfilled history checked late, or a view cut
	 * "as of" a date or "as known at" an instant holds what the check saw). The event's own {@code resolvedOn} is not
	 * used: in a view as of an earlier date, the fact it names is not there yet, and the stall was open then.
	 */
	private boolean endedInThisView(ProjectStalledEvent e) {
		if (stage != null && stage.isTerminal()) {
			return true;
		}
		if (e.kind() == StallKind.NO_FUNDING) {
			return !fundings.isEmpty() || !incomingFunds.isEmpty();
		}
		return fundings.stream().anyMatch(f -> f.fundingId.equals(e.fundingId()) && !f.disbursements.isEmpty());
	}

	private static int compareMilestones(MilestoneView a, MilestoneView b) {
		LocalDate da = a.plannedOn() != null ? a.plannedOn() : a.achievedOn();
		LocalDate db = b.plannedOn() != null ? b.plannedOn() : b.achievedOn();
		int byDate = da.compareTo(db);
		return byDate != 0 ? byDate : a.milestoneId().compareTo(b.milestoneId());
	}

	private void enter(Stage next, LocalDate since) {
		stage = next;
		iatiStatus = next.iatiStatus();
		stageSince = since;
		stageHistory.add(new StageEntry(next, since));
	}
}
