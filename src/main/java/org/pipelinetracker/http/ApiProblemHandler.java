package org.pipelinetracker.http;

import jakarta.validation.ConstraintViolation;
import org.pipelinetracker.kernel.FieldViolation;
import org.pipelinetracker.kernel.InvalidRequestException;
import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.kernel.Violations;
import org.pipelinetracker.http.Problems.Kind;
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
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Turns every error into RFC 9457 {@code application/problem+json}: 400 with each bad field for bad input, and a
 * bare 500 (with a reference to the log, never a stack trace or SQL) for anything unexpected. Spring MVC's own
 * refusals (405, 406, 415, a missing parameter, header or part, an upload over the limit) are the problems of
 * {@link Problems} too, in the caller's language, with Spring's English when there is none; Spring's other refusals
 * keep its English and say so ({@code Content-Language: en}).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<ProblemDetail> problem(ProblemException ex) {
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
				.map(ApiProblemHandler::violation)
				.toList();
		return problem(Problems.invalid(violations), headers);
	}

	/** A field error of Spring's binding: the catalogue's text when it came from a constraint, else its message. */
	private static FieldViolation violation(FieldError error) {
		if (error.contains(ConstraintViolation.class)) {
			ConstraintViolation<?> constraint = error.unwrap(ConstraintViolation.class);
			return new FieldViolation(error.getField(), Violations.textOf(constraint.getMessageTemplate(),
					constraint.getConstraintDescriptor(), constraint.getMessage()));
		}
		return new FieldViolation(error.getField(), String.valueOf(error.getDefaultMessage()));
	}

	@Override
	protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return problem(Problems.of(Kind.METHOD_NOT_ALLOWED, ex.getMethod()), headers);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return problem(Problems.of(Kind.UNSUPPORTED_MEDIA_TYPE, ex.getContentType()), headers);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotAcceptable(HttpMediaTypeNotAcceptableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		// Spring says which representations it has, or, for an Accept header it cannot parse, that it cannot
		boolean unreadable = ex.getSupportedMediaTypes().isEmpty();
		return problem(unreadable ? Problems.of(Kind.ACCEPT_UNREADABLE)
				: Problems.of(Kind.NOT_ACCEPTABLE, ex.getSupportedMediaTypes()), headers);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return problem(missing(Kind.MISSING_PARAMETER, ex.getParameterName()), headers);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return problem(missing(Kind.MISSING_PART, ex.getRequestPartName()), headers);
	}

	@Override
	protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex instanceof MissingRequestHeaderException missing) {
			return problem(missing(Kind.MISSING_HEADER, missing.getHeaderName()), headers);
		}
		return super.handleServletRequestBindingException(ex, headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return problem(Problems.of(Kind.UPLOAD_TOO_LARGE), headers);
	}

	/** A path nothing answers (no controller, no static resource): the API's 404. */
	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String path = request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI()
				: "/" + ex.getResourcePath();
		return problem(Problems.of(Kind.NO_ENDPOINT, ex.getHttpMethod().name(), path), headers);
	}

	/** Spring's other refusals keep its English (the answer says so), with the type of their status. */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		HttpHeaders withLanguage = new HttpHeaders();
		withLanguage.addAll(headers);
		if (!withLanguage.containsHeader(HttpHeaders.CONTENT_LANGUAGE)) {
			withLanguage.set(HttpHeaders.CONTENT_LANGUAGE, "en");
		}
		if (body == null && ex instanceof ErrorResponse error) {
			body = error.updateAndGetBody(getMessageSource(), java.util.Locale.ENGLISH);
		}
		if (body instanceof ProblemDetail detail && (detail.getType() == null
				|| "about:blank".equals(detail.getType().toString()))) {
			detail.setType(Problems.typeOf(statusCode.value()));
		}
		return super.handleExceptionInternal(ex, body, withLanguage, statusCode, request);
	}

	/** A missing parameter, header or part: Spring's words, and the name in {@code errors} as every invalid field. */
	private static Problem missing(Kind kind, String name) {
		return Problems.of(kind, name).with("errors",
				List.of(new FieldViolation(name, Text.of("problem.field.required").with("field", name))));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		BodyTooLargeException tooLarge = BodyTooLargeException.in(ex);
		if (tooLarge != null) {
			return problem(tooLarge(tooLarge), headers);
		}
		return problem(Problems.invalid(List.of(describe(ex))), headers);
	}

	/** A body that passed its declared length, or was sent without one, and ran over the limit. */
	private static Problem tooLarge(BodyTooLargeException ex) {
		return Problems.of(Kind.BODY_OVER_LIMIT, ex.limit()).with("limit", ex.limit());
	}

	/**
	 * The overridden handlers of Spring answer {@code ResponseEntity<Object>}: the problem in the caller's language,
	 * with the headers Spring chose (such as {@code Allow}) and the problem's own.
	 */
	private static ResponseEntity<Object> problem(Problem problem, HttpHeaders headers) {
		ResponseEntity<ProblemDetail> answer = problem.response();
		HttpHeaders all = new HttpHeaders();
		all.addAll(headers);
		answer.getHeaders().forEach((name, values) -> values.forEach(value -> all.add(name, value)));
		return new ResponseEntity<>(answer.getBody(), all, answer.getStatusCode());
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
			return new FieldViolation("body", Text.of("problem.field.bodyRequired"));
		}
		String field = path(jackson);
		if (jackson instanceof JsonConfig.RefusedText refused) {
			return new FieldViolation(field.isEmpty() ? "body" : field, refused.reason());
		}
		String duplicate = duplicateKey(jackson);
		if (duplicate != null) {
			return new FieldViolation(duplicate, Text.of("problem.field.duplicateKey"));
		}
		if (jackson instanceof InvalidFormatException invalid && invalid.getValue() instanceof LocalDate date) {
			return new FieldViolation(field, got(Text.of("problem.field.dateInRange").with("first", JsonConfig.FIRST_DATE)
					.with("last", JsonConfig.LAST_DATE), date.toString()));
		}
		if (jackson instanceof InvalidFormatException invalid) {
			return new FieldViolation(field, expectation(invalid.getTargetType(), String.valueOf(invalid.getValue())));
		}
		if (jackson instanceof MismatchedInputException mismatched) {
			return new FieldViolation(field.isEmpty() ? "body" : field, expectation(mismatched.getTargetType(), null));
		}
		if (jackson instanceof StreamReadException read) {
			return new FieldViolation("body", read.getLocation() == null ? Text.of("problem.field.malformedJson")
					: Text.of("problem.field.malformedJsonAt").with("line", read.getLocation().getLineNr())
							.with("column", read.getLocation().getColumnNr()));
		}
		if (!field.isEmpty() && jackson.getCause() instanceof java.time.DateTimeException) {
			return new FieldViolation(field, Text.of("problem.field.validDate"));
		}
		return new FieldViolation(field.isEmpty() ? "body" : field, Text.of("problem.field.unreadable")
				.with("message", jackson.getOriginalMessage()));
	}

	/**
	 * The key a JSON object holds twice (the parser's strict duplicate detection) as a path from the body
	 * ({@code partners[0].name}), or null.
	 */
	private static String duplicateKey(JacksonException ex) {
		String message = ex.getOriginalMessage();
		String prefix = "Duplicate Object property \"";
		if (!(ex instanceof StreamReadException) || message == null || !message.startsWith(prefix)) {
			return null;
		}
		int end = message.indexOf('"', prefix.length());
		String key = end < 0 ? "body" : message.substring(prefix.length(), end);
		StringBuilder path = new StringBuilder();
		if (ex.processor() instanceof JsonParser parser) {
			// where the object with the duplicate sits: each enclosing object's property, each array's index
			List<String> segments = new ArrayList<>();
			for (TokenStreamContext outer = parser.streamReadContext().getParent(); outer != null;
					outer = outer.getParent()) {
				if (outer.inArray()) {
					segments.add(0, "[" + outer.getCurrentIndex() + "]");
				}
				else if (outer.inObject() && outer.currentName() != null) {
					segments.add(0, "." + outer.currentName());
				}
			}
			segments.forEach(path::append);
		}
		String parent = path.length() > 0 && path.charAt(0) == '.' ? path.substring(1) : path.toString();
		return parent.isEmpty() ? key : parent + "." + key;
	}

	/** What a value of {@code type} must be, and what was sent instead (when known). */
	private static Text expectation(Class<?> type, String value) {
		return got(expectation(type), value);
	}

	private static Text expectation(Class<?> type) {
		if (type == null) {
			return Text.of("problem.field.wrongType");
		}
		if (type.isEnum()) {
			return Text.of("problem.field.oneOf").with("values", Arrays.toString(type.getEnumConstants()));
		}
		if (type == LocalDate.class) {
			return Text.of("problem.field.isoDate");
		}
		if (type == Instant.class || Temporal.class.isAssignableFrom(type)) {
			return Text.of("problem.field.isoInstant");
		}
		if (type == BigDecimal.class) {
			return Text.of("problem.field.decimal");
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class
				|| type == BigInteger.class) {
			return Text.of("problem.field.wholeNumber");
		}
		if (type == String.class) {
			return Text.of("problem.field.string");
		}
		if (List.class.isAssignableFrom(type) || type.isArray()) {
			return Text.of("problem.field.array");
		}
		return Text.of("problem.field.object");
	}

	/** {@code reason (got 'value')}, or the reason alone when the value is unknown. */
	private static Text got(Text reason, String value) {
		return value == null ? reason : Text.of("problem.field.got").with("reason", reason).with("value", abbreviate(value));
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
