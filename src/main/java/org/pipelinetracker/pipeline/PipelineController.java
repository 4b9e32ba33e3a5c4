package org.pipelinetracker.pipeline;

import org.pipelinetracker.pipeline.AlertQueries.Alert;
import org.pipelinetracker.pipeline.FundingTimeSeries.GroupBy;
import org.pipelinetracker.pipeline.FundingTimeSeries.Interval;
import org.pipelinetracker.pipeline.FundingTimeSeries.SeriesPoint;
import org.pipelinetracker.pipeline.MilestoneQueries.MilestoneLine;
import org.pipelinetracker.pipeline.PipelineQueries.Pipeline;
import org.pipelinetracker.fx.DisplayCurrencies;
import org.pipelinetracker.reference.Codelists;
import org.pipelinetracker.kernel.FiscalCalendar;
import org.pipelinetracker.kernel.InvalidRequestException;
import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.kernel.Violations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * {@code /api/pipeline}, {@code /api/funding/timeseries}, {@code /api/milestones} and {@code /api/alerts}.
 */
@RestController
class PipelineController {

	private final PipelineQueries pipeline;
	private final FundingTimeSeries series;
	private final MilestoneQueries milestones;
	private final AlertQueries alerts;
	private final Codelists codelists;
	private final DisplayCurrencies displayCurrencies;
	private final Clock clock;
	/** The configured fiscal calendar, or null for calendar quarters and years (January, the default). */
	private final FiscalCalendar fiscalCalendar;

	PipelineController(PipelineQueries pipeline, FundingTimeSeries series, MilestoneQueries milestones,
			AlertQueries alerts, Codelists codelists, DisplayCurrencies displayCurrencies, Clock clock,
			@Value("${tracker.fiscal-year.start-month:1}") int fiscalYearStartMonth) {
		FiscalCalendar configured = new FiscalCalendar(fiscalYearStartMonth);
		this.fiscalCalendar = fiscalYearStartMonth == 1 ? null : configured;
		this.pipeline = pipeline;
		this.series = series;
		this.milestones = milestones;
		this.alerts = alerts;
		this.codelists = codelists;
		this.displayCurrencies = displayCurrencies;
		this.clock = clock;
	}

	/** @param displayCurrency the currency of {@code committed}, {@code disbursed} … besides USD (default USD) */
	@GetMapping(path = "/api/pipeline", produces = "application/json")
	Pipeline pipeline(@RequestParam(required = false) LocalDate asOf, @RequestParam(required = false) Instant knownAt,
			@RequestParam(required = false) String displayCurrency) {
		return pipeline.pipeline(asOf, knownAt, displayCurrencies.resolve(displayCurrency, "displayCurrency"));
	}

	/**
	 * @param currency        USD (default): amounts converted; another ISO code: only the amounts recorded in it, as
	 *                        recorded
	 * @param displayCurrency with {@code currency=USD}: convert to this display currency instead of USD
	 * @param fiscalYearStart the month (1 to 12) the fiscal year starts in: quarters and years are then fiscal, labelled
	 *                        {@code FY2025 Q3} and {@code FY2025} (named by the calendar year in which the fiscal year
	 *                        ends); default {@code tracker.fiscal-year.start-month}, which when left at January keeps
	 *                        calendar periods labelled {@code 2025-Q3} and {@code 2025}
	 */
	@GetMapping(path = "/api/funding/timeseries", produces = "application/json")
	List<SeriesPoint> timeSeries(@RequestParam(defaultValue = "MONTH") Interval interval,
			@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			@RequestParam(defaultValue = "NONE") GroupBy groupBy, @RequestParam(defaultValue = "USD") String currency,
			@RequestParam(required = false) LocalDate asOf, @RequestParam(required = false) Instant knownAt,
			@RequestParam(required = false) String displayCurrency,
			@RequestParam(required = false) Integer fiscalYearStart) {
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
		try {
			return series.timeSeries(interval, fiscal, from, to, groupBy, converting ? shownIn : code, converting, asOf,
					knownAt, today);
		}
		catch (IllegalArgumentException tooLong) {
			throw InvalidRequestException.of("from", "the range spans " + tooLong.getMessage()
					+ "; choose a later 'from' or a longer interval");
		}
	}

	@GetMapping(path = "/api/alerts", produces = "application/json")
	List<Alert> alerts(@RequestParam(defaultValue = "false") boolean includeResolved) {
		return alerts.alerts(includeResolved, LocalDate.now(clock));
	}

	@GetMapping(path = "/api/milestones", produces = "application/json")
	List<MilestoneLine> milestones(@RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(required = false) String projectId) {
		return milestones.milestones(overdue, projectId, LocalDate.now(clock));
	}
}
