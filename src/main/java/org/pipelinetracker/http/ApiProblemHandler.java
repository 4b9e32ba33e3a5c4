package org.pipelinetracker.http;

import org.pipelinetracker.kernel.FieldViolation;
import org.pipelinetracker.kernel.InvalidRequestException;
import org.pipelinetracker.http.Problems.Kind;
import org.pipelinetracker.http.Problems.Problem;
import org.pipelinetracker.http.reliability.BodyTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Turns every error into RFC 9457 {@code application/problem+json}: 400 with each bad field for bad input, and a
 * bare 500 (with a reference to the log, never a stack trace or SQL) for anything unexpected.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

	@ExceptionHandler(Problems.ProblemException.class)
	ResponseEntity<ProblemDetail> problem(Problems.ProblemException ex) {
		return ex.problem().response();
	}

	@ExceptionHandler(InvalidRequestException.class)
	ResponseEntity<ProblemDetail> invalidRequest(InvalidRequestException ex) {
		return Problems.invalid(ex.violations()).response();
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		return Problems.invalid(List.of(new FieldViolation(ex.getName(),
				expectation(ex.getRequiredType(), String.valueOf(ex.getValue()))))).response();
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldViolation> violations = ex.getBindingResult().getFieldErrors().stream()
				.map(e -> new FieldViolation(e.getField(), String.valueOf(e.getDefaultMessage())))
				.toList();
		return problem(Problems.invalid(violations));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		BodyTooLargeException tooLarge = BodyTooLargeException.in(ex);
		if (tooLarge != null) {
			return problem(tooLarge(tooLarge));
		}
		return problem(Problems.invalid(List.of(describe(ex))));
	}

	/** A body that passed its declared length, or was sent without one, and ran over the limit. */
	private static Problem tooLarge(BodyTooLargeException ex) {
		return Problems.of(Kind.BODY_OVER_LIMIT, ex.limit()).with("limit", ex.limit());
	}

	/** The overridden handlers of Spring answer {@code ResponseEntity<Object>}. */
	private static ResponseEntity<Object> problem(Problem problem) {
		return ResponseEntity.status(problem.status()).body(problem.detail());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		BodyTooLargeException tooLarge = BodyTooLargeException.in(ex);
		if (tooLarge != null) {
			return tooLarge(tooLarge).response();
		}
		String reference = UUID.randomUUID().toString();
		log.error("Unexpected error, reference {}", reference, ex);
		return Problems.of(Kind.INTERNAL, reference).with("reference", reference).response();
	}

	private static FieldViolation describe(HttpMessageNotReadableException ex) {
		JacksonException jackson = null;
		for (Throwable t = ex.getCause(); t != null && jackson == null; t = t.getCause()) {
			if (t instanceof JacksonException j) {
				jackson = j;
			}
		}
		if (jackson == null) {
			return new FieldViolation("body", "a JSON body is required");
		}
		String field = path(jackson);
		if (jackson instanceof InvalidFormatException invalid && invalid.getValue() instanceof LocalDate date) {
			return new FieldViolation(field, "must be a date from " + JsonConfig.FIRST_DATE + " to " + JsonConfig.LAST_DATE
					+ " (got '" + date + "')");
		}
		if (jackson instanceof InvalidFormatException invalid) {
			return new FieldViolation(field, expectation(invalid.getTargetType(), String.valueOf(invalid.getValue())));
		}
		if (jackson instanceof MismatchedInputException mismatched) {
			return new FieldViolation(field.isEmpty() ? "body" : field, expectation(mismatched.getTargetType(), null));
		}
		if (jackson instanceof StreamReadException read) {
			String where = read.getLocation() == null ? ""
					: " at line " + read.getLocation().getLineNr() + ", column " + read.getLocation().getColumnNr();
			return new FieldViolation("body", "malformed JSON" + where);
		}
		if (!field.isEmpty() && jackson.getCause() instanceof java.time.DateTimeException) {
			return new FieldViolation(field, "must be a valid ISO-8601 date (YYYY-MM-DD)");
		}
		return new FieldViolation(field.isEmpty() ? "body" : field, "cannot be read: " + jackson.getOriginalMessage());
	}

	private static String expectation(Class<?> type, String value) {
		String got = value == null ? "" : " (got '" + abbreviate(value) + "')";
		if (type == null) {
			return "has the wrong type" + got;
		}
		if (type.isEnum()) {
			return "must be one of " + Arrays.toString(type.getEnumConstants()) + got;
		}
		if (type == LocalDate.class) {
			return "must be an ISO-8601 date (YYYY-MM-DD)" + got;
		}
		if (type == Instant.class || Temporal.class.isAssignableFrom(type)) {
			return "must be an ISO-8601 instant such as 2026-01-15T10:00:00Z" + got;
		}
		if (type == BigDecimal.class) {
			return "must be a decimal number (as a JSON number or string)" + got;
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class
				|| type == BigInteger.class) {
			return "must be a whole number" + got;
		}
		if (type == String.class) {
			return "must be a string" + got;
		}
		if (List.class.isAssignableFrom(type) || type.isArray()) {
			return "must be an array" + got;
		}
		return "must be a JSON object" + got;
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference ref : ex.getPath()) {
			if (ref.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(ref.getPropertyName());
			}
			else if (ref.getIndex() >= 0) {
				path.append('[').append(ref.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String abbreviate(String value) {
		return value.length() > 40 ? value.substring(0, 40) + "…" : value;
	}
}
