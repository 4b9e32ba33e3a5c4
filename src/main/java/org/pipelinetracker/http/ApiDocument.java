package org.pipelinetracker.http;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.JsonNode;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The conventions every operation of the OpenAPI document ({@code /v3/api-docs}) shares, written once here rather
 * than on each controller method: the problems (RFC 9457, the shared {@code Problem} schema with {@code errors[]})
 * any operation may answer, and the headers of the API's conventions.
 * <ul>
 * <li>Every operation: 400 (a field, parameter or header, or a malformed request), 401, 403, 406 and 500; 404 when
 * its path has a variable; every problem with {@code Content-Language}.</li>
 * <li>Every write ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE} under {@code /api}): the
 * {@code Idempotency-Key} header, 409 (a rule, a duplicate, a concurrent change, a request still running), 413, 415
 * (with a body) and 422 (a key reused), and {@code Idempotent-Replayed} on an answer given again.</li>
 * <li>Project writes and imports ({@code POST /api/projects...}, {@code POST /api/import/...}): the
 * {@code X-Restatement-Reason} header (closed periods).</li>
 * <li>A project's writes ({@code POST /api/projects/{id}/...}): {@code If-Match} and 412; their answer, like
 * {@code GET /api/projects/{id}}, names the project's version in {@code ETag}. A 201 names the new resource in
 * {@code Location}.</li>
 * <li>Schemas: a property that may be {@code null} is {@code nullable} (every property but primitives, collections
 * and those a constraint requires; a schema that a nullable property names by {@code $ref} is nullable itself, as
 * OpenAPI 3.0 has no null beside a reference); JSON nodes (an event's payload) are objects of any properties; an
 * {@code Object} is any JSON value; a decimal is a JSON number or a decimal string.</li>
 * </ul>
 * Controllers declare what is their own: a success status other than 200 (201, 202), a body other than JSON.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocument {

	static final String PROBLEM = "Problem";
	static final String PROBLEM_JSON = "application/problem+json";
	private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
	private static final Set<String> REQUIRED = Set.of("NotNull", "NotBlank", "NotEmpty");
	private static final String BASE_PACKAGE = "org.pipelinetracker.";
	private static final Map<String, Class<?>> SCHEMA_NAMES = new java.util.concurrent.ConcurrentHashMap<>();
	private static final Set<String> GENERIC_NAMES = Set.of("Status", "Result", "Progress", "Report", "Summary",
			"Entry", "Page", "State", "Phase", "Kind", "Type", "Item", "Row");
	/**
	 * The schemas some property refers to that may be null. OpenAPI 3.0 has no null beside a {@code $ref}, and the
	 * request validator of the tests does not read {@code allOf} with {@code nullable}: such a schema is nullable
	 * itself (where it is required, {@code required} still says so).
	 */
	private static final Set<String> NULLABLE_REFERENCES = java.util.concurrent.ConcurrentHashMap.newKeySet();
	private static final String DECIMAL = "^\\s*[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?\\s*$";

	static {
		SpringDocUtils.getConfig()
				.replaceWithSchema(JsonNode.class, new ObjectSchema()
						.description("A JSON object: the fields of the event as it was recorded")
						.additionalProperties(Boolean.TRUE))
				.replaceWithSchema(SseEmitter.class, new StringSchema()
						.description("Server-sent events: one change of the event store per event"))
				.replaceWithSchema(BigDecimal.class, decimal(false))
				.replaceWithSchema(Object.class, new Schema<>().description("Any JSON value"));
	}

	/**
	 * Schema names are simple class names; a nested type with a generic name ({@code ReplayService.Status},
	 * {@code CbuRatesFetch.Status}) is named with its enclosing type ({@code ReplayServiceStatus}), and a type whose
	 * name another module's type already has is named with its module ({@code FxImportReport}), so that two types
	 * never share one schema.
	 */
	@Bean
	ModelConverter distinctSchemaNames() {
		return (type, context, chain) -> {
			if (!chain.hasNext()) {
				return null;
			}
			Type javaType = type.getType();
			Class<?> raw = javaType == null ? null : Json.mapper().constructType(javaType).getRawClass();
			if (raw != null && type.getName() == null && raw.getName().startsWith(BASE_PACKAGE)) {
				String name = raw.getEnclosingClass() != null && GENERIC_NAMES.contains(raw.getSimpleName())
						? raw.getEnclosingClass().getSimpleName() + raw.getSimpleName() : raw.getSimpleName();
				Class<?> first = SCHEMA_NAMES.putIfAbsent(name, raw);
				if (first != null && first != raw) {
					// another type of that name came first: this one is named with its module (FxImportReport)
					String module = raw.getName().substring(BASE_PACKAGE.length()).split("\\.")[0];
					name = Character.toUpperCase(module.charAt(0)) + module.substring(1) + name;
				}
				if (!name.equals(raw.getSimpleName())) {
					type.name(name);
				}
			}
			return chain.next().resolve(type, context, chain);
		};
	}

	@Bean
	OpenApiCustomizer problemsAndHeaders() {
		return ApiDocument::apply;
	}

	/** Marks a property that can be null as such (OpenAPI 3.0's {@code nullable}). */
	@Bean
	PropertyCustomizer nullableProperties() {
		return (property, type) -> {
			if (!mayBeNull(type)) {
				return property;
			}
			if (property.getAnyOf() != null) {
				return decimal(true); // a decimal, the only composed schema: a new one, not the shared one
			}
			if (property.get$ref() != null) {
				// OpenAPI 3.0 ignores nullable beside a $ref: the schema it names is marked (apply)
				NULLABLE_REFERENCES.add(property.get$ref().substring(property.get$ref().lastIndexOf('/') + 1));
				return property;
			}
			property.setNullable(Boolean.TRUE);
			return property;
		};
	}

	/**
	 * A map of any values ({@code Map<String, Object>}) and a property of type {@code Object}: any JSON value, not
	 * only an object.
	 */
	@SuppressWarnings({"rawtypes", "unchecked"})
	private static void anyValues(Schema<?> schema) {
		if (schema.getProperties() == null) {
			return;
		}
		for (Schema property : ((Map<String, Schema>) (Map) schema.getProperties()).values()) {
			if (property.getAdditionalProperties() instanceof Schema values && isAnyObject(values)) {
				property.setAdditionalProperties(new Schema<>().description("Any JSON value"));
			}
		}
		// a property of type Object: any JSON value (a text, a number, an object, null), not only an object
		((Map<String, Schema>) (Map) schema.getProperties()).replaceAll((name, property) -> isAnyObject(property)
				&& property.getAdditionalProperties() == null
				? new Schema<>().description(property.getDescription() != null ? property.getDescription()
						: "Any JSON value").nullable(property.getNullable())
				: property);
	}

	/** {@code type: object} and nothing else: what springdoc writes for {@link Object}. */
	@SuppressWarnings("rawtypes")
	private static boolean isAnyObject(Schema schema) {
		return "object".equals(schema.getType()) && schema.getProperties() == null && schema.get$ref() == null
				&& schema.getAllOf() == null && schema.getOneOf() == null && schema.getAnyOf() == null;
	}

	/** An exact decimal, as a JSON number or a string (requests take both; answers write numbers). */
	@SuppressWarnings({"rawtypes", "unchecked"})
	static Schema<?> decimal(boolean nullable) {
		Schema text = new StringSchema().pattern(DECIMAL);
		Schema number = new NumberSchema();
		if (nullable) {
			text.setNullable(Boolean.TRUE);
			number.setNullable(Boolean.TRUE);
		}
		Schema decimal = new Schema<>().description("An exact decimal: a JSON number or a string such as "
				+ "\"250000000.00\"").anyOf(List.of(text, number));
		if (nullable) {
			decimal.setNullable(Boolean.TRUE);
		}
		return decimal;
	}

	static void apply(OpenAPI api) {
		api.getComponents().addSchemas(PROBLEM, problemSchema());
		api.getComponents().getSchemas().values().forEach(ApiDocument::anyValues);
		NULLABLE_REFERENCES.forEach(name -> {
			Schema<?> schema = api.getComponents().getSchemas().get(name);
			if (schema != null) {
				schema.setNullable(Boolean.TRUE);
			}
		});
		if (api.getPaths() == null) {
			return;
		}
		api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
				conventions(path, method.name(), operation)));
	}

	private static void conventions(String path, String method, Operation operation) {
		ApiResponses responses = operation.getResponses();
		if (operation.getParameters() != null) {
			// an optional parameter that is not a text may be left out or sent empty (?page=, ?stage=): both mean
			// its default, or no value
			operation.getParameters().stream().filter(p -> "query".equals(p.getIn()) && p.getSchema() != null
					&& (p.getSchema().getDefault() != null || !Boolean.TRUE.equals(p.getRequired()))
					&& !"string".equals(p.getSchema().getType()) || p.getSchema() != null
					&& p.getSchema().getEnum() != null && !Boolean.TRUE.equals(p.getRequired()))
					.forEach(p -> p.required(false).allowEmptyValue(true));
		}
		if (method.equals("POST") && path.equals("/api/fx-rates/fetches") && responses.get("200") != null) {
			// a failed fetch answers what it tried and why, as a fetch does
			responses.addApiResponse("502", new ApiResponse().description("The Central Bank's server did not answer, "
					+ "or answered something unreadable").content(responses.get("200").getContent()));
		}
		if (method.equals("GET") && path.equals("/api/i18n/messages")) {
			responses.addApiResponse("304", new ApiResponse().description("Not modified: If-None-Match names the "
					+ "catalogue's current ETag").addHeaderObject("ETag", new Header().schema(new StringSchema())));
		}
		boolean write = WRITES.contains(method) && path.startsWith("/api/");
		boolean projectWrite = method.equals("POST") && path.startsWith("/api/projects/{id}/");
		problem(responses, "400", "Invalid request: a field, parameter or header named in errors[], or a request "
				+ "that cannot be read or was refused before it reached the application");
		problem(responses, "401", "Not signed in, or wrong credentials");
		problem(responses, "403", "A role this operation needs is missing (requiredRoles), or the CSRF token of a "
				+ "browser session");
		if (path.contains("{")) {
			problem(responses, "404", "Not found");
		}
		problem(responses, "406", "Nothing the Accept header names can be answered");
		problem(responses, "500", "An unexpected error; the detail names a reference to the log");
		if (write) {
			operation.addParametersItem(header("Idempotency-Key", "A key of 1-255 visible ASCII characters (a UUID): "
					+ "the same request sent again with it is recorded once and answered as the first time"));
			problem(responses, "409", "Refused by a rule, a duplicate id, a concurrent change, or a request with the "
					+ "same Idempotency-Key still running (Retry-After)");
			problem(responses, "413", "The body is larger than the limit");
			problem(responses, "422", "The Idempotency-Key was used for a different request");
			if (operation.getRequestBody() != null) {
				problem(responses, "415", "A Content-Type this operation does not read");
			}
		}
		if (method.equals("POST") && (path.startsWith("/api/projects") || path.startsWith("/api/import/"))) {
			// closed periods (module period): one header marks any project write a restatement
			operation.addParametersItem(header("X-Restatement-Reason", "FINANCE or ADMIN only: records this write "
					+ "although its effective date is in a closed period, as a restatement with this reason (1-500 "
					+ "characters, percent-encoded UTF-8 when not ASCII), kept in every event's metadata"));
		}
		if (projectWrite) {
			operation.addParametersItem(header("If-Match", "Entity tags from the project's ETag (\"3\", a list, or *): "
					+ "record only if the project is still at that version"));
			problem(responses, "412", "The project is at another version than If-Match names (currentVersion, ETag)");
		}
		responses.forEach((status, response) -> {
			if (!status.startsWith("2")) {
				return;
			}
			if (write) {
				response.addHeaderObject("Idempotent-Replayed", new Header().schema(new StringSchema()._enum(
						List.of("true"))).description("The answer of an earlier request with the same Idempotency-Key"));
			}
			if (projectWrite || method.equals("GET") && path.equals("/api/projects/{id}")) {
				response.addHeaderObject("ETag", new Header().schema(new StringSchema())
						.description("The project's version, as an entity tag for If-Match (a current read only)"));
			}
			if (status.equals("201")) {
				response.addHeaderObject("Location", new Header().schema(new StringSchema().format("uri"))
						.description("The new resource"));
			}
		});
		sortResponses(operation);
	}

	private static void problem(ApiResponses responses, String status, String description) {
		if (responses.containsKey(status)) {
			return;
		}
		responses.addApiResponse(status, new ApiResponse().description(description)
				.addHeaderObject("Content-Language", new Header().schema(new StringSchema())
						.description("The language of title, detail and each reason: en, uz, ru or ko (Accept-Language)"))
				.content(new Content().addMediaType(PROBLEM_JSON, new MediaType()
						.schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
	}

	private static Parameter header(String name, String description) {
		return new HeaderParameter().name(name).required(false).description(description).schema(new StringSchema());
	}

	private static void sortResponses(Operation operation) {
		Map<String, ApiResponse> sorted = new TreeMap<>(operation.getResponses());
		ApiResponses responses = new ApiResponses();
		sorted.forEach(responses::addApiResponse);
		operation.setResponses(responses);
	}

	/** RFC 9457 with this API's members. */
	@SuppressWarnings({"rawtypes", "unchecked"})
	static Schema<?> problemSchema() {
		Schema fieldError = new ObjectSchema().addRequiredItem("field").addRequiredItem("reason")
				.addProperty("field", new StringSchema().description("The field (a JSON path), parameter or header"))
				.addProperty("reason", new StringSchema().description("Why, in the language of Content-Language"));
		return new ObjectSchema().description("An RFC 9457 problem (application/problem+json)")
				.addRequiredItem("type").addRequiredItem("title").addRequiredItem("status")
				.addProperty("type", new StringSchema().description("The kind of problem, such as "
						+ "/problems/invalid-request, /problems/rule-violation, /problems/not-found"))
				.addProperty("title", new StringSchema())
				.addProperty("status", new IntegerSchema().format("int32"))
				.addProperty("detail", new StringSchema())
				.addProperty("instance", new StringSchema().description("The path of the request"))
				.addProperty("errors", new ArraySchema().items(fieldError)
						.description("Each invalid field, parameter or header (400 /problems/invalid-request)"))
				.addProperty("requiredRoles", new ArraySchema().items(new StringSchema())
						.description("The roles that would pass (403 /problems/forbidden)"))
				.addProperty("currentVersion", new IntegerSchema().format("int64")
						.description("The project's version (412 /problems/precondition-failed)"))
				.addProperty("limit", new IntegerSchema().format("int64").description("The limit in bytes (413)"))
				.addProperty("reference", new StringSchema().description("The reference to the log (500)"))
				.addProperty("field", new StringSchema().description("The field of a duplicate id (409)"))
				.additionalProperties(Boolean.TRUE);
	}

	/** Whether a property of this type may be written as {@code null}. */
	private static boolean mayBeNull(AnnotatedType type) {
		Type javaType = type.getType();
		Class<?> raw = javaType == null ? null : Json.mapper().constructType(javaType).getRawClass();
		if (raw == null || raw.isPrimitive() || raw.isArray() || Collection.class.isAssignableFrom(raw)) {
			return false;
		}
		Annotation[] annotations = type.getCtxAnnotations();
		if (annotations != null) {
			for (Annotation annotation : annotations) {
				if (REQUIRED.contains(annotation.annotationType().getSimpleName())) {
					return false;
				}
			}
		}
		return true;
	}
}
