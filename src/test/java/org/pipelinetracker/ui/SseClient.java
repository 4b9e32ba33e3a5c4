package org.pipelinetracker.ui;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real HTTP client of {@code GET /api/stream} for tests: reads the server-sent events on a thread of its own into a
 * queue (comment lines as events named {@code comment}). Sends HTTP Basic for {@code admin} (harmless without
 * security).
 */
public final class SseClient implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("admin:admin-demo".getBytes(StandardCharsets.UTF_8));

	/** One event: its name ({@code message} when none), id and data. */
	public record Event(String name, String id, String data) {
		public JsonNode json() {
			return JSON.readTree(data);
		}
	}

	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
	private final HttpResponse<InputStream> response;
	private final Thread reader;

	private SseClient(HttpResponse<InputStream> response) {
		this.response = response;
		this.reader = new Thread(this::read, "sse-test-client");
		reader.setDaemon(true);
		if (response.statusCode() == 200) {
			reader.start();
		}
	}

	/** Connects to {@code http://localhost:port/api/stream}, optionally with {@code Last-Event-ID}. */
	public static SseClient connect(int port, String lastEventId) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/stream"))
				.header("Accept", "text/event-stream").header("Authorization", AUTH).GET();
		if (lastEventId != null) {
			request.header("Last-Event-ID", lastEventId);
		}
		try {
			HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
			return new SseClient(http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
		}
		catch (IOException e) {
			throw new AssertionError(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}

	public static SseClient connect(int port) {
		return connect(port, null);
	}

	public int status() {
		return response.statusCode();
	}

	public String header(String name) {
		return response.headers().firstValue(name).orElse(null);
	}

	/** The body of a refused connection (problem+json). */
	public String errorBody() {
		try (InputStream body = response.body()) {
			return new String(body.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new AssertionError(e);
		}
	}

	/** The next event that matches, skipping others; fails after {@code seconds}. */
	public Event await(Predicate<Event> matching, long seconds, String what) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		try {
			while (true) {
				long left = deadline - System.nanoTime();
				Event event = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
				if (event == null) {
					throw new AssertionError("no " + what + " within " + seconds + " s");
				}
				if (matching.test(event)) {
					return event;
				}
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}

	private void read() {
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
			String name = null;
			String id = null;
			StringBuilder data = new StringBuilder();
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				if (line.isEmpty()) {
					if (!data.isEmpty() || name != null) {
						events.add(new Event(name == null ? "message" : name, id, data.toString()));
					}
					name = null;
					data.setLength(0);
				}
				else if (line.startsWith(":")) {
					events.add(new Event("comment", null, line.substring(1).trim()));
				}
				else {
					int colon = line.indexOf(':');
					String field = colon < 0 ? line : line.substring(0, colon);
					String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
					switch (field) {
						case "event" -> name = value;
						case "id" -> id = value;
						case "data" -> data.append(data.isEmpty() ? "" : "\n").append(value);
						default -> {
							// retry: and unknown fields
						}
					}
				}
			}
		}
		catch (IOException closed) {
			// the connection was closed (by close() or by the server)
		}
	}

	/** Closes the connection, as a browser leaving the page does. */
	@Override
	public void close() {
		try {
			response.body().close();
		}
		catch (IOException ignored) {
			// already closed
		}
		reader.interrupt();
	}
}
