package org.pipelinetracker.project.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.pipelinetracker.fx.Converted;
import org.pipelinetracker.fx.FxRate;
import org.pipelinetracker.project.api.FundingSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A project's money converted when read ({@link ProjectView#usd}, {@link ProjectView#converted}, computed by
 * {@link ProjectMoney} with the rates in force then, never stored): the totals, by source, the rates used and what had
 * no rate.
 */
public final class ProjectTotals {

	private ProjectTotals() {
	}

	/**
	 * Totals in USD, each amount converted at the latest rate on or before its own value date (commitment,
	 * correction, disbursement, receipt or expenditure date). Amounts with no usable rate are listed in their own
	 * currency, never dropped and never taken at 1. {@code received} (incoming funds) and {@code expended}
	 * (expenditure) are separate from the commitments: neither changes committed, disbursed or undisbursed.
	 */
	public record UsdSummary(BigDecimal committed, BigDecimal disbursed, BigDecimal undisbursed, BigDecimal received,
			BigDecimal expended, Map<FundingSource, SourceTotals> bySource, List<FxRate> ratesUsed,
			List<Unconverted> unconverted) {
	}

	/**
	 * Totals in {@code currency}, as {@link UsdSummary} (amounts without a rate to it in {@code unconverted}, left out
	 * of the totals), and ({@code flows}, the project view only) every amount with its conversion: the rate, its date
	 * and source, or none.
	 */
	public record ConvertedTotals(String currency, BigDecimal committed, BigDecimal disbursed, BigDecimal undisbursed,
			BigDecimal received, BigDecimal expended, Map<FundingSource, SourceTotals> bySource, List<FxRate> ratesUsed,
			List<Unconverted> unconverted, @JsonInclude(JsonInclude.Include.NON_NULL) List<Flow> flows) {

		/** The same totals without the amounts one by one (for a list of projects). */
		public ConvertedTotals withoutFlows() {
			return new ConvertedTotals(currency, committed, disbursed, undisbursed, received, expended, bySource,
					ratesUsed, unconverted, null);
		}
	}

	/**
	 * One amount of the project: a commitment, a correction (the change it makes), a disbursement, incoming funds or an
	 * expenditure ({@code kind}), the {@code index}-th of its kind (of its funding, for corrections and
	 * disbursements), on its value {@code date}, and its {@code converted} amount with the rate and date used (null
	 * when no rate applies: the amount is left out of the totals, never counted as zero).
	 */
	public record Flow(FlowKind kind, String fundingId, int index, LocalDate date, BigDecimal amount, String currency,
			Converted converted) {
	}

	public enum FlowKind {
		COMMITMENT, CORRECTION, DISBURSEMENT, INCOMING_FUNDS, EXPENDITURE
	}

	public record SourceTotals(BigDecimal committed, BigDecimal disbursed, BigDecimal undisbursed) {
	}

	/** Amounts of one currency without a usable rate, and the value dates they have no rate on. */
	public record Unconverted(String currency, BigDecimal committed, BigDecimal disbursed, BigDecimal received,
			BigDecimal expended, List<LocalDate> dates) {
	}
}
