package org.pipelinetracker.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.pipelinetracker.fx.Converted;
import org.pipelinetracker.fx.FxRates;
import org.pipelinetracker.fx.RateTable;
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.project.query.PortfolioUtilisation;
import org.pipelinetracker.project.query.PortfolioUtilisation.PlanDue;
import org.pipelinetracker.reference.Codelists;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.pipelinetracker.kernel.FiscalCalendar;
import org.pipelinetracker.kernel.FiscalCalendar.Periodicity;

/**
 * Funding over time ({@code GET /api/funding/timeseries}): committed and disbursed per month, quarter or year, in
 * total or per source, sector or project, converted to USD or another display currency (each amount at the rate in
 * force on its value date, all with one set of rates; amounts without a rate listed per period in their own
 * currency, never counted as zero) or the original amounts of one currency, at a valid-time ({@code asOf}) and a
 * transaction-time ({@code knownAt}) cut. Beside the actuals, {@code planned}: the current planned disbursements due in
 * each period (the latest revision of each plan known at the cut, in the period in which its own period ends),
 * converted at the rate in force on that date like the actuals (a plan without a rate is listed in
 * {@code unconvertedPlanned} in its own currency, never counted as zero); without {@code to} or {@code asOf} the
 * series runs on to the period of the last plan due.
 */
@Service
@Transactional(readOnly = true)
public class FundingTimeSeries {

	static final int MAX_PERIODS = 600;

	private final JdbcTemplate jdbc;
	private final FxRates fx;
	private final Codelists codelists;
	private final PortfolioUtilisation plans;

	FundingTimeSeries(JdbcTemplate jdbc, FxRates fx, Codelists codelists, PortfolioUtilisation plans) {
		this.jdbc = jdbc;
		this.fx = fx;
		this.codelists = codelists;
		this.plans = plans;
	}

	public enum Interval {
		MONTH, QUARTER, YEAR
	}

	public enum GroupBy {
		NONE, SOURCE, SECTOR, PROJECT
	}

	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record SeriesPoint(String period, LocalDate periodStart, LocalDate periodEnd, String group,
			String currency, BigDecimal committed, BigDecimal disbursed, BigDecimal cumulativeCommitted,
			BigDecimal cumulativeDisbursed, List<Unconverted> unconverted, BigDecimal planned,
			List<Money> unconvertedPlanned) {
	}

	/**
	 * The series in {@code currency}: converted to it when {@code converted} (USD by default, or a display
	 * currency), else the original amounts recorded in it.
	 */
	public List<SeriesPoint> timeSeries(Interval interval, LocalDate from, LocalDate to, GroupBy groupBy, String currency,
			LocalDate asOf, Instant knownAt, LocalDate today) {
		return timeSeries(interval, from, to, groupBy, currency, "USD".equals(currency), asOf, knownAt, today);
	}

	public List<SeriesPoint> timeSeries(Interval interval, LocalDate from, LocalDate to, GroupBy groupBy, String currency,
			boolean converting, LocalDate asOf, Instant knownAt, LocalDate today) {
		return timeSeries(interval, null, from, to, groupBy, currency, converting, asOf, knownAt, today);
	}

	/**
	 * The series with quarters and years of the fiscal calendar {@code fiscal}, labelled {@code FY2025 Q3} and
	 * {@code FY2025} (a fiscal year named by the calendar year in which it ends); null: calendar quarters and years,
	 * labelled {@code 2025-Q3} and {@code 2025}. Months are months either way.
	 */
	public List<SeriesPoint> timeSeries(Interval interval, FiscalCalendar fiscal, LocalDate from, LocalDate to,
			GroupBy groupBy, String currency, boolean converting, LocalDate asOf, Instant knownAt, LocalDate today) {
		return timeSeries(interval, fiscal, from, to, groupBy, currency, converting, asOf, knownAt, today, false);
	}

	/**
	 * The series; {@code factsOnly}: summed from the facts even when the day sums could answer (to compare the two).
	 * Without a {@code knownAt} cut, totals and sources are read from the day sums ({@code pipeline_money_day}, a
	 * row per effective date, source, currency and kind: the same groups the facts are summed into); a
	 * {@code knownAt} cut needs each fact's recording instant, and sectors and projects each fact's project, so
	 * those sum the facts ({@code pipeline_money}).
	 */
	List<SeriesPoint> timeSeries(Interval interval, FiscalCalendar fiscal, LocalDate from, LocalDate to,
			GroupBy groupBy, String currency, boolean converting, LocalDate asOf, Instant knownAt, LocalDate today,
			boolean factsOnly) {
		Periods cut = new Periods(interval, fiscal);
		List<PlanDue> due = plans.plansDue(asOf, knownAt).stream()
				.filter(p -> converting || p.currency().equals(currency)).toList();
		LocalDate lastDue = due.stream().map(PlanDue::due).max(LocalDate::compareTo).orElse(today);
		LocalDate end = to != null ? to : asOf != null ? asOf : lastDue.isAfter(today) ? lastDue : today;
		LocalDate validCut = asOf != null && asOf.isBefore(end) ? asOf : end;
		RateTable rates = fx.current();
		boolean fromDays = knownAt == null && (groupBy == GroupBy.NONE || groupBy == GroupBy.SOURCE) && !factsOnly;
		String sql = fromDays ? daySql(groupBy, converting) : factSql(groupBy, converting);
		List<Object> args = new ArrayList<>();
		args.add(Date.valueOf(validCut));
		if (!fromDays) {
			args.add(Timestamp.from(knownAt == null ? PipelineQueries.END_OF_RECORDS : knownAt));
		}
		if (!converting) {
			args.add(currency);
		}

		// group -> period start -> [committed, disbursed]; amounts before the first period go to "opening"
		Map<String, TreeMap<LocalDate, BigDecimal[]>> flows = new TreeMap<>();
		Map<String, Map<LocalDate, Map<String, Unconverted>>> missing = new HashMap<>();
		TreeSet<LocalDate> factDates = new TreeSet<>();
		jdbc.query(sql, rs -> {
			LocalDate date = rs.getDate(1).toLocalDate();
			String group = rs.getString(2);
			String factCurrency = rs.getString(3);
			boolean committed = PipelineProjection.COMMITTED.equals(rs.getString(4));
			BigDecimal amount = rs.getBigDecimal(5);
			factDates.add(date);
			LocalDate period = cut.start(date);
			BigDecimal value = amount;
			if (converting) {
				Converted conversion = rates.convert(amount, factCurrency, currency, date).orElse(null);
				if (conversion == null) {
					missing.computeIfAbsent(group, g -> new HashMap<>()).computeIfAbsent(period, p -> new TreeMap<>())
							.merge(factCurrency, committed ? new Unconverted(factCurrency, amount, BigDecimal.ZERO)
									: new Unconverted(factCurrency, BigDecimal.ZERO, amount), Unconverted::plus);
					flows.computeIfAbsent(group, g -> new TreeMap<>());
					return;
				}
				value = conversion.amount();
			}
			BigDecimal[] sums = flows.computeIfAbsent(group, g -> new TreeMap<>())
					.computeIfAbsent(period, p -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
			sums[committed ? 0 : 1] = sums[committed ? 0 : 1].add(value);
		}, args.toArray());

		// group -> period start -> planned (converted), and plans without a rate in their own currency
		Map<String, Map<LocalDate, BigDecimal>> planned = new HashMap<>();
		Map<String, Map<LocalDate, Map<String, BigDecimal>>> missingPlans = new HashMap<>();
		for (PlanDue p : due) {
			if (p.due().isAfter(end)) {
				continue;
			}
			String group = switch (groupBy) {
				case NONE -> "TOTAL";
				case SOURCE -> p.source();
				case SECTOR -> p.sector();
				case PROJECT -> p.projectId();
			};
			factDates.add(p.due());
			LocalDate period = cut.start(p.due());
			flows.computeIfAbsent(group, g -> new TreeMap<>());
			BigDecimal value = p.amount();
			if (converting) {
				Converted conversion = rates.convert(p.amount(), p.currency(), currency, p.due()).orElse(null);
				if (conversion == null) {
					missingPlans.computeIfAbsent(group, g -> new HashMap<>()).computeIfAbsent(period, x -> new TreeMap<>())
							.merge(p.currency(), p.amount(), BigDecimal::add);
					continue;
				}
				value = conversion.amount();
			}
			planned.computeIfAbsent(group, g -> new HashMap<>()).merge(period, value, BigDecimal::add);
		}

		LocalDate start = cut.start(from != null ? from : factDates.isEmpty() ? end : factDates.first());
		List<LocalDate> periods = new ArrayList<>();
		for (LocalDate p = start; !p.isAfter(end); p = next(interval, p)) {
			periods.add(p);
			if (periods.size() > MAX_PERIODS) {
				throw new IllegalArgumentException("more than " + MAX_PERIODS + " periods");
			}
		}
		int scale = codelists.currencyFractionDigits(currency);
		List<SeriesPoint> points = new ArrayList<>();
		Set<String> groups = flows.isEmpty() && groupBy == GroupBy.NONE ? Set.of("TOTAL") : flows.keySet();
		for (String group : groups) {
			TreeMap<LocalDate, BigDecimal[]> byPeriod = flows.getOrDefault(group, new TreeMap<>());
			BigDecimal cumulativeCommitted = BigDecimal.ZERO;
			BigDecimal cumulativeDisbursed = BigDecimal.ZERO;
			for (BigDecimal[] before : byPeriod.headMap(start).values()) {
				cumulativeCommitted = cumulativeCommitted.add(before[0]);
				cumulativeDisbursed = cumulativeDisbursed.add(before[1]);
			}
			for (LocalDate period : periods) {
				BigDecimal[] sums = byPeriod.getOrDefault(period, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
				cumulativeCommitted = cumulativeCommitted.add(sums[0]);
				cumulativeDisbursed = cumulativeDisbursed.add(sums[1]);
				List<Unconverted> gaps = new ArrayList<>(missing.getOrDefault(group, Map.of())
						.getOrDefault(period, Map.of()).values());
				points.add(new SeriesPoint(cut.label(period), period, next(interval, period).minusDays(1), group,
						currency, sums[0].setScale(scale, RoundingMode.HALF_EVEN),
						sums[1].setScale(scale, RoundingMode.HALF_EVEN),
						cumulativeCommitted.setScale(scale, RoundingMode.HALF_EVEN),
						cumulativeDisbursed.setScale(scale, RoundingMode.HALF_EVEN), Unconverted.scaled(gaps, codelists),
						planned.getOrDefault(group, Map.of()).getOrDefault(period, BigDecimal.ZERO)
								.setScale(scale, RoundingMode.HALF_EVEN),
						missingPlans.getOrDefault(group, Map.of()).getOrDefault(period, Map.of()).entrySet().stream()
								.map(m -> new Money(m.getValue().setScale(codelists.currencyFractionDigits(m.getKey()),
										RoundingMode.HALF_EVEN), m.getKey())).toList()));
			}
		}
		return points;
	}

	/** Sums the facts: {@code effective_date <= ? and recorded_at <= ? [and currency = ?]}. */
	private static String factSql(GroupBy groupBy, boolean converting) {
		// NONE selects a constant and does not group by it: PostgreSQL refuses a constant in GROUP BY
		String groupColumn = switch (groupBy) {
			case NONE -> null;
			case SOURCE -> "m.source";
			case SECTOR -> "p.sector";
			case PROJECT -> "m.project_id";
		};
		return "select m.effective_date, " + (groupColumn == null ? "'TOTAL'" : groupColumn)
				+ ", m.currency, m.kind, sum(m.amount)"
				// the project's row is joined only for its sector (PostgreSQL otherwise joins every fact first)
				+ " from pipeline_money m" + (groupBy == GroupBy.SECTOR
						? " join pipeline_project p on p.project_id = m.project_id" : "")
				+ " where m.effective_date <= ? and m.recorded_at <= ?" + (converting ? "" : " and m.currency = ?")
				+ " group by m.effective_date, " + (groupColumn == null ? "" : groupColumn + ", ") + "m.currency, m.kind";
	}

	/**
	 * Sums the day sums into the same groups as {@link #factSql} (NONE or SOURCE, no {@code knownAt} cut):
	 * {@code effective_date <= ? [and currency = ?]}. A row without facts (left by a batch that rolled back) is none.
	 */
	private static String daySql(GroupBy groupBy, boolean converting) {
		String groupColumn = groupBy == GroupBy.SOURCE ? "d.source" : null;
		return "select d.effective_date, " + (groupColumn == null ? "'TOTAL'" : groupColumn)
				+ ", d.currency, d.kind, sum(d.amount) from pipeline_money_day d"
				+ " where d.effective_date <= ? and d.facts > 0" + (converting ? "" : " and d.currency = ?")
				+ " group by d.effective_date, " + (groupColumn == null ? "" : groupColumn + ", ") + "d.currency, d.kind";
	}

	/** How the series cuts time: calendar periods, or ({@code fiscal} not null) fiscal quarters and years. */
	record Periods(Interval interval, FiscalCalendar fiscal) {

		private boolean isFiscal() {
			return fiscal != null && interval != Interval.MONTH;
		}

		private Periodicity periodicity() {
			return interval == Interval.YEAR ? Periodicity.YEAR : Periodicity.QUARTER;
		}

		LocalDate start(LocalDate date) {
			return isFiscal() ? fiscal.periodOf(date, periodicity()).start() : periodStart(interval, date);
		}

		String label(LocalDate periodStart) {
			return isFiscal() ? fiscal.periodOf(periodStart, periodicity()).label() : FundingTimeSeries.label(interval,
					periodStart);
		}
	}

	static LocalDate periodStart(Interval interval, LocalDate date) {
		return switch (interval) {
			case MONTH -> date.withDayOfMonth(1);
			case QUARTER -> LocalDate.of(date.getYear(), ((date.getMonthValue() - 1) / 3) * 3 + 1, 1);
			case YEAR -> date.withDayOfYear(1);
		};
	}

	static LocalDate next(Interval interval, LocalDate periodStart) {
		return switch (interval) {
			case MONTH -> periodStart.plusMonths(1);
			case QUARTER -> periodStart.plusMonths(3);
			case YEAR -> periodStart.plusYears(1);
		};
	}

	static String label(Interval interval, LocalDate periodStart) {
		return switch (interval) {
			case MONTH -> periodStart.toString().substring(0, 7);
			case QUARTER -> periodStart.getYear() + "-Q" + periodStart.get(IsoFields.QUARTER_OF_YEAR);
			case YEAR -> String.valueOf(periodStart.getYear());
		};
	}
}
