package org.pipelinetracker.iati.export;

import org.pipelinetracker.iati.conventions.Extension;
import org.pipelinetracker.iati.conventions.LoanTermsCodes;
import org.pipelinetracker.project.api.LoanTerms;
import org.pipelinetracker.project.query.ProjectView;
import org.pipelinetracker.project.query.ProjectView.FundingView;
import org.pipelinetracker.project.query.RepaymentSchedule;

import javax.xml.stream.XMLStreamException;
import java.time.LocalDate;

/**
 * The loan terms of an activity in IATI 2.03: {@code crs-add/loan-terms} (one per activity, as the schema allows)
 * with the terms of its largest loan that has terms (the first of them when their currencies differ), and the exact
 * terms and dates of every loan as {@code pt:} attributes on its commitment transaction. Part of
 * {@link IatiActivitiesWriter}.
 */
final class IatiLoanTermsWriter {

	private final IatiXml xml;

	IatiLoanTermsWriter(IatiXml xml) {
		this.xml = xml;
	}

	/** The {@code pt:} attributes of a loan's own terms and dates, on its commitment transaction (none when it has none). */
	void extensions(FundingView f) throws XMLStreamException {
		LoanTerms t = f.terms;
		if (t != null) {
			ext(Extension.INTEREST_RATE, t.interestRate() == null ? null : t.interestRate().toPlainString());
			ext(Extension.MATURITY_YEARS, t.maturityYears() == null ? null : t.maturityYears().toString());
			ext(Extension.GRACE_YEARS, t.graceYears() == null ? null : t.graceYears().toString());
			ext(Extension.REPAYMENT_CONVENTION, t.convention() == null ? null : t.convention().name());
		}
		ext(Extension.EFFECTIVE_ON, f.effectiveOn == null ? null : f.effectiveOn.toString());
		ext(Extension.CLOSING_ON, f.closingOn == null ? null : f.closingOn.toString());
	}

	/**
	 * {@code crs-add/loan-terms} of the loan {@link #chosen}, if any: {@code rate-1} the interest rate,
	 * {@code repayment-type} its convention's LoanRepaymentType, {@code repayment-plan} semi-annual,
	 * {@code commitment-date}, and from the schedule's start (effectiveness, else commitment) the first instalment
	 * ({@link LoanTermsCodes#firstRepayment}) and the final repayment (the schedule's last instalment,
	 * {@link RepaymentSchedule#lastInstalmentOn}; start + maturity when no grace period is recorded); its funding
	 * id in {@code pt:funding-id}.
	 */
	void crsAdd(ProjectView p) throws XMLStreamException {
		FundingView f = chosen(p);
		if (f == null) {
			return;
		}
		LoanTerms t = f.terms;
		LocalDate start = f.effectiveOn != null ? f.effectiveOn : f.committedOn;
		xml.start("crs-add");
		xml.start("loan-terms");
		if (t.interestRate() != null) {
			xml.writeAttribute("rate-1", t.interestRate().toPlainString());
		}
		ext(Extension.FUNDING_ID, f.fundingId);
		xml.empty("repayment-type", "code", t.conventionOrDefault().iatiRepaymentType());
		xml.empty("repayment-plan", "code", LoanTermsCodes.SEMI_ANNUAL);
		xml.empty("commitment-date", "iso-date", f.committedOn.toString());
		if (t.graceYears() != null) {
			xml.empty("repayment-first-date", "iso-date", LoanTermsCodes.firstRepayment(start, t.graceYears()).toString());
		}
		if (t.maturityYears() != null) {
			// the schedule's last instalment where there is one (our page, statement and IATI say the same date);
			// without a grace period on record, the maturity date
			LocalDate last = t.graceYears() != null
					? RepaymentSchedule.lastInstalmentOn(start, t.graceYears(), t.maturityYears())
					: start.plusYears(t.maturityYears());
			xml.empty("repayment-final-date", "iso-date", last.toString());
		}
		xml.end();
		xml.end();
	}

	/** The largest loan with terms (same currency compared; else the first one), or null. */
	static FundingView chosen(ProjectView p) {
		FundingView chosen = null;
		for (FundingView f : p.fundings) {
			if (f.terms == null || f.terms.isEmpty()) {
				continue;
			}
			if (chosen == null || (chosen.originalAmount.currency().equals(f.originalAmount.currency())
					&& f.originalAmount.amount().compareTo(chosen.originalAmount.amount()) > 0)) {
				chosen = f;
			}
		}
		return chosen;
	}

	private void ext(String name, String value) throws XMLStreamException {
		if (value != null) {
			xml.writeAttribute(Extension.PREFIX, Extension.NAMESPACE, name, value);
		}
	}
}
