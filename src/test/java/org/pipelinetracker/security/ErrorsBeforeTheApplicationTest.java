package org.pipelinetracker.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pipelinetracker.Api;
import org.pipelinetracker.RawHttp;
import org.pipelinetracker.RawHttp.Answer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error answer is an RFC 9457 problem with a {@code type} and the security headers, whoever gives it: the
 * servlet container (Tomcat) for a request it cannot read, the firewall of the security filter chain, the sign-in
 * and sign-out forms without their CSRF token, the error page. Sent over a raw socket: an HTTP library would refuse
 * or normalise most of these requests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ErrorsBeforeTheApplicationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String ADMIN = "Authorization: " + Api.basic("admin", "admin-demo");

	@LocalServerPort
	int port;

	record Case(String name, String request, int status, String type) {
		@Override
		public String toString() {
			return name;
		}
	}

	static Stream<Case> refusals() {
		return Stream.of(
				// the servlet container (Tomcat)
				new Case("an encoded slash", RawHttp.get("/api/projects%2FP-1", ADMIN), 400, "/problems/malformed-request"),
				new Case("an encoded backslash", RawHttp.get("/api/projects%5CP-1", ADMIN), 400,
						"/problems/malformed-request"),
				new Case("%00 in the path", RawHttp.get("/api/projects%00", ADMIN), 400, "/problems/malformed-request"),
				new Case("%00 in a page's path", RawHttp.get("/%00"), 400, "/problems/malformed-request"),
				new Case("an invalid percent-encoding", RawHttp.get("/api/projects/%zz", ADMIN), 400,
						"/problems/malformed-request"),
				new Case("a request line over 8 KB", RawHttp.get("/api/projects?q=" + "a".repeat(9000), ADMIN), 400,
						"/problems/malformed-request"),
				new Case("headers over 8 KB", RawHttp.get("/api/projects", ADMIN, "X-Big: " + "a".repeat(9000)), 400,
						"/problems/malformed-request"),
				new Case("a request line that is not HTTP", "GARBAGE\r\n\r\n", 400, "/problems/malformed-request"),
				new Case("a header without a colon", RawHttp.get("/api/projects", ADMIN, "NoColon"), 400,
						"/problems/malformed-request"),
				new Case("no Host", "GET /api/projects HTTP/1.1\r\nConnection: close\r\n\r\n", 400,
						"/problems/malformed-request"),
				new Case("a control character in a header", RawHttp.get("/api/projects", ADMIN, "X-Y: a\u0001b"), 400,
						"/problems/malformed-request"),
				new Case("an unsupported Transfer-Encoding", RawHttp.request("POST", "/api/projects", ADMIN,
						"Transfer-Encoding: gzip"), 501, "/problems/not-implemented"),
				new Case("an unsupported Expect", RawHttp.request("POST", "/api/projects", ADMIN, "Expect: coffee",
						"Content-Length: 2"), 417, "/problems/expectation-failed"),
				new Case("HTTP/9.9", "GET /api/projects HTTP/9.9\r\nHost: localhost\r\nConnection: close\r\n\r\n", 505,
						"/problems/http-version-not-supported"),
				new Case("TRACE", RawHttp.request("TRACE", "/api/projects", ADMIN), 405, "/problems/method-not-allowed"),
				// the firewall of the security filter chain
				new Case("//", RawHttp.get("//api/projects", ADMIN), 400, "/problems/request-rejected"),
				new Case(";", RawHttp.get("/api/projects;jsessionid=1", ADMIN), 400, "/problems/request-rejected"),
				new Case("%25", RawHttp.get("/api/projects/%25", ADMIN), 400, "/problems/request-rejected"),
				new Case("/../", RawHttp.get("/api/../api/projects", ADMIN), 400, "/problems/request-rejected"),
				new Case("an unknown method", RawHttp.request("FOO", "/api/projects", ADMIN), 400,
						"/problems/request-rejected"),
				new Case("a control character in a header read (Accept)", RawHttp.get("/api/projects", ADMIN,
						"Accept: application/json\u0085"), 400, "/problems/request-rejected"),
				new Case("a control character in Authorization", RawHttp.get("/api/projects",
						"Authorization: Basic \u0085"), 400, "/problems/request-rejected"),
				// the sign-in and sign-out forms without their CSRF token
				new Case("POST /login without a CSRF token", RawHttp.request("POST", "/login",
						"Content-Type: application/x-www-form-urlencoded", "Content-Length: 34")
						.replace("\r\n\r\n", "\r\n\r\nusername=admin&password=admin-demo"), 403, "/problems/csrf"),
				new Case("POST /logout without a CSRF token", RawHttp.request("POST", "/logout", "Content-Length: 0"), 403,
						"/problems/csrf"),
				// the error page, asked for directly
				new Case("GET /error", RawHttp.get("/error", ADMIN), 404, "/problems/not-found"),
				// the application: a query parameter that is not percent-encoded UTF-8
				new Case("a query parameter with an invalid percent-encoding", RawHttp.get("/api/projects?sector=%zz",
						ADMIN), 400, "/problems/invalid-request"),
				new Case("a query parameter with %00", RawHttp.get("/api/projects?sector=%00", ADMIN), 400,
						"/problems/invalid-request"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusals")
	void everyRefusalIsAProblemWithTheSecurityHeaders(Case refused) {
		Answer answer = RawHttp.send(port, refused.request());

		assertThat(answer.status()).as(answer.toString()).isEqualTo(refused.status());
		assertProblem(answer, refused.type());
	}

	@Test
	void theContainersRefusalSpeaksTheCallersLanguage() throws IOException {
		Answer answer = RawHttp.send(port, RawHttp.get("/api/projects%2FP-1", "Accept-Language: ko"));

		assertProblem(answer, "/problems/malformed-request");
		assertThat(answer.header("Content-Language")).isEqualTo("ko");
		assertThat(json(answer).path("title").asString())
				.isEqualTo(korean().getProperty("problem.malformedRequest.title"));
	}

	@Test
	void theFirewallSaysWhichPartWasRefusedAndTheOriginalMethodIsNamed() {
		Answer slashes = RawHttp.send(port, RawHttp.get("//api/projects", ADMIN));
		assertThat(json(slashes).path("detail").asString()).isEqualTo("The request was refused before it reached the "
				+ "application: its path must be normalised and must not contain //, ;, an encoded /, \\, % or ., "
				+ "or control characters. Nothing was recorded.");
		Answer trace = RawHttp.send(port, RawHttp.request("TRACE", "/api/projects", ADMIN));
		assertThat(json(trace).path("detail").asString()).isEqualTo("Method 'TRACE' is not supported.");
		assertThat(json(trace).path("instance").asString()).isEqualTo("/api/projects");
	}

	@Test
	void aParameterThatIsNotPlainTextIsNamed() {
		Answer answer = RawHttp.send(port, RawHttp.get("/api/projects/P-1?asOf=2025-01-01%00", ADMIN));

		assertProblem(answer, "/problems/invalid-request");
		JsonNode error = json(answer).path("errors").get(0);
		assertThat(error.path("field").asString()).isEqualTo("asOf");
		assertThat(error.path("reason").asString()).isEqualTo("must not contain control characters (found U+0000 at "
				+ "position 11)");
	}

	static void assertProblem(Answer answer, String type) {
		assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith("application/problem+json");
		assertThat(answer.body()).doesNotContainIgnoringCase("<html").doesNotContain("Exception");
		JsonNode problem = json(answer);
		assertThat(problem.path("type").asString()).as(answer.toString()).isEqualTo(type);
		assertThat(problem.path("status").asInt()).isEqualTo(answer.status());
		assertThat(problem.path("title").asString()).isNotBlank();
		assertThat(problem.path("detail").asString()).isNotBlank();
		assertSecurityHeaders(answer);
	}

	/** The headers docs/security.md promises on every answer. */
	static void assertSecurityHeaders(Answer answer) {
		assertThat(answer.header("Content-Security-Policy")).as(answer.toString())
				.isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY);
		assertThat(answer.header("Referrer-Policy")).isEqualTo("same-origin");
		assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
		assertThat(answer.header("Cache-Control")).isEqualTo("no-cache, no-store, max-age=0, must-revalidate");
	}

	private static Properties korean() throws IOException {
		Properties korean = new Properties();
		try (InputStream in = ErrorsBeforeTheApplicationTest.class.getResourceAsStream("/i18n/messages_ko.properties")) {
			korean.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return korean;
	}

	private static JsonNode json(Answer answer) {
		return JSON.readTree(answer.body().getBytes(StandardCharsets.UTF_8));
	}
}
