package org.pipelinetracker;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A small real-HTTP client for tests: JSON in, status + headers + parsed JSON out.
 * <p>
 * Every request authenticates with HTTP Basic: by default as the demo user {@code admin} (who may do everything),
 * {@link #as(String)} as another configured user (the demo users with their {@code <name>-demo} password, the test
 * users of application-test.properties with {@link #TEST_PASSWORD}), {@link #anonymous()} without credentials.
 * Every exchange under {@code /api} is checked against the server's own OpenAPI document ({@link ApiContract}).
 */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	/** The password of the test users in src/test/resources/application-test.properties. */
	public static final String TEST_PASSWORD = "test-password";
	private static final List<String> DEMO_USERS = List.of("recorder", "finance", "auditor", "admin");

	/** How long {@link #eventually} waits for a read model before it fails. */
	public static final int EVENTUALLY_SECONDS = 30;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private final String base;
	private final String username;
	private final String password;
	private final Map<String, String> headers;

	public Api(int port) {
		this("http://localhost:" + port, "admin", "admin-demo", Map.of());
	}

	private Api(String base, String username, String password, Map<String, String> headers) {
		this.base = base;
		this.username = username;
		this.password = password;
		this.headers = Map.copyOf(headers);
	}

	/** The same server, authenticated as this configured user (a demo user or a test user). */
	public Api as(String user) {
		return as(user, DEMO_USERS.contains(user) ? user + "-demo" : TEST_PASSWORD);
	}

	/** The same server, authenticated with this username and password. */
	public Api as(String user, String userPassword) {
		return new Api(base, user, userPassword, headers);
	}

	/** The same server, without credentials. */
	public Api anonymous() {
		return new Api(base, null, null, headers);
	}

	/** The same server and user, with one more header on every request. */
	public Api header(String name, String value) {
		Map<String, String> more = new LinkedHashMap<>(headers);
		more.put(name, value);
		return new Api(base, username, password, more);
	}

	/** The {@code Authorization} header value for HTTP Basic. */
	public static String basic(String user, String userPassword) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + userPassword).getBytes(StandardCharsets.UTF_8));
	}

	/** The base URL, e.g. {@code http://localhost:8080}. */
	public String base() {
		return base;
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

	/**
	 * Polls {@code path} until {@code condition} holds (read models follow the event store asynchronously), for up to
	 * {@value #EVENTUALLY_SECONDS} s: on two loaded CI cores a projection can lag by seconds, and a passing test never
	 * waits that long.
	 */
	public Response eventually(String path, Predicate<Response> condition) {
		long deadline = System.currentTimeMillis() + EVENTUALLY_SECONDS * 1000L;
		Response last = get(path);
		while (!condition.test(last)) {
			if (System.currentTimeMillis() > deadline) {
				throw new AssertionError("condition not met within " + EVENTUALLY_SECONDS + " s; last response from "
						+ path + ": " + last);
			}
			sleep(20);
			last = get(path);
		}
		return last;
	}

	/**
	 * Waits until the project list ({@code project_view}, filled asynchronously) shows {@code projectId} at the version
	 * its own read (the event stream, read-your-writes) has now, i.e. every write to it so far. Returns that list line.
	 */
	public JsonNode awaitListed(String projectId) {
		Response current = get("/api/projects/" + projectId);
		if (current.status() != 200 || current.header("ETag") == null) {
			throw new AssertionError("no project " + projectId + ": " + current);
		}
		long version = Long.parseLong(current.header("ETag").replace("W/", "").replace("\"", ""));
		Response list = eventually("/api/projects?size=200&q=" + URLEncoder.encode(projectId, StandardCharsets.UTF_8),
				r -> line(r, projectId) != null && line(r, projectId).path("version").asLong() >= version);
		return line(list, projectId);
	}

	private static JsonNode line(Response list, String projectId) {
		if (list.status() != 200) {
			return null;
		}
		for (JsonNode line : list.json().path("content")) {
			if (line.path("projectId").asString().equals(projectId)) {
				return line;
			}
		}
		return null;
	}

	public Response delete(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
	}

	/** Sends any request, with this client's credentials and headers. */
	public Response send(HttpRequest.Builder request) {
		if (username != null) {
			request.header("Authorization", basic(username, password));
		}
		headers.forEach(request::header);
		try {
			HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
			HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
			ApiContract.check(base, built, response);
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

		public HttpResponse<String> raw() {
			return raw;
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
