package org.pipelinetracker.project.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.pipelinetracker.kernel.AuditContext;
import org.pipelinetracker.project.app.ApprovalService;
import org.pipelinetracker.project.app.Requests.ApprovalDecisionRequest;
import org.pipelinetracker.project.app.WriteResult;
import org.pipelinetracker.project.query.ApprovalQueries;
import org.pipelinetracker.project.query.ApprovalQueries.ApprovalEntry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.time.Duration;
import java.util.List;

/**
 * {@code /api/approvals}: the money entries waiting for a second person's approval (four-eyes,
 * {@code tracker.approvals.required-for}), and their approval or rejection. Reads for FINANCE, APPROVER, ADMIN and
 * AUDITOR; decisions for FINANCE, APPROVER and ADMIN, never by the entry's submitter. A decision answers once the
 * inbox no longer lists the entry (or after {@link #READ_MODEL_WAIT}), so the list a client reads next is current.
 */
@RestController
@RequestMapping(path = "/api/approvals", produces = "application/json")
class ApprovalController {

	/** How long a decision waits for the inbox to stop listing the entry before it answers (it answers anyway). */
	static final Duration READ_MODEL_WAIT = Duration.ofSeconds(2);

	private final ApprovalQueries queries;
	private final ApprovalService approvals;

	ApprovalController(ApprovalQueries queries, ApprovalService approvals) {
		this.queries = queries;
		this.approvals = approvals;
	}

	@GetMapping
	@Operation(summary = "The money entries waiting for approval, oldest first: project, kind, amount, its USD value "
			+ "where a rate of its date exists, who submitted it, when and why")
	List<ApprovalEntry> pending(@Parameter(description = "Only this project's entries")
			@RequestParam(required = false) String projectId) {
		return queries.pending(projectId == null || projectId.isBlank() ? null : projectId.strip());
	}

	@PostMapping(path = "/{id}/approve")
	@Operation(summary = "Approve an entry (not your own): the project checks it again as it stands now and records "
			+ "the money, which counts from now on; 409 when it was decided already or breaks a rule now")
	WriteResult approve(@PathVariable String id, @RequestBody(required = false) ApprovalDecisionRequest request,
			Principal principal) {
		WriteResult result = approvals.approve(id, request, AuditContext.of(principal));
		queries.awaitDecided(id, READ_MODEL_WAIT);
		return result;
	}

	@PostMapping(path = "/{id}/reject", consumes = "application/json")
	@Operation(summary = "Reject an entry with a reason (required): it never counts; 409 when it was decided already")
	WriteResult reject(@PathVariable String id, @RequestBody ApprovalDecisionRequest request, Principal principal) {
		WriteResult result = approvals.reject(id, request, AuditContext.of(principal));
		queries.awaitDecided(id, READ_MODEL_WAIT);
		return result;
	}
}
