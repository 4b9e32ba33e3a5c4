package org.pipelinetracker.project.query;

import org.pipelinetracker.fx.RateTable;
import org.pipelinetracker.project.api.LoanTerms;
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.project.api.RepaymentConvention;
import org.pipelinetracker.project.api.TransactionRecordedEvent;
import org.pipelinetracker.project.query.ProjectView.FundingView;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A loan's repayment schedule and where it stands on a date, by the convention chosen in its terms (docs/architecture/
 * decisions.md, "Loans"):
 * <ul>
 * <li>the schedule runs from the loan's effectiveness date when it is known, else from its commitment date
 * ({@code startsFrom} says which), in half-year periods to maturity; the principal {@code P} is the commitment in force
 * (committed less cancelled), taken as disbursed at the start;</li>
 * <li>no principal falls due in the grace period; from the first instalment date (start + grace years; six months
 * after the start when there is no grace) on, {@code N} = (maturity − grace) × 2 instalments fall due every six
 * months (so the last falls six months before start + maturity);</li>
 * <li>interest of a period is the scheduled outstanding principal at its start × {@code r}, {@code r} = annual rate
 * ÷ 200 (30E/360: a half-year counts as 180 days whatever its calendar length), rounded half-even to the currency's
 * minor units;</li>
 * <li>{@link RepaymentConvention#EQUAL_SEMI_ANNUAL_PRINCIPAL} (the default): each instalment's principal is P ÷ N
 * rounded half-even to minor units, the last one taking what rounding left;</li>
 * <li>{@link RepaymentConvention#ANNUITY_SEMI_ANNUAL}: each instalment's payment (principal + interest) is the level
 * A = P × r ÷ (1 − (1 + r)^−N) (A = P ÷ N when r = 0), computed with 34 significant digits and rounded half-even to
 * minor units; its principal is A less the period's (rounded) interest, and the last instalment takes the
 * principal left, so its payment is that principal plus its interest;</li>
 * <li>on a date, {@code due} is the principal of the instalments due on or before it, never more than was disbursed
 * by then; {@code outstanding} is what was disbursed by then less what was repaid (type 6) by then; {@code arrears}
 * is what is due less what was repaid, never below zero.</li>
 * </ul>
 */
public record RepaymentSchedule(String fundingId, String convention, Money principal, BigDecimal interestRate,
		Integer graceYears, Integer maturityYears, LocalDate effectiveOn, String startsFrom, LocalDate closingOn,
		LocalDate firstInstalmentOn, Money levelPayment, List<Instalment> instalments, LocalDate asOf, Money disbursed,
		Money repaid, Money outstanding, Money due, Money arrears) {

	/** The default convention: equal semi-annual principal instalments after the grace period. */
	public static final String EQUAL_PRINCIPAL = RepaymentConvention.EQUAL_SEMI_ANNUAL_PRINCIPAL.name();

	/** {@code startsFrom}: the schedule runs from the loan's effectiveness date. */
	public static final String FROM_EFFECTIVENESS = "EFFECTIVENESS_DATE";

	/** {@code startsFrom}: no effectiveness date is known; the schedule runs from the commitment date. */
	public static final String FROM_COMMITMENT = "COMMITMENT_DATE";

	/**
	 * One half-year period, ending on {@code dueOn}: the principal due then, the interest of the period, what is paid
	 * then in all (principal + interest) and the scheduled principal outstanding afterwards.
	 */
	public record Instalment(int number, LocalDate dueOn, Money principal, Money interest, Money payment,
			Money outstandingAfter) {
	}

	/**
	 * The date the last instalment of a schedule from {@code start} (effectiveness, else commitment) falls due: the
	 * end of its last half-year period, {@code start + maturity} when there is no grace, six months before it
	 * otherwise (the first instalment falls due at {@code start + grace}, then one every six months).
	 */
	public static LocalDate lastInstalmentOn(LocalDate start, int graceYears, int maturityYears) {
		return start.plusMonths(6L * periods(graceYears, maturityYears));
	}

	/** How many instalments repay the principal: two a year after the grace period, at least one. */
	private static int instalments(int graceYears, int maturityYears) {
		return Math.max(1, (maturityYears - graceYears) * 2);
	}

	/** The period ending on start + grace (at least the first period), then one per half-year. */
	private static int firstInstalmentPeriod(int graceYears) {
		return Math.max(1, graceYears * 2);
	}

	private static int periods(int graceYears, int maturityYears) {
		return firstInstalmentPeriod(graceYears) + instalments(graceYears, maturityYears) - 1;
	}

	/** Whether the funding has the terms a schedule needs: a rate, a maturity and a grace period. */
	static boolean scheduled(FundingView funding) {
		LoanTerms t = funding.terms;
		return t != null && t.interestRate() != null && t.maturityYears() != null && t.graceYears() != null;
	}

	static RepaymentSchedule of(ProjectView project, FundingView funding, LocalDate asOf) {
		LoanTerms t = funding.terms;
		RepaymentConvention convention = t.conventionOrDefault();
		String currency = funding.amount.currency();
		int digits = RateTable.minorUnits(currency);
		BigDecimal principal = funding.amount.amount();
		LocalDate effectiveOn = funding.effectiveOn != null ? funding.effectiveOn : funding.committedOn;
		int instalmentCount = instalments(t.graceYears(), t.maturityYears());
		int firstInstalment = firstInstalmentPeriod(t.graceYears());
		int periods = periods(t.graceYears(), t.maturityYears());
		BigDecimal halfYearRate = t.interestRate().divide(BigDecimal.valueOf(200));
		BigDecimal each = principal.divide(BigDecimal.valueOf(instalmentCount), digits, RoundingMode.HALF_EVEN);
		BigDecimal level = convention == RepaymentConvention.ANNUITY_SEMI_ANNUAL
				? levelPayment(principal, halfYearRate, instalmentCount, digits) : null;
		List<Instalment> instalments = new ArrayList<>();
		BigDecimal outstanding = principal;
		BigDecimal dueByDate = BigDecimal.ZERO;
		for (int n = 1; n <= periods; n++) {
			LocalDate dueOn = effectiveOn.plusMonths(6L * n);
			BigDecimal interest = outstanding.multiply(halfYearRate).setScale(digits, RoundingMode.HALF_EVEN);
			BigDecimal pay;
			if (n < firstInstalment) {
				pay = BigDecimal.ZERO;
			}
			else if (n == periods) {
				pay = outstanding;
			}
			else if (level != null) {
				pay = level.subtract(interest).max(BigDecimal.ZERO).min(outstanding);
			}
			else {
				pay = each.min(outstanding);
			}
			outstanding = outstanding.subtract(pay);
			if (!dueOn.isAfter(asOf)) {
				dueByDate = dueByDate.add(pay);
			}
			instalments.add(new Instalment(n, dueOn, money(pay, digits, currency), money(interest, digits, currency),
					money(pay.add(interest), digits, currency), money(outstanding, digits, currency)));
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
		return new RepaymentSchedule(funding.fundingId, convention.name(), money(principal, digits, currency),
				t.interestRate(), t.graceYears(), t.maturityYears(), effectiveOn,
				funding.effectiveOn != null ? FROM_EFFECTIVENESS : FROM_COMMITMENT, funding.closingOn,
				effectiveOn.plusYears(t.graceYears()), level == null ? null : money(level, digits, currency),
				instalments, asOf, money(disbursed, digits, currency), money(repaid, digits, currency),
				money(disbursed.subtract(repaid), digits, currency), money(due, digits, currency),
				money(arrears, digits, currency));
	}

	/**
	 * The level payment of an annuity of {@code principal} over {@code count} periods at {@code rate} a period:
	 * P × r × (1 + r)^N ÷ ((1 + r)^N − 1) (the same as P × r ÷ (1 − (1 + r)^−N)), P ÷ N when r is zero; computed in
	 * {@link MathContext#DECIMAL128} and rounded half-even to {@code digits}.
	 */
	static BigDecimal levelPayment(BigDecimal principal, BigDecimal rate, int count, int digits) {
		if (rate.signum() == 0) {
			return principal.divide(BigDecimal.valueOf(count), digits, RoundingMode.HALF_EVEN);
		}
		MathContext mc = MathContext.DECIMAL128;
		BigDecimal growth = BigDecimal.ONE.add(rate).pow(count, mc);
		return principal.multiply(rate, mc).multiply(growth, mc).divide(growth.subtract(BigDecimal.ONE), mc)
				.setScale(digits, RoundingMode.HALF_EVEN);
	}

	private static Money money(BigDecimal amount, int digits, String currency) {
		return new Money(amount.setScale(Math.max(digits, amount.scale()), RoundingMode.UNNECESSARY), currency);
	}
}
