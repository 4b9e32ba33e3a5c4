package org.pipelinetracker.project.query;

import org.pipelinetracker.fx.RateTable;
import org.pipelinetracker.project.api.LoanTerms;
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.project.api.TransactionRecordedEvent;
import org.pipelinetracker.project.query.ProjectView.FundingView;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A loan's repayment schedule and where it stands on a date, by the convention of docs/decisions (equal semi-annual
 * principal instalments after the grace period):
 * <ul>
 * <li>the schedule runs from the effectiveness date (the commitment date) in half-year periods to maturity; the
 * principal is the commitment in force (committed less cancelled), taken as disbursed at effectiveness;</li>
 * <li>no principal falls due in the grace period; from the first instalment date (effectiveness + grace years; six
 * months after effectiveness when there is no grace) on, (maturity − grace) × 2 equal instalments fall due every six
 * months, each rounded half-even to the currency's minor units, the last one taking what rounding left (so the last
 * falls six months before effectiveness + maturity);</li>
 * <li>interest of a period is the scheduled outstanding principal at its start × annual rate × 180/360 (30E/360: a
 * half-year counts as 180 days whatever its calendar length), rounded half-even;</li>
 * <li>on a date, {@code due} is the principal of the instalments due on or before it, never more than was disbursed
 * by then; {@code outstanding} is what was disbursed by then less what was repaid (type 6) by then; {@code arrears}
 * is what is due less what was repaid, never below zero.</li>
 * </ul>
 */
public record RepaymentSchedule(String fundingId, String convention, Money principal, BigDecimal interestRate,
		Integer graceYears, Integer maturityYears, LocalDate effectiveOn, LocalDate firstInstalmentOn,
		List<Instalment> instalments, LocalDate asOf, Money disbursed, Money repaid, Money outstanding, Money due,
		Money arrears) {

	/** The convention: equal semi-annual principal instalments after the grace period. */
	public static final String EQUAL_PRINCIPAL = "EQUAL_SEMI_ANNUAL_PRINCIPAL";

	/** One half-year period, ending on {@code dueOn}: the principal due then and the interest of the period. */
	public record Instalment(int number, LocalDate dueOn, Money principal, Money interest, Money outstandingAfter) {
	}

	/** Whether the funding has the terms a schedule needs: a rate, a maturity and a grace period. */
	static boolean scheduled(FundingView funding) {
		LoanTerms t = funding.terms;
		return t != null && t.interestRate() != null && t.maturityYears() != null && t.graceYears() != null;
	}

	static RepaymentSchedule of(ProjectView project, FundingView funding, LocalDate asOf) {
		LoanTerms t = funding.terms;
		String currency = funding.amount.currency();
		int digits = RateTable.minorUnits(currency);
		BigDecimal principal = funding.amount.amount();
		LocalDate effectiveOn = funding.committedOn;
		int instalmentCount = Math.max(1, (t.maturityYears() - t.graceYears()) * 2);
		// the period ending on effectiveness + grace (at least the first period), then one per half-year
		int firstInstalment = Math.max(1, t.graceYears() * 2);
		int periods = firstInstalment + instalmentCount - 1;
		BigDecimal each = principal.divide(BigDecimal.valueOf(instalmentCount), digits, RoundingMode.HALF_EVEN);
		BigDecimal halfYearRate = t.interestRate().divide(BigDecimal.valueOf(200));
		List<Instalment> instalments = new ArrayList<>();
		BigDecimal outstanding = principal;
		BigDecimal dueByDate = BigDecimal.ZERO;
		for (int n = 1; n <= periods; n++) {
			LocalDate dueOn = effectiveOn.plusMonths(6L * n);
			BigDecimal interest = outstanding.multiply(halfYearRate).setScale(digits, RoundingMode.HALF_EVEN);
			BigDecimal pay = n < firstInstalment ? BigDecimal.ZERO : n == periods ? outstanding : each.min(outstanding);
			outstanding = outstanding.subtract(pay);
			if (!dueOn.isAfter(asOf)) {
				dueByDate = dueByDate.add(pay);
			}
			instalments.add(new Instalment(n, dueOn, money(pay, digits, currency), money(interest, digits, currency),
					money(outstanding, digits, currency)));
		}
		BigDecimal disbursed = funding.disbursements.stream().filter(d -> !d.disbursedOn().isAfter(asOf))
				.map(d -> d.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal repaid = project.otherTransactions.stream()
				.filter(x -> TransactionRecordedEvent.LOAN_REPAYMENT.equals(x.type())
						&& funding.fundingId.equals(x.fundingId()) && currency.equals(x.value().currency())
						&& !x.transactionDate().isAfter(asOf))
				.map(x -> x.value().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
		BigDecimal due = dueByDate.min(disbursed);
		BigDecimal arrears = due.subtract(repaid).max(BigDecimal.ZERO);
		return new RepaymentSchedule(funding.fundingId, EQUAL_PRINCIPAL, money(principal, digits, currency),
				t.interestRate(), t.graceYears(), t.maturityYears(), effectiveOn, effectiveOn.plusYears(t.graceYears()),
				instalments, asOf, money(disbursed, digits, currency), money(repaid, digits, currency),
				money(disbursed.subtract(repaid), digits, currency), money(due, digits, currency),
				money(arrears, digits, currency));
	}

	private static Money money(BigDecimal amount, int digits, String currency) {
		return new Money(amount.setScale(Math.max(digits, amount.scale()), RoundingMode.UNNECESSARY), currency);
	}
}
