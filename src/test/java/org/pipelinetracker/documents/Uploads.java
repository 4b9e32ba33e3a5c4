package org.pipelinetracker.documents;

import org.pipelinetracker.Api;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Real multipart uploads and binary downloads over HTTP for the document tests (the shared {@link Api} client speaks
 * JSON and text), authenticated with HTTP Basic as a demo user.
 */
public final class Uploads {

	public static final JsonMapper JSON = JsonMapper.builder().build();
	/** The smallest file Tika takes for a PDF: the %PDF- magic and a body. */
	public static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
			.getBytes(StandardCharsets.US_ASCII);

	public record Answer(int status, java.net.http.HttpHeaders headers, byte[] bytes) {

		public String text() {
			return new String(bytes, StandardCharsets.UTF_8);
		}

		public JsonNode json() {
			return JSON.readTree(bytes);
		}

		public String header(String name) {
			return headers.firstValue(name).orElse(null);
		}

		@Override
		public String toString() {
			return status + " " + text();
		}
	}

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private final String base;
	private final String user;
	private final Api api;

	/** As the demo user {@code user} ({@code <user>-demo}), or anonymous when null. */
	public Uploads(int port, String user) {
		this.base = "http://localhost:" + port;
		this.user = user;
		this.api = user == null ? new Api(port).anonymous() : new Api(port).as(user);
	}

	/**
	 * Uploads through the shared client {@link Api}, so that the request and its answer are checked against the
	 * OpenAPI document like every other exchange of the HTTP tests.
	 */
	public Answer upload(String projectId, String fileName, byte[] bytes, Map<String, String> fields) {
		String boundary = "----pt" + UUID.randomUUID().toString().replace("-", "");
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		fields.forEach((name, value) -> write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
				+ name + "\"\r\n\r\n" + value + "\r\n"));
		if (fileName != null) {
			write(body, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
					+ fileName.replace("\\", "\\\\").replace("\"", "\\\"") + "\"\r\nContent-Type: application/pdf\r\n\r\n");
			body.writeBytes(bytes);
			write(body, "\r\n");
		}
		write(body, "--" + boundary + "--\r\n");
		Api.Response response = api.send(HttpRequest.newBuilder(URI.create(base + "/api/projects/" + projectId
				+ "/documents")).header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
		return new Answer(response.status(), response.raw().headers(), response.body().getBytes(StandardCharsets.UTF_8));
	}

	public Answer upload(String projectId, String fileName, byte[] bytes) {
		return upload(projectId, fileName, bytes, Map.of());
	}

	/**
	 * A GET with the bytes of the answer as they came (a download); JSON reads go through {@link #api()} as well, so
	 * that they are checked against the OpenAPI document.
	 */
	public Answer get(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
	}

	private Answer send(HttpRequest.Builder request) {
		if (user != null) {
			request.header("Authorization", Api.basic(user, user + "-demo"));
		}
		try {
			HttpResponse<byte[]> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
					HttpResponse.BodyHandlers.ofByteArray());
			return new Answer(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException e) {
			throw new AssertionError(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}

	/** The shared client, as the same user. */
	public Api api() {
		return api;
	}

	public static Map<String, String> fields(String... pairs) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			fields.put(pairs[i], pairs[i + 1]);
		}
		return fields;
	}

	public static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (java.security.NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static void write(ByteArrayOutputStream out, String text) {
		out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
	}
}
