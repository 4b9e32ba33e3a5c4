package org.pipelinetracker.period.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.pipelinetracker.kernel.AuditContext;
import org.pipelinetracker.period.app.PeriodWriteService;
import org.pipelinetracker.period.app.RestatementReport;
import org.pipelinetracker.period.query.PeriodView;
import org.pipelinetracker.period.query.PeriodViews;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.List;

/**
 * {@code /api/periods}: close and reopen fiscal periods (ADMIN), list the periods ever closed; and
 * {@code /api/restatements}: a closed period's restating events and its figures as known at the close beside now.
 * Refusals ({@code CommandRejectedException}) are mapped by the project module's handler.
 */
@RestController
class PeriodController {

	private final PeriodWriteService writes;
	private final PeriodViews views;
	private final RestatementReport report;

	PeriodController(PeriodWriteService writes, PeriodViews views, RestatementReport report) {
		this.writes = writes;
		this.views = views;
		this.report = report;
	}

	@PostMapping(path = "/api/periods/{period}/close", produces = "application/json")
	@Operation(summary = "Close a fiscal quarter (2024-Q4) or year (FY2024): project writes effective in it are "
			+ "refused from now on unless FINANCE or ADMIN marks them a restatement (X-Restatement-Reason)")
	PeriodView close(@Parameter(description = "2024-Q4 or FY2024") @PathVariable String period,
			@RequestBody(required = false) PeriodRequest request, Principal principal) {
		writes.close(period, request == null ? null : request.reason(), AuditContext.of(principal));
		return views.find(writes.parse(period).label()).orElseThrow();
	}

	@PostMapping(path = "/api/periods/{period}/reopen", produces = "application/json")
	@Operation(summary = "Reopen a closed fiscal period, with a reason (required); the reopening is recorded")
	PeriodView reopen(@Parameter(description = "2024-Q4 or FY2024") @PathVariable String period,
			@RequestBody(required = false) PeriodRequest request, Principal principal) {
		writes.reopen(period, request == null ? null : request.reason(), AuditContext.of(principal));
		return views.find(writes.parse(period).label()).orElseThrow();
	}

	@GetMapping(path = "/api/periods", produces = "application/json")
	@Operation(summary = "Every period ever closed: closed now or reopened, with its last close and reopening")
	List<PeriodView> list() {
		return views.list();
	}

	@GetMapping(path = "/api/restatements", produces = "application/json")
	@Operation(summary = "A closed period's restating events, and its figures as known at the close beside now")
	@ApiResponse(responseCode = "200", description = "The report", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "409", description = "The period is not closed (never closed, or reopened)",
			content = @Content(mediaType = "application/problem+json",
					schema = @Schema(ref = "#/components/schemas/Problem")))
	RestatementReport.Report restatements(@Parameter(description = "2024-Q4 or FY2024") @RequestParam String period) {
		return report.report(period);
	}
}
