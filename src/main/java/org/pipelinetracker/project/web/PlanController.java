package org.pipelinetracker.project.web;

import org.pipelinetracker.kernel.AuditContext;
import org.pipelinetracker.kernel.FiscalCalendar;
import org.pipelinetracker.kernel.Violations;
import org.pipelinetracker.project.app.PlanRequests.BudgetRequest;
import org.pipelinetracker.project.app.PlanRequests.PlannedDisbursementRequest;
import org.pipelinetracker.project.app.PlanWriteService;
import org.pipelinetracker.project.app.WriteResult;
import org.pipelinetracker.project.query.ProjectPlanLines;
import org.pipelinetracker.project.query.ProjectPlanLines.BudgetLine;
import org.pipelinetracker.project.query.ProjectPlanLines.PlannedDisbursementLine;
import org.pipelinetracker.project.query.ProjectTimeline;
import org.pipelinetracker.project.query.ProjectUtilisation;
import org.pipelinetracker.project.query.ProjectUtilisation.Utilisation;
import org.pipelinetracker.project.query.ProjectView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A project's plans: record and list its budgets and planned disbursements (a revision is recorded as a plan for the
 * same funding and period, and replaces the earlier one in the current list), and its planned against actual
 * disbursement by fiscal period.
 */
@RestController
@RequestMapping(path = "/api/projects", produces = "application/json")
class PlanController {

	private final PlanWriteService plans;
	private final ProjectTimeline timeline;
	private final FiscalCalendar fiscalCalendar;
	private final Clock clock;

	PlanController(PlanWriteService plans, ProjectTimeline timeline, Clock clock,
			@Value("${tracker.fiscal-year.start-month:1}") int fiscalYearStartMonth) {
		this.plans = plans;
		this.timeline = timeline;
		this.clock = clock;
		this.fiscalCalendar = new FiscalCalendar(fiscalYearStartMonth);
	}

	@PostMapping(path = "/{id}/budgets", consumes = "application/json")
	WriteResult recordBudget(@PathVariable String id, @RequestBody BudgetRequest request, Principal principal) {
		return plans.recordBudget(id, request, AuditContext.of(principal));
	}

	@PostMapping(path = "/{id}/planned-disbursements", consumes = "application/json")
	WriteResult recordPlannedDisbursement(@PathVariable String id, @RequestBody PlannedDisbursementRequest request,
			Principal principal) {
		return plans.recordPlannedDisbursement(id, request, AuditContext.of(principal));
	}

	/**
	 * The project's budgets, as effective on {@code asOf} and known at {@code knownAt} (either optional).
	 *
	 * @param history every budget recorded, revisions included, in recording order (default: the current ones, in
	 *                period order)
	 */
	@GetMapping("/{id}/budgets")
	List<BudgetLine> budgets(@PathVariable String id, @RequestParam(required = false) LocalDate asOf,
			@RequestParam(required = false) Instant knownAt, @RequestParam(defaultValue = "false") boolean history) {
		return ProjectPlanLines.budgets(view(id, asOf, knownAt), history);
	}

	/**
	 * The project's planned disbursements, as effective on {@code asOf} and known at {@code knownAt} (either optional).
	 *
	 * @param history every plan recorded, revisions included, in recording order (default: the current ones)
	 */
	@GetMapping("/{id}/planned-disbursements")
	List<PlannedDisbursementLine> plannedDisbursements(@PathVariable String id,
			@RequestParam(required = false) LocalDate asOf, @RequestParam(required = false) Instant knownAt,
			@RequestParam(defaultValue = "false") boolean history) {
		return ProjectPlanLines.plannedDisbursements(view(id, asOf, knownAt), history);
	}

	/**
	 * Planned against actual disbursement, per currency and per fiscal period, on {@code asOf} (default today), as
	 * known at {@code knownAt} (optional).
	 *
	 * @param fiscalYearStart the month (1 to 12) the fiscal year starts in (default
	 *                        {@code tracker.fiscal-year.start-month}, January); a fiscal year is named by the calendar
	 *                        year in which it ends
	 * @param period          {@code quarter} (default) or {@code year}
	 */
	@GetMapping("/{id}/utilisation")
	Utilisation utilisation(@PathVariable String id, @RequestParam(required = false) LocalDate asOf,
			@RequestParam(required = false) Instant knownAt, @RequestParam(required = false) Integer fiscalYearStart,
			@RequestParam(required = false) String period) {
		FiscalParameters fiscal = FiscalParameters.of(fiscalYearStart, period, fiscalCalendar, new Violations());
		LocalDate on = asOf != null ? asOf : LocalDate.now(clock);
		return ProjectUtilisation.of(view(id, asOf, knownAt), on, fiscal.calendar(), fiscal.periodicity());
	}

	private ProjectView view(String id, LocalDate asOf, Instant knownAt) {
		if (asOf == null && knownAt == null) {
			return timeline.current(id).orElseThrow(() -> ProjectProblemHandler.notFound(id));
		}
		return timeline.view(id, asOf, knownAt).orElseThrow(() -> timeline.current(id).isPresent()
				? ProjectProblemHandler.notYet(id, asOf, knownAt) : ProjectProblemHandler.notFound(id));
	}
}
