package org.pipelinetracker.project.api;

/**
 * How a loan's principal is repaid after its grace period, chosen per loan in its {@link LoanTerms}
 * ({@code query.RepaymentSchedule} computes the schedule; docs/architecture/decisions.md gives the formulas).
 */
public enum RepaymentConvention {

	/** Equal semi-annual principal instalments after grace (the default; IATI LoanRepaymentType 1). */
	EQUAL_SEMI_ANNUAL_PRINCIPAL("1"),

	/** Level semi-annual payments of principal and interest after grace (IATI LoanRepaymentType 2, annuity). */
	ANNUITY_SEMI_ANNUAL("2");

	private final String iatiRepaymentType;

	RepaymentConvention(String iatiRepaymentType) {
		this.iatiRepaymentType = iatiRepaymentType;
	}

	/** The IATI LoanRepaymentType code. */
	public String iatiRepaymentType() {
		return iatiRepaymentType;
	}
}
