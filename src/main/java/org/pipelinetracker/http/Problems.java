package org.pipelinetracker.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.pipelinetracker.i18n.Languages;
import org.pipelinetracker.i18n.Translations;
import org.pipelinetracker.kernel.FieldViolation;
import org.pipelinetracker.kernel.Text;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.support.WebApplicationContextUtils;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every RFC 9457 problem this API answers with, built in this one place: the problem {@link Kind kinds} (type URI,
 * status, the catalogue keys of the title and the detail, the names of the detail's arguments) and the body, for
 * Spring MVC exception handlers ({@link Problem#response()}, {@link Problem#detail()}) and for servlet filters and
 * Spring Security's handlers ({@link Problem#write}) alike.
 * <p>
 * A problem is a kind and its arguments: {@code Problems.of(Kind.PROJECT_NOT_FOUND, id)}. Title and detail are texts of
 * the message catalogue ({@code problem.<kind>.title}, {@code problem.<kind>.detail}, named placeholders such as
 * {@code {projectId}}), written when the problem is answered, in the language of the request's
 * {@code Accept-Language} (English without one, or for a language the catalogue does not have), which the
 * {@code Content-Language} header names. An argument that is a {@link Text} (a module's explanation, a field's reason)
 * is written in that language too; other arguments are inserted as text, never formatted, except the quantities of a
 * kind (a count, a number of bytes), which are written as the language writes numbers. English is written exactly as
 * the API always wrote it.
 * <p>
 * The body: {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance} (the request's path) and the
 * kind's properties ({@code errors: [{field, reason}]}, {@code requiredRoles}, {@code currentVersion}, {@code limit},
 * {@code reference}, {@code field}); {@code application/problem+json}. Spring MVC writes {@link ProblemDetail} with the
 * application's JSON mapper, which orders the standard members alphabetically; a filter writes them in the RFC's
 * order. Both orders are what clients have always received, and JSON does not give member order a meaning.
 */
public final class Problems {

	/**
	 * Every problem of this API: the type, the status, the keys of the title and the detail, and the names of the
	 * detail's arguments in the order {@link Problems#of} takes them (a name ending in {@code #} is a quantity,
	 * written as the language writes numbers).
	 */
	public enum Kind {
		/** One field is invalid: {field} the field, {reason} why. */
		INVALID_FIELD(Type.INVALID_REQUEST, HttpStatus.BAD_REQUEST, "problem.invalidField.title",
				"problem.invalidField.detail", "field", "reason"),
		/** Several fields are invalid: {count} how many, {errors} each field and why. */
		INVALID_FIELDS(Type.INVALID_REQUEST, HttpStatus.BAD_REQUEST, "problem.invalidFields.title",
				"problem.invalidFields.detail", "count#", "errors"),
		/** A request header is invalid: {header} the header, {reason} why. */
		INVALID_HEADER(Type.INVALID_REQUEST, HttpStatus.BAD_REQUEST, "problem.invalidHeader.title",
				"problem.invalidHeader.detail", "header", "reason"),
		/** A body whose declared length is over the limit: {length} its length, {limit} the limit. */
		BODY_TOO_LARGE(Type.TOO_LARGE, HttpStatus.CONTENT_TOO_LARGE, "problem.bodyTooLarge.title",
				"problem.bodyTooLarge.detail", "length#", "limit#"),
		/** A body that ran over the limit while it was read: {limit} the limit. */
		BODY_OVER_LIMIT(Type.TOO_LARGE, HttpStatus.CONTENT_TOO_LARGE, "problem.bodyOverLimit.title",
				"problem.bodyOverLimit.detail", "limit#"),
		/** An uploaded file over its limit: {message} what the importer says. */
		FILE_TOO_LARGE(Type.TOO_LARGE, HttpStatus.CONTENT_TOO_LARGE, "problem.fileTooLarge.title",
				"problem.fileTooLarge.detail", "message"),
		/** Anything unexpected: {reference} the reference to the log. */
		INTERNAL(Type.INTERNAL_ERROR, HttpStatus.INTERNAL_SERVER_ERROR, "problem.internal.title",
				"problem.internal.detail", "reference"),
		/** A command refused as a duplicate: {message} the module's explanation. */
		DUPLICATE_ID(Type.DUPLICATE, HttpStatus.CONFLICT, "problem.duplicateId.title",
				"problem.duplicateId.detail", "message"),
		/** A command refused by a business rule: {message} the module's explanation. */
		RULE_VIOLATED(Type.RULE_VIOLATION, HttpStatus.CONFLICT, "problem.ruleViolated.title",
				"problem.ruleViolated.detail", "message"),
		/** {projectId} the project id. */
		PROJECT_NOT_FOUND(Type.NOT_FOUND, HttpStatus.NOT_FOUND, "problem.projectNotFound.title",
				"problem.projectNotFound.detail", "projectId"),
		/** {projectId} the project id, {asOf} the business date asked for. */
		PROJECT_NOT_YET_AS_OF(Type.NOT_FOUND, HttpStatus.NOT_FOUND, "problem.projectNotYetAsOf.title",
				"problem.projectNotYetAsOf.detail", "projectId", "asOf"),
		/** {projectId} the project id, {knownAt} the recording time asked for. */
		PROJECT_NOT_YET_KNOWN_AT(Type.NOT_FOUND, HttpStatus.NOT_FOUND, "problem.projectNotYetKnownAt.title",
				"problem.projectNotYetKnownAt.detail", "projectId", "knownAt"),
		/** {projectId} the project id, {asOf} the business date, {knownAt} the recording time asked for. */
		PROJECT_NOT_YET_AS_OF_KNOWN_AT(Type.NOT_FOUND, HttpStatus.NOT_FOUND,
				"problem.projectNotYetAsOfKnownAt.title", "problem.projectNotYetAsOfKnownAt.detail", "projectId", "asOf", "knownAt"),
		/**
		 * If-Match names another version: {projectId} the project id, {version} its version, {expected} the version(s)
		 * expected.
		 */
		PROJECT_VERSION_MISMATCH(Type.PRECONDITION_FAILED, HttpStatus.PRECONDITION_FAILED,
				"problem.projectVersionMismatch.title", "problem.projectVersionMismatch.detail",
				"projectId", "version", "expected"),
		PROJECT_CHANGED_CONCURRENTLY(Type.CONFLICT, HttpStatus.CONFLICT,
				"problem.projectChangedConcurrently.title", "problem.projectChangedConcurrently.detail"),
		/** {projectId} the project id, {documentId} a document with stored content it does not have. */
		DOCUMENT_NOT_FOUND(Type.NOT_FOUND, HttpStatus.NOT_FOUND, "problem.documentNotFound.title",
				"problem.documentNotFound.detail", "projectId", "documentId"),
		/** {id} a notification the caller does not have (none, or another user's). */
		NOTIFICATION_NOT_FOUND(Type.NOT_FOUND, HttpStatus.NOT_FOUND, "problem.notificationNotFound.title",
				"problem.notificationNotFound.detail", "id"),
		/** A stored file whose bytes no longer match the hash its event recorded: not served. */
		STORED_FILE_FAILS_HASH(Type.STORED_FILE_FAILS_HASH, HttpStatus.CONFLICT, "problem.storedFileFailsHash.title",
				"problem.storedFileFailsHash.detail", "projectId", "documentId", "expected", "actual"),
		/** {facilityId} the facility id. */
		FACILITY_NOT_FOUND(Type.NOT_FOUND, HttpStatus.NOT_FOUND, "problem.facilityNotFound.title",
				"problem.facilityNotFound.detail", "facilityId"),
		/** {id} a money entry submitted for approval that does not exist (or is not known yet). */
		APPROVAL_NOT_FOUND(Type.NOT_FOUND, HttpStatus.NOT_FOUND, "problem.approvalNotFound.title",
				"problem.approvalNotFound.detail", "id"),
		FACILITY_CHANGED_CONCURRENTLY(Type.CONFLICT, HttpStatus.CONFLICT,
				"problem.facilityChangedConcurrently.title", "problem.facilityChangedConcurrently.detail"),
		/** A transaction lost a race with another request, also after retries. */
		CHANGED_CONCURRENTLY(Type.CONFLICT, HttpStatus.CONFLICT, "problem.changedConcurrently.title",
				"problem.changedConcurrently.detail"),
		/** {key} the Idempotency-Key. */
		IDEMPOTENCY_KEY_REUSED(Type.IDEMPOTENCY_KEY_REUSED, HttpStatus.UNPROCESSABLE_CONTENT,
				"problem.idempotencyKeyReused.title", "problem.idempotencyKeyReused.detail", "key"),
		/** {key} the Idempotency-Key. */
		IDEMPOTENT_REQUEST_RUNNING(Type.IN_PROGRESS, HttpStatus.CONFLICT,
				"problem.idempotentRequestRunning.title", "problem.idempotentRequestRunning.detail", "key"),
		/** {key} the Idempotency-Key. */
		IDEMPOTENT_REQUEST_TAKEN_OVER(Type.IN_PROGRESS, HttpStatus.CONFLICT,
				"problem.idempotentRequestTakenOver.title", "problem.idempotentRequestTakenOver.detail", "key"),
		/** {count} how many live connections the server holds. */
		TOO_MANY_LIVE_CONNECTIONS(Type.UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE,
				"problem.tooManyLiveConnections.title", "problem.tooManyLiveConnections.detail", "count#"),
		/** Nobody can sign in on this server. */
		NO_USERS(Type.UNAUTHORIZED, HttpStatus.UNAUTHORIZED, "problem.noUsers.title", "problem.noUsers.detail"),
		BAD_CREDENTIALS(Type.UNAUTHORIZED, HttpStatus.UNAUTHORIZED, "problem.badCredentials.title",
				"problem.badCredentials.detail"),
		INVALID_BEARER_TOKEN(Type.UNAUTHORIZED, HttpStatus.UNAUTHORIZED, "problem.invalidBearerToken.title",
				"problem.invalidBearerToken.detail"),
		SIGN_IN_FIRST(Type.UNAUTHORIZED, HttpStatus.UNAUTHORIZED, "problem.signInFirst.title",
				"problem.signInFirst.detail"),
		/** When a JWT resource server is configured. */
		SIGN_IN_FIRST_OR_BEARER(Type.UNAUTHORIZED, HttpStatus.UNAUTHORIZED, "problem.signInFirstOrBearer.title",
				"problem.signInFirstOrBearer.detail"),
		/**
		 * {roles} the roles that may ("A or B"), {method} the method, {path} the path, {user} who is signed in (a text,
		 * or empty).
		 */
		ROLE_REQUIRED(Type.FORBIDDEN, HttpStatus.FORBIDDEN, "problem.roleRequired.title",
				"problem.roleRequired.detail", "roles", "method", "path", "user"),
		/** {method} the method, {path} the path, {user} who is signed in. */
		NO_ROLE_MAY(Type.FORBIDDEN, HttpStatus.FORBIDDEN, "problem.noRoleMay.title",
				"problem.noRoleMay.detail", "method", "path", "user"),
		CSRF_TOKEN_MISSING(Type.CSRF, HttpStatus.FORBIDDEN, "problem.csrfTokenMissing.title",
				"problem.csrfTokenMissing.detail"),
		/** {method} the method, {path} the path. */
		NO_ENDPOINT(Type.NOT_FOUND, HttpStatus.NOT_FOUND, "problem.noEndpoint.title",
				"problem.noEndpoint.detail", "method", "path"),
		/** {message} the audit module's explanation. */
		NOT_IN_CHAIN(Type.NOT_FOUND, HttpStatus.NOT_FOUND, "problem.notInChain.title",
				"problem.notInChain.detail", "message"),
		/** {message} the audit module's explanation. */
		DEAD_LETTERS_NOT_FOUND(Type.NOT_FOUND, HttpStatus.NOT_FOUND, "problem.deadLettersNotFound.title",
				"problem.deadLettersNotFound.detail", "message"),
		/** {message} the audit module's explanation. */
		REPLAY_RUNNING(Type.CONFLICT, HttpStatus.CONFLICT, "problem.replayRunning.title",
				"problem.replayRunning.detail", "message"),
		// Spring MVC's own refusals (ApiProblemHandler): English exactly as Spring writes it, with a type of ours.
		/** Spring MVC: no handler for this method (with an Allow header): {method}. */
		METHOD_NOT_ALLOWED(Type.METHOD_NOT_ALLOWED, HttpStatus.METHOD_NOT_ALLOWED, "problem.methodNotAllowed.title",
				"problem.methodNotAllowed.detail", "method"),
		/** Spring MVC: a body of a type nothing reads: {contentType}. */
		UNSUPPORTED_MEDIA_TYPE(Type.UNSUPPORTED_MEDIA_TYPE, HttpStatus.UNSUPPORTED_MEDIA_TYPE,
				"problem.unsupportedMediaType.title", "problem.unsupportedMediaType.detail", "contentType"),
		/** Spring MVC: nothing in the Accept header can be answered: {types} what can. */
		NOT_ACCEPTABLE(Type.NOT_ACCEPTABLE, HttpStatus.NOT_ACCEPTABLE, "problem.notAcceptable.title",
				"problem.notAcceptable.detail", "types"),
		/** Spring MVC: an Accept header that cannot be parsed. */
		ACCEPT_UNREADABLE(Type.NOT_ACCEPTABLE, HttpStatus.NOT_ACCEPTABLE, "problem.acceptUnreadable.title",
				"problem.acceptUnreadable.detail"),
		/** Spring MVC: a required query parameter is missing: {name} (also named in {@code errors}). */
		MISSING_PARAMETER(Type.INVALID_REQUEST, HttpStatus.BAD_REQUEST, "problem.missingParameter.title",
				"problem.missingParameter.detail", "name"),
		/** Spring MVC: a required header is missing: {name} (also named in {@code errors}). */
		MISSING_HEADER(Type.INVALID_REQUEST, HttpStatus.BAD_REQUEST, "problem.missingHeader.title",
				"problem.missingHeader.detail", "name"),
		/** Spring MVC: a required part of a multipart body is missing: {name} (also named in {@code errors}). */
		MISSING_PART(Type.INVALID_REQUEST, HttpStatus.BAD_REQUEST, "problem.missingPart.title",
				"problem.missingPart.detail", "name"),
		/** Spring MVC: a multipart upload over the container's limit. */
		UPLOAD_TOO_LARGE(Type.TOO_LARGE, HttpStatus.CONTENT_TOO_LARGE, "problem.uploadTooLarge.title",
				"problem.uploadTooLarge.detail"),
		// Refusals before the application: the servlet container (Tomcat), Spring Security's firewall, /error
		/** A request the server could not read: its request line, path, headers or parameters. */
		MALFORMED_REQUEST(Type.MALFORMED, HttpStatus.BAD_REQUEST, "problem.malformedRequest.title",
				"problem.malformedRequest.detail"),
		/** Refused by the firewall of the security filter chain: {reason} what was wrong (a text). */
		REQUEST_REJECTED(Type.REJECTED, HttpStatus.BAD_REQUEST, "problem.requestRejected.title",
				"problem.requestRejected.detail", "reason"),
		/** A write marked a restatement of a closed period by someone who is neither FINANCE nor ADMIN. */
		RESTATEMENT_ROLE_REQUIRED(Type.FORBIDDEN, HttpStatus.FORBIDDEN, "problem.restatementRoleRequired.title",
				"problem.restatementRoleRequired.detail"),
		/** A request refused for a reason nobody explained (a 403 answered by the error page). */
		ACCESS_DENIED(Type.FORBIDDEN, HttpStatus.FORBIDDEN, "problem.accessDenied.title",
				"problem.accessDenied.detail"),
		/** An {@code Expect} header other than {@code 100-continue}. */
		EXPECTATION_FAILED(Type.EXPECTATION_FAILED, HttpStatus.EXPECTATION_FAILED,
				"problem.expectationFailed.title", "problem.expectationFailed.detail"),
		/** Something the server does not implement, such as a {@code Transfer-Encoding}. */
		NOT_IMPLEMENTED(Type.NOT_IMPLEMENTED, HttpStatus.NOT_IMPLEMENTED, "problem.notImplemented.title",
				"problem.notImplemented.detail"),
		/** The server cannot answer now (a 503 answered by the error page). */
		UNAVAILABLE(Type.UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE, "problem.unavailable.title",
				"problem.unavailable.detail"),
		/** A protocol version other than HTTP/1.1 (and 1.0). */
		HTTP_VERSION_NOT_SUPPORTED(Type.HTTP_VERSION, HttpStatus.HTTP_VERSION_NOT_SUPPORTED,
				"problem.httpVersionNotSupported.title", "problem.httpVersionNotSupported.detail");

		final Type type;
		final HttpStatus status;
		final String titleKey;
		final String detailKey;
		private final List<String> parameters;

		Kind(Type type, HttpStatus status, String titleKey, String detailKey, String... parameters) {
			this.type = type;
			this.status = status;
			this.titleKey = titleKey;
			this.detailKey = detailKey;
			this.parameters = List.of(parameters);
		}

		/** The type URI: every problem has one. */
		URI type() {
			return type.uri;
		}

		/** The catalogue key of the title. */
		public String titleKey() {
			return titleKey;
		}

		/** The catalogue key of the detail. */
		public String detailKey() {
			return detailKey;
		}

		/** The names of the detail's arguments, in order (the placeholders of its text). */
		public List<String> parameters() {
			return parameters.stream().map(p -> p.endsWith("#") ? p.substring(0, p.length() - 1) : p).toList();
		}

		boolean isQuantity(int index) {
			return index < parameters.size() && parameters.get(index).endsWith("#");
		}

		String parameter(int index) {
			return index < parameters.size() ? parameters().get(index) : "argument" + index;
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
		CSRF("/problems/csrf"),
		METHOD_NOT_ALLOWED("/problems/method-not-allowed"),
		UNSUPPORTED_MEDIA_TYPE("/problems/unsupported-media-type"),
		NOT_ACCEPTABLE("/problems/not-acceptable"),
		INTERNAL_ERROR("/problems/internal-error"),
		MALFORMED("/problems/malformed-request"),
		REJECTED("/problems/request-rejected"),
		EXPECTATION_FAILED("/problems/expectation-failed"),
		NOT_IMPLEMENTED("/problems/not-implemented"),
		HTTP_VERSION("/problems/http-version-not-supported"),
		STORED_FILE_FAILS_HASH("/problems/stored-file-fails-hash");

		private final URI uri;

		Type(String uri) {
			this.uri = URI.create(uri);
		}
	}

	private Problems() {
	}

	/**
	 * The type of a problem that only has a status (an error of Spring MVC that is no kind of ours): the type of the
	 * kinds of that status, {@code /problems/malformed-request} or {@code /problems/internal-error} for another
	 * 4xx or 5xx.
	 */
	public static URI typeOf(int status) {
		for (Kind kind : Kind.values()) {
			if (kind.status.value() == status && kind.type != Type.INVALID_REQUEST) {
				return kind.type();
			}
		}
		return (status >= 500 ? Type.INTERNAL_ERROR : Type.MALFORMED).uri;
	}

	/**
	 * The problem a bare HTTP status stands for, when nothing else is known about it (the container's errors, the
	 * error page): the kind of that status, else 400 {@link Kind#MALFORMED_REQUEST} for another 4xx and 500
	 * {@link Kind#INTERNAL} (with {@code reference}) for another 5xx. {@code method}, {@code path} and
	 * {@code contentType} are those of the request that failed.
	 */
	public static Problem ofStatus(int status, String method, String path, String contentType, String reference) {
		Problem problem = switch (status) {
			case 401 -> of(Kind.SIGN_IN_FIRST);
			case 403 -> of(Kind.ACCESS_DENIED);
			case 404 -> of(Kind.NO_ENDPOINT, method, path);
			case 405 -> of(Kind.METHOD_NOT_ALLOWED, method);
			case 413 -> of(Kind.UPLOAD_TOO_LARGE);
			case 415 -> of(Kind.UNSUPPORTED_MEDIA_TYPE, contentType);
			case 417 -> of(Kind.EXPECTATION_FAILED);
			case 501 -> of(Kind.NOT_IMPLEMENTED);
			case 503 -> of(Kind.UNAVAILABLE);
			case 505 -> of(Kind.HTTP_VERSION_NOT_SUPPORTED);
			default -> isUnexpected(status) ? of(Kind.INTERNAL, reference).with("reference", reference)
					: of(Kind.MALFORMED_REQUEST);
		};
		return problem.at(path);
	}

	/**
	 * Whether the problem of a bare status ({@link #ofStatus}) is the unexpected error, which names a reference to
	 * the log: a 5xx other than 501, 503 and 505.
	 */
	public static boolean isUnexpected(int status) {
		return status >= 500 && status != 501 && status != 503 && status != 505;
	}

	/** The problem of this kind, with the arguments of its detail. */
	public static Problem of(Kind kind, Object... arguments) {
		return new Problem(kind, arguments);
	}

	/** 400 naming each invalid field and why ({@code errors: [{field, reason}]}). */
	public static Problem invalid(List<FieldViolation> violations) {
		Problem problem = violations.size() == 1
				? of(Kind.INVALID_FIELD, violations.get(0).field(), violations.get(0).reason())
				: of(Kind.INVALID_FIELDS, violations.size(), new Text.Joined("; ", violations.stream()
						.map(v -> Text.of("problem.part.fieldReason").with("field", v.field()).with("reason", v.reason()))
						.toList()));
		return problem.with("errors", List.copyOf(violations));
	}

	/** 400 naming an invalid request header and why, as an invalid field. */
	public static Problem invalidHeader(String header, Text reason) {
		return of(Kind.INVALID_HEADER, header, reason).with("errors", List.of(new FieldViolation(header, reason)));
	}

	/** One invalid field of a problem's {@code errors}, as the body writes it: the reason in the answer's language. */
	public record FieldError(String field, String reason) {
	}
}
