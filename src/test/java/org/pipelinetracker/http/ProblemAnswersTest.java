package org.pipelinetracker.http;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every producer of problems answers over a real port exactly as clients see it: status, the headers that belong to
 * the problem and the body byte for byte. Security's entry point and access-denied handler, the body limit and
 * idempotency filters (servlet filters) and the Spring MVC handlers of the API, the project and facility modules.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProblemAnswersTest {

	private static final List<String> HEADERS = List.of("Content-Type", "Content-Length", "Transfer-Encoding",
			"WWW-Authenticate", "Retry-After", "ETag");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	int port;

	@Test
	void anAnonymousWriteIsChallenged() {
		assertThat(answer(post("/api/projects", "{}"))).isEqualTo("""
				401
				Content-Type: application/problem+json;charset=UTF-8
				Content-Length: 173
				WWW-Authenticate: Basic realm="pipeline-tracker", charset="UTF-8"

				{"type":"/problems/unauthorized","title":"Unauthorized","status":401,"detail":"Sign in first: send \
				HTTP Basic credentials, or sign in at /login.","instance":"/api/projects"}""");
	}

	@Test
	void aWrongPasswordIsNamed() {
		assertThat(answer(post("/api/projects", "{}").header("Authorization", Api.basic("admin", "wrong"))))
				.isEqualTo("""
						401
						Content-Type: application/problem+json;charset=UTF-8
						Content-Length: 142
						WWW-Authenticate: Basic realm="pipeline-tracker", charset="UTF-8"

						{"type":"/problems/unauthorized","title":"Unauthorized","status":401,"detail":"The username or \
						password is wrong.","instance":"/api/projects"}""");
	}

	@Test
	void aBrowserIsNotChallengedWithBasic() {
		assertThat(answer(post("/api/projects", "{}").header("Sec-Fetch-Mode", "cors"))).isEqualTo("""
				401
				Content-Type: application/problem+json;charset=UTF-8
				Content-Length: 173

				{"type":"/problems/unauthorized","title":"Unauthorized","status":401,"detail":"Sign in first: send \
				HTTP Basic credentials, or sign in at /login.","instance":"/api/projects"}""");
	}

	@Test
	void aMissingRoleIsNamed() {
		assertThat(answer(post("/api/projects", "{}").header("Authorization", Api.basic("auditor", "auditor-demo"))))
				.isEqualTo("""
						403
						Content-Type: application/problem+json;charset=UTF-8
						Content-Length: 245

						{"type":"/problems/forbidden","title":"Forbidden","status":403,"detail":"Role RECORDER or \
						ADMIN is needed for POST /api/projects. You are signed in as 'auditor' with role AUDITOR.",\
						"instance":"/api/projects","requiredRoles":["RECORDER","ADMIN"]}""");
	}

	@Test
	void anUnknownEndpointIsNotFound() {
		assertThat(answer(get("/api/nothing-here/at-all").header("Authorization", Api.basic("auditor", "auditor-demo"))))
				.isEqualTo("""
						404
						Content-Type: application/problem+json;charset=UTF-8
						Content-Length: 163

						{"type":"/problems/not-found","title":"Not found","status":404,"detail":"There is no endpoint \
						GET /api/nothing-here/at-all.","instance":"/api/nothing-here/at-all"}""");
	}

	@Test
	void aCrossSiteWriteNeedsTheCsrfToken() {
		assertThat(answer(post("/api/projects", "{}").header("Authorization", Api.basic("admin", "admin-demo"))
				.header("Sec-Fetch-Site", "cross-site"))).isEqualTo("""
						403
						Content-Type: application/problem+json;charset=UTF-8
						Content-Length: 324

						{"type":"/problems/csrf","title":"Missing or invalid CSRF token","status":403,"detail":"This \
						request is authenticated by a session cookie, so it must carry the header X-XSRF-TOKEN with \
						the value of the XSRF-TOKEN cookie (a form: the field _csrf). Requests with an Authorization \
						header need none.","instance":"/api/projects"}""");
	}

	@Test
	void anUnreadableBodyNamesTheField() {
		assertThat(answer(admin(post("/api/projects", "{\"proposedOn\":\"yesterday\"}")))).isEqualTo("""
				400
				Content-Type: application/problem+json
				Transfer-Encoding: chunked

				{"detail":"Invalid field 'proposedOn': must be an ISO-8601 date (YYYY-MM-DD) (got 'yesterday')",\
				"instance":"/api/projects","status":400,"title":"Invalid request","type":"/problems/invalid-request",\
				"errors":[{"field":"proposedOn","reason":"must be an ISO-8601 date (YYYY-MM-DD) (got 'yesterday')"}]}""");
	}

	@Test
	void aBadIdempotencyKeyIsAnInvalidHeader() {
		assertThat(answer(admin(post("/api/projects", "{}").header("Idempotency-Key", "x".repeat(256)))))
				.isEqualTo("""
						400
						Content-Type: application/problem+json
						Content-Length: 301

						{"type":"/problems/invalid-request","title":"Invalid request","status":400,"detail":"Invalid \
						header 'Idempotency-Key': must be 1-255 visible ASCII characters, e.g. a UUID","instance":\
						"/api/projects","errors":[{"field":"Idempotency-Key","reason":"must be 1-255 visible ASCII \
						characters, e.g. a UUID"}]}""");
	}

	@Test
	void aTooLargeBodyIsRefusedBeforeItIsRead() {
		assertThat(answer(admin(post("/api/projects", "x".repeat(2 * 1024 * 1024))))).isEqualTo("""
				413
				Content-Type: application/problem+json
				Content-Length: 201

				{"type":"/problems/too-large","title":"Request body too large","status":413,"detail":"The request \
				body has 2097152 bytes; at most 1048576 are accepted here.","instance":"/api/projects",\
				"limit":1048576}""");
	}

	@Test
	void aTooLargeBodyWithoutALengthStopsAtTheLimit() {
		byte[] body = ("{\"title\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
		HttpRequest.Builder chunked = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/projects"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
		assertThat(answer(admin(chunked))).isEqualTo("""
				413
				Content-Type: application/problem+json
				Transfer-Encoding: chunked

				{"detail":"The request body is larger than the limit of 1048576 bytes","instance":"/api/projects",\
				"status":413,"title":"Request body too large","type":"/problems/too-large","limit":1048576}""");
	}

	@Test
	void anIdempotencyKeyReusedForAnotherRequestIsRefused() {
		String key = UUID.randomUUID().toString();
		String id = id();
		assertThat(send(admin(post("/api/projects", proposal(id)).header("Idempotency-Key", key))).statusCode())
				.isEqualTo(201);
		assertThat(answer(admin(post("/api/projects", proposal(id())).header("Idempotency-Key", key)))
				.replace(key, "<key>")).isEqualTo("""
						422
						Content-Type: application/problem+json
						Content-Length: 284

						{"type":"/problems/idempotency-key-reused","title":"Idempotency key reused","status":422,\
						"detail":"The Idempotency-Key '<key>' was already used for a different request (method, path \
						or body); use a new key for a new request.","instance":"/api/projects"}""");
	}

	@Test
	void theProjectModuleRefusals() {
		String id = id();
		SoftAssertions softly = new SoftAssertions();
		assertThat(send(admin(post("/api/projects", proposal(id)))).statusCode()).isEqualTo(201);
		softly.assertThat(answer(admin(post("/api/projects", proposal(id)))).replace(id, "<id>")).isEqualTo("""
				409
				Content-Type: application/problem+json
				Transfer-Encoding: chunked

				{"detail":"a project with id '<id>' already exists","instance":"/api/projects","status":409,\
				"title":"Duplicate id","type":"/problems/duplicate","field":"projectId"}""");
		softly.assertThat(answer(admin(get("/api/projects/NO-SUCH-PROJECT")))).isEqualTo("""
				404
				Content-Type: application/problem+json
				Transfer-Encoding: chunked

				{"detail":"There is no project with id 'NO-SUCH-PROJECT'","instance":"/api/projects/NO-SUCH-PROJECT",\
				"status":404,"title":"Project not found","type":"/problems/not-found"}""");
		softly.assertThat(answer(admin(get("/api/projects/" + id + "?asOf=2023-12-31"))).replace(id, "<id>")).isEqualTo("""
				404
				Content-Type: application/problem+json
				Transfer-Encoding: chunked

				{"detail":"Project '<id>' did not exist yet as of 2023-12-31","instance":"/api/projects/<id>",\
				"status":404,"title":"Project not found","type":"/problems/not-found"}""");
		softly.assertThat(answer(admin(post("/api/projects/" + id + "/start", "{\"on\":\"2024-06-01\"}")))
				.replace(id, "<id>")).isEqualTo("""
						409
						Content-Type: application/problem+json
						Transfer-Encoding: chunked

						{"detail":"only a financed project can start implementation; project <id> is PROPOSED",\
						"instance":"/api/projects/<id>/start","status":409,"title":"Not allowed",\
						"type":"/problems/rule-violation"}""");
		softly.assertThat(answer(admin(post("/api/projects/" + id + "/milestones",
				"{\"milestoneId\":\"M1\",\"name\":\"First\",\"plannedOn\":\"2024-09-01\"}").header("If-Match", "\"7\"")))
				.replace(id, "<id>")).isEqualTo("""
						412
						Content-Type: application/problem+json
						Transfer-Encoding: chunked
						ETag: "0"

						{"detail":"Project '<id>' is at version 0, not 7 as If-Match expects; nothing was recorded. Read \
						it again (ETag \\"0\\") and retry.","instance":"/api/projects/<id>/milestones","status":412,\
						"title":"Precondition failed","type":"/problems/precondition-failed","currentVersion":0}""");
		softly.assertThat(answer(admin(get("/api/projects?stage=NOPE")))).isEqualTo("""
				400
				Content-Type: application/problem+json
				Transfer-Encoding: chunked

				{"detail":"Invalid field 'stage': must be one of [PROPOSED, AGREED, FINANCED, IMPLEMENTATION, \
				FINALISATION, COMPLETED, CANCELLED, SUSPENDED] (got 'NOPE')","instance":"/api/projects","status":400,\
				"title":"Invalid request","type":"/problems/invalid-request","errors":[{"field":"stage","reason":"must \
				be one of [PROPOSED, AGREED, FINANCED, IMPLEMENTATION, FINALISATION, COMPLETED, CANCELLED, SUSPENDED] \
				(got 'NOPE')"}]}""");
		softly.assertAll();
	}

	@Test
	void anUnknownFacilityIsNotFound() {
		assertThat(answer(admin(get("/api/facilities/NO-SUCH-FACILITY")))).isEqualTo("""
				404
				Content-Type: application/problem+json
				Transfer-Encoding: chunked

				{"detail":"There is no facility with id 'NO-SUCH-FACILITY'","instance":"/api/facilities/NO-SUCH-FACILITY",\
				"status":404,"title":"Facility not found","type":"/problems/not-found"}""");
	}

	private static String id() {
		return "PA-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private static String proposal(String id) {
		return """
				{"projectId":"%s","title":"Navoi substation","sector":"23630","region":"Navoi",
				 "partners":[{"name":"KOICA","country":"KR","role":"FUNDING"}],"proposedOn":"2024-01-10"}
				""".formatted(id);
	}

	private HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
	}

	private HttpRequest.Builder post(String path, String json) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
	}

	private static HttpRequest.Builder admin(HttpRequest.Builder request) {
		return request.header("Authorization", Api.basic("admin", "admin-demo"));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new AssertionError(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}

	/** Status, the problem's headers (every value, in order) and the body, as one text to compare. */
	private String answer(HttpRequest.Builder request) {
		HttpResponse<String> response = send(request);
		StringBuilder text = new StringBuilder().append(response.statusCode()).append('\n');
		for (String name : HEADERS) {
			response.headers().allValues(name).forEach(v -> text.append(name).append(": ").append(v).append('\n'));
		}
		return text.append('\n').append(response.body()).toString();
	}
}
