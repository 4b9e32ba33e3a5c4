package org.pipelinetracker.project.query;

import org.pipelinetracker.kernel.FiscalCalendar;
import org.pipelinetracker.kernel.FiscalCalendar.FiscalPeriod;
import org.pipelinetracker.kernel.FiscalCalendar.Periodicity;
import org.pipelinetracker.project.query.ProjectView.DisbursementView;
import org.pipelinetracker.project.query.ProjectView.FundingView;
import org.pipelinetracker.project.query.ProjectView.PlannedDisbursementView;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Planned against actual disbursement of one project, per currency (never converted: each currency is its own
 * group) and per fiscal period, as {@code GET /api/projects/{id}/utilisation} answers it. The plans are the current
 * planned disbursements (the latest revision of each); a plan counts in the fiscal period in which its own period
 * ends (its start when it has no end): it is money due to be paid out by then. The actuals are the disbursements
 * (IATI type 3; a reversal kept under its code is not one, as everywhere else). Ratios have four decimals, rounded
 * half-even, and are null (not 0) when there is nothing to divide by.
 */
public final class ProjectUtilisation {

	private static final int RATIO_SCALE = 4;

	private ProjectUtilisation() {
	}

	/**
	 * The answer: on {@code onDate} ("to date"), in the fiscal calendar starting in {@code fiscalYearStartMonth}, by
	 * {@code periodicity}, one group per currency in which anything was committed, disbursed or planned.
	 */
	public record Utilisation(String projectId, LocalDate onDate, int fiscalYearStartMonth, Periodicity periodicity,
			List<CurrencyUtilisation> currencies, List<FundingUtilisation> fundings) {
	}

	/**
	 * One commitment, in its currency: what is committed, disbursed and undisbursed, disbursed ÷ committed, and the
	 * planned disbursements recorded under it (those of the whole project are in no funding's figures) to date against
	 * what it disbursed to date.
	 */
	public record FundingUtilisation(String fundingId, String funder, String currency, BigDecimal committed,
			BigDecimal disbursed, BigDecimal undisbursed, BigDecimal disbursedOfCommitted, BigDecimal plannedToDate,
			BigDecimal disbursedToDate, BigDecimal behindPlan, BigDecimal utilisation) {
	}

	/**
	 * One currency: {@code committed} (in force, after corrections and cancellations), {@code disbursed},
	 * {@code undisbursed} and {@code disbursedOfCommitted} (disbursed ÷ committed); {@code plannedToDate} (plans due by
	 * the date), {@code disbursedToDate}, {@code behindPlan} (planned to date − disbursed to date: negative when ahead)
	 * and {@code utilisation} (disbursed to date ÷ planned to date); then each fiscal period from the first with a plan
	 * or a disbursement to the last.
	 */
	public record CurrencyUtilisation(String currency, BigDecimal committed, BigDecimal disbursed,
			BigDecimal undisbursed, BigDecimal disbursedOfCommitted, BigDecimal plannedToDate, BigDecimal disbursedToDate,
			BigDecimal behindPlan, BigDecimal utilisation, List<PeriodUtilisation> periods) {
	}

	/** One fiscal period: {@code label} ({@code FY2025 Q3}), its dates, planned, disbursed and actual ÷ planned. */
	public record PeriodUtilisation(String label, LocalDate start, LocalDate end, BigDecimal planned,
			BigDecimal disbursed, BigDecimal utilisation) {
	}

	public static Utilisation of(ProjectView view, LocalDate onDate, FiscalCalendar calendar, Periodicity periodicity) {
		Map<String, Totals> byCurrency = new TreeMap<>();
		for (FundingView f : view.fundings) {
			Totals t = byCurrency.computeIfAbsent(f.amount.currency(), c -> new Totals());
			t.committed = t.committed.add(f.amount.amount());
			t.undisbursed = t.undisbursed.add(f.undisbursed.amount());
			for (DisbursementView d : f.disbursements) {
				Totals dt = byCurrency.computeIfAbsent(d.amount().currency(), c -> new Totals());
				dt.disbursed = dt.disbursed.add(d.amount().amount());
				if (!d.disbursedOn().isAfter(onDate)) {
					dt.disbursedToDate = dt.disbursedToDate.add(d.amount().amount());
				}
				dt.actual.merge(calendar.periodOf(d.disbursedOn(), periodicity), d.amount().amount(), BigDecimal::add);
			}
		}
		for (PlannedDisbursementView p : ProjectPlanLines.currentPlannedDisbursements(view)) {
			Totals t = byCurrency.computeIfAbsent(p.value().currency(), c -> new Totals());
			LocalDate due = p.periodEnd() != null ? p.periodEnd() : p.periodStart();
			if (!due.isAfter(onDate)) {
				t.plannedToDate = t.plannedToDate.add(p.value().amount());
			}
			t.planned.merge(calendar.periodOf(due, periodicity), p.value().amount(), BigDecimal::add);
		}
		List<CurrencyUtilisation> currencies = new ArrayList<>();
		byCurrency.forEach((currency, t) -> currencies.add(new CurrencyUtilisation(currency, t.committed, t.disbursed,
				t.undisbursed, ratio(t.disbursed, t.committed), t.plannedToDate, t.disbursedToDate,
				t.plannedToDate.subtract(t.disbursedToDate), ratio(t.disbursedToDate, t.plannedToDate),
				periods(t, calendar))));
		return new Utilisation(view.projectId, onDate, calendar.startMonth(), periodicity, currencies,
				fundings(view, onDate));
	}

	private static List<FundingUtilisation> fundings(ProjectView view, LocalDate onDate) {
		List<PlannedDisbursementView> plans = ProjectPlanLines.currentPlannedDisbursements(view);
		List<FundingUtilisation> fundings = new ArrayList<>();
		for (FundingView f : view.fundings) {
			String currency = f.amount.currency();
			BigDecimal disbursedToDate = f.disbursements.stream().filter(d -> !d.disbursedOn().isAfter(onDate))
					.map(d -> d.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
			BigDecimal plannedToDate = plans.stream().filter(p -> f.fundingId.equals(p.fundingId())
							&& p.value().currency().equals(currency)
							&& !(p.periodEnd() != null ? p.periodEnd() : p.periodStart()).isAfter(onDate))
					.map(p -> p.value().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
			fundings.add(new FundingUtilisation(f.fundingId, f.funder, currency, f.amount.amount(),
					f.disbursed.amount(), f.undisbursed.amount(), ratio(f.disbursed.amount(), f.amount.amount()),
					plannedToDate, disbursedToDate, plannedToDate.subtract(disbursedToDate),
					ratio(disbursedToDate, plannedToDate)));
		}
		return fundings;
	}

	private static List<PeriodUtilisation> periods(Totals t, FiscalCalendar calendar) {
		TreeMap<LocalDate, FiscalPeriod> seen = new TreeMap<>();
		t.planned.keySet().forEach(p -> seen.put(p.start(), p));
		t.actual.keySet().forEach(p -> seen.put(p.start(), p));
		List<PeriodUtilisation> periods = new ArrayList<>();
		if (seen.isEmpty()) {
			return periods;
		}
		FiscalPeriod last = seen.lastEntry().getValue();
		for (FiscalPeriod p = seen.firstEntry().getValue(); !p.start().isAfter(last.start()); p = calendar.next(p)) {
			BigDecimal planned = t.planned.getOrDefault(p, BigDecimal.ZERO);
			BigDecimal disbursed = t.actual.getOrDefault(p, BigDecimal.ZERO);
			periods.add(new PeriodUtilisation(p.label(), p.start(), p.end(), planned, disbursed, ratio(disbursed, planned)));
		}
		return periods;
	}

	private static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
		return whole.signum() == 0 ? null : part.divide(whole, RATIO_SCALE, RoundingMode.HALF_EVEN);
	}

	private static final class Totals {
		BigDecimal committed = BigDecimal.ZERO;
		BigDecimal disbursed = BigDecimal.ZERO;
		BigDecimal undisbursed = BigDecimal.ZERO;
		BigDecimal disbursedToDate = BigDecimal.ZERO;
		BigDecimal plannedToDate = BigDecimal.ZERO;
		final Map<FiscalPeriod, BigDecimal> planned = new TreeMap<>((a, b) -> a.start().compareTo(b.start()));
		final Map<FiscalPeriod, BigDecimal> actual = new TreeMap<>((a, b) -> a.start().compareTo(b.start()));
	}
}
