package org.pipelinetracker.project.query;

import org.pipelinetracker.kernel.FiscalCalendar;
import org.pipelinetracker.kernel.FiscalCalendar.FiscalPeriod;
import org.pipelinetracker.kernel.FiscalCalendar.Periodicity;
import org.pipelinetracker.project.query.ProjectUtilisation.CurrencyUtilisation;
import org.pipelinetracker.project.query.ProjectUtilisation.PeriodUtilisation;
import org.pipelinetracker.project.query.ProjectView.DisbursementView;
import org.pipelinetracker.project.query.ProjectView.FundingView;
import org.pipelinetracker.project.query.ProjectView.PlannedDisbursementView;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The one definition of planned against actual disbursement, for a project ({@link ProjectUtilisation}) and for the
 * portfolio in groups ({@link PortfolioUtilisation}): projects are added with a rule naming each commitment's group;
 * the ledger sums, per group and currency (never converted), what is committed, disbursed and undisbursed, the plans
 * due and the disbursements made by the date, and both per fiscal period. The plans are the current planned
 * disbursements (the latest revision of each); a plan counts in the fiscal period in which its own period ends (its
 * start when it has no end). The actuals are the disbursements (IATI type 3). A plan recorded for no commitment (the
 * whole project), or for one the project no longer shows, goes to the group {@code unallocated}. Ratios have four
 * decimals, rounded half-even, and are null (not 0) when there is nothing to divide by.
 */
final class UtilisationLedger {

	private static final int RATIO_SCALE = 4;

	private final LocalDate onDate;
	private final FiscalCalendar calendar;
	private final Periodicity periodicity;
	/** group, then currency. */
	private final Map<String, Map<String, Tally>> groups = new TreeMap<>();

	UtilisationLedger(LocalDate onDate, FiscalCalendar calendar, Periodicity periodicity) {
		this.onDate = onDate;
		this.calendar = calendar;
		this.periodicity = periodicity;
	}

	/** One group's figures in one currency, and how many projects added to them. */
	record GroupFigures(String group, int projects, CurrencyUtilisation figures) {
	}

	/**
	 * Adds the project's commitments, disbursements and current planned disbursements: each commitment (and what was
	 * disbursed and planned under it) in the group {@code groupOf} names, a plan of no known commitment in
	 * {@code unallocated}.
	 */
	UtilisationLedger add(ProjectView view, Function<FundingView, String> groupOf, String unallocated) {
		Map<String, String> groupOfFunding = new LinkedHashMap<>();
		for (FundingView f : view.fundings) {
			String group = groupOf.apply(f);
			groupOfFunding.put(f.fundingId, group);
			Tally t = tally(group, f.amount.currency(), view.projectId);
			t.committed = t.committed.add(f.amount.amount());
			t.undisbursed = t.undisbursed.add(f.undisbursed.amount());
			for (DisbursementView d : f.disbursements) {
				Tally dt = tally(group, d.amount().currency(), view.projectId);
				dt.disbursed = dt.disbursed.add(d.amount().amount());
				if (!d.disbursedOn().isAfter(onDate)) {
					dt.disbursedToDate = dt.disbursedToDate.add(d.amount().amount());
				}
				dt.actual.merge(calendar.periodOf(d.disbursedOn(), periodicity), d.amount().amount(), BigDecimal::add);
			}
		}
		for (PlannedDisbursementView p : ProjectPlanLines.currentPlannedDisbursements(view)) {
			String group = p.fundingId() == null ? unallocated : groupOfFunding.getOrDefault(p.fundingId(), unallocated);
			Tally t = tally(group, p.value().currency(), view.projectId);
			LocalDate due = due(p);
			if (!due.isAfter(onDate)) {
				t.plannedToDate = t.plannedToDate.add(p.value().amount());
			}
			t.planned.merge(calendar.periodOf(due, periodicity), p.value().amount(), BigDecimal::add);
		}
		return this;
	}

	/** Every group's figures, by group and then currency. */
	List<GroupFigures> figures() {
		List<GroupFigures> figures = new ArrayList<>();
		groups.forEach((group, byCurrency) -> byCurrency.forEach((currency, t) -> figures.add(
				new GroupFigures(group, t.projects.size(), new CurrencyUtilisation(currency, t.committed, t.disbursed,
						t.undisbursed, ratio(t.disbursed, t.committed), t.plannedToDate, t.disbursedToDate,
						t.plannedToDate.subtract(t.disbursedToDate), ratio(t.disbursedToDate, t.plannedToDate),
						periods(t))))));
		return figures;
	}

	/** When a plan is due: the end of its period, or its start when it has none. */
	static LocalDate due(PlannedDisbursementView p) {
		return p.periodEnd() != null ? p.periodEnd() : p.periodStart();
	}

	/** {@code part} ÷ {@code whole} to four decimals, half-even; null when {@code whole} is zero. */
	static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
		return whole.signum() == 0 ? null : part.divide(whole, RATIO_SCALE, RoundingMode.HALF_EVEN);
	}

	private Tally tally(String group, String currency, String projectId) {
		Tally t = groups.computeIfAbsent(group, g -> new TreeMap<>()).computeIfAbsent(currency, c -> new Tally());
		t.projects.add(projectId);
		return t;
	}

	private List<PeriodUtilisation> periods(Tally t) {
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

	private static final class Tally {
		BigDecimal committed = BigDecimal.ZERO;
		BigDecimal disbursed = BigDecimal.ZERO;
		BigDecimal undisbursed = BigDecimal.ZERO;
		BigDecimal disbursedToDate = BigDecimal.ZERO;
		BigDecimal plannedToDate = BigDecimal.ZERO;
		final Set<String> projects = new TreeSet<>();
		final Map<FiscalPeriod, BigDecimal> planned = new TreeMap<>((a, b) -> a.start().compareTo(b.start()));
		final Map<FiscalPeriod, BigDecimal> actual = new TreeMap<>((a, b) -> a.start().compareTo(b.start()));
	}
}
