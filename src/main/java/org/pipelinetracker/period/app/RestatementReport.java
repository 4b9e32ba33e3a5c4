package org.pipelinetracker.period.app;

import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.period.api.FiscalPeriod;
import org.pipelinetracker.period.query.PeriodView;
import org.pipelinetracker.period.query.PeriodViews;
import org.pipelinetracker.period.query.RestatementView;
import org.pipelinetracker.pipeline.PeriodFigures;
import org.pipelinetracker.pipeline.PeriodFigures.Dimension;
import org.pipelinetracker.pipeline.PeriodFigures.Line;
import org.pipelinetracker.project.api.CommandRejectedException;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The restatements report of a closed period: every restating event recorded since its close, and its figures as
 * known at the close beside the figures now, both computed from the same event facts at two transaction-time cuts
 * ({@code knownAt} = the close, and now), never from a copy taken at the close.
 */
@Service
public class RestatementReport {

	/** The report: the period, its close, what restated it, and its figures then and now. */
	public record Report(String period, LocalDate startsOn, LocalDate endsOn, Instant closedAt, String closedBy,
			List<RestatementView> restatements, List<FigureLine> bySource, List<FigureLine> bySector) {
	}

	/** One source or sector in one currency: committed and disbursed as known at the close, now, and the change. */
	public record FigureLine(String key, String currency, BigDecimal committedAtClose, BigDecimal committedNow,
			BigDecimal committedChange, BigDecimal disbursedAtClose, BigDecimal disbursedNow,
			BigDecimal disbursedChange) {
	}

	private final PeriodViews views;
	private final PeriodFigures figures;
	private final PeriodWriteService periods;

	RestatementReport(PeriodViews views, PeriodFigures figures, PeriodWriteService periods) {
		this.views = views;
		this.figures = figures;
		this.periods = periods;
	}

	/** 400 for a malformed period; 409 when it is not closed now (never closed, or reopened). */
	public Report report(String period) {
		FiscalPeriod fiscal = periods.parse(period);
		PeriodView view = views.find(fiscal.label()).filter(PeriodView::closed).orElseThrow(() ->
				CommandRejectedException.rule("period", Text.of("problem.rule.periodNotClosed")
						.with("period", fiscal.label())));
		List<Line> then = figures.figures(fiscal.startsOn(), fiscal.endsOn(), view.closedAt());
		List<Line> now = figures.figures(fiscal.startsOn(), fiscal.endsOn(), null);
		return new Report(fiscal.label(), fiscal.startsOn(), fiscal.endsOn(), view.closedAt(), view.closedBy(),
				views.restatements(fiscal.startsOn(), fiscal.endsOn(), view.closedAt()),
				compare(Dimension.SOURCE, then, now), compare(Dimension.SECTOR, then, now));
	}

	private static List<FigureLine> compare(Dimension dimension, List<Line> then, List<Line> now) {
		Map<String, Line[]> pairs = new TreeMap<>();
		for (Line line : then) {
			if (line.dimension() == dimension) {
				pairs.computeIfAbsent(key(line), k -> new Line[2])[0] = line;
			}
		}
		for (Line line : now) {
			if (line.dimension() == dimension) {
				pairs.computeIfAbsent(key(line), k -> new Line[2])[1] = line;
			}
		}
		List<FigureLine> lines = new ArrayList<>();
		pairs.values().forEach(pair -> {
			Line any = pair[1] != null ? pair[1] : pair[0];
			BigDecimal zero = BigDecimal.ZERO.setScale(any.committed().scale());
			BigDecimal committedThen = pair[0] == null ? zero : pair[0].committed();
			BigDecimal committedNow = pair[1] == null ? zero : pair[1].committed();
			BigDecimal disbursedThen = pair[0] == null ? zero : pair[0].disbursed();
			BigDecimal disbursedNow = pair[1] == null ? zero : pair[1].disbursed();
			lines.add(new FigureLine(any.key(), any.currency(), committedThen, committedNow,
					committedNow.subtract(committedThen), disbursedThen, disbursedNow,
					disbursedNow.subtract(disbursedThen)));
		});
		return lines;
	}

	private static String key(Line line) {
		return (line.key() == null ? "" : line.key()) + "\u0000" + line.currency();
	}
}
