package org.pipelinetracker.project.web;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.pipelinetracker.http.Problems;
import org.pipelinetracker.http.Problems.Kind;
import org.pipelinetracker.http.Problem;
import org.pipelinetracker.kernel.FieldViolation;
import org.pipelinetracker.project.api.CommandRejectedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Maps the project module's refusals to problems: 400 bad field, 404 unknown project, 409 rule or duplicate or a
 * concurrent change, 412 a stale If-Match.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProjectProblemHandler {

	/** No project with that id (thrown, and answered 404 by the API's handler). */
	static RuntimeException notFound(String projectId) {
		return Problems.of(Kind.PROJECT_NOT_FOUND, projectId).exception();
	}

	/** The project exists, but not as of {@code asOf} or as known at {@code knownAt} (at least one of them given). */
	static RuntimeException notYet(String projectId, LocalDate asOf, Instant knownAt) {
		Problem problem = asOf == null ? Problems.of(Kind.PROJECT_NOT_YET_KNOWN_AT, projectId, knownAt)
				: knownAt == null ? Problems.of(Kind.PROJECT_NOT_YET_AS_OF, projectId, asOf)
				: Problems.of(Kind.PROJECT_NOT_YET_AS_OF_KNOWN_AT, projectId, asOf, knownAt);
		return problem.exception();
	}

	/** 412 with the project's current version, in the body and as its ETag. */
	static Problem versionMismatch(String projectId, long currentVersion, String expected) {
		return Problems.of(Kind.PROJECT_VERSION_MISMATCH, projectId, currentVersion, expected)
				.with("currentVersion", currentVersion).header(HttpHeaders.ETAG, "\"" + currentVersion + "\"");
	}

	@ExceptionHandler(CommandRejectedException.class)
	ResponseEntity<ProblemDetail> rejected(CommandRejectedException ex) {
		Problem problem = switch (ex.kind()) {
			// the refusal's text, written in the caller's language
			case INVALID_INPUT -> Problems.invalid(List.of(new FieldViolation(ex.field(), ex.text())));
			case DUPLICATE -> Problems.of(Kind.DUPLICATE_ID, ex.text());
			case RULE_VIOLATION -> Problems.of(Kind.RULE_VIOLATED, ex.text());
		};
		if (ex.field() != null && ex.kind() != CommandRejectedException.Kind.INVALID_INPUT) {
			problem.with("field", ex.field());
		}
		return problem.response();
	}

	@ExceptionHandler(AggregateNotFoundException.class)
	ResponseEntity<ProblemDetail> unknownAggregate(AggregateNotFoundException ex) {
		return Problems.of(Kind.PROJECT_NOT_FOUND, ex.getAggregateIdentifier()).response();
	}

	@ExceptionHandler({ConcurrencyException.class, ConflictingModificationException.class})
	ResponseEntity<ProblemDetail> concurrent(RuntimeException ex, HttpServletRequest request) {
		if (ex instanceof ConflictingAggregateVersionException stale && request.getAttribute(IfMatchInterceptor.EXPECTED) != null) {
			// If-Match passed the first check, but another write slipped in before this one took the project's lock
			return versionMismatch(String.valueOf(stale.getAggregateIdentifier()), stale.getActualVersion(),
					String.valueOf(stale.getExpectedVersion())).response();
		}
		return Problems.of(Kind.PROJECT_CHANGED_CONCURRENTLY).response();
	}
}
