package org.pipelinetracker.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule table on its own, including paths other branches add (SSE stream, expenditure, incoming funds), so they
 * are covered before their controllers exist.
 */
class AccessRulesTest {

	private final AccessRules rules = AccessRules.standard();

	private String decide(String method, String path) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.setRequestURI(path);
		return rules.ruleFor(request).map(r -> r.access() + (r.access() == AccessRules.Access.ROLES
				? " " + r.allowedRoles() : "")).orElse("none");
	}

	@Test
	void readsOfThePortfolioAreReads() {
		for (String path : List.of("/api/projects", "/api/projects/P-1", "/api/pipeline", "/api/funding/timeseries",
				"/api/milestones", "/api/alerts", "/api/facilities", "/api/facilities/EDCF-2024-2027", "/api/fx-rates",
				"/api/fx-rates/convert", "/api/export/iati", "/api/export/projects.csv", "/api/stream", "/api/me",
				"/api/reference")) {
			assertThat(decide("GET", path)).as(path).isEqualTo("READ");
		}
		assertThat(decide("GET", "/")).isEqualTo("READ");
		assertThat(decide("GET", "/index.html")).isEqualTo("READ");
	}

	@Test
	void writesNeedTheirRole() {
		for (String path : List.of("/api/projects", "/api/projects/P-1/agreements", "/api/projects/P-1/milestones",
				"/api/projects/P-1/texts", "/api/projects/P-1/start", "/api/projects/P-1/suspend", "/api/projects/P-1/resume",
				"/api/projects/P-1/complete", "/api/projects/P-1/cancel")) {
			assertThat(decide("POST", path)).as(path).isEqualTo("ROLES [RECORDER, ADMIN]");
		}
		for (String path : List.of("/api/projects/P-1/fundings", "/api/projects/P-1/fundings/eximbank",
				"/api/projects/P-1/fundings/F-1/corrections", "/api/projects/P-1/disbursements",
				"/api/projects/P-1/expenditures", "/api/projects/P-1/incoming-funds", "/api/facilities")) {
			assertThat(decide("POST", path)).as(path).isEqualTo("ROLES [FINANCE, ADMIN]");
		}
		for (String path : List.of("/api/projects/P-1/history", "/api/audit/events", "/api/audit/verify",
				"/api/audit/head", "/api/audit/chain", "/api/audit/chain/12")) {
			assertThat(decide("GET", path)).as(path).isEqualTo("ROLES [AUDITOR, ADMIN]");
		}
		assertThat(decide("POST", "/api/admin/replay")).isEqualTo("ROLES [ADMIN]");
		assertThat(decide("GET", "/api/admin/replay")).isEqualTo("ROLES [ADMIN]");
		assertThat(decide("DELETE", "/api/admin/dead-letters/alerts/P-1")).isEqualTo("ROLES [ADMIN]");
		assertThat(decide("POST", "/api/import/iati")).isEqualTo("ROLES [ADMIN]");
		assertThat(decide("GET", "/api/import/iati/progress")).isEqualTo("ROLES [ADMIN]");
	}

	@Test
	void anythingElseUnderApiIsDenied() {
		assertThat(decide("PUT", "/api/projects/P-1")).isEqualTo("DENY");
		assertThat(decide("DELETE", "/api/projects/P-1")).isEqualTo("DENY");
		assertThat(decide("POST", "/api/projects/P-1/history")).isEqualTo("DENY");
		assertThat(decide("POST", "/api/projects/P-1/something-new")).isEqualTo("DENY");
		assertThat(decide("GET", "/api/projects/P-1/fundings")).isEqualTo("DENY");
		assertThat(decide("GET", "/api/unknown")).isEqualTo("DENY");
		assertThat(decide("GET", "/api")).isEqualTo("DENY");
	}

	@Test
	void signInAssetsAndHealthAreOpenAndDocsNeedAUser() {
		for (String path : List.of("/login", "/logout", "/error", "/assets/app.js", "/webjars/x/y.js", "/favicon.ico",
				"/actuator/health", "/actuator/health/liveness")) {
			assertThat(decide("GET", path)).as(path).isEqualTo("OPEN");
		}
		assertThat(decide("POST", "/login")).isEqualTo("OPEN");
		assertThat(decide("GET", "/v3/api-docs")).isEqualTo("AUTHENTICATED");
		assertThat(decide("GET", "/swagger-ui/index.html")).isEqualTo("AUTHENTICATED");
		assertThat(decide("GET", "/actuator/info")).isEqualTo("ROLES [ADMIN]");
	}
}
