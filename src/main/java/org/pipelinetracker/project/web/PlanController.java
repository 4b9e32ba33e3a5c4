package org.pipelinetracker.project.web;

import org.pipelinetracker.kernel.AuditContext;
import org.pipelinetracker.project.app.PlanRequests.BudgetRequest;
import org.pipelinetracker.project.app.PlanRequests.PlannedDisbursementRequest;
import org.pipelinetracker.project.app.PlanWriteService;
import org.pipelinetracker.project.app.WriteResult;
import org.pipelinetracker.project.query.ProjectPlanLines;
import org.pipelinetracker.project.query.ProjectPlanLines.BudgetLine;
import org.pipelinetracker.project.query.ProjectPlanLines.PlannedDisbursementLine;
import org.pipelinetracker.project.query.ProjectTimeline;
import org.pipelinetracker.project.query.ProjectView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A project's plans: record and list its budgets and planned disbursements (a revision is recorded as a plan for the
 * same funding and period, and replaces the earlier one in the current list).
 */
@RestController
@RequestMapping(path = "/api/projects", produces = "application/json")
class PlanController {

	private final PlanWriteService plans;
	private final ProjectTimeline timeline;

	PlanController(PlanWriteService plans, ProjectTimeline timeline) {
		this.plans = plans;
		this.timeline = timeline;
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

	private ProjectView view(String id, LocalDate asOf, Instant knownAt) {
		if (asOf == null && knownAt == null) {
			return timeline.current(id).orElseThrow(() -> ProjectProblemHandler.notFound(id));
		}
		return timeline.view(id, asOf, knownAt).orElseThrow(() -> timeline.current(id).isPresent()
				? ProjectProblemHandler.notYet(id, asOf, knownAt) : ProjectProblemHandler.notFound(id));
	}
}
