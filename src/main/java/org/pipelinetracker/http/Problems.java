package org.pipelinetracker.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.pipelinetracker.kernel.FieldViolation;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every RFC 9457 problem this API answers with, built in this one place: the problem {@link Kind kinds} (type URI,
 * status, title, the wording of the detail) and the body, for Spring MVC exception handlers ({@link Problem#response()},
 * {@link Problem#detail()}) and for servlet filters and Spring Security's handlers ({@link Problem#write}) alike.
 * <p>
 * A problem is a kind and its arguments: {@code Problems.of(Kind.PROJECT_NOT_FOUND, id)}. Titles and details are
 * rendered only when the problem is answered, from the kind's wording in {@link MessageFormat} syntax ({@code {0}}
 * for the first argument, {@code ''} for an apostrophe; arguments are inserted as text, never formatted as numbers or
 * dates), so the wording can come from a message bundle per language later without touching a caller.
 * <p>
 * The body: {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance} (the request's path) and the
 * kind's properties ({@code errors: [{field, reason}]}, {@code requiredRoles}, {@code currentVersion}, {@code limit},
 * {@code reference}, {@code field}); {@code application/problem+json}. Spring MVC writes {@link ProblemDetail} with the
 * application's JSON mapper, which orders the standard members alphabetically; a filter writes them in the RFC's
 * order. Both orders are what clients have always received, and JSON does not give member order a meaning.
 */
public final class Problems {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String PROBLEM_JSON = "application/problem+json";

	/** Every problem of this API: the type, the status, the title and the detail with its arguments. */
	public enum Kind {
		/** One field is invalid: {0} the field, {1} why. */
		INVALID_FIELD(Type.INVALID_REQUEST, HttpStatus.BAD_REQUEST, "Invalid request", "Invalid field ''{0}'': {1}"),
		/** Several fields are invalid: {0} how many, {1} each field and why. */
		INVALID_FIELDS(Type.INVALID_REQUEST, HttpStatus.BAD_REQUEST, "Invalid request", "{0} fields are invalid: {1}"),
		/** A request header is invalid: {0} the header, {1} why. */
		INVALID_HEADER(Type.INVALID_REQUEST, HttpStatus.BAD_REQUEST, "Invalid request", "Invalid header ''{0}'': {1}"),
		/** A body whose declared length is over the limit: {0} its length, {1} the limit. */
		BODY_TOO_LARGE(Type.TOO_LARGE, HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
				"The request body has {0} bytes; at most {1} are accepted here."),
		/** A body that ran over the limit while it was read: {0} the limit. */
		BODY_OVER_LIMIT(Type.TOO_LARGE, HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
				"The request body is larger than the limit of {0} bytes"),
		/** An uploaded file over its limit: {0} what the importer says. */
		FILE_TOO_LARGE(Type.TOO_LARGE, HttpStatus.CONTENT_TOO_LARGE, "File too large", "{0}"),
		/** Anything unexpected: {0} the reference to the log. */
		INTERNAL(null, HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", "An unexpected error occurred. Nothing was "
				+ "recorded by this request unless it said so. Reference: {0}"),

		/** A command refused as a duplicate: {0} the module's explanation. */
		DUPLICATE_ID(Type.DUPLICATE, HttpStatus.CONFLICT, "Duplicate id", "{0}"),
		/** A command refused by a business rule: {0} the module's explanation. */
		RULE_VIOLATED(Type.RULE_VIOLATION, HttpStatus.CONFLICT, "Not allowed", "{0}"),
		/** {0} the project id. */
		PROJECT_NOT_FOUND(Type.NOT_FOUND, HttpStatus.NOT_FOUND, "Project not found",
				"There is no project with id ''{0}''"),
		/** {0} the project id, {1} the business date asked for. */
		PROJECT_NOT_YET_AS_OF(Type.NOT_FOUND, HttpStatus.NOT_FOUND, "Project not found",
				"Project ''{0}'' did not exist yet as of {1}"),
		/** {0} the project id, {1} the recording time asked for. */
		PROJECT_NOT_YET_KNOWN_AT(Type.NOT_FOUND, HttpStatus.NOT_FOUND, "Project not found",
				"Project ''{0}'' did not exist yet as known at {1}"),
		/** {0} the project id, {1} the business date, {2} the recording time asked for. */
		PROJECT_NOT_YET_AS_OF_KNOWN_AT(Type.NOT_FOUND, HttpStatus.NOT_FOUND, "Project not found",
				"Project ''{0}'' did not exist yet as of {1} as known at {2}"),
		/** If-Match names another version: {0} the project id, {1} its version, {2} the version(s) expected. */
		PROJECT_VERSION_MISMATCH(Type.PRECONDITION_FAILED, HttpStatus.PRECONDITION_FAILED, "Precondition failed",
				"Project ''{0}'' is at version {1}, not {2} as If-Match expects; nothing was recorded. Read it again "
						+ "(ETag \"{1}\") and retry."),
		PROJECT_CHANGED_CONCURRENTLY(Type.CONFLICT, HttpStatus.CONFLICT, "Concurrent change", "The project was changed "
				+ "by another request at the same time; nothing was recorded by this one. Read it again and retry."),
		/** {0} the facility id. */
		FACILITY_NOT_FOUND(Type.NOT_FOUND, HttpStatus.NOT_FOUND, "Facility not found",
				"There is no facility with id ''{0}''"),
		FACILITY_CHANGED_CONCURRENTLY(Type.CONFLICT, HttpStatus.CONFLICT, "Concurrent change", "The facility was "
				+ "changed by another request at the same time; nothing was recorded by this one. Read it again and "
				+ "retry."),

		/** A transaction lost a race with another request, also after retries. */
		CHANGED_CONCURRENTLY(Type.CONFLICT, HttpStatus.CONFLICT, "Concurrent change", "The data was changed by another "
				+ "request at the same time; nothing was recorded by this one. Read it again and retry."),
		/** {0} the Idempotency-Key. */
		IDEMPOTENCY_KEY_REUSED(Type.IDEMPOTENCY_KEY_REUSED, HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency key reused",
				"The Idempotency-Key ''{0}'' was already used for a different request (method, path or body); use a "
						+ "new key for a new request."),
		/** {0} the Idempotency-Key. */
		IDEMPOTENT_REQUEST_RUNNING(Type.IN_PROGRESS, HttpStatus.CONFLICT, "Request in progress", "A request with the "
				+ "Idempotency-Key ''{0}'' is still being processed; retry it later to get its answer."),
		/** {0} the Idempotency-Key. */
		IDEMPOTENT_REQUEST_TAKEN_OVER(Type.IN_PROGRESS, HttpStatus.CONFLICT, "Request in progress", "Another request "
				+ "with the Idempotency-Key ''{0}'' took over; nothing was recorded by this one. Retry it to get that "
				+ "request''s answer."),
		/** {0} how many live connections the server holds. */
		TOO_MANY_LIVE_CONNECTIONS(Type.UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE, "Too many live connections",
				"The server holds {0} live connections already; the page will try again."),

		/** Nobody can sign in on this server. */
		NO_USERS(Type.UNAUTHORIZED, HttpStatus.UNAUTHORIZED, "Unauthorized", "No users are configured on this server, "
				+ "so every request that needs a user is refused. An administrator must configure "
				+ "tracker.security.users (or an OIDC issuer); see the README, section Security."),
		BAD_CREDENTIALS(Type.UNAUTHORIZED, HttpStatus.UNAUTHORIZED, "Unauthorized", "The username or password is wrong."),
		INVALID_BEARER_TOKEN(Type.UNAUTHORIZED, HttpStatus.UNAUTHORIZED, "Unauthorized",
				"The bearer token is not valid (signature, issuer or expiry)."),
		SIGN_IN_FIRST(Type.UNAUTHORIZED, HttpStatus.UNAUTHORIZED, "Unauthorized",
				"Sign in first: send HTTP Basic credentials, or sign in at /login."),
		/** When a JWT resource server is configured. */
		SIGN_IN_FIRST_OR_BEARER(Type.UNAUTHORIZED, HttpStatus.UNAUTHORIZED, "Unauthorized",
				"Sign in first: send HTTP Basic credentials or a bearer token, or sign in at /login."),
		/** {0} one of the roles that may ("A or B"), {1} the method, {2} the path, {3} who is signed in. */
		ROLE_REQUIRED(Type.FORBIDDEN, HttpStatus.FORBIDDEN, "Forbidden", "Role {0} is needed for {1} {2}. {3}"),
		/** {0} the method, {1} the path, {2} who is signed in. */
		NO_ROLE_MAY(Type.FORBIDDEN, HttpStatus.FORBIDDEN, "Forbidden",
				"No role may use {0} {1}: it is not part of this API. {2}"),
		CSRF_TOKEN_MISSING(Type.CSRF, HttpStatus.FORBIDDEN, "Missing or invalid CSRF token", "This request is "
				+ "authenticated by a session cookie, so it must carry the header X-XSRF-TOKEN with the value of the "
				+ "XSRF-TOKEN cookie (a form: the field _csrf). Requests with an Authorization header need none."),
		/** {0} the method, {1} the path. */
		NO_ENDPOINT(Type.NOT_FOUND, HttpStatus.NOT_FOUND, "Not found", "There is no endpoint {0} {1}."),

		/** {0} the audit module's explanation. */
		NOT_IN_CHAIN(Type.NOT_FOUND, HttpStatus.NOT_FOUND, "Not in the chain", "{0}"),
		/** {0} the audit module's explanation. */
		DEAD_LETTERS_NOT_FOUND(Type.NOT_FOUND, HttpStatus.NOT_FOUND, "Dead letters not found", "{0}"),
		/** {0} the audit module's explanation. */
		REPLAY_RUNNING(Type.CONFLICT, HttpStatus.CONFLICT, "Replay already running", "{0}");

		private final Type type;
		private final HttpStatus status;
		private final String title;
		private final String detail;

		Kind(Type type, HttpStatus status, String title, String detail) {
			this.type = type;
			this.status = status;
			this.title = title;
			this.detail = detail;
		}

		/** The type URI; {@code null} for none, that is {@code about:blank} (the 500: it says nothing beyond its status). */
		URI type() {
			return type == null ? null : type.uri;
		}

		/** The detail's wording, {@code {0}} for the first argument (MessageFormat syntax). */
		String detailPattern() {
			return detail;
		}
	}

	/** The problem types (the {@code type} URIs); a kind is one of them with its own title and detail. */
	private enum Type {
		INVALID_REQUEST("/problems/invalid-request"),
		RULE_VIOLATION("/problems/rule-violation"),
		DUPLICATE("/problems/duplicate"),
		NOT_FOUND("/problems/not-found"),
		CONFLICT("/problems/conflict"),
		TOO_LARGE("/problems/too-large"),
		PRECONDITION_FAILED("/problems/precondition-failed"),
		IDEMPOTENCY_KEY_REUSED("/problems/idempotency-key-reused"),
		IN_PROGRESS("/problems/in-progress"),
		UNAVAILABLE("/problems/unavailable"),
		UNAUTHORIZED("/problems/unauthorized"),
		FORBIDDEN("/problems/forbidden"),
		CSRF("/problems/csrf");

		private final URI uri;

		Type(String uri) {
			this.uri = URI.create(uri);
		}
	}

	private Problems() {
	}

	/** The problem of this kind, with the arguments of its detail. */
	public static Problem of(Kind kind, Object... arguments) {
		return new Problem(kind, arguments);
	}

	/** 400 naming each invalid field and why ({@code errors: [{field, reason}]}). */
	public static Problem invalid(List<FieldViolation> violations) {
		Problem problem = violations.size() == 1
				? of(Kind.INVALID_FIELD, violations.get(0).field(), violations.get(0).reason())
				: of(Kind.INVALID_FIELDS, violations.size(), violations.stream()
						.map(v -> v.field() + ": " + v.reason()).collect(Collectors.joining("; ")));
		return problem.with("errors", violations);
	}

	/** 400 naming an invalid request header and why, as an invalid field. */
	public static Problem invalidHeader(String header, String reason) {
		return of(Kind.INVALID_HEADER, header, reason).with("errors", List.of(new FieldViolation(header, reason)));
	}

	/**
	 * One problem: its kind, the arguments of its detail, the properties it adds to the body and the headers that go
	 * with it (such as {@code WWW-Authenticate}, {@code Retry-After}, {@code ETag}).
	 */
	public static final class Problem {

		private final Kind kind;
		private final Object[] arguments;
		private final Map<String, Object> properties = new LinkedHashMap<>();
		private final List<Map.Entry<String, String>> headers = new ArrayList<>();

		private Problem(Kind kind, Object[] arguments) {
			this.kind = kind;
			this.arguments = Arrays.stream(arguments).map(String::valueOf).toArray();
		}

		/** One more member of the body, after the standard ones. */
		public Problem with(String property, Object value) {
			properties.put(property, value);
			return this;
		}

		/** One more header of the answer (added: a header may come more than once, such as two challenges). */
		public Problem header(String name, String value) {
			headers.add(Map.entry(name, value));
			return this;
		}

		public HttpStatus status() {
			return kind.status;
		}

		public String title() {
			return kind.title;
		}

		public String detailText() {
			return new MessageFormat(kind.detail, Locale.ROOT).format(arguments);
		}

		/** The problem for a Spring MVC handler (Spring fills in {@code instance}). */
		public ProblemDetail detail() {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(kind.status, detailText());
			if (kind.type() != null) {
				problem.setType(kind.type());
			}
			problem.setTitle(title());
			properties.forEach(problem::setProperty);
			return problem;
		}

		/** The answer of a Spring MVC handler: the status, the headers, the problem. */
		public ResponseEntity<ProblemDetail> response() {
			ResponseEntity.BodyBuilder answer = ResponseEntity.status(kind.status);
			headers.forEach(h -> answer.header(h.getKey(), h.getValue()));
			return answer.body(detail());
		}

		/**
		 * Answers from a servlet filter or a security handler (outside Spring MVC): status, headers and the problem,
		 * committed. Nothing is written to an answer that is already on its way.
		 */
		public void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
			if (response.isCommitted()) {
				return;
			}
			Map<String, Object> body = new LinkedHashMap<>();
			if (kind.type() != null) {
				body.put("type", kind.type().toString());
			}
			body.put("title", title());
			body.put("status", kind.status.value());
			body.put("detail", detailText());
			body.put("instance", request.getRequestURI());
			body.putAll(properties);
			byte[] bytes = JSON.writeValueAsBytes(body);
			response.setStatus(kind.status.value());
			headers.forEach(h -> response.addHeader(h.getKey(), h.getValue()));
			response.setContentType(PROBLEM_JSON);
			response.setContentLength(bytes.length);
			response.getOutputStream().write(bytes);
			response.flushBuffer();
		}

		/** This problem as an exception, for where a handler cannot return it; the API's handler answers it as is. */
		public ProblemException exception() {
			return new ProblemException(this);
		}

		@Override
		public String toString() {
			return kind.status.value() + " " + kind + ": " + detailText();
		}
	}

	/** A problem thrown (see {@link Problem#exception()}); its message is the detail. */
	public static final class ProblemException extends RuntimeException {

		private final transient Problem problem;

		private ProblemException(Problem problem) {
			super(problem.detailText(), null, false, false);
			this.problem = problem;
		}

		public Problem problem() {
			return problem;
		}
	}
}
