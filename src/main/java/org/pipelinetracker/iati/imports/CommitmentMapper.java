package org.pipelinetracker.iati.imports;

import org.pipelinetracker.iati.conventions.FundingCodes;
import org.pipelinetracker.project.api.EximbankInstrument;
import org.pipelinetracker.project.api.FundingSource;
import org.pipelinetracker.iati.conventions.Extension;
import org.pipelinetracker.project.app.LoanRequests;
import org.pipelinetracker.project.app.LoanWriteService;
import org.pipelinetracker.project.app.ProjectWriteService;
import org.pipelinetracker.project.app.Requests;
import org.pipelinetracker.project.app.Requests.MoneyRequest;
import org.pipelinetracker.project.query.ProjectView;
import org.pipelinetracker.reference.Codelists;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Records the commitments (type 2) of an activity under the funding source their codes and funder stand for
 * ({@link FundingCodes}), and the corrections the file publishes for them.
 */
@Component
class CommitmentMapper {

	private static final Set<String> OTHER_FLOW_TYPES = FundingSource.OTHER.allowedFlowTypes();

	private final ProjectWriteService writes;
	private final LoanWriteService loans;
	private final Codelists codelists;
	private final Clock clock;

	CommitmentMapper(ProjectWriteService writes, LoanWriteService loans, Codelists codelists, Clock clock) {
		this.writes = writes;
		this.loans = loans;
		this.codelists = codelists;
		this.clock = clock;
	}

	/**
	 * Type 2 → a commitment. Finance type 421 from Korea Eximbank → FundViaEximbank (EDCF_LOAN, or EXPORT_CREDIT with
	 * flow type 22); finance type 110 from KOICA → KOICA_GRANT; anything else → OTHER with the provider as funder and
	 * the flow type when OTHER allows it. Our own export says the source ({@code pt:source}, {@code pt:instrument}):
	 * it is recorded as it was. A commitment already recorded (same id) with another amount is corrected. The
	 * corrections the file publishes for a commitment (see {@link Transactions#commitments}) are recorded after it,
	 * each on its value date with its description as the reason; those already recorded (by count) are not recorded
	 * again.
	 */
	void record(ActivityImport act) {
		List<PublishedTransaction> commitments = Transactions.commitments(act, true);
		PublishedTransaction loan = LoanTermsMapper.target(act, commitments);
		if (act.activity.loanTerms != null && loan == null) {
			act.skip(act.activity.identifier + " crs-add loan-terms", act.activity.loanTerms.describe() + " not recorded: "
					+ (act.activity.loanTerms.fundingId() != null
							? "the loan " + act.activity.loanTerms.fundingId() + " it names is no commitment of the activity"
							: "the activity has no loan commitment (finance type 4xx) to record them with"));
		}
		for (PublishedTransaction c : commitments) {
			ProjectView.FundingView existing = act.view().fundings.stream()
					.filter(f -> f.fundingId.equals(c.fundingId)).findFirst().orElse(null);
			MoneyRequest amount = new MoneyRequest(c.money.amount(), c.money.currency());
			if (existing != null && !c.corrections.isEmpty()) {
				recordCorrections(act, c, existing.corrections.size() + existing.cancellations.size());
				continue;
			}
			if (existing != null) {
				if (existing.amount.currency().equals(c.money.currency())
						&& existing.amount.amount().compareTo(c.money.amount()) != 0) {
					LocalDate on = act.lastUpdated != null && !act.lastUpdated.isAfter(LocalDate.now(clock))
							? act.lastUpdated : LocalDate.now(clock);
					act.write(c.what, () -> writes.correctCommitment(act.projectId, c.fundingId,
							new Requests.CorrectionRequest(amount, act.with("the file now publishes " + c.money
									+ " for " + c.what + " (was " + existing.amount + ")"), on, null), act.run.actor));
				}
				else if (!existing.amount.currency().equals(c.money.currency())) {
					act.skip(c.what, "already recorded as " + c.fundingId + " in " + existing.amount.currency()
							+ "; the file now says " + c.money.currency() + ", which a correction cannot change");
				}
				continue;
			}
			List<String> notes = new ArrayList<>();
			if (c.financeType != null && codelists.financeTypeName(c.financeType).isEmpty()) {
				notes.add("finance type " + c.financeType + " is not an active code");
			}
			String detail = c.what + " from " + c.provider + (c.financeType == null ? "" : ", finance type " + c.financeType)
					+ (c.flowType == null ? "" : ", flow type " + c.flowType);
			FundingSource exported = act.own ? FundingCodes.sourceNamed(c.t.source) : null;
			LoanTermsMapper.Terms terms = LoanTermsMapper.exported(act, c) ? LoanTermsMapper.ofExport(act, c)
					: c == loan ? LoanTermsMapper.ofCrsAdd(act, c) : LoanTermsMapper.Terms.NONE;
			boolean recorded = exported != null ? recordExported(act, c, exported, amount, detail, terms)
					: recordPublished(act, c, amount, detail, notes, terms);
			if (recorded) {
				recordCorrections(act, c, 0);
			}
		}
	}

	/** A commitment of our own export, under the source and instrument it names. */
	private boolean recordExported(ActivityImport act, PublishedTransaction c, FundingSource exported,
			MoneyRequest amount, String detail, LoanTermsMapper.Terms terms) {
		if (exported == FundingSource.EXIMBANK) {
			EximbankInstrument instrument = FundingCodes.instrumentNamed(c.t.instrument);
			EximbankInstrument chosen = instrument != null ? instrument : FundingCodes.instrumentOf(c.flowType);
			return act.write(c.what, () -> writes.fundViaEximbank(act.projectId,
					eximbank(c, chosen, amount, act.with(detail), terms), act.run.actor));
		}
		termsNotRecorded(act, c, exported, terms);
		String flowType = c.t.flowType != null && exported.allowedFlowTypes().contains(c.t.flowType) ? c.t.flowType : null;
		return act.write(c.what, () -> writes.commitFunding(act.projectId, new Requests.FundingRequest(
				c.fundingId, exported, c.provider, amount, c.date, flowType, act.with(detail), null), act.run.actor));
	}

	/** A commitment of another publisher, under the source its finance type and provider stand for. */
	private boolean recordPublished(ActivityImport act, PublishedTransaction c, MoneyRequest amount, String detail,
			List<String> notes, LoanTermsMapper.Terms terms) {
		FundingSource source = FundingCodes.sourceOf(c.financeType, c.provider);
		if (source == FundingSource.EXIMBANK) {
			EximbankInstrument instrument = FundingCodes.instrumentOf(c.flowType);
			return act.write(c.what, () -> writes.fundViaEximbank(act.projectId,
					eximbank(c, instrument, amount, act.with(detail + notesText(notes)), terms), act.run.actor));
		}
		termsNotRecorded(act, c, source, terms);
		String flowType = null;
		if (source == FundingSource.OTHER && c.flowType != null) {
			if (OTHER_FLOW_TYPES.contains(c.flowType)) {
				flowType = c.flowType;
			}
			else {
				notes.add("flow type " + c.flowType + " is not recorded (allowed for OTHER: " + OTHER_FLOW_TYPES + ")");
			}
		}
		String recordedFlow = flowType;
		return act.write(c.what, () -> writes.commitFunding(act.projectId, new Requests.FundingRequest(c.fundingId, source,
				c.provider, amount, c.date, recordedFlow, act.with(detail + notesText(notes)), null), act.run.actor));
	}

	private static Requests.EximbankFundingRequest eximbank(PublishedTransaction c, EximbankInstrument instrument,
			MoneyRequest amount, String reason, LoanTermsMapper.Terms t) {
		return new Requests.EximbankFundingRequest(c.fundingId, instrument, amount, c.date, t.interestRate(),
				t.maturityYears(), t.graceYears(), null, reason, null, t.convention(), t.effectiveOn(), t.closingOn());
	}

	/** Only Eximbank commitments carry loan terms here: those of another source's commitment are reported. */
	private static void termsNotRecorded(ActivityImport act, PublishedTransaction c, FundingSource source,
			LoanTermsMapper.Terms terms) {
		if (!terms.isEmpty()) {
			act.skip(c.what + " loan terms", "recorded as " + source + ", and only Eximbank commitments carry loan "
					+ "terms here: " + terms + " not recorded");
		}
	}

	/**
	 * The corrections of a recorded commitment from the {@code recorded + 1}-th on: each moves the amount in force by
	 * its value (negative: a reduction), on its value date, with its description as the reason. The first refused
	 * ends the series (the later ones build on it).
	 */
	private void recordCorrections(ActivityImport act, PublishedTransaction c, int recorded) {
		for (int i = recorded; i < c.corrections.size(); i++) {
			PublishedTransaction correction = c.corrections.get(i);
			ProjectView.FundingView funding = act.view().fundings.stream()
					.filter(f -> f.fundingId.equals(c.fundingId)).findFirst().orElse(null);
			if (funding == null) {
				return;
			}
			if (act.own && Extension.CANCELLATION.equals(correction.t.movement)) {
				String why = correction.t.description != null ? correction.t.description
						: act.with("cancellation of " + c.what + " (" + correction.what + ")");
				MoneyRequest cancelled = new MoneyRequest(correction.money.amount().negate(), funding.amount.currency());
				if (!act.write(correction.what, () -> loans.cancelFunding(act.projectId, c.fundingId,
						new LoanRequests.CancellationRequest(cancelled, correction.date, why, null), act.run.actor))) {
					return;
				}
				continue;
			}
			BigDecimal newAmount = funding.amount.amount().add(correction.money.amount());
			if (newAmount.signum() <= 0) {
				act.skip(correction.what, "correcting " + c.fundingId + " (" + funding.amount + ") by "
						+ correction.money.amount().toPlainString() + " leaves nothing committed; not recorded");
				return;
			}
			String reason = correction.t.description != null ? correction.t.description
					: act.with("correction of " + c.what + " by " + correction.money + " (" + correction.what + ")");
			if (!act.write(correction.what, () -> writes.correctCommitment(act.projectId, c.fundingId,
					new Requests.CorrectionRequest(new MoneyRequest(newAmount, funding.amount.currency()), reason,
							correction.date, null), act.run.actor))) {
				return;
			}
		}
	}

	private static String notesText(List<String> notes) {
		return notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")";
	}
}
