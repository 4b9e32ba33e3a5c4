package org.pipelinetracker.project.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.project.query.ProjectView.FundingView;

import java.time.LocalDate;

/**
 * Where one commitment stands on a date, as a lender reads it: {@code committed} is the commitment in force (the
 * original amount, corrected, less what was cancelled by then), {@code undisbursed} what may still be paid out,
 * {@code outstanding} the principal disbursed and not repaid. {@code due} and {@code arrears} come from the repayment
 * schedule and are null (never zero) for a commitment without complete loan terms ({@code scheduled} false). Every
 * amount is in the commitment's own currency; a repayment in another currency is not counted here (it is listed in the
 * project's transactions). {@code effectiveOn} and {@code closingOn} are the loan's effectiveness and closing (final
 * disbursement) dates, absent while not known.
 */
public record LoanStanding(String projectId, String fundingId, String funder, String instrument,
		LocalDate committedOn, @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate effectiveOn,
		@JsonInclude(JsonInclude.Include.NON_NULL) LocalDate closingOn, LocalDate asOf, Money committed, Money disbursed, Money undisbursed, Money cancelled,
		Money repaid, Money outstanding, Money interestPaid, boolean scheduled,
		@JsonInclude(JsonInclude.Include.NON_NULL) Money due,
		@JsonInclude(JsonInclude.Include.NON_NULL) Money arrears) {

	static LoanStanding of(ProjectView project, FundingView f, LocalDate asOf) {
		String currency = f.amount.currency();
		Money repaid = LoanFlows.zeroIfNull(f.repaid, currency);
		Money due = null;
		Money arrears = null;
		boolean scheduled = RepaymentSchedule.scheduled(f);
		if (scheduled) {
			RepaymentSchedule schedule = RepaymentSchedule.of(project, f, asOf);
			due = schedule.due();
			arrears = schedule.arrears();
		}
		return new LoanStanding(project.projectId, f.fundingId, f.funder,
				f.instrument == null ? null : f.instrument.name(), f.committedOn, f.effectiveOn, f.closingOn, asOf, f.amount, f.disbursed,
				f.undisbursed, LoanFlows.zeroIfNull(f.cancelled, currency), repaid, f.disbursed.minus(repaid),
				LoanFlows.zeroIfNull(f.interestPaid, currency), scheduled, due, arrears);
	}
}
