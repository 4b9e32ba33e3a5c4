package org.pipelinetracker.project.api;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.math.BigDecimal;

/**
 * Optional terms of a loan: annual interest rate in percent, maturity and grace period in years.
 */
public record LoanTerms(BigDecimal interestRate, Integer maturityYears, Integer graceYears) {

	public static final LoanTerms NONE = new LoanTerms(null, null, null);

	@JsonIgnore
	public boolean isEmpty() {
		return interestRate == null && maturityYears == null && graceYears == null;
	}
}
