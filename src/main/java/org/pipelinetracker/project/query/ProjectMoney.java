package org.pipelinetracker.project.query;

import org.pipelinetracker.fx.Conversion;
import org.pipelinetracker.fx.Converted;
import org.pipelinetracker.fx.FxRate;
import org.pipelinetracker.fx.RateTable;
import org.pipelinetracker.project.api.FundingSource;
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.project.query.ProjectTotals.ConvertedTotals;
import org.pipelinetracker.project.query.ProjectTotals.Flow;
import org.pipelinetracker.project.query.ProjectTotals.FlowKind;
import org.pipelinetracker.project.query.ProjectTotals.SourceTotals;
import org.pipelinetracker.project.query.ProjectTotals.Unconverted;
import org.pipelinetracker.project.query.ProjectTotals.UsdSummary;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A project's money converted with one set of rates: every amount (commitment, correction, disbursement, incoming
 * funds, expenditure) at the rate of its own value date, summed per kind and per funding source. An amount without a
 * usable rate is listed with its currency and date and left out of the totals: never counted as zero, never at 1.
 */
final class ProjectMoney {

	private static final int COMMITTED = 0;
	private static final int DISBURSED = 1;
	private static final int RECEIVED = 2;
	private static final int EXPENDED = 3;

	/** One amount: what it adds to ({@code total}: committed, disbursed, received, expended), and where it is. */
	private record Item(Money money, LocalDate date, int total, FundingSource source, FlowKind kind, String fundingId,
			int index) {
	}

	private final List<Item> items = new ArrayList<>();
	private final RateTable rates;

	ProjectMoney(ProjectView view, RateTable rates) {
		this.rates = rates;
		for (ProjectView.FundingView f : view.fundings) {
			items.add(new Item(f.originalAmount, f.committedOn, COMMITTED, f.source, FlowKind.COMMITMENT, f.fundingId, 0));
			for (int i = 0; i < f.corrections.size(); i++) {
				ProjectView.CorrectionView c = f.corrections.get(i);
				items.add(new Item(c.newAmount().minus(c.previousAmount()), c.correctedOn(), COMMITTED, f.source,
						FlowKind.CORRECTION, f.fundingId, i));
			}
			for (int i = 0; i < f.disbursements.size(); i++) {
				ProjectView.DisbursementView d = f.disbursements.get(i);
				items.add(new Item(d.amount(), d.disbursedOn(), DISBURSED, f.source, FlowKind.DISBURSEMENT, f.fundingId, i));
			}
		}
		for (int i = 0; i < view.incomingFunds.size(); i++) {
			ProjectView.IncomingFundsView x = view.incomingFunds.get(i);
			items.add(new Item(x.amount(), x.receivedOn(), RECEIVED, null, FlowKind.INCOMING_FUNDS, x.fundingId(), i));
		}
		for (int i = 0; i < view.expenditures.size(); i++) {
			ProjectView.ExpenditureView x = view.expenditures.get(i);
			items.add(new Item(x.amount(), x.spentOn(), EXPENDED, null, FlowKind.EXPENDITURE, x.fundingId(), i));
		}
	}

	/** The totals in USD, with the USD rate of each currency and date used ({@link RateTable#toUsd}). */
	UsdSummary usd() {
		Totals totals = new Totals();
		Map<String, FxRate> used = new TreeMap<>();
		for (Item item : items) {
			Conversion conversion = rates.toUsd(item.money().amount(), item.money().currency(), item.date());
			if (!conversion.converted()) {
				totals.missing(item);
				continue;
			}
			if (!"USD".equals(item.money().currency())) {
				used.put(conversion.rate().currency() + "@" + conversion.rate().date(), conversion.rate());
			}
			totals.add(item, conversion.usd());
		}
		int digits = RateTable.minorUnits("USD");
		return new UsdSummary(totals.sum(COMMITTED, digits), totals.sum(DISBURSED, digits),
				totals.undisbursed(digits), totals.sum(RECEIVED, digits), totals.sum(EXPENDED, digits),
				totals.bySource(digits), new ArrayList<>(used.values()), totals.unconverted());
	}

	/** The totals in {@code currency}, every amount with its conversion, and the published rates used. */
	ConvertedTotals in(String currency) {
		Totals totals = new Totals();
		Map<String, FxRate> used = new TreeMap<>();
		List<Flow> flows = new ArrayList<>();
		for (Item item : items) {
			Money money = item.money();
			Converted converted = rates.convert(money.amount(), money.currency(), currency, item.date()).orElse(null);
			flows.add(new Flow(item.kind(), item.fundingId(), item.index(), item.date(), money.amount(), money.currency(),
					converted));
			if (converted == null) {
				totals.missing(item);
				continue;
			}
			for (FxRate rate : rates.ratesFor(money.currency(), currency, item.date())) {
				used.put(rate.currency() + "@" + rate.date() + "@" + rate.source() + "@" + rate.base(), rate);
			}
			totals.add(item, converted.amount());
		}
		int digits = RateTable.minorUnits(currency);
		return new ConvertedTotals(currency, totals.sum(COMMITTED, digits), totals.sum(DISBURSED, digits),
				totals.undisbursed(digits), totals.sum(RECEIVED, digits), totals.sum(EXPENDED, digits),
				totals.bySource(digits), new ArrayList<>(used.values()), totals.unconverted(), flows);
	}

	/** Running sums: per kind, per funding source, and what has no rate, per currency. */
	private static final class Totals {
		final BigDecimal[] sums = zeros();
		final Map<FundingSource, BigDecimal[]> perSource = new TreeMap<>();
		final Map<String, BigDecimal[]> missing = new TreeMap<>();
		final Map<String, TreeSet<LocalDate>> missingDates = new TreeMap<>();

		void add(Item item, BigDecimal amount) {
			sums[item.total()] = sums[item.total()].add(amount);
			if (item.source() != null) {
				BigDecimal[] source = perSource.computeIfAbsent(item.source(), s -> zeros());
				source[item.total()] = source[item.total()].add(amount);
			}
		}

		void missing(Item item) {
			String currency = item.money().currency();
			BigDecimal[] amounts = missing.computeIfAbsent(currency, c -> zeros());
			amounts[item.total()] = amounts[item.total()].add(item.money().amount());
			missingDates.computeIfAbsent(currency, c -> new TreeSet<>()).add(item.date());
			if (item.source() != null) {
				perSource.computeIfAbsent(item.source(), s -> zeros());
			}
		}

		BigDecimal sum(int total, int digits) {
			return scaled(sums[total], digits);
		}

		BigDecimal undisbursed(int digits) {
			return scaled(sums[COMMITTED].subtract(sums[DISBURSED]), digits);
		}

		Map<FundingSource, SourceTotals> bySource(int digits) {
			Map<FundingSource, SourceTotals> bySource = new TreeMap<>();
			perSource.forEach((source, s) -> bySource.put(source, new SourceTotals(scaled(s[COMMITTED], digits),
					scaled(s[DISBURSED], digits), scaled(s[COMMITTED].subtract(s[DISBURSED]), digits))));
			return bySource;
		}

		List<Unconverted> unconverted() {
			List<Unconverted> list = new ArrayList<>();
			missing.forEach((currency, s) -> list.add(new Unconverted(currency, s[COMMITTED], s[DISBURSED], s[RECEIVED],
					s[EXPENDED], new ArrayList<>(missingDates.get(currency)))));
			return list;
		}
	}

	private static BigDecimal[] zeros() {
		return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
	}

	private static BigDecimal scaled(BigDecimal amount, int digits) {
		return amount.setScale(digits, RoundingMode.HALF_EVEN);
	}
}
