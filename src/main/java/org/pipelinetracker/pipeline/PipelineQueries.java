package org.pipelinetracker.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.pipelinetracker.fx.Conversion;
import org.pipelinetracker.fx.FxRate;
import org.pipelinetracker.fx.FxRates;
import org.pipelinetracker.project.api.Stage;
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
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Answers the portfolio questions from the bitemporal facts: every query takes a valid-time cut ({@code asOf}:
 * effective on or before) and a transaction-time cut ({@code knownAt}: recorded at or before). Amounts are summed
 * in SQL per effective date and currency, then converted to USD in Java at the rate in force on each value date.
 */
@Service
@Transactional(readOnly = true)
public class PipelineQueries {

	static final LocalDate END_OF_TIME = LocalDate.of(9999, 12, 31);
	static final Instant END_OF_RECORDS = Instant.parse("9999-12-31T23:59:59Z");
	static final int MAX_PERIODS = 600;

	private final JdbcTemplate jdbc;
	private final FxRates fx;
	private final Codelists codelists;

	PipelineQueries(JdbcTemplate jdbc, FxRates fx, Codelists codelists) {
		this.jdbc = jdbc;
		this.fx = fx;
		this.codelists = codelists;
	}

	public enum Interval {
		MONTH, QUARTER, YEAR
	}

	public enum GroupBy {
		NONE, SOURCE, SECTOR, PROJECT
	}

	/** Money in a currency that no rate converts: shown in its own currency, never dropped or taken at 1. */
	public record Unconverted(String currency, BigDecimal committed, BigDecimal disbursed) {
	}

	public record StageLine(Stage stage, String iatiStatus, long projects, BigDecimal committedUsd,
			BigDecimal disbursedUsd) {
	}

	public record SectorLine(String sector, String sectorName, long projects, BigDecimal committedUsd,
			BigDecimal disbursedUsd) {
	}

	public record SourceLine(String source, long fundings, BigDecimal committedUsd, BigDecimal disbursedUsd) {
	}

	public record Pipeline(LocalDate asOf, Instant knownAt, long projects, BigDecimal committedUsd,
			BigDecimal disbursedUsd, BigDecimal undisbursedUsd, List<StageLine> byStage, List<SectorLine> bySector,
			List<SourceLine> bySource, List<Unconverted> unconverted) {
	}

	@JsonInclude(JsonInclude.Include.NON_EMPTY)
	public record SeriesPoint(String period, LocalDate periodStart, LocalDate periodEnd, String group,
			String currency, BigDecimal committed, BigDecimal disbursed, BigDecimal cumulativeCommitted,
			BigDecimal cumulativeDisbursed, List<Unconverted> unconverted) {
	}

	public record MilestoneLine(String projectId, String projectTitle, String milestoneId, String name,
			LocalDate plannedOn, LocalDate achievedOn, Long slippageDays, Long daysOverdue, String status) {
	}

	// --- pipeline ---------------------------------------------------------------------------------------------

	/**
	 * The pipeline at a valid-time and a transaction-time cut. Without either cut (the latest stage of every
	 * project, all money recorded) the answer is read from the summary the projection keeps aggregated, unless it
	 * was converted with other rates than the current ones (or is not built yet): then, like every cut, it is
	 * computed from the facts.
	 */
	public Pipeline pipeline(LocalDate asOf, Instant knownAt) {
		if (asOf == null && knownAt == null) {
			Pipeline summarised = summarised();
			if (summarised != null) {
				return summarised;
			}
		}
		return computed(asOf, knownAt);
	}

	/**
	 * The default pipeline from {@code pipeline_summary_line}: a few dozen rows. Null when its USD figures were
	 * converted with rates other than the current ones (a new rates file), with several sets of rates, or when the
	 * summary has not been built (facts projected before it existed).
	 */
	Pipeline summarised() {
		PipelineSummary.Stored stored = PipelineSummary.read(jdbc);
		if (!PipelineSummary.convertedWith(stored.rates(), fx.fingerprint())) {
			return null;
		}
		Map<Stage, PipelineSummary.StoredLine> stageLines = new HashMap<>();
		Map<String, PipelineSummary.StoredLine> sectorLines = new TreeMap<>();
		Map<String, PipelineSummary.StoredLine> sourceLines = new TreeMap<>();
		Map<String, PipelineSummary.StoredLine> unconvertedLines = new TreeMap<>();
		for (PipelineSummary.StoredLine line : stored.lines()) {
			switch (line.dimension()) {
				case PipelineSummary.STAGE -> stageLines.put(Stage.valueOf(line.lineKey()), line);
				case PipelineSummary.SECTOR -> {
					if (line.projects() > 0) {
						sectorLines.put(line.lineKey(), line);
					}
				}
				case PipelineSummary.SOURCE -> {
					if (line.facts() > 0) {
						sourceLines.put(line.lineKey(), line);
					}
				}
				case PipelineSummary.UNCONVERTED -> {
					if (line.facts() > 0) {
						unconvertedLines.put(line.lineKey(), line);
					}
				}
				default -> throw new IllegalStateException("unknown pipeline summary line " + line.dimension());
			}
		}
		long projects = 0;
		BigDecimal committed = BigDecimal.ZERO;
		BigDecimal disbursed = BigDecimal.ZERO;
		List<StageLine> stages = new ArrayList<>();
		for (Stage stage : Stage.values()) {
			PipelineSummary.StoredLine line = stageLines.get(stage);
			long count = line == null ? 0 : line.projects();
			BigDecimal c = line == null ? BigDecimal.ZERO : line.committed();
			BigDecimal d = line == null ? BigDecimal.ZERO : line.disbursed();
			projects += count;
			committed = committed.add(c);
			disbursed = disbursed.add(d);
			stages.add(new StageLine(stage, stage.iatiStatus(), count, usd(c), usd(d)));
		}
		List<SectorLine> sectors = new ArrayList<>();
		sectorLines.forEach((sector, l) -> sectors.add(new SectorLine(sector, codelists.sectorName(sector).orElse(null),
				l.projects(), usd(l.committed()), usd(l.disbursed()))));
		List<SourceLine> sources = new ArrayList<>();
		sourceLines.forEach((source, l) -> sources.add(new SourceLine(source, l.fundings(), usd(l.committed()),
				usd(l.disbursed()))));
		List<Unconverted> unconverted = new ArrayList<>();
		unconvertedLines.forEach((currency, l) -> unconverted.add(new Unconverted(currency, l.committed(),
				l.disbursed())));
		return new Pipeline(null, null, projects, usd(committed), usd(disbursed), usd(committed.subtract(disbursed)),
				stages, sectors, sources, scaled(unconverted));
	}

	/** The pipeline computed from the facts: every project's stage at the cuts, every money group converted. */
	Pipeline computed(LocalDate asOf, Instant knownAt) {
		Date validCut = Date.valueOf(asOf == null ? END_OF_TIME : asOf);
		Timestamp recordCut = Timestamp.from(knownAt == null ? END_OF_RECORDS : knownAt);

		Map<String, Stage> stageOf = new HashMap<>();
		jdbc.query("select s.project_id, s.stage from pipeline_stage s where s.sequence_number = (select max(s2.sequence_number)"
				+ " from pipeline_stage s2 where s2.project_id = s.project_id and s2.since <= ? and s2.recorded_at <= ?)",
				rs -> {
					stageOf.put(rs.getString(1), Stage.valueOf(rs.getString(2)));
				}, validCut, recordCut);
		Map<String, String> sectorOf = new HashMap<>();
		jdbc.query("select project_id, sector from pipeline_project", rs -> {
			sectorOf.put(rs.getString(1), rs.getString(2));
		});

		Map<Stage, Sums> byStage = new LinkedHashMap<>();
		for (Stage stage : Stage.values()) {
			byStage.put(stage, new Sums());
		}
		Map<String, Sums> bySector = new TreeMap<>();
		Map<String, Sums> bySource = new TreeMap<>();
		Map<String, Unconverted> unconverted = new TreeMap<>();
		Sums total = new Sums();
		stageOf.forEach((project, stage) -> {
			byStage.get(stage).projects.add(project);
			bySector.computeIfAbsent(sectorOf.get(project), k -> new Sums()).projects.add(project);
		});
		jdbc.query("select project_id, funding_id, source, currency, kind, effective_date, sum(amount) from pipeline_money"
				+ " where effective_date <= ? and recorded_at <= ?"
				+ " group by project_id, funding_id, source, currency, kind, effective_date", rs -> {
			String project = rs.getString(1);
			Stage stage = stageOf.get(project);
			if (stage == null) {
				return; // the project did not exist yet at this cut
			}
			String source = rs.getString(3);
			String currency = rs.getString(4);
			boolean committed = PipelineProjection.COMMITTED.equals(rs.getString(5));
			BigDecimal amount = rs.getBigDecimal(7);
			Conversion usd = fx.toUsd(amount, currency, rs.getDate(6).toLocalDate());
			Sums sourceSums = bySource.computeIfAbsent(source, k -> new Sums());
			if (committed) {
				sourceSums.fundings.add(project + "/" + rs.getString(2));
			}
			if (!usd.converted()) {
				unconverted.merge(currency, committed ? new Unconverted(currency, amount, BigDecimal.ZERO)
						: new Unconverted(currency, BigDecimal.ZERO, amount), PipelineQueries::plus);
				return;
			}
			for (Sums sums : List.of(total, byStage.get(stage), bySector.get(sectorOf.get(project)), sourceSums)) {
				sums.add(committed, usd.usd());
			}
		}, validCut, recordCut);

		List<StageLine> stages = new ArrayList<>();
		byStage.forEach((stage, s) -> stages.add(new StageLine(stage, stage.iatiStatus(), s.projects.size(),
				usd(s.committed), usd(s.disbursed))));
		List<SectorLine> sectors = new ArrayList<>();
		bySector.forEach((sector, s) -> sectors.add(new SectorLine(sector, codelists.sectorName(sector).orElse(null),
				s.projects.size(), usd(s.committed), usd(s.disbursed))));
		List<SourceLine> sources = new ArrayList<>();
		bySource.forEach((source, s) -> sources.add(new SourceLine(source, s.fundings.size(), usd(s.committed),
				usd(s.disbursed))));
		return new Pipeline(asOf, knownAt, stageOf.size(), usd(total.committed), usd(total.disbursed),
				usd(total.committed.subtract(total.disbursed)), stages, sectors, sources,
				scaled(new ArrayList<>(unconverted.values())));
	}

	// --- funding over time ------------------------------------------------------------------------------------

	public List<SeriesPoint> timeSeries(Interval interval, LocalDate from, LocalDate to, GroupBy groupBy, String currency,
			LocalDate asOf, Instant knownAt, LocalDate today) {
		LocalDate end = to != null ? to : asOf != null ? asOf : today;
		LocalDate validCut = asOf != null && asOf.isBefore(end) ? asOf : end;
		boolean inUsd = "USD".equals(currency);
		// NONE selects a constant and does not group by it: PostgreSQL refuses a constant in GROUP BY
		String groupColumn = switch (groupBy) {
			case NONE -> null;
			case SOURCE -> "m.source";
			case SECTOR -> "p.sector";
			case PROJECT -> "m.project_id";
		};
		String sql = "select m.effective_date, " + (groupColumn == null ? "'TOTAL'" : groupColumn)
				+ ", m.currency, m.kind, sum(m.amount)"
				// the project's row is joined only for its sector (PostgreSQL otherwise joins every fact first)
				+ " from pipeline_money m" + (groupBy == GroupBy.SECTOR
						? " join pipeline_project p on p.project_id = m.project_id" : "")
				+ " where m.effective_date <= ? and m.recorded_at <= ?" + (inUsd ? "" : " and m.currency = ?")
				+ " group by m.effective_date, " + (groupColumn == null ? "" : groupColumn + ", ") + "m.currency, m.kind";
		List<Object> args = new ArrayList<>(List.of(Date.valueOf(validCut),
				Timestamp.from(knownAt == null ? END_OF_RECORDS : knownAt)));
		if (!inUsd) {
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
			LocalDate period = periodStart(interval, date);
			BigDecimal value = amount;
			if (inUsd) {
				Conversion conversion = fx.toUsd(amount, factCurrency, date);
				if (!conversion.converted()) {
					missing.computeIfAbsent(group, g -> new HashMap<>()).computeIfAbsent(period, p -> new TreeMap<>())
							.merge(factCurrency, committed ? new Unconverted(factCurrency, amount, BigDecimal.ZERO)
									: new Unconverted(factCurrency, BigDecimal.ZERO, amount), PipelineQueries::plus);
					flows.computeIfAbsent(group, g -> new TreeMap<>());
					return;
				}
				value = conversion.usd();
			}
			BigDecimal[] sums = flows.computeIfAbsent(group, g -> new TreeMap<>())
					.computeIfAbsent(period, p -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
			sums[committed ? 0 : 1] = sums[committed ? 0 : 1].add(value);
		}, args.toArray());

		LocalDate start = periodStart(interval,
				from != null ? from : factDates.isEmpty() ? end : factDates.first());
		List<LocalDate> periods = new ArrayList<>();
		for (LocalDate p = start; !p.isAfter(end); p = next(interval, p)) {
			periods.add(p);
			if (periods.size() > MAX_PERIODS) {
				throw new IllegalArgumentException("more than " + MAX_PERIODS + " periods");
			}
		}
		int scale = inUsd ? 2 : codelists.currencyFractionDigits(currency);
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
				points.add(new SeriesPoint(label(interval, period), period, next(interval, period).minusDays(1), group,
						currency, sums[0].setScale(scale, RoundingMode.HALF_EVEN),
						sums[1].setScale(scale, RoundingMode.HALF_EVEN),
						cumulativeCommitted.setScale(scale, RoundingMode.HALF_EVEN),
						cumulativeDisbursed.setScale(scale, RoundingMode.HALF_EVEN), scaled(gaps)));
			}
		}
		return points;
	}

	// --- milestones -------------------------------------------------------------------------------------------

	public List<MilestoneLine> milestones(boolean overdueOnly, String projectId, LocalDate today) {
		StringBuilder sql = new StringBuilder("select m.project_id, p.title, m.milestone_id, m.name, m.planned_on,"
				+ " m.achieved_on from milestone_view m left join pipeline_project p on p.project_id = m.project_id where 1 = 1");
		List<Object> args = new ArrayList<>();
		if (overdueOnly) {
			sql.append(" and m.achieved_on is null and m.planned_on < ?");
			args.add(Date.valueOf(today));
		}
		if (projectId != null) {
			sql.append(" and m.project_id = ?");
			args.add(projectId);
		}
		sql.append(" order by m.planned_on, m.project_id, m.milestone_id");
		return jdbc.query(sql.toString(), (rs, i) -> {
			LocalDate planned = rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate();
			LocalDate achieved = rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate();
			Long slippage = planned != null && achieved != null ? ChronoUnit.DAYS.between(planned, achieved) : null;
			boolean overdue = achieved == null && planned != null && planned.isBefore(today);
			Long daysOverdue = overdue ? ChronoUnit.DAYS.between(planned, today) : null;
			String status = achieved != null ? "ACHIEVED" : overdue ? "OVERDUE" : "PLANNED";
			return new MilestoneLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), planned,
					achieved, slippage, daysOverdue, status);
		}, args.toArray());
	}

	// --- alerts -----------------------------------------------------------------------------------------------

	public record Alert(String projectId, String projectTitle, String kind, String fundingId, LocalDate since,
			long daysStalled, Instant raisedAt, LocalDate resolvedOn) {
	}

	public List<Alert> alerts(boolean includeResolved, LocalDate today) {
		return jdbc.query("select a.project_id, p.title, a.kind, a.funding_id, a.since, a.raised_at, a.resolved_on"
				+ " from alert_view a left join pipeline_project p on p.project_id = a.project_id"
				+ (includeResolved ? "" : " where a.resolved_on is null") + " order by a.since, a.project_id",
				(rs, i) -> {
					LocalDate since = rs.getDate(5).toLocalDate();
					LocalDate resolved = rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate();
					String fundingId = rs.getString(4);
					return new Alert(rs.getString(1), rs.getString(2), rs.getString(3),
							fundingId == null || fundingId.isEmpty() ? null : fundingId, since,
							Math.max(0, ChronoUnit.DAYS.between(since, resolved != null ? resolved : today)),
							rs.getTimestamp(6).toInstant(), resolved);
				});
	}

	// --- helpers ----------------------------------------------------------------------------------------------

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

	private static Unconverted plus(Unconverted a, Unconverted b) {
		return new Unconverted(a.currency(), a.committed().add(b.committed()), a.disbursed().add(b.disbursed()));
	}

	private List<Unconverted> scaled(List<Unconverted> list) {
		return list.stream().map(u -> {
			int digits = codelists.currencyFractionDigits(u.currency());
			return new Unconverted(u.currency(), u.committed().setScale(digits, RoundingMode.HALF_EVEN),
					u.disbursed().setScale(digits, RoundingMode.HALF_EVEN));
		}).toList();
	}

	private static BigDecimal usd(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_EVEN);
	}

	/** Running totals for one line of the report. */
	private static final class Sums {
		final Set<String> projects = new HashSet<>();
		final Set<String> fundings = new HashSet<>();
		BigDecimal committed = BigDecimal.ZERO;
		BigDecimal disbursed = BigDecimal.ZERO;

		void add(boolean isCommitment, BigDecimal usd) {
			if (isCommitment) {
				committed = committed.add(usd);
			}
			else {
				disbursed = disbursed.add(usd);
			}
		}
	}
}
