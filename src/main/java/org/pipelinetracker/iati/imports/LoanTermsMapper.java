package org.pipelinetracker.iati.imports;

import org.pipelinetracker.iati.conventions.LoanTermsCodes;
import org.pipelinetracker.project.api.RepaymentConvention;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The terms and dates a loan commitment is recorded with. Our own export gives every loan's exactly, in {@code pt:}
 * attributes of its commitment transaction; otherwise {@code crs-add/loan-terms} gives them for one loan: the one its
 * {@code pt:funding-id} names, else the activity's first commitment with a loan finance type (4xx). From it: the rate
 * ({@code rate-1}), the convention (LoanRepaymentType 1 equal principal, 2 annuity), the maturity (whole years from the
 * commitment date to the final repayment) and the grace (whole years from the commitment date to the first
 * repayment; none when the first falls six months after it). What cannot be mapped is reported, never dropped silently.
 */
final class LoanTermsMapper {

	/** A loan's terms and dates as recorded (any may be null). */
	record Terms(BigDecimal interestRate, Integer maturityYears, Integer graceYears, RepaymentConvention convention,
			LocalDate effectiveOn, LocalDate closingOn) {

		static final Terms NONE = new Terms(null, null, null, null, null, null);

		boolean isEmpty() {
			return this.equals(NONE);
		}
	}

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private LoanTermsMapper() {
	}

	/** The commitment {@code crs-add/loan-terms} is of (see the class), or null when there is none. */
	static PublishedTransaction target(ActivityImport act, List<PublishedTransaction> commitments) {
		IatiActivity.LoanTermsPublished published = act.activity.loanTerms;
		if (published == null) {
			return null;
		}
		for (PublishedTransaction c : commitments) {
			if (published.fundingId() != null ? published.fundingId().equals(c.fundingId)
					: c.financeType != null && c.financeType.startsWith("4")) {
				return c;
			}
		}
		return null;
	}

	/** Whether our own export gave the commitment's terms or dates in {@code pt:} attributes. */
	static boolean exported(ActivityImport act, PublishedTransaction c) {
		IatiActivity.Transaction t = c.t;
		return act.own && (t.interestRate != null || t.maturityYears != null || t.graceYears != null
				|| t.repaymentConvention != null || t.effectiveOn != null || t.closingOn != null);
	}

	/** The terms and dates of our own export's {@code pt:} attributes; an unreadable one is reported. */
	static Terms ofExport(ActivityImport act, PublishedTransaction c) {
		IatiActivity.Transaction t = c.t;
		String what = c.what + " loan terms";
		return new Terms(rate(act, what, t.interestRate), years(act, what, "pt:maturity-years", t.maturityYears),
				years(act, what, "pt:grace-years", t.graceYears), convention(act, what, t.repaymentConvention),
				date(act, what, "pt:effective-on", t.effectiveOn), date(act, what, "pt:closing-on", t.closingOn));
	}

	/** The terms {@code crs-add/loan-terms} gives the commitment {@code c}; what cannot be mapped is reported. */
	static Terms ofCrsAdd(ActivityImport act, PublishedTransaction c) {
		IatiActivity.LoanTermsPublished p = act.activity.loanTerms;
		String what = "loan-terms of " + c.what;
		BigDecimal rate = rate(act, what, p.rate());
		if (p.secondRate() != null) {
			act.skip(what, "rate-2 " + p.secondRate() + " (a second interest rate) has no place in a loan's terms here: "
					+ "only rate-1 is recorded");
		}
		RepaymentConvention convention = null;
		if ("1".equals(p.repaymentType())) {
			convention = RepaymentConvention.EQUAL_SEMI_ANNUAL_PRINCIPAL;
		}
		else if ("2".equals(p.repaymentType())) {
			convention = RepaymentConvention.ANNUITY_SEMI_ANNUAL;
		}
		else if (p.repaymentType() != null) {
			act.skip(what, "repayment-type " + p.repaymentType() + " has no repayment convention here (1 equal "
					+ "principal, 2 annuity): the default, equal semi-annual principal, applies");
		}
		if (p.repaymentPlan() != null && !LoanTermsCodes.SEMI_ANNUAL.equals(p.repaymentPlan())) {
			act.skip(what, "repayment-plan " + p.repaymentPlan() + " is not semi-annual ("
					+ LoanTermsCodes.SEMI_ANNUAL + "): the repayment schedule is computed semi-annually");
		}
		LocalDate start = p.commitmentDate() != null ? p.commitmentDate() : c.date;
		Integer maturity = null;
		if (p.finalRepayment() != null) {
			// the maturity date (whole years after the start), or the last semi-annual instalment of a loan with a
			// grace period, which falls six months before it (as our own export writes it)
			maturity = wholeYears(start, p.finalRepayment());
			if (maturity == null) {
				maturity = wholeYears(start, p.finalRepayment().plusMonths(6));
			}
			if (maturity == null || maturity < 1 || maturity > 60) {
				act.skip(what, "repayment-final-date " + p.finalRepayment() + " is neither 1 to 60 whole years after "
						+ "the commitment date " + start + " nor six months before such a date: the maturity is not "
						+ "recorded");
				maturity = null;
			}
		}
		Integer grace = null;
		if (p.firstRepayment() != null) {
			grace = p.firstRepayment().equals(LoanTermsCodes.firstRepayment(start, 0)) ? Integer.valueOf(0)
					: wholeYears(start, p.firstRepayment());
			if (grace == null || grace < 1 || grace > 60) {
				act.skip(what, "repayment-first-date " + p.firstRepayment() + " is neither six months nor whole years "
						+ "after the commitment date " + start + ": the grace period is not recorded");
				grace = null;
			}
			else if (maturity != null && grace > maturity) {
				act.skip(what, "the grace period (" + grace + " years) is longer than the maturity (" + maturity
						+ " years): the grace period is not recorded");
				grace = null;
			}
		}
		return new Terms(rate, maturity, grace, convention, null, null);
	}

	private static Integer wholeYears(LocalDate from, LocalDate to) {
		Period between = Period.between(from, to);
		return between.getMonths() == 0 && between.getDays() == 0 ? between.getYears() : null;
	}

	private static BigDecimal rate(ActivityImport act, String what, String value) {
		if (value == null) {
			return null;
		}
		try {
			BigDecimal rate = new BigDecimal(value);
			if (rate.signum() >= 0 && rate.compareTo(HUNDRED) <= 0) {
				return rate;
			}
		}
		catch (NumberFormatException e) {
			// reported below
		}
		act.skip(what, "interest rate '" + value + "' is not a percentage from 0 to 100: not recorded");
		return null;
	}

	private static Integer years(ActivityImport act, String what, String name, String value) {
		if (value == null) {
			return null;
		}
		try {
			return Integer.valueOf(value);
		}
		catch (NumberFormatException e) {
			act.skip(what, name + " '" + value + "' is not a number of years: not recorded");
			return null;
		}
	}

	private static RepaymentConvention convention(ActivityImport act, String what, String value) {
		if (value == null) {
			return null;
		}
		try {
			return RepaymentConvention.valueOf(value);
		}
		catch (IllegalArgumentException e) {
			act.skip(what, "pt:repayment-convention '" + value + "' is no repayment convention: the default applies");
			return null;
		}
	}

	private static LocalDate date(ActivityImport act, String what, String name, String value) {
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException e) {
			act.skip(what, name + " '" + value + "' is not an ISO date: not recorded");
			return null;
		}
	}
}
