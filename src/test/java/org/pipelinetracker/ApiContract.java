package org.pipelinetracker;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Every request and answer the shared test client {@link Api} makes under {@code /api} is checked against the
 * application's own OpenAPI document ({@code /v3/api-docs} of that server, fetched once per server) with Atlassian's
 * swagger-request-validator: the status, content type, headers and body of every answer must be documented, and a
 * request the server accepted (2xx) must match what the document says it takes. A request the server refused (4xx)
 * may break the document's request rules (that is what the refusal is for); its answer must still be a documented
 * problem. A mismatch fails the test with the validator's messages and what to document.
 * <p>
 * Set {@code -Dtracker.test.openapi=false} to switch the check off for a local experiment; it is on in every build.
 */
public final class ApiContract {

	private static final boolean ON = Boolean.parseBoolean(System.getProperty("tracker.test.openapi", "true"));
	private static final Map<String, Optional<OpenApiInteractionValidator>> VALIDATORS = new ConcurrentHashMap<>();
	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private ApiContract() {
	}

	/** Checks one exchange. */
	static void check(String base, HttpRequest request, HttpResponse<String> response) {
		check(base, request, bodyOf(request), response);
	}

	/** Checks one exchange; {@code requestBody} is null when the request had none or it is not known. */
	static void check(String base, HttpRequest request, String requestBody, HttpResponse<String> response) {
		String path = request.uri().getRawPath();
		if (!ON || path == null || !path.startsWith("/api/") && !path.equals("/api")
				|| request.method().equals("HEAD")) {
			return;
		}
		Optional<OpenApiInteractionValidator> validator = VALIDATORS.computeIfAbsent(base, ApiContract::load);
		if (validator.isEmpty()) {
			return;
		}
		SimpleRequest.Builder sent = new SimpleRequest.Builder(request.method(),
				URLDecoder.decode(path, StandardCharsets.UTF_8));
		request.headers().map().forEach(sent::withHeader);
		if (request.uri().getRawQuery() != null) {
			for (String pair : request.uri().getRawQuery().split("&")) {
				int equals = pair.indexOf('=');
				String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
				String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
				sent.withQueryParam(name, value);
			}
		}
		if (requestBody != null) {
			sent.withBody(requestBody);
		}
		SimpleResponse.Builder answered = SimpleResponse.Builder.status(response.statusCode());
		response.headers().map().forEach(answered::withHeader);
		if (response.body() != null && !response.body().isEmpty()) {
			answered.withBody(response.body());
		}
		ValidationReport report = validator.get().validate(sent.build(), answered.build());
		boolean refused = response.statusCode() >= 400 && response.statusCode() < 500;
		List<ValidationReport.Message> wrong = report.getMessages().stream()
				.filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
				// a refused request may break the request rules: the refusal says so
				.filter(m -> !(refused && m.getKey().startsWith("validation.request")))
				.filter(m -> !emptyParameter(m, request))
				.toList();
		if (!wrong.isEmpty()) {
			throw new AssertionError("The answer of " + request.method() + " " + request.uri().getRawPath()
					+ (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery()) + " ("
					+ response.statusCode() + " " + response.headers().firstValue("Content-Type").orElse("") + ") "
					+ "does not match the OpenAPI document /v3/api-docs. Document it on the controller method "
					+ "(@ApiResponse with the status, content type and schema; @Parameter for a header or parameter; "
					+ "@Schema(nullable = true) for a field that may be null) or in http.ApiDocument for what every "
					+ "operation shares:\n" + wrong.stream().map(m -> "  - [" + m.getKey() + "] " + m.getMessage()
							+ context(m)).collect(Collectors.joining("\n"))
					+ "\nbody: " + abbreviate(response.body()));
		}
	}

	/**
	 * An optional parameter sent empty ({@code ?page=}, {@code ?stage=}), which the server reads as its default or
	 * as no value (the document says {@code allowEmptyValue}); the validator allows an empty value only for a text or
	 * an array, and checks it against an enum.
	 */
	private static boolean emptyParameter(ValidationReport.Message message, HttpRequest request) {
		String query = request.uri().getRawQuery();
		return message.getKey().startsWith("validation.request.parameter.") && query != null
				&& message.getContext().flatMap(ValidationReport.MessageContext::getParameter)
						.map(p -> Boolean.TRUE.equals(p.getAllowEmptyValue()) && !Boolean.TRUE.equals(p.getRequired())
								&& ("&" + query + "&").contains("&" + p.getName() + "=&"))
						.orElse(false);
	}

	/** The body a request sent, read again from its publisher (those of {@code BodyPublishers} can be), or null. */
	static String bodyOf(HttpRequest request) {
		if (request.bodyPublisher().isEmpty() || request.bodyPublisher().get().contentLength() == 0) {
			return null;
		}
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
		request.bodyPublisher().get().subscribe(new java.util.concurrent.Flow.Subscriber<java.nio.ByteBuffer>() {
			@Override
			public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
				subscription.request(Long.MAX_VALUE);
			}

			@Override
			public void onNext(java.nio.ByteBuffer item) {
				byte[] chunk = new byte[item.remaining()];
				item.get(chunk);
				bytes.writeBytes(chunk);
			}

			@Override
			public void onError(Throwable throwable) {
				done.completeExceptionally(throwable);
			}

			@Override
			public void onComplete() {
				done.complete(null);
			}
		});
		try {
			done.get(5, java.util.concurrent.TimeUnit.SECONDS);
			return bytes.toString(StandardCharsets.UTF_8);
		}
		catch (Exception notReadable) {
			return null;
		}
	}

	private static String context(ValidationReport.Message message) {
		return message.getAdditionalInfo().isEmpty() ? "" : " " + message.getAdditionalInfo();
	}

	private static String abbreviate(String text) {
		return text == null || text.length() <= 600 ? String.valueOf(text) : text.substring(0, 600) + "…";
	}

	/** The document of the server at {@code base}, or empty when it has none to give (no users to sign in). */
	private static Optional<OpenApiInteractionValidator> load(String base) {
		try {
			HttpResponse<String> document = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/v3/api-docs"))
					.header("Authorization", Api.basic("admin", "admin-demo")).timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofString());
			if (document.statusCode() != 200) {
				return Optional.empty();
			}
			return Optional.of(OpenApiInteractionValidator.createForInlineApiSpecification(document.body())
					// unknown properties of a request body are ignored, as the API documents (answers stay strict)
					.withLevelResolver(LevelResolver.create()
							.withLevel("validation.request.body.schema.additionalProperties",
									ValidationReport.Level.IGNORE)
							// unknown query parameters are ignored, as the API documents
							.withLevel("validation.request.parameter.query.unexpected", ValidationReport.Level.IGNORE)
							// a parameter sent twice: Spring MVC reads it as one value
							.withLevel("validation.request.parameter.collection.invalid", ValidationReport.Level.IGNORE)
							.build())
					.build());
		}
		catch (IOException e) {
			throw new AssertionError("could not read " + base + "/v3/api-docs", e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}
}
