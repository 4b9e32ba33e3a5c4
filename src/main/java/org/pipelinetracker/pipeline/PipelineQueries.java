package org.pipelinetracker.pipeline;

import org.pipelinetracker.fx.Conversion;
import org.pipelinetracker.fx.Converted;
import org.pipelinetracker.fx.FxRates;
import org.pipelinetracker.fx.RateTable;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The pipeline ({@code GET /api/pipeline}) from the bitemporal facts: projects and money per stage, sector and
 * source at a valid-time cut ({@code asOf}: effective on or before) and a transaction-time cut ({@code knownAt}:
 * recorded at or before). Amounts are summed in SQL per effective date and currency, then converted to USD in Java
 * at the rate in force on each value date, and to the display currency ({@code currency}: USD, or what the request
 * asks for) the same way; each answer converts with one set of rates ({@link FxRates#current()}). An amount without a
 * usable rate is never counted as zero: it is listed in its own currency ({@code unconverted} for USD,
 * {@code excluded} for the display currency) and left out of the totals. Funding over time is
 * {@link FundingTimeSeries}; milestones and alerts are {@link MilestoneQueries} and {@link AlertQueries}.
 */
@Service
@Transactional(readOnly = true)
public class PipelineQueries {

	static final String USD = "USD";
	static final LocalDate END_OF_TIME = LocalDate.of(9999, 12, 31);
	static final Instant END_OF_RECORDS = Instant.parse("9999-12-31T23:59:59Z");

	private final JdbcTemplate jdbc;
	private final FxRates fx;
	private final Codelists codelists;

	PipelineQueries(JdbcTemplate jdbc, FxRates fx, Codelists codelists) {
		this.jdbc = jdbc;
		this.fx = fx;
		this.codelists = codelists;
	}

	/** {@code committed}/{@code disbursed}: in the display currency ({@link Pipeline#currency()}). */
	public record StageLine(Stage stage, String iatiStatus, long projects, BigDecimal committedUsd,
			BigDecimal disbursedUsd, BigDecimal committed, BigDecimal disbursed) {
	}

	public record SectorLine(String sector, String sectorName, long projects, BigDecimal committedUsd,
			BigDecimal disbursedUsd, BigDecimal committed, BigDecimal disbursed) {
	}

	public record SourceLine(String source, long fundings, BigDecimal committedUsd, BigDecimal disbursedUsd,
			BigDecimal committed, BigDecimal disbursed) {
	}

	/**
	 * The pipeline in USD ({@code …Usd}, amounts without a USD rate in {@code unconverted}) and in the display
	 * currency {@code currency} ({@code committed}, {@code disbursed}, {@code undisbursed} and the lines' own;
	 * amounts without a rate to it in {@code excluded}: the totals leave them out). Each amount is converted at the
	 * rate of its own value date.
	 */
	public record Pipeline(LocalDate asOf, Instant knownAt, long projects, BigDecimal committedUsd,
			BigDecimal disbursedUsd, BigDecimal undisbursedUsd, List<StageLine> byStage, List<SectorLine> bySector,
			List<SourceLine> bySource, List<Unconverted> unconverted, String currency, BigDecimal committed,
			BigDecimal disbursed, BigDecimal undisbursed, List<Unconverted> excluded) {
	}

	// --- pipeline ---------------------------------------------------------------------------------------------

	/**
	 * The pipeline at a valid-time and a transaction-time cut. Without either cut (the latest stage of every
	 * project, all money recorded) the answer is read from the summary the projection keeps aggregated, unless it
	 * was converted with other rates than the current ones (or is not built yet): then, like every cut, it is
	 * computed from the facts.
	 */
	public Pipeline pipeline(LocalDate asOf, Instant knownAt) {
		return pipeline(asOf, knownAt, USD);
	}

	/** The pipeline with its amounts also in {@code displayCurrency}; the summary answers for USD only. */
	public Pipeline pipeline(LocalDate asOf, Instant knownAt, String displayCurrency) {
		RateTable rates = fx.current();
		if (asOf == null && knownAt == null && USD.equals(displayCurrency)) {
			Pipeline summarised = summarised(rates);
			if (summarised != null) {
				return summarised;
			}
		}
		return computed(asOf, knownAt, rates, displayCurrency);
	}

	/**
	 * The default pipeline from {@code pipeline_summary_line}: a few dozen rows. Null when its USD figures were
	 * converted with rates other than the current ones (a new rates file), with several sets of rates, or when the
	 * summary has not been built (facts projected before it existed).
	 */
	Pipeline summarised() {
		return summarised(fx.current());
	}

	private Pipeline summarised(RateTable rates) {
		PipelineSummary.Stored stored = PipelineSummary.read(jdbc);
		if (!PipelineSummary.convertedWith(stored.rates(), rates.fingerprint())) {
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
			stages.add(new StageLine(stage, stage.iatiStatus(), count, usd(c), usd(d), usd(c), usd(d)));
		}
		List<SectorLine> sectors = new ArrayList<>();
		sectorLines.forEach((sector, l) -> sectors.add(new SectorLine(sector, codelists.sectorName(sector).orElse(null),
				l.projects(), usd(l.committed()), usd(l.disbursed()), usd(l.committed()), usd(l.disbursed()))));
		List<SourceLine> sources = new ArrayList<>();
		sourceLines.forEach((source, l) -> sources.add(new SourceLine(source, l.fundings(), usd(l.committed()),
				usd(l.disbursed()), usd(l.committed()), usd(l.disbursed()))));
		List<Unconverted> unconverted = new ArrayList<>();
		unconvertedLines.forEach((currency, l) -> unconverted.add(new Unconverted(currency, l.committed(),
				l.disbursed())));
		List<Unconverted> scaled = Unconverted.scaled(unconverted, codelists);
		return new Pipeline(null, null, projects, usd(committed), usd(disbursed), usd(committed.subtract(disbursed)),
				stages, sectors, sources, scaled, USD, usd(committed), usd(disbursed), usd(committed.subtract(disbursed)),
				scaled);
	}

	/** The pipeline computed from the facts: every project's stage at the cuts, every money group converted. */
	Pipeline computed(LocalDate asOf, Instant knownAt) {
		return computed(asOf, knownAt, fx.current(), USD);
	}

	private Pipeline computed(LocalDate asOf, Instant knownAt, RateTable rates, String displayCurrency) {
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
		Map<String, Unconverted> excluded = new TreeMap<>();
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
			LocalDate valueDate = rs.getDate(6).toLocalDate();
			Conversion usd = rates.toUsd(amount, currency, valueDate);
			Converted shown = USD.equals(displayCurrency) ? null
					: rates.convert(amount, currency, displayCurrency, valueDate).orElse(null);
			Sums sourceSums = bySource.computeIfAbsent(source, k -> new Sums());
			if (committed) {
				sourceSums.fundings.add(project + "/" + rs.getString(2));
			}
			List<Sums> lines = List.of(total, byStage.get(stage), bySector.get(sectorOf.get(project)), sourceSums);
			if (!usd.converted()) {
				unconverted.merge(currency, Unconverted.of(currency, committed, amount), Unconverted::plus);
			}
			else {
				lines.forEach(sums -> sums.add(committed, usd.usd()));
			}
			if (!USD.equals(displayCurrency)) {
				if (shown == null) {
					excluded.merge(currency, Unconverted.of(currency, committed, amount), Unconverted::plus);
				}
				else {
					lines.forEach(sums -> sums.addShown(committed, shown.amount()));
				}
			}
		}, validCut, recordCut);

		boolean inUsd = USD.equals(displayCurrency);
		int digits = codelists.currencyFractionDigits(displayCurrency);
		List<StageLine> stages = new ArrayList<>();
		byStage.forEach((stage, s) -> stages.add(new StageLine(stage, stage.iatiStatus(), s.projects.size(),
				usd(s.committed), usd(s.disbursed), s.shownCommitted(inUsd, digits), s.shownDisbursed(inUsd, digits))));
		List<SectorLine> sectors = new ArrayList<>();
		bySector.forEach((sector, s) -> sectors.add(new SectorLine(sector, codelists.sectorName(sector).orElse(null),
				s.projects.size(), usd(s.committed), usd(s.disbursed), s.shownCommitted(inUsd, digits),
				s.shownDisbursed(inUsd, digits))));
		List<SourceLine> sources = new ArrayList<>();
		bySource.forEach((source, s) -> sources.add(new SourceLine(source, s.fundings.size(), usd(s.committed),
				usd(s.disbursed), s.shownCommitted(inUsd, digits), s.shownDisbursed(inUsd, digits))));
		List<Unconverted> withoutUsd = Unconverted.scaled(new ArrayList<>(unconverted.values()), codelists);
		BigDecimal shownCommitted = total.shownCommitted(inUsd, digits);
		BigDecimal shownDisbursed = total.shownDisbursed(inUsd, digits);
		return new Pipeline(asOf, knownAt, stageOf.size(), usd(total.committed), usd(total.disbursed),
				usd(total.committed.subtract(total.disbursed)), stages, sectors, sources, withoutUsd, displayCurrency,
				shownCommitted, shownDisbursed, shownCommitted.subtract(shownDisbursed),
				inUsd ? withoutUsd : Unconverted.scaled(new ArrayList<>(excluded.values()), codelists));
	}

	// --- helpers ----------------------------------------------------------------------------------------------

	private static BigDecimal usd(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_EVEN);
	}

	/** Running totals for one line of the report: in USD, and in the display currency when it is another. */
	private static final class Sums {
		final Set<String> projects = new HashSet<>();
		final Set<String> fundings = new HashSet<>();
		BigDecimal committed = BigDecimal.ZERO;
		BigDecimal disbursed = BigDecimal.ZERO;
		BigDecimal committedShown = BigDecimal.ZERO;
		BigDecimal disbursedShown = BigDecimal.ZERO;

		void add(boolean isCommitment, BigDecimal usd) {
			if (isCommitment) {
				committed = committed.add(usd);
			}
			else {
				disbursed = disbursed.add(usd);
			}
		}

		void addShown(boolean isCommitment, BigDecimal amount) {
			if (isCommitment) {
				committedShown = committedShown.add(amount);
			}
			else {
				disbursedShown = disbursedShown.add(amount);
			}
		}

		BigDecimal shownCommitted(boolean inUsd, int digits) {
			return inUsd ? usd(committed) : committedShown.setScale(digits, RoundingMode.HALF_EVEN);
		}

		BigDecimal shownDisbursed(boolean inUsd, int digits) {
			return inUsd ? usd(disbursed) : disbursedShown.setScale(digits, RoundingMode.HALF_EVEN);
		}
	}
}
