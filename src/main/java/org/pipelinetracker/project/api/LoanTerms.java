package org.pipelinetracker.project.api;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.math.BigDecimal;

/**
 * Optional terms of a loan: annual interest rate in percent, maturity and grace period in years, and the repayment
 * {@code convention} (null, as in every commitment recorded before it was chosen: the default
 * {@link RepaymentConvention#EQUAL_SEMI_ANNUAL_PRINCIPAL}).
 */
public record LoanTerms(BigDecimal interestRate, Integer maturityYears, Integer graceYears,
		RepaymentConvention convention) {

	public static final LoanTerms NONE = new LoanTerms(null, null, null, null);

	/** Terms with the default convention (recorded as none chosen). */
	public LoanTerms(BigDecimal interestRate, Integer maturityYears, Integer graceYears) {
		this(interestRate, maturityYears, graceYears, null);
	}

	@JsonIgnore
	public boolean isEmpty() {
		return interestRate == null && maturityYears == null && graceYears == null && convention == null;
	}

	/** The convention chosen, or the default when none was. */
	@JsonIgnore
	public RepaymentConvention conventionOrDefault() {
		return convention == null ? RepaymentConvention.EQUAL_SEMI_ANNUAL_PRINCIPAL : convention;
	}
}
