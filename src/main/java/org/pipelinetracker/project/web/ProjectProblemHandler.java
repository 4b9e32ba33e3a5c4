package org.pipelinetracker.project.web;

import org.axonframework.modelling.command.AggregateNotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.pipelinetracker.project.api.CommandRejectedException;
import org.pipelinetracker.kernel.FieldViolation;
import org.pipelinetracker.http.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Maps the project module's refusals to problem details: 400 bad field, 404 unknown project, 409 rule or duplicate.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProjectProblemHandler {

	static ProjectNotFoundException notFound(String projectId) {
		return new ProjectNotFoundException(projectId);
	}

	static ProjectNotFoundException notYet(String projectId, LocalDate asOf, Instant knownAt) {
		String when = (asOf != null ? " as of " + asOf : "") + (knownAt != null ? " as known at " + knownAt : "");
		return new ProjectNotFoundException(projectId, "Project '" + projectId + "' did not exist yet" + when);
	}

	@ExceptionHandler(CommandRejectedException.class)
	ResponseEntity<ProblemDetail> rejected(CommandRejectedException ex) {
		ProblemDetail problem = switch (ex.kind()) {
			case INVALID_INPUT -> Problems.invalid(List.of(new FieldViolation(ex.field(), ex.getMessage())));
			case DUPLICATE -> Problems.of(HttpStatus.CONFLICT, Problems.DUPLICATE, "Duplicate id", ex.getMessage());
			case RULE_VIOLATION -> Problems.of(HttpStatus.CONFLICT, Problems.RULE_VIOLATION, "Not allowed", ex.getMessage());
		};
		if (ex.field() != null && ex.kind() != CommandRejectedException.Kind.INVALID_INPUT) {
			problem.setProperty("field", ex.field());
		}
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	@ExceptionHandler(AggregateNotFoundException.class)
	ResponseEntity<ProblemDetail> unknownAggregate(AggregateNotFoundException ex) {
		return notFound(String.valueOf(ex.getAggregateIdentifier())).toResponse();
	}

	@ExceptionHandler(ProjectNotFoundException.class)
	ResponseEntity<ProblemDetail> unknownProject(ProjectNotFoundException ex) {
		return ex.toResponse();
	}

	@ExceptionHandler(IfMatchInterceptor.PreconditionFailedException.class)
	ResponseEntity<ProblemDetail> preconditionFailed(IfMatchInterceptor.PreconditionFailedException ex) {
		return preconditionFailed(ex.getMessage(), ex.currentVersion());
	}

	private static ResponseEntity<ProblemDetail> preconditionFailed(String detail, long currentVersion) {
		ProblemDetail problem = Problems.of(HttpStatus.PRECONDITION_FAILED, Problems.PRECONDITION_FAILED,
				"Precondition failed", detail);
		problem.setProperty("currentVersion", currentVersion);
		return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).eTag("\"" + currentVersion + "\"").body(problem);
	}

	@ExceptionHandler({ConcurrencyException.class, ConflictingModificationException.class})
	ResponseEntity<ProblemDetail> concurrent(RuntimeException ex, HttpServletRequest request) {
		if (ex instanceof ConflictingAggregateVersionException stale && request.getAttribute(IfMatchInterceptor.EXPECTED) != null) {
			// If-Match passed the first check, but another write slipped in before this one took the project's lock
			return preconditionFailed("Project '" + stale.getAggregateIdentifier() + "' is at version "
					+ stale.getActualVersion() + ", not " + stale.getExpectedVersion() + " as If-Match expects; nothing "
					+ "was recorded. Read it again (ETag \"" + stale.getActualVersion() + "\") and retry.",
					stale.getActualVersion());
		}
		return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT, Problems.CONFLICT,
				"Concurrent change", "The project was changed by another request at the same time; nothing was "
						+ "recorded by this one. Read it again and retry."));
	}

	/** No project with that id. */
	static final class ProjectNotFoundException extends RuntimeException {

		ProjectNotFoundException(String projectId) {
			this(projectId, "There is no project with id '" + projectId + "'");
		}

		ProjectNotFoundException(String projectId, String detail) {
			super(detail, null, false, false);
		}

		ResponseEntity<ProblemDetail> toResponse() {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Problems.of(HttpStatus.NOT_FOUND, Problems.NOT_FOUND,
					"Project not found", getMessage()));
		}
	}
}
