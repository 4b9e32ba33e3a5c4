package org.pipelinetracker.http;

import org.pipelinetracker.kernel.FieldViolation;
import org.pipelinetracker.kernel.InvalidRequestException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;

/**
 * Builds RFC 9457 problem details with this API's problem types.
 */
public final class Problems {

	public static final URI INVALID_REQUEST = URI.create("/problems/invalid-request");
	public static final URI RULE_VIOLATION = URI.create("/problems/rule-violation");
	public static final URI DUPLICATE = URI.create("/problems/duplicate");
	public static final URI NOT_FOUND = URI.create("/problems/not-found");
	public static final URI CONFLICT = URI.create("/problems/conflict");
	public static final URI TOO_LARGE = URI.create("/problems/too-large");
	public static final URI PRECONDITION_FAILED = URI.create("/problems/precondition-failed");
	public static final URI IDEMPOTENCY_KEY_REUSED = URI.create("/problems/idempotency-key-reused");
	public static final URI IN_PROGRESS = URI.create("/problems/in-progress");

	private Problems() {
	}

	public static ProblemDetail of(HttpStatus status, URI type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}

	public static ProblemDetail invalid(List<FieldViolation> violations) {
		String detail = violations.size() == 1
				? "Invalid field '" + violations.get(0).field() + "': " + violations.get(0).reason()
				: violations.size() + " fields are invalid: " + new InvalidRequestException(violations).getMessage();
		ProblemDetail problem = of(HttpStatus.BAD_REQUEST, INVALID_REQUEST, "Invalid request", detail);
		problem.setProperty("errors", violations);
		return problem;
	}
}
