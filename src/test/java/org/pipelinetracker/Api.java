package org.pipelinetracker;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * A small real-HTTP client for tests: JSON in, status + headers + parsed JSON out.
 */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private final String base;
	private String actor;
	private final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();

	public Api(int port) {
		this.base = "http://localhost:" + port;
	}

	/** A client that sends {@code name: value} with every request (e.g. Authorization). */
	public Api withHeader(String name, String value) {
		Api api = new Api(this.base, this.actor);
		api.headers.putAll(this.headers);
		api.headers.put(name, value);
		return api;
	}

	public Api as(String actorName) {
		return new Api(this.base, actorName);
	}

	private Api(String base, String actor) {
		this.base = base;
		this.actor = actor;
	}

	public Response get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	public Response post(String path, String json) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json));
		return send(request);
	}

	/** A JSON POST with extra request headers (name, value, name, value, ...), e.g. Idempotency-Key or If-Match. */
	public Response post(String path, String json, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json));
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request);
	}

	public Response postRaw(String path, String contentType, String body) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
				.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/** Polls {@code path} until {@code condition} holds (read models follow the event store asynchronously). */
	public Response eventually(String path, Predicate<Response> condition) {
		long deadline = System.currentTimeMillis() + 10_000;
		Response last = get(path);
		while (!condition.test(last)) {
			if (System.currentTimeMillis() > deadline) {
				throw new AssertionError("condition not met within 10 s; last response from " + path + ": " + last);
			}
			sleep(20);
			last = get(path);
		}
		return last;
	}

	private Response send(HttpRequest.Builder request) {
		if (actor != null) {
			request.header("X-Actor", actor);
		}
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Response(response);
		}
		catch (IOException e) {
			throw new AssertionError(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** A response: status, headers, body as text and as JSON. */
	public static final class Response {
		private final HttpResponse<String> raw;
		private JsonNode json;

		Response(HttpResponse<String> raw) {
			this.raw = raw;
		}

		public int status() {
			return raw.statusCode();
		}

		public String body() {
			return raw.body();
		}

		public String header(String name) {
			return raw.headers().firstValue(name).orElse(null);
		}

		public JsonNode json() {
			if (json == null) {
				json = JSON.readTree(raw.body());
			}
			return json;
		}

		@Override
		public String toString() {
			return raw.statusCode() + " " + raw.body();
		}
	}
}
