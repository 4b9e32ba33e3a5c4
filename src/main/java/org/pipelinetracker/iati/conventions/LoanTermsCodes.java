package org.pipelinetracker.iati.conventions;

import java.time.LocalDate;

/**
 * How a loan's terms are written in {@code crs-add/loan-terms} and read back: the IATI LoanRepaymentPeriod of our
 * loans (semi-annual) and the first instalment date of our repayment schedule (the start + the grace years; six
 * months after the start when there is no grace). The LoanRepaymentType codes are the conventions' own
 * ({@code RepaymentConvention#iatiRepaymentType}).
 */
public final class LoanTermsCodes {

	/** IATI LoanRepaymentPeriod 2: semi-annual, as every loan of this application is repaid. */
	public static final String SEMI_ANNUAL = "2";

	private LoanTermsCodes() {
	}

	/** The first instalment date from the schedule's start (effectiveness, else commitment) and the grace years. */
	public static LocalDate firstRepayment(LocalDate start, int graceYears) {
		return graceYears > 0 ? start.plusYears(graceYears) : start.plusMonths(6);
	}
}
