package org.pipelinetracker.security;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code HEAD} is answered wherever {@code GET} is, by the same rules: the same status and headers, without a body.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeadRequestsTest {

	/** The headers a HEAD must answer as the GET does (the length may differ: a streamed GET has none). */
	private static final List<String> SAME = List.of("Content-Type", "Content-Language", "Content-Disposition", "ETag",
			"Cache-Control", "Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy",
			"WWW-Authenticate");

	@LocalServerPort
	int port;

	Api api;

	@BeforeAll
	void project() {
		api = new Api(port);
		Response created = api.post("/api/projects", """
				{"projectId":"HEAD-1","title":"Head","sector":"23630","region":"Navoi","proposedOn":"2025-03-01"}""");
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
	}

	@ParameterizedTest(name = "HEAD {1} as {0}")
	@CsvSource({
			"admin, /api/projects",
			"admin, /api/projects/HEAD-1",
			"admin, /api/projects/HEAD-1/history",
			"admin, /api/pipeline",
			"admin, /api/funding/timeseries",
			"admin, /api/milestones",
			"admin, /api/alerts",
			"admin, /api/facilities",
			"admin, /api/fx-rates",
			"admin, /api/reference",
			"admin, /api/me",
			"admin, /api/me/preferences",
			"admin, /api/audit/events",
			"admin, /api/export/iati",
			"admin, /api/export/projects.csv",
			"admin, /api/export/transactions.csv",
			"admin, /api/i18n/messages",
			"admin, /v3/api-docs",
			"admin, /",
			"admin, /index.html",
			"admin, /favicon.ico",
			"admin, /login",
			"admin, /actuator/health",
			"admin, /api/projects/NOPE",
			"admin, /api/nothing-here",
			"recorder, /api/audit/events",
			"recorder, /api/projects/HEAD-1/history",
			"anonymous, /api/projects",
			"anonymous, /api/export/iati"})
	void headAnswersAsGetWithoutABody(String user, String path) {
		Api as = "anonymous".equals(user) ? api.anonymous() : api.as(user);
		Response get = as.get(path);
		Response head = as.send(HttpRequest.newBuilder(URI.create(as.base() + path))
				.method("HEAD", HttpRequest.BodyPublishers.noBody()));

		assertThat(head.status()).as("HEAD %s: %s; GET: %s", path, head, get).isEqualTo(get.status());
		assertThat(head.body()).isEmpty();
		for (String header : SAME) {
			if (header.equals("ETag") || header.equals("Content-Language") && get.status() < 300) {
				continue; // compared below / negotiated per request
			}
			assertThat(head.header(header)).as("%s of HEAD %s", header, path).isEqualTo(get.header(header));
		}
		if (get.header("ETag") != null) {
			assertThat(head.header("ETag")).isEqualTo(get.header("ETag"));
		}
	}
}
