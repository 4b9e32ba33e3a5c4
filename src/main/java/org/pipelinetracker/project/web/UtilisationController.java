package org.pipelinetracker.project.web;

import org.pipelinetracker.kernel.FiscalCalendar;
import org.pipelinetracker.kernel.Violations;
import org.pipelinetracker.project.query.PortfolioUtilisation;
import org.pipelinetracker.project.query.PortfolioUtilisation.Answer;
import org.pipelinetracker.project.query.PortfolioUtilisation.GroupBy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/** The portfolio's planned against actual disbursement, in groups, per currency and fiscal period. */
@RestController
class UtilisationController {

	private final PortfolioUtilisation portfolio;
	private final FiscalCalendar fiscalCalendar;
	private final Clock clock;

	UtilisationController(PortfolioUtilisation portfolio, Clock clock,
			@Value("${tracker.fiscal-year.start-month:1}") int fiscalYearStartMonth) {
		this.portfolio = portfolio;
		this.clock = clock;
		this.fiscalCalendar = new FiscalCalendar(fiscalYearStartMonth);
	}

	/**
	 * Planned against actual disbursement of every project, on {@code asOf} (default today), as known at
	 * {@code knownAt} (optional), one entry per group and currency (amounts never converted).
	 *
	 * @param groupBy         {@code NONE} (default: one group, {@code TOTAL}), {@code SOURCE}, {@code FUNDER},
	 *                        {@code FACILITY} or {@code PROJECT}
	 * @param fiscalYearStart the month (1 to 12) the fiscal year starts in (default
	 *                        {@code tracker.fiscal-year.start-month}, January)
	 * @param period          {@code quarter} (default) or {@code year}
	 */
	@GetMapping(path = "/api/utilisation", produces = "application/json")
	Answer utilisation(@RequestParam(defaultValue = "NONE") GroupBy groupBy,
			@RequestParam(required = false) LocalDate asOf, @RequestParam(required = false) Instant knownAt,
			@RequestParam(required = false) Integer fiscalYearStart, @RequestParam(required = false) String period) {
		FiscalParameters fiscal = FiscalParameters.of(fiscalYearStart, period, fiscalCalendar, new Violations());
		return portfolio.of(groupBy, asOf, knownAt, fiscal.calendar(), fiscal.periodicity(), LocalDate.now(clock));
	}
}
