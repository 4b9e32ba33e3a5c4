package org.pipelinetracker.project.query;

import org.pipelinetracker.fx.Conversion;
import org.pipelinetracker.fx.FxRate;
import org.pipelinetracker.fx.FxRates;
import org.pipelinetracker.project.api.ActivityStatusReportedEvent;
import org.pipelinetracker.project.api.AgreementSignedEvent;
import org.pipelinetracker.project.api.AgreementType;
import org.pipelinetracker.project.api.ContentLanguage;
import org.pipelinetracker.project.api.DisbursementRecordedEvent;
import org.pipelinetracker.project.api.DocumentLinkedEvent;
import org.pipelinetracker.project.api.EximbankInstrument;
import org.pipelinetracker.project.api.ExpenditureRecordedEvent;
import org.pipelinetracker.project.api.FundingCommitmentCorrectedEvent;
import org.pipelinetracker.project.api.FundingCommittedEvent;
import org.pipelinetracker.project.api.FundingSource;
import org.pipelinetracker.project.api.ImportNotesRecordedEvent;
import org.pipelinetracker.project.api.IncomingFundsRecordedEvent;
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
import org.pipelinetracker.project.api.ProjectSuspendedEvent;
import org.pipelinetracker.project.api.ProjectTextRecordedEvent;
import org.pipelinetracker.project.api.Stage;
import org.pipelinetracker.project.api.StageChange;

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
	public Map<String, BigDecimal> receivedByCurrency = new TreeMap<>();
	public Map<String, BigDecimal> expendedByCurrency = new TreeMap<>();
	/** Open stalled-project alerts (cleared by the funding or disbursement they wait for). */
	public List<AlertView> alerts = new ArrayList<>();
	/** The IATI activity status a publisher last reported (null for a project no publisher reported on). */
	public ReportedStatusView reportedStatus;
	/** Where the recorded facts contradict the reported status ({@link DataQuality}). */
	public List<DataQuality.Entry> dataQuality = new ArrayList<>();
	/** The project's documents, in the order first kept. */
	public List<DocumentView> documents = new ArrayList<>();
	/** The data-quality notes of the project's latest import (none for a project never imported). */
	public List<ImportNoteView> importNotes = new ArrayList<>();
	/** USD-normalised totals, computed when read (rates from config/fx-rates.csv); null in stored documents. */
	public UsdSummary usd;
	/** The aggregate version: sequence number of the last event applied (0 after the proposal). */
	public long version = -1;
	/** When the last event was recorded (transaction time). */
	public Instant lastEventAt;

	/**
	 * Totals in USD, each amount converted at the latest rate on or before its own value date (commitment,
	 * correction, disbursement, receipt or expenditure date). Amounts with no usable rate are listed in their own
	 * currency, never dropped and never taken at 1. {@code received} (incoming funds) and {@code expended}
	 * (expenditure) are separate from the commitments: neither changes committed, disbursed or undisbursed.
	 */
	public record UsdSummary(BigDecimal committed, BigDecimal disbursed, BigDecimal undisbursed, BigDecimal received,
			BigDecimal expended, Map<FundingSource, SourceTotals> bySource, List<FxRate> ratesUsed,
			List<Unconverted> unconverted) {
	}

	public record SourceTotals(BigDecimal committed, BigDecimal disbursed, BigDecimal undisbursed) {
	}

	public record Unconverted(String currency, BigDecimal committed, BigDecimal disbursed, BigDecimal received,
			BigDecimal expended) {
	}

	/** Fills {@link #usd} from the fundings, incoming funds and expenditures with the given rates. */
	public ProjectView normalise(FxRates fx) {
		Map<FundingSource, BigDecimal[]> perSource = new TreeMap<>();
		Map<String, BigDecimal[]> missing = new TreeMap<>();
		Map<String, FxRate> used = new TreeMap<>();
		// per kind: 0 committed, 1 disbursed, 2 received, 3 expended
		BigDecimal[] totals = zeros();
		List<Object[]> flows = new ArrayList<>();
		for (FundingView f : fundings) {
			BigDecimal[] sums = perSource.computeIfAbsent(f.source, s -> zeros());
			flows.add(new Object[] {f.originalAmount, f.committedOn, 0, sums});
			for (CorrectionView c : f.corrections) {
				flows.add(new Object[] {c.newAmount().minus(c.previousAmount()), c.correctedOn(), 0, sums});
			}
			for (DisbursementView d : f.disbursements) {
				flows.add(new Object[] {d.amount(), d.disbursedOn(), 1, sums});
			}
		}
		for (IncomingFundsView i : incomingFunds) {
			flows.add(new Object[] {i.amount(), i.receivedOn(), 2, null});
		}
		for (ExpenditureView e : expenditures) {
			flows.add(new Object[] {e.amount(), e.spentOn(), 3, null});
		}
		for (Object[] flow : flows) {
			Money money = (Money) flow[0];
			int kind = (Integer) flow[2];
			Conversion conversion = fx.toUsd(money.amount(), money.currency(), (LocalDate) flow[1]);
			if (!conversion.converted()) {
				BigDecimal[] amounts = missing.computeIfAbsent(money.currency(), c -> zeros());
				amounts[kind] = amounts[kind].add(money.amount());
				continue;
			}
			if (!"USD".equals(money.currency())) {
				used.put(conversion.rate().currency() + "@" + conversion.rate().date(), conversion.rate());
			}
			if (flow[3] instanceof BigDecimal[] sums) {
				sums[kind] = sums[kind].add(conversion.usd());
			}
			totals[kind] = totals[kind].add(conversion.usd());
		}
		Map<FundingSource, SourceTotals> bySource = new TreeMap<>();
		perSource.forEach((source, s) -> bySource.put(source, new SourceTotals(usd(s[0]), usd(s[1]), usd(s[0].subtract(s[1])))));
		List<Unconverted> unconverted = new ArrayList<>();
		missing.forEach((currency, s) -> unconverted.add(new Unconverted(currency, s[0], s[1], s[2], s[3])));
		usd = new UsdSummary(usd(totals[0]), usd(totals[1]), usd(totals[0].subtract(totals[1])), usd(totals[2]),
				usd(totals[3]), bySource, new ArrayList<>(used.values()), unconverted);
		return this;
	}

	private static BigDecimal[] zeros() {
		return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
	}

	private static BigDecimal usd(BigDecimal amount) {
		return amount.setScale(2, java.math.RoundingMode.HALF_EVEN);
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

	public record AlertView(StallKind kind, String fundingId, int days, LocalDate dueOn) {
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
		public String iatiTransactionType = "2";
		public String financeType;
		public String flowType;
		/** The credit facility this commitment draws on, if any. */
		public String facilityId;
		public List<DisbursementView> disbursements = new ArrayList<>();
		public List<CorrectionView> corrections = new ArrayList<>();
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
		else if (event instanceof FundingCommittedEvent e) {
			FundingView funding = new FundingView();
			funding.fundingId = e.fundingId();
			funding.source = e.source();
			funding.instrument = e.instrument();
			funding.funder = e.funder();
			funding.amount = e.amount();
			funding.originalAmount = e.amount();
			funding.disbursed = Money.zero(e.amount().currency());
			funding.undisbursed = e.amount();
			funding.committedOn = e.committedOn();
			funding.terms = e.terms() == null || e.terms().isEmpty() ? null : e.terms();
			funding.financeType = e.financeType();
			funding.flowType = e.flowType();
			funding.facilityId = e.facilityId();
			fundings.add(funding);
			alerts.removeIf(a -> a.kind() == StallKind.NO_FUNDING);
			committedByCurrency.merge(e.amount().currency(), e.amount().amount(), BigDecimal::add);
		}
		else if (event instanceof DisbursementRecordedEvent e) {
			FundingView funding = funding(e.fundingId());
			funding.disbursements.add(new DisbursementView(e.amount(), e.disbursedOn()));
			alerts.removeIf(a -> a.kind() == StallKind.NO_DISBURSEMENT && e.fundingId().equals(a.fundingId()));
			funding.disbursed = funding.disbursed.plus(e.amount());
			funding.undisbursed = funding.amount.minus(funding.disbursed);
			disbursedByCurrency.merge(e.amount().currency(), e.amount().amount(), BigDecimal::add);
		}
		else if (event instanceof IncomingFundsRecordedEvent e) {
			incomingFunds.add(new IncomingFundsView(e.amount(), e.receivedOn(), e.fundingId(), e.provider(), e.receiver(),
					e.description()));
			alerts.removeIf(a -> a.kind() == StallKind.NO_FUNDING);
			receivedByCurrency.merge(e.amount().currency(), e.amount().amount(), BigDecimal::add);
		}
		else if (event instanceof ExpenditureRecordedEvent e) {
			expenditures.add(new ExpenditureView(e.amount(), e.spentOn(), e.fundingId(), e.provider(), e.receiver(),
					e.description()));
			expendedByCurrency.merge(e.amount().currency(), e.amount().amount(), BigDecimal::add);
		}
		else if (event instanceof FundingCommitmentCorrectedEvent e) {
			FundingView funding = funding(e.fundingId());
			funding.corrections.add(new CorrectionView(e.previousAmount(), e.newAmount(), e.reason(), e.correctedOn()));
			committedByCurrency.merge(e.newAmount().currency(), e.newAmount().amount().subtract(funding.amount.amount()),
					BigDecimal::add);
			funding.amount = e.newAmount();
			funding.undisbursed = funding.amount.minus(funding.disbursed);
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
			alerts.add(new AlertView(e.kind(), e.fundingId(), e.days(), e.dueOn()));
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

	private static int compareMilestones(MilestoneView a, MilestoneView b) {
		LocalDate da = a.plannedOn() != null ? a.plannedOn() : a.achievedOn();
		LocalDate db = b.plannedOn() != null ? b.plannedOn() : b.achievedOn();
		int byDate = da.compareTo(db);
		return byDate != 0 ? byDate : a.milestoneId().compareTo(b.milestoneId());
	}

	private FundingView funding(String fundingId) {
		return fundings.stream().filter(f -> f.fundingId.equals(fundingId)).findFirst()
				.orElseThrow(() -> new IllegalStateException("event refers to unknown funding " + fundingId));
	}

	private void enter(Stage next, LocalDate since) {
		stage = next;
		iatiStatus = next.iatiStatus();
		stageSince = since;
		stageHistory.add(new StageEntry(next, since));
	}
}
