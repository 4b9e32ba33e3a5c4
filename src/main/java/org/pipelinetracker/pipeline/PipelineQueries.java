package org.pipelinetracker.pipeline;

import org.pipelinetracker.fx.Conversion;
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
 * at the rate in force on each value date. Funding over time is {@link FundingTimeSeries}; milestones and alerts
 * are {@link MilestoneQueries} and {@link AlertQueries}.
 */
@Service
@Transactional(readOnly = true)
public class PipelineQueries {

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
				stages, sectors, sources, Unconverted.scaled(unconverted, codelists));
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
						: new Unconverted(currency, BigDecimal.ZERO, amount), Unconverted::plus);
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
				Unconverted.scaled(new ArrayList<>(unconverted.values()), codelists));
	}

	// --- helpers ----------------------------------------------------------------------------------------------

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
