package org.pipelinetracker.security;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a browser and an API client see: form login with a session cookie and CSRF tokens, redirects for pages and
 * 401/403 problems for the API, the security headers, {@code /api/me}, health, and error bodies without internals.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tracker.test.context=web-security")
@ActiveProfiles("test")
class WebSecurityTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	EventStore eventStore;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MeterRegistry meters;

	Api api() {
		return new Api(port);
	}

	@Test
	void aBrowserSignsInWithTheFormAndWritesWithTheCsrfTokenFromTheCookie() {
		String id = RoleMatrixTest.id();
		assertThat(api().as("recorder").post("/api/projects", RoleMatrixTest.proposal(id)).status()).isEqualTo(201);
		assertThat(api().as("recorder").post("/api/projects/" + id + "/agreements",
				"{\"agreementId\":\"LOAN-1\",\"type\":\"LOAN\",\"signedOn\":\"2024-03-01\"}").status()).isEqualTo(200);

		Browser browser = new Browser();
		// the sign-in page carries the CSRF token in a hidden field, and the XSRF-TOKEN cookie is set
		Raw page = browser.navigate("/login");
		assertThat(page.status).isEqualTo(200);
		assertThat(page.body).contains("name=\"username\"").contains("name=\"password\"").doesNotContain("<script");
		String hidden = field(page.body, "_csrf");
		assertThat(browser.cookies).containsKey("XSRF-TOKEN");

		// a sign-in without the token is refused; with it, it starts a session
		assertThat(browser.form("/login", Map.of("username", "finance", "password", "finance-demo")).status).isEqualTo(403);
		Raw wrong = browser.form("/login", Map.of("username", "finance", "password", "nope", "_csrf", hidden));
		assertThat(wrong.status).isEqualTo(302);
		assertThat(wrong.header("Location")).endsWith("/login?error");
		Raw signedIn = browser.form("/login", Map.of("username", "finance", "password", "finance-demo", "_csrf", hidden));
		assertThat(signedIn.status).isEqualTo(302);
		assertThat(signedIn.header("Location")).doesNotContain("/login");
		assertThat(browser.cookies).containsKey("JSESSIONID").containsKey("XSRF-TOKEN");

		Raw me = browser.fetch("GET", "/api/me", null, false);
		assertThat(me.status).isEqualTo(200);
		assertThat(me.json().path("username").asString()).isEqualTo("finance");
		assertThat(me.json().path("authenticated").asBoolean()).isTrue();

		// a write with the session cookie but without X-XSRF-TOKEN: 403, nothing recorded
		long before = eventStore.readEvents(id).asStream().count();
		String funding = "{\"fundingId\":\"K1\",\"source\":\"KOICA_GRANT\",\"funder\":\"KOICA\","
				+ "\"amount\":{\"amount\":\"5000000\",\"currency\":\"USD\"},\"committedOn\":\"2024-04-01\"}";
		Raw forged = browser.fetch("POST", "/api/projects/" + id + "/fundings", funding, false);
		assertThat(forged.status).as(forged.body).isEqualTo(403);
		assertThat(forged.header("Content-Type")).startsWith("application/problem+json");
		assertThat(forged.json().path("type").asString()).isEqualTo("/problems/csrf");
		assertThat(eventStore.readEvents(id).asStream().count()).isEqualTo(before);

		// with the token from the cookie: recorded, by the signed-in user
		Raw ok = browser.fetch("POST", "/api/projects/" + id + "/fundings", funding, true);
		assertThat(ok.status).as(ok.body).isEqualTo(200);
		assertThat(eventStore.readEvents(id).asStream().reduce((a, b) -> b).orElseThrow().getMetaData())
				.containsEntry("actor", "finance");

		// the session's role still applies: a recorder's write is refused
		Raw notMine = browser.fetch("POST", "/api/projects/" + id + "/milestones",
				"{\"milestoneId\":\"M1\",\"name\":\"Design\",\"plannedOn\":\"2024-09-30\"}", true);
		assertThat(notMine.status).isEqualTo(403);
		assertThat(notMine.json().path("requiredRoles").toString()).isEqualTo("[\"RECORDER\",\"ADMIN\"]");

		// sign out from a script (with the token): 204, and the session is gone
		assertThat(browser.fetch("POST", "/logout", null, false).status).as("no token, no sign-out").isEqualTo(403);
		Raw out = browser.fetch("POST", "/logout", null, true);
		assertThat(out.status).isEqualTo(204);
		assertThat(browser.fetch("GET", "/api/me", null, false).status).isEqualTo(401);

		// the sign-out form of a page: a redirect to the sign-in page
		Browser second = new Browser();
		String token = field(second.navigate("/login").body, "_csrf");
		assertThat(second.form("/login", Map.of("username", "auditor", "password", "auditor-demo", "_csrf", token)).status)
				.isEqualTo(302);
		String logoutToken = field(second.navigate("/logout").body, "_csrf");
		Raw formOut = second.form("/logout", Map.of("_csrf", logoutToken));
		assertThat(formOut.status).isEqualTo(302);
		assertThat(formOut.header("Location")).endsWith("/login?logout");
		assertThat(second.fetch("GET", "/api/me", null, false).status).isEqualTo(401);
	}

	@Test
	void basicCredentialsNeedNoCsrfTokenUnlessABrowserSendsThemFromAnotherSite() {
		String id = RoleMatrixTest.id();
		assertThat(api().as("recorder").header("Sec-Fetch-Site", "same-origin")
				.post("/api/projects", RoleMatrixTest.proposal(id)).status()).isEqualTo(201);
		String other = RoleMatrixTest.id();
		Response crossSite = api().as("recorder").header("Sec-Fetch-Site", "cross-site")
				.post("/api/projects", RoleMatrixTest.proposal(other));
		assertThat(crossSite.status()).isEqualTo(403);
		assertThat(crossSite.json().path("type").asString()).isEqualTo("/problems/csrf");
		assertThat(eventStore.readEvents(other).asStream().count()).isZero();
	}

	@Test
	void aScriptThatSignsEachRequestGetsNoCsrfCookieWhileABrowserDoes() {
		Response script = api().as("auditor").get("/api/projects?size=1");
		assertThat(script.status()).isEqualTo(200);
		assertThat(script.raw().headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("XSRF-TOKEN="));

		// the same credentials sent by a browser (fetch metadata), or a browser without credentials: the cookie is set
		Response fromBrowser = api().as("auditor").header("Sec-Fetch-Site", "same-origin").get("/api/projects?size=1");
		assertThat(fromBrowser.raw().headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("XSRF-TOKEN="));
		Browser browser = new Browser();
		browser.navigate("/login");
		assertThat(browser.cookies).containsKey("XSRF-TOKEN");

		// the script still writes without a token
		String id = RoleMatrixTest.id();
		assertThat(api().as("recorder").post("/api/projects", RoleMatrixTest.proposal(id)).status()).isEqualTo(201);
	}

	@Test
	void theRequestIsMeasuredButNotEachFilterOfTheSecurityChain() {
		assertThat(api().as("auditor").get("/api/me").status()).isEqualTo(200);
		assertThat(meters.find("http.server.requests").timers()).isNotEmpty();
		assertThat(meters.find("spring.security.authorizations").timers()).isNotEmpty();
		assertThat(meters.getMeters()).noneMatch(m -> m.getId().getName().startsWith("spring.security.filterchains"));
	}

	@Test
	void theApiAnswers401ProblemsNeverRedirects() {
		Response anonymous = api().anonymous().get("/api/projects");
		RoleMatrixTest.assertRefused("anonymous", anonymous, 401, "/problems/unauthorized");
		assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Basic realm=\"pipeline-tracker\", charset=\"UTF-8\"");
		assertThat(anonymous.json().path("detail").asString()).contains("/login");

		// a page's script gets no Basic challenge, so the browser shows no password dialog of its own
		Response fromScript = api().anonymous().header("Sec-Fetch-Mode", "cors").get("/api/projects");
		assertThat(fromScript.status()).isEqualTo(401);
		assertThat(fromScript.header("WWW-Authenticate")).isNull();

		Response wrong = api().as("admin", "not-the-password").get("/api/projects");
		RoleMatrixTest.assertRefused("wrong password", wrong, 401, "/problems/unauthorized");
		assertThat(wrong.json().path("detail").asString()).isEqualTo("The username or password is wrong.");

		// unknown API paths: 401 for strangers, 404 for users
		RoleMatrixTest.assertRefused("unknown path", api().anonymous().get("/api/nothing-here"), 401,
				"/problems/unauthorized");
		Response unknown = api().as("auditor").get("/api/nothing-here");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().path("type").asString()).isEqualTo("/problems/not-found");
		// a known path with a method no rule grants: 403
		Response put = api().send(java.net.http.HttpRequest.newBuilder(URI.create(api().base() + "/api/projects"))
				.PUT(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json"));
		RoleMatrixTest.assertRefused("PUT /api/projects", put, 403, "/problems/forbidden");
	}

	@Test
	void pagesRedirectToTheSignInPageAndStaticAssetsAndHealthAreOpen() {
		Browser browser = new Browser();
		Raw home = browser.navigate("/");
		assertThat(home.status).isEqualTo(302);
		assertThat(home.header("Location")).endsWith("/login");
		Raw index = browser.navigate("/index.html");
		assertThat(index.status).isEqualTo(302);
		assertThat(index.header("Location")).endsWith("/login");
		assertThat(browser.navigate("/assets/app.js").status).isNotIn(302, 401, 403);
		assertThat(browser.navigate("/favicon.ico").status).isNotIn(302, 401, 403);

		Response health = api().anonymous().get("/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().path("status").asString()).isEqualTo("UP");
		assertThat(health.json().has("components")).as("no details for strangers").isFalse();
		assertThat(api().as("reader").get("/actuator/health").json().has("components")).as("details for users").isTrue();

		Response docs = api().anonymous().get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(401);
		JsonNode openApi = api().as("reader").get("/v3/api-docs").json();
		assertThat(openApi.path("components").path("securitySchemes").path("basic").path("scheme").asString())
				.isEqualTo("basic");
		assertThat(openApi.path("paths").path("/api/projects").path("post").path("parameters").toString())
				.as("the principal is not a request parameter").doesNotContain("principal");
	}

	@Test
	void everyAnswerCarriesTheSecurityHeaders() {
		for (Response response : new Response[] {api().get("/api/projects"), api().anonymous().get("/api/projects"),
				api().anonymous().get("/login")}) {
			assertThat(response.header("Content-Security-Policy")).isEqualTo("default-src 'self'; script-src 'self'; "
					+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
					+ "frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
			assertThat(response.header("Referrer-Policy")).isEqualTo("same-origin");
			assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
			assertThat(response.header("Cache-Control")).contains("no-store");
		}
	}

	@Test
	void meNamesTheUserAndTheirRoles() {
		for (String user : new String[] {"recorder", "finance", "auditor", "admin"}) {
			JsonNode me = api().as(user).get("/api/me").json();
			assertThat(me.path("authenticated").asBoolean()).isTrue();
			assertThat(me.path("username").asString()).isEqualTo(user);
			assertThat(me.path("roles").toString()).isEqualTo("[\"" + user.toUpperCase() + "\"]");
			assertThat(me.path("publicRead").asBoolean()).isFalse();
		}
		assertThat(api().as("alice").get("/api/me").json().path("roles").toString())
				.isEqualTo("[\"RECORDER\",\"FINANCE\"]");
		assertThat(api().as("reader").get("/api/me").json().path("roles").toString()).isEqualTo("[]");
		RoleMatrixTest.assertRefused("anonymous me", api().anonymous().get("/api/me"), 401, "/problems/unauthorized");
	}

	@Test
	void anUnexpectedErrorShowsNeitherStackTraceNorSql() {
		String id = RoleMatrixTest.id();
		assertThat(api().post("/api/projects", RoleMatrixTest.proposal(id)).status()).isEqualTo(201);
		api().eventually("/api/projects?size=200", r -> r.body().contains(id));
		jdbc.execute("alter table project_view rename to project_view_away");
		Response broken;
		try {
			broken = api().get("/api/projects");
		}
		finally {
			jdbc.execute("alter table project_view_away rename to project_view");
		}
		assertThat(broken.status()).isEqualTo(500);
		assertThat(broken.header("Content-Type")).startsWith("application/problem+json");
		assertThat(broken.json().path("reference").asString()).isNotBlank();
		assertThat(broken.body().toLowerCase()).doesNotContain("select").doesNotContain("project_view")
				.doesNotContain("exception").doesNotContain("\tat ").doesNotContain("org.h2").doesNotContain("jdbc");

		Response page = api().get("/no-such-page.html");
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.body()).doesNotContain("trace").doesNotContain("Exception");
	}

	// ---------------------------------------------------------------------------------------------------------

	private static String field(String html, String name) {
		Matcher m = Pattern.compile("name=\"" + Pattern.quote(name) + "\"[^>]*value=\"([^\"]+)\"").matcher(html);
		if (!m.find()) {
			m = Pattern.compile("value=\"([^\"]+)\"[^>]*name=\"" + Pattern.quote(name) + "\"").matcher(html);
			assertThat(m.find()).as("hidden field " + name + " in " + html).isTrue();
		}
		return m.group(1);
	}

	/** A browser, as far as it matters here: cookies it keeps and sends itself, and fetch metadata headers. */
	private final class Browser {
		final Map<String, String> cookies = new LinkedHashMap<>();
		private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
				.connectTimeout(Duration.ofSeconds(5)).build();

		Raw navigate(String path) {
			return send(request(path).header("Accept", "text/html").header("Sec-Fetch-Mode", "navigate")
					.header("Sec-Fetch-Site", "none").GET());
		}

		Raw form(String path, Map<String, String> fields) {
			String body = fields.entrySet().stream().map(e -> e.getKey() + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
			return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
					.header("Accept", "text/html,application/xhtml+xml").header("Sec-Fetch-Mode", "navigate").header("Sec-Fetch-Site", "same-origin")
					.POST(HttpRequest.BodyPublishers.ofString(body)));
		}

		/** What the web UI's fetch sends: same-origin credentials, and the cookie's token when asked to. */
		Raw fetch(String method, String path, String json, boolean withToken) {
			HttpRequest.Builder request = request(path).header("Sec-Fetch-Mode", "cors")
					.header("Sec-Fetch-Site", "same-origin").header("Accept", "application/json");
			if (withToken) {
				request.header("X-XSRF-TOKEN", cookies.get("XSRF-TOKEN"));
			}
			if (json != null) {
				request.header("Content-Type", "application/json");
			}
			return send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(json)));
		}

		private HttpRequest.Builder request(String path) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
					.timeout(Duration.ofSeconds(30));
			if (!cookies.isEmpty()) {
				request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
						.collect(Collectors.joining("; ")));
			}
			return request;
		}

		private Raw send(HttpRequest.Builder request) {
			try {
				HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
				for (String setCookie : response.headers().allValues("Set-Cookie")) {
					String pair = setCookie.split(";", 2)[0];
					String name = pair.substring(0, pair.indexOf('='));
					String value = pair.substring(pair.indexOf('=') + 1);
					boolean expired = setCookie.toLowerCase().contains("max-age=0");
					if (expired || value.isEmpty()) {
						cookies.remove(name);
					}
					else {
						cookies.put(name, value);
					}
				}
				return new Raw(response.statusCode(), response.body(), response);
			}
			catch (IOException e) {
				throw new AssertionError(e);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
	}

	private record Raw(int status, String body, HttpResponse<String> response) {
		String header(String name) {
			return response.headers().firstValue(name).orElse(null);
		}

		JsonNode json() {
			return JSON.readTree(body);
		}
	}
}
