package org.pipelinetracker.sheets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.pipelinetracker.fx.DisplayCurrencies;
import org.pipelinetracker.kernel.FiscalCalendar;
import org.pipelinetracker.kernel.InvalidRequestException;
import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.kernel.Violations;
import org.pipelinetracker.pipeline.AlertQueries;
import org.pipelinetracker.pipeline.AlertQueries.Alert;
import org.pipelinetracker.pipeline.FundingTimeSeries;
import org.pipelinetracker.pipeline.FundingTimeSeries.GroupBy;
import org.pipelinetracker.pipeline.FundingTimeSeries.Interval;
import org.pipelinetracker.pipeline.FundingTimeSeries.SeriesPoint;
import org.pipelinetracker.pipeline.MilestoneQueries;
import org.pipelinetracker.pipeline.MilestoneQueries.MilestoneLine;
import org.pipelinetracker.pipeline.PipelineQueries;
import org.pipelinetracker.pipeline.PipelineQueries.Pipeline;
import org.pipelinetracker.pipeline.PipelineQueries.SectorLine;
import org.pipelinetracker.pipeline.PipelineQueries.SourceLine;
import org.pipelinetracker.pipeline.PipelineQueries.StageLine;
import org.pipelinetracker.reference.Codelists;
import org.pipelinetracker.sheets.Workbook.Amount;
import org.pipelinetracker.sheets.Workbook.Column;
import org.pipelinetracker.sheets.Workbook.Kind;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * The portfolio tables as XLSX, with the parameters of their JSON twins: {@code /api/export/pipeline.xlsx}
 * ({@code /api/pipeline}: a sheet per stage, sector and source), {@code /api/export/timeseries.xlsx}
 * ({@code /api/funding/timeseries}), {@code /api/export/milestones.xlsx} ({@code /api/milestones}) and
 * {@code /api/export/alerts.xlsx} ({@code /api/alerts}).
 */
@RestController
class PortfolioSheetsController {

	private static final List<Column> BY_STAGE = List.of(col("ui.sheet.col.stage", Kind.TEXT, 18),
			col("ui.sheet.col.iatiStatus", Kind.TEXT, 10), col("ui.sheet.col.projects", Kind.INTEGER, 10),
			col("ui.sheet.col.currency", Kind.TEXT, 9), col("ui.sheet.col.committed", Kind.MONEY, 20),
			col("ui.sheet.col.disbursed", Kind.MONEY, 20), col("ui.sheet.col.committedUsd", Kind.MONEY, 20),
			col("ui.sheet.col.disbursedUsd", Kind.MONEY, 20));
	private static final List<Column> BY_SECTOR = List.of(col("ui.sheet.col.sector", Kind.TEXT, 9),
			col("ui.sheet.col.sectorName", Kind.TEXT, 30), col("ui.sheet.col.projects", Kind.INTEGER, 10),
			col("ui.sheet.col.currency", Kind.TEXT, 9), col("ui.sheet.col.committed", Kind.MONEY, 20),
			col("ui.sheet.col.disbursed", Kind.MONEY, 20), col("ui.sheet.col.committedUsd", Kind.MONEY, 20),
			col("ui.sheet.col.disbursedUsd", Kind.MONEY, 20));
	private static final List<Column> BY_SOURCE = List.of(col("ui.sheet.col.source", Kind.TEXT, 18),
			col("ui.sheet.col.fundings", Kind.INTEGER, 10), col("ui.sheet.col.currency", Kind.TEXT, 9),
			col("ui.sheet.col.committed", Kind.MONEY, 20), col("ui.sheet.col.disbursed", Kind.MONEY, 20),
			col("ui.sheet.col.committedUsd", Kind.MONEY, 20), col("ui.sheet.col.disbursedUsd", Kind.MONEY, 20));
	private static final List<Column> SERIES = List.of(col("ui.sheet.col.period", Kind.TEXT, 10),
			col("ui.sheet.col.periodStart", Kind.DATE, 12), col("ui.sheet.col.periodEnd", Kind.DATE, 12),
			col("ui.sheet.col.group", Kind.TEXT, 20), col("ui.sheet.col.currency", Kind.TEXT, 9),
			col("ui.sheet.col.committed", Kind.MONEY, 20), col("ui.sheet.col.disbursed", Kind.MONEY, 20),
			col("ui.sheet.col.cumulativeCommitted", Kind.MONEY, 20),
			col("ui.sheet.col.cumulativeDisbursed", Kind.MONEY, 20), col("ui.sheet.col.planned", Kind.MONEY, 20),
			col("ui.sheet.col.unconvertedPlanned", Kind.TEXT, 28));
	private static final List<Column> MILESTONES = List.of(col("ui.sheet.col.projectId", Kind.TEXT, 14),
			col("ui.sheet.col.title", Kind.TEXT, 36), col("ui.sheet.col.milestoneId", Kind.TEXT, 14),
			col("ui.sheet.col.milestone", Kind.TEXT, 30), col("ui.sheet.col.plannedOn", Kind.DATE, 12),
			col("ui.sheet.col.achievedOn", Kind.DATE, 12), col("ui.sheet.col.slippageDays", Kind.INTEGER, 10),
			col("ui.sheet.col.daysOverdue", Kind.INTEGER, 10), col("ui.sheet.col.status", Kind.TEXT, 12));
	private static final List<Column> ALERTS = List.of(col("ui.sheet.col.projectId", Kind.TEXT, 14),
			col("ui.sheet.col.title", Kind.TEXT, 36), col("ui.sheet.col.kind", Kind.TEXT, 22),
			col("ui.sheet.col.fundingId", Kind.TEXT, 14), col("ui.sheet.col.since", Kind.DATE, 12),
			col("ui.sheet.col.daysStalled", Kind.INTEGER, 10), col("ui.sheet.col.raisedAt", Kind.INSTANT, 20),
			col("ui.sheet.col.resolvedOn", Kind.DATE, 12));

	private final Workbooks workbooks;
	private final PipelineQueries pipeline;
	private final FundingTimeSeries series;
	private final MilestoneQueries milestones;
	private final AlertQueries alerts;
	private final DisplayCurrencies displayCurrencies;
	private final Codelists codelists;
	private final Clock clock;

	/** Quarters and years of the configured fiscal year (null: January, calendar periods labelled 2025-Q3). */
	private final FiscalCalendar fiscalCalendar;

	PortfolioSheetsController(Workbooks workbooks, PipelineQueries pipeline, FundingTimeSeries series,
			MilestoneQueries milestones, AlertQueries alerts, DisplayCurrencies displayCurrencies, Codelists codelists,
			Clock clock, @Value("${tracker.fiscal-year.start-month:1}") int fiscalYearStartMonth) {
		this.fiscalCalendar = fiscalYearStartMonth == 1 ? null : new FiscalCalendar(fiscalYearStartMonth);
		this.workbooks = workbooks;
		this.pipeline = pipeline;
		this.series = series;
		this.milestones = milestones;
		this.alerts = alerts;
		this.displayCurrencies = displayCurrencies;
		this.codelists = codelists;
		this.clock = clock;
	}

	private static Column col(String key, Kind kind, int width) {
		return new Column(key, kind, width);
	}

	@Operation(summary = "The pipeline by stage, sector and funding source as an XLSX workbook", responses = {
			@ApiResponse(responseCode = "200", description = "the workbook", content = @Content(mediaType = Workbooks.XLSX, schema = @Schema(type = "string", format = "binary"))),
			@ApiResponse(responseCode = "400", description = "a parameter is not valid", content = @Content(mediaType = "application/problem+json"))})
	@GetMapping("/api/export/pipeline.xlsx")
	void pipeline(@RequestParam(required = false) LocalDate asOf, @RequestParam(required = false) Instant knownAt,
			@RequestParam(required = false) String displayCurrency, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		Pipeline p = pipeline.pipeline(asOf, knownAt, displayCurrencies.resolve(displayCurrency, "displayCurrency"));
		String c = p.currency();
		try (Workbook book = workbooks.open(request)) {
			Workbook.Sheet stages = book.sheet("ui.sheet.byStage.name",
					Workbooks.titleWithCut("ui.sheet.pipeline.title", asOf, knownAt), BY_STAGE);
			for (StageLine l : p.byStage()) {
				stages.row(Text.of("ref.stage." + l.stage().name()), l.iatiStatus(), l.projects(), c,
						money(l.committed(), c), money(l.disbursed(), c), usd(l.committedUsd()), usd(l.disbursedUsd()));
			}
			Workbook.Sheet sectors = book.sheet("ui.sheet.bySector.name",
					Workbooks.titleWithCut("ui.sheet.pipeline.title", asOf, knownAt), BY_SECTOR);
			for (SectorLine l : p.bySector()) {
				sectors.row(l.sector(), l.sectorName(), l.projects(), c, money(l.committed(), c),
						money(l.disbursed(), c), usd(l.committedUsd()), usd(l.disbursedUsd()));
			}
			Workbook.Sheet sources = book.sheet("ui.sheet.bySource.name",
					Workbooks.titleWithCut("ui.sheet.pipeline.title", asOf, knownAt), BY_SOURCE);
			for (SourceLine l : p.bySource()) {
				sources.row(l.source(), l.fundings(), c, money(l.committed(), c), money(l.disbursed(), c),
						usd(l.committedUsd()), usd(l.disbursedUsd()));
			}
			book.send(response, "pipeline.xlsx");
		}
	}

	/** The checks of {@code /api/funding/timeseries}, the same 400s. */
	@Operation(summary = "The funding series as an XLSX workbook", responses = {
			@ApiResponse(responseCode = "200", description = "the workbook", content = @Content(mediaType = Workbooks.XLSX, schema = @Schema(type = "string", format = "binary"))),
			@ApiResponse(responseCode = "400", description = "a parameter is not valid", content = @Content(mediaType = "application/problem+json"))})
	@GetMapping("/api/export/timeseries.xlsx")
	void timeSeries(@RequestParam(defaultValue = "MONTH") Interval interval,
			@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			@RequestParam(defaultValue = "NONE") GroupBy groupBy, @RequestParam(defaultValue = "USD") String currency,
			@RequestParam(required = false) LocalDate asOf, @RequestParam(required = false) Instant knownAt,
			@RequestParam(required = false) String displayCurrency,
			@RequestParam(required = false) Integer fiscalYearStart, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		String code = currency.trim().toUpperCase(Locale.ROOT);
		LocalDate today = LocalDate.now(clock);
		Violations v = new Violations();
		v.check(codelists.isCurrency(code), "currency",
				"'" + currency + "' is not an ISO 4217 currency; use USD for USD-normalised values");
		String shownIn = displayCurrencies.resolve(v, displayCurrency, "displayCurrency");
		boolean converting = "USD".equals(code);
		if (!converting && displayCurrency != null && !displayCurrency.isBlank()) {
			v.add("displayCurrency", displayCurrencies.notWithOriginalAmounts(code));
		}
		LocalDate end = to != null ? to : asOf != null ? asOf : today;
		if (from != null) {
			v.check(!from.isAfter(end), "from", "must not be after 'to' (" + end + ")");
		}
		v.check(fiscalYearStart == null || FiscalCalendar.isStartMonth(fiscalYearStart), "fiscalYearStart",
				Text.of("problem.field.fiscalYearStart"));
		v.throwIfAny();
		FiscalCalendar fiscal = fiscalYearStart != null ? new FiscalCalendar(fiscalYearStart) : fiscalCalendar;
		List<SeriesPoint> points;
		try {
			points = series.timeSeries(interval, fiscal, from, to, groupBy, converting ? shownIn : code, converting,
					asOf, knownAt, today);
		}
		catch (IllegalArgumentException tooLong) {
			throw InvalidRequestException.of("from", "the range spans " + tooLong.getMessage()
					+ "; choose a later 'from' or a longer interval");
		}
		try (Workbook book = workbooks.open(request)) {
			Workbook.Sheet sheet = book.sheet("ui.sheet.timeseries.name",
					Workbooks.titleWithCut("ui.sheet.timeseries.title", asOf, knownAt), SERIES);
			for (SeriesPoint s : points) {
				String c = s.currency();
				sheet.row(s.period(), s.periodStart(), s.periodEnd(), s.group(), c, money(s.committed(), c),
						money(s.disbursed(), c), money(s.cumulativeCommitted(), c), money(s.cumulativeDisbursed(), c),
						money(s.planned(), c), s.unconvertedPlanned() == null ? "" : String.join("; ",
								s.unconvertedPlanned().stream().map(m -> m.currency() + " " + m.amount().toPlainString())
										.toList()));
			}
			book.send(response, "funding-timeseries.xlsx");
		}
	}

	@Operation(summary = "The milestones as an XLSX workbook", responses = {
			@ApiResponse(responseCode = "200", description = "the workbook", content = @Content(mediaType = Workbooks.XLSX, schema = @Schema(type = "string", format = "binary"))),
			@ApiResponse(responseCode = "400", description = "a parameter is not valid", content = @Content(mediaType = "application/problem+json"))})
	@GetMapping("/api/export/milestones.xlsx")
	void milestones(@RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(required = false) String projectId, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		try (Workbook book = workbooks.open(request)) {
			Workbook.Sheet sheet = book.sheet("ui.sheet.milestones.name", Text.of("ui.sheet.milestones.title"),
					MILESTONES);
			for (MilestoneLine m : milestones.milestones(overdue, projectId, LocalDate.now(clock))) {
				sheet.row(m.projectId(), m.projectTitle(), m.milestoneId(), m.name(), m.plannedOn(), m.achievedOn(),
						m.slippageDays(), m.daysOverdue(), m.status());
			}
			book.send(response, "milestones.xlsx");
		}
	}

	@Operation(summary = "The alerts as an XLSX workbook", responses = {
			@ApiResponse(responseCode = "200", description = "the workbook", content = @Content(mediaType = Workbooks.XLSX, schema = @Schema(type = "string", format = "binary"))),
			@ApiResponse(responseCode = "400", description = "a parameter is not valid", content = @Content(mediaType = "application/problem+json"))})
	@GetMapping("/api/export/alerts.xlsx")
	void alerts(@RequestParam(defaultValue = "false") boolean includeResolved, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		try (Workbook book = workbooks.open(request)) {
			Workbook.Sheet sheet = book.sheet("ui.sheet.alerts.name", Text.of("ui.sheet.alerts.title"), ALERTS);
			for (Alert a : alerts.alerts(includeResolved, LocalDate.now(clock))) {
				sheet.row(a.projectId(), a.projectTitle(), a.kind(), a.fundingId(), a.since(), a.daysStalled(),
						a.raisedAt(), a.resolvedOn());
			}
			book.send(response, "alerts.xlsx");
		}
	}

	private static Amount money(BigDecimal value, String currency) {
		return value == null ? null : new Amount(value, currency);
	}

	private static Amount usd(BigDecimal value) {
		return money(value, "USD");
	}

}
