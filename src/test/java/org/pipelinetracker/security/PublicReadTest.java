package org.pipelinetracker.security;

import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tracker.security.public-read=true}: anonymous visitors read the portfolio and the pages, and nothing else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tracker.security.public-read=true")
@ActiveProfiles("test")
class PublicReadTest {

	@LocalServerPort
	int port;

	Api anonymous() {
		return new Api(port).anonymous();
	}

	@Test
	void anonymousVisitorsReadThePortfolio() {
		String id = RoleMatrixTest.id();
		assertThat(new Api(port).as("recorder").post("/api/projects", RoleMatrixTest.proposal(id)).status()).isEqualTo(201);
		for (String path : List.of("/api/projects", "/api/projects/" + id, "/api/pipeline", "/api/funding/timeseries",
				"/api/milestones", "/api/alerts", "/api/facilities", "/api/fx-rates",
				"/api/fx-rates/convert?amount=10&currency=USD&date=2025-01-01", "/api/export/iati",
				"/api/export/projects.csv", "/api/export/transactions.csv")) {
			Response r = anonymous().get(path);
			assertThat(r.status()).as(path + ": " + r).isEqualTo(200);
		}
		JsonNode me = anonymous().get("/api/me").json();
		assertThat(me.path("authenticated").asBoolean()).isFalse();
		assertThat(me.path("username").isNull()).isTrue();
		assertThat(me.path("roles").isEmpty()).isTrue();
		assertThat(me.path("publicRead").asBoolean()).isTrue();
		assertThat(new Api(port).as("auditor").get("/api/me").json().path("publicRead").asBoolean()).isTrue();
	}

	@Test
	void anonymousVisitorsStillCannotWriteNorReadTheAuditTrailOrAdminEndpoints() {
		String id = RoleMatrixTest.id();
		RoleMatrixTest.assertRefused("propose", anonymous().post("/api/projects", RoleMatrixTest.proposal(id)), 401,
				"/problems/unauthorized");
		RoleMatrixTest.assertRefused("facility", anonymous().post("/api/facilities", RoleMatrixTest.facility(id)), 401,
				"/problems/unauthorized");
		for (String path : List.of("/api/projects/" + id + "/history", "/api/audit/events", "/api/audit/head",
				"/api/audit/verify", "/api/admin/replay", "/api/admin/dead-letters", "/api/import/iati/progress")) {
			RoleMatrixTest.assertRefused(path, anonymous().get(path), 401, "/problems/unauthorized");
		}
		// the roles still apply to signed-in users
		RoleMatrixTest.assertRefused("recorder reads history", new Api(port).as("recorder").get("/api/audit/events"),
				403, "/problems/forbidden");
	}

	@Test
	void pagesAreNotRedirectedToTheSignInPage() {
		Response home = anonymous().header("Accept", "text/html").header("Sec-Fetch-Mode", "navigate").get("/");
		assertThat(home.status()).as(home.toString()).isNotIn(302, 401, 403);
	}
}
