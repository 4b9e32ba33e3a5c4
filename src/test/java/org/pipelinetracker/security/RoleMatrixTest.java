package org.pipelinetracker.security;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every write endpoint, and every read, against {anonymous, recorder, finance, auditor, admin} (the demo users):
 * anonymous → 401, a role without the right → 403 naming the roles that would pass, and nothing recorded; the right
 * role → the endpoint's success status, on data set up for it, or (where marked) a domain answer that proves the
 * request got past security. Public read is off here ({@link PublicReadTest} has it on).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tracker.test.context=role-matrix")
@ActiveProfiles("test")
class RoleMatrixTest {

	enum Who {
		ANONYMOUS(null), RECORDER(Role.RECORDER), FINANCE(Role.FINANCE), AUDITOR(Role.AUDITOR),
		/** No demo user has the role: the test user erin (application-test.properties). */
		APPROVER(Role.APPROVER), ADMIN(Role.ADMIN);

		final Role role;

		Who(Role role) {
			this.role = role;
		}
	}

	/** One attempt: the request, and how to count what it may have recorded (-1: nothing to count). */
	record Attempt(String method, String path, String contentType, String body, Supplier<Long> recorded) {
	}

	/**
	 * An endpoint: who may use it, the status they get, and how to set up a fresh attempt.
	 *
	 * @param success the status of an allowed attempt; {@code passesOnly} means "any status but 401 and 403"
	 *                (a domain answer: the endpoint is not built in this branch, or there is nothing to act on)
	 */
	record Case(String name, Set<Role> roles, int success, boolean passesOnly, Supplier<Attempt> attempt) {
	}

	private static final String H = "application/json";

	@LocalServerPort
	int port;

	@Autowired
	EventStore eventStore;

	@Autowired
	JdbcTemplate jdbc;

	private final AtomicInteger rateDays = new AtomicInteger();

	private final AtomicInteger periodYears = new AtomicInteger();

	private final List<String> table = new ArrayList<>();

	Api admin() {
		return new Api(port);
	}

	Api api(Who who) {
		return who == Who.ANONYMOUS ? admin().anonymous() : admin().as(user(who));
	}

	static String user(Who who) {
		return who == Who.APPROVER ? "erin" : who.name().toLowerCase();
	}

	@Test
	void everyWriteEndpointRefusesEveryoneButItsRolesAndAdmin() {
		List<Case> cases = List.of(
				onProject("propose", Role.RECORDER, 201, () -> {
					String id = id();
					return new Attempt("POST", "/api/projects", H, proposal(id), () -> events(id));
				}),
				onProject("sign agreement", Role.RECORDER, 200, () -> project(proposed(), "/agreements", LOAN)),
				onProject("record milestone", Role.RECORDER, 200, () -> project(proposed(), "/milestones",
						"{\"milestoneId\":\"M1\",\"name\":\"Feasibility study\",\"plannedOn\":\"2024-09-30\"}")),
				onProject("record a text in another language", Role.RECORDER, 200, () -> project(proposed(), "/texts",
						"{\"language\":\"uz\",\"title\":\"Navoiy podstansiyasi\"}")),
				onProject("start", Role.RECORDER, 200, () -> project(financed(), "/start", "{\"on\":\"2024-06-01\"}")),
				onProject("suspend", Role.RECORDER, 200, () -> project(proposed(), "/suspend",
						"{\"on\":\"2024-02-01\",\"reason\":\"Tender appeal\"}")),
				onProject("resume", Role.RECORDER, 200, () -> project(suspended(), "/resume", "{\"on\":\"2024-03-01\"}")),
				onProject("finalise", Role.RECORDER, 200, () -> project(started(), "/finalise", "{\"on\":\"2024-12-01\"}")),
				onProject("complete", Role.RECORDER, 200, () -> project(started(), "/complete", "{\"on\":\"2024-12-31\"}")),
				onProject("cancel", Role.RECORDER, 200, () -> project(proposed(), "/cancel",
						"{\"on\":\"2024-02-01\",\"reason\":\"Dropped by the ministry\"}")),
				onProject("commit funding", Role.FINANCE, 200, () -> project(agreed(), "/fundings",
						"{\"fundingId\":\"K1\",\"source\":\"KOICA_GRANT\",\"funder\":\"KOICA\","
								+ "\"amount\":{\"amount\":\"5000000\",\"currency\":\"USD\"},\"committedOn\":\"2024-04-01\"}")),
				onProject("commit Eximbank funding", Role.FINANCE, 200, () -> project(agreed(), "/fundings/eximbank", EDCF)),
				onProject("correct a commitment", Role.FINANCE, 200, () -> project(financed(),
						"/fundings/EDCF-1/corrections",
						"{\"amount\":{\"amount\":\"90000000\",\"currency\":\"USD\"},\"reason\":\"Amended\",\"on\":\"2024-05-01\"}")),
				onProject("cancel part of a commitment", Role.FINANCE, 200, () -> project(financed(),
						"/fundings/EDCF-1/cancellations",
						"{\"amount\":{\"amount\":\"10000000\",\"currency\":\"USD\"},\"reason\":\"Savings\",\"on\":\"2024-05-01\"}")),
				onProject("record a loan repayment", Role.FINANCE, 200, () -> project(disbursed(),
						"/fundings/EDCF-1/repayments",
						"{\"amount\":{\"amount\":\"100000\",\"currency\":\"USD\"},\"on\":\"2024-06-01\"}")),
				onProject("record a loan's dates", Role.FINANCE, 200, () -> project(financed(),
						"/fundings/EDCF-1/dates",
						"{\"effectiveOn\":\"2024-05-01\",\"closingOn\":\"2028-12-31\",\"on\":\"2024-05-01\"}")),
				onProject("record an interest payment", Role.FINANCE, 200, () -> project(financed(),
						"/fundings/EDCF-1/interest-payments",
						"{\"amount\":{\"amount\":\"1000\",\"currency\":\"USD\"},\"on\":\"2024-06-01\"}")),
				onProject("record a budget", Role.FINANCE, 200, () -> project(financed(), "/budgets",
						"{\"fundingId\":\"EDCF-1\",\"periodStart\":\"2025-01-01\",\"periodEnd\":\"2025-12-31\","
								+ "\"value\":{\"amount\":\"20000000\",\"currency\":\"USD\"},\"recordedOn\":\"2024-05-01\"}")),
				onProject("record a planned disbursement", Role.FINANCE, 200, () -> project(financed(),
						"/planned-disbursements", "{\"periodStart\":\"2025-01-01\",\"periodEnd\":\"2025-03-31\","
								+ "\"value\":{\"amount\":\"5000000\",\"currency\":\"USD\"},\"recordedOn\":\"2024-05-01\"}")),
				onProject("record disbursement", Role.FINANCE, 200, () -> project(financed(), "/disbursements",
						"{\"fundingId\":\"EDCF-1\",\"amount\":{\"amount\":\"1000000\",\"currency\":\"USD\"},"
								+ "\"disbursedOn\":\"2024-05-01\"}")),
				onProject("record expenditure", Role.FINANCE, 200, () -> project(financed(), "/expenditures",
						"{\"amount\":{\"amount\":\"2471028000\",\"currency\":\"UZS\"},\"spentOn\":\"2024-05-01\","
								+ "\"provider\":\"Ministry of Energy\",\"description\":\"Boiler procurement\"}")),
				onProject("record incoming funds", Role.FINANCE, 200, () -> project(financed(), "/incoming-funds",
						"{\"fundingId\":\"EDCF-1\",\"amount\":{\"amount\":\"1000000\",\"currency\":\"USD\"},"
								+ "\"receivedOn\":\"2024-05-01\",\"provider\":\"Korea Eximbank\"}")),
				// documents: recorders and finance upload files (a small PDF, multipart)
				new Case("upload a document", EnumSet.of(Role.RECORDER, Role.FINANCE), 201, false, () -> {
					String id = proposed();
					return new Attempt("POST", "/api/projects/" + id + "/documents",
							"multipart/form-data; boundary=" + BOUNDARY, document(id), () -> events(id));
				}),
				// quarterly reporting: finance uploads a filled workbook (here a text file: refused as not a workbook,
				// past security, nothing recorded)
				new Case("upload a quarterly report", Set.of(Role.FINANCE), 400, true, () -> {
					String id = financed();
					return new Attempt("POST", "/api/reporting/uploads", "multipart/form-data; boundary=" + BOUNDARY,
							"--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"report.xlsx\"\r\n"
									+ "Content-Type: application/octet-stream\r\n\r\nnot a workbook " + id + "\r\n--" + BOUNDARY
									+ "--\r\n", () -> events(id));
				}),
				new Case("create facility", Set.of(Role.FINANCE), 201, false, () -> {
					String id = id();
					return new Attempt("POST", "/api/facilities", H, facility(id), () -> events(id));
				}),
				// closed periods: a fiscal year of its own each time (FY1901, FY1902, ...)
				new Case("close a period", Set.of(Role.ADMIN), 200, false, () -> {
					String period = "FY" + (1900 + periodYears.incrementAndGet());
					return new Attempt("POST", "/api/periods/" + period + "/close", H,
							"{\"reason\":\"Reported\"}", () -> events("period:" + period));
				}),
				new Case("reopen a period", Set.of(Role.ADMIN), 200, false, () -> {
					String period = "FY" + (1900 + periodYears.incrementAndGet());
					assertThat(admin().post("/api/periods/" + period + "/close", "{}").status()).isEqualTo(200);
					return new Attempt("POST", "/api/periods/" + period + "/reopen", H,
							"{\"reason\":\"Corrected\"}", () -> events("period:" + period));
				}),
				// four-eyes approval of money: finance and approvers decide; no entry of that id is a 404 (past security)
				new Case("approve a money entry", EnumSet.of(Role.FINANCE, Role.APPROVER), 404, false,
						() -> new Attempt("POST", "/api/approvals/no-such-entry/approve", null, null, () -> -1L)),
				new Case("reject a money entry", EnumSet.of(Role.FINANCE, Role.APPROVER), 404, false,
						() -> new Attempt("POST", "/api/approvals/no-such-entry/reject", H, "{\"reason\":\"No invoice\"}",
								() -> -1L)),
				new Case("import IATI", Set.of(Role.ADMIN), 200, false, () -> {
					String id = id();
					return new Attempt("POST", "/api/import/iati", "application/xml", iati(id), () -> events(id));
				}),
				// any signed-in user keeps their own language and time zone
				new Case("choose language", EnumSet.of(Role.RECORDER, Role.FINANCE, Role.AUDITOR, Role.APPROVER), 200, false,
						() -> new Attempt("PUT", "/api/me/preferences", H, "{\"language\":\"en\"}", () -> -1L)),
				// any signed-in user reads and settles their own notifications; an id they do not have is a 404
				new Case("choose notification settings", EnumSet.of(Role.RECORDER, Role.FINANCE, Role.AUDITOR, Role.APPROVER), 200, false,
						() -> new Attempt("PUT", "/api/me/notification-settings", H, "{\"email\":false}", () -> -1L)),
				new Case("mark all notifications read", EnumSet.of(Role.RECORDER, Role.FINANCE, Role.AUDITOR, Role.APPROVER), 200, false,
						() -> new Attempt("POST", "/api/notifications/read-all", null, null, () -> -1L)),
				new Case("mark a notification read", EnumSet.of(Role.RECORDER, Role.FINANCE, Role.AUDITOR, Role.APPROVER), 404, false,
						() -> new Attempt("POST", "/api/notifications/none/read", null, null, () -> -1L)),
				// official exchange rates: a Central Bank file of a day of its own each time; a fetch without a URL is
				// a 409 (past security, nothing to fetch from)
				new Case("import exchange rates", Set.of(Role.ADMIN), 200, false, () -> new Attempt("POST",
						"/api/fx-rates/imports", H, cbuRates(), () -> fxRates())),
				new Case("fetch exchange rates", Set.of(Role.ADMIN), 409, false,
						() -> new Attempt("POST", "/api/fx-rates/fetches", null, null, () -> fxRates())),
				new Case("start replay", Set.of(Role.ADMIN), 202, false,
						() -> new Attempt("POST", "/api/admin/replay?processor=alerts", null, null, () -> replays())),
				new Case("retry dead letters", Set.of(Role.ADMIN), 200, false,
						() -> new Attempt("POST", "/api/admin/dead-letters/alerts/retry", null, null, () -> -1L)),
				// nothing is parked, so an allowed eviction is a 404 not-found: past security, nothing to evict
				new Case("evict dead letters", Set.of(Role.ADMIN), 404, false,
						() -> new Attempt("DELETE", "/api/admin/dead-letters/alerts/NO-SUCH-PROJECT", null, null, () -> -1L)));

		for (Case c : cases) {
			for (Who who : Who.values()) {
				Attempt attempt = c.attempt().get();
				long before = attempt.recorded().get();
				Response response = send(api(who), attempt);
				boolean allowed = who.role == Role.ADMIN || (who.role != null && c.roles().contains(who.role));
				String label = c.name() + " (" + attempt.method() + " " + attempt.path() + ") as " + who + ": " + response;
				table.add(String.format("%-24s %-9s -> %d", c.name(), who, response.status()));
				if (who == Who.ANONYMOUS) {
					assertRefused(label, response, 401, "/problems/unauthorized");
					assertThat(response.header("WWW-Authenticate")).as(label).startsWith("Basic realm=\"pipeline-tracker\"");
				}
				else if (!allowed) {
					assertRefused(label, response, 403, "/problems/forbidden");
					List<String> required = new ArrayList<>();
					response.json().path("requiredRoles").forEach(r -> required.add(r.asString()));
					List<String> expected = new ArrayList<>(c.roles().stream().filter(r -> r != Role.ADMIN).map(Role::name).toList());
					expected.add("ADMIN");
					assertThat(required).as(label).containsExactlyElementsOf(expected);
					assertThat(response.json().path("detail").asString()).as(label)
							.contains("Role " + String.join(" or ", expected) + " is needed")
							.contains("'" + user(who) + "'");
				}
				else if (c.passesOnly()) {
					assertThat(response.status()).as(label).isNotIn(401, 403);
				}
				else {
					assertThat(response.status()).as(label).isEqualTo(c.success());
				}
				if (!allowed && before >= 0) {
					assertThat(attempt.recorded().get()).as("nothing recorded by " + label).isEqualTo(before);
				}
				if (allowed && c.name().equals("start replay")) {
					admin().eventually("/api/admin/replay", r -> !r.json().path("state").asString().equals("RUNNING"));
				}
			}
		}
		System.out.println("Role matrix (writes):\n" + String.join("\n", table));
	}

	@Test
	void readsNeedAUserAndTheAuditAndAdminReadsTheirRoles() {
		String id = financed();
		long head = admin().as("auditor").eventually("/api/audit/head", r -> r.status() == 200
				&& r.json().path("globalIndex").asLong() > 0).json().path("globalIndex").asLong();
		List<String> anyUser = List.of("/api/projects", "/api/projects/" + id, "/api/projects/" + id + "/transactions",
				"/api/projects/" + id + "/budgets", "/api/projects/" + id + "/planned-disbursements",
				"/api/projects/" + id + "/utilisation", "/api/utilisation?groupBy=FACILITY&period=year",
				"/api/pipeline",
				"/api/projects?displayCurrency=KRW", "/api/pipeline?displayCurrency=EUR",
				"/api/funding/timeseries", "/api/milestones", "/api/alerts", "/api/facilities", "/api/facilities/EDCF-NONE",
				"/api/facilities/EDCF-NONE/loans",
				"/api/fx-rates", "/api/fx-rates/convert?amount=10&currency=USD&date=2025-01-01", "/api/export/iati",
				"/api/export/projects.csv", "/api/export/transactions.csv", "/api/export/projects.xlsx",
				"/api/export/transactions.xlsx", "/api/projects/" + id + "/statement.xlsx", "/api/export/pipeline.xlsx",
				"/api/export/timeseries.xlsx", "/api/export/milestones.xlsx", "/api/export/facilities.xlsx", "/api/export/alerts.xlsx", "/api/me",
				"/api/me/preferences", "/api/notifications", "/api/me/notification-settings", "/api/reference", "/v3/api-docs", "/api/projects/" + id + "/documents",
				"/api/projects/" + id + "/documents/doc-none/content", "/api/periods");
		List<String> auditors = List.of("/api/projects/" + id + "/history", "/api/audit/events", "/api/audit/verify",
				"/api/audit/head", "/api/audit/chain", "/api/audit/chain/" + head);
		assertThat(admin().post("/api/periods/FY1800/close", "{}").status()).isEqualTo(200);
		List<String> financeAndAuditors = List.of("/api/restatements?period=FY1800", "/api/reporting/status?period=2026-Q1");
		List<String> finance = List.of("/api/reporting/template.xlsx?projectId=" + id + "&period=2026-Q1");
		List<String> approvals = List.of("/api/approvals", "/api/approvals?projectId=" + id);
		List<String> admins = List.of("/api/admin/replay", "/api/admin/dead-letters", "/api/import/iati/progress",
				"/actuator/info");
		List<String> rows = new ArrayList<>();
		for (Who who : Who.values()) {
			for (String path : anyUser) {
				Response r = api(who).get(path);
				rows.add(String.format("GET %-55s %-9s -> %d", path, who, r.status()));
				if (who == Who.ANONYMOUS) {
					assertRefused(path, r, 401, "/problems/unauthorized");
				}
				else {
					// an unknown facility or document is a 404 not-found: past security
					assertThat(r.status()).as(who + " " + path + ": " + r)
							.isEqualTo(path.contains("EDCF-NONE") || path.endsWith("doc-none/content") ? 404 : 200);
				}
			}
			for (String path : auditors) {
				Response r = api(who).get(path);
				rows.add(String.format("GET %-55s %-9s -> %d", path, who, r.status()));
				expectRole(who, Set.of(Role.AUDITOR), path, r);
			}
			for (String path : financeAndAuditors) {
				Response r = api(who).get(path);
				rows.add(String.format("GET %-55s %-9s -> %d", path, who, r.status()));
				expectRole(who, Set.of(Role.FINANCE, Role.AUDITOR), path, r);
			}
			for (String path : approvals) {
				Response r = api(who).get(path);
				rows.add(String.format("GET %-55s %-9s -> %d", path, who, r.status()));
				expectRole(who, Set.of(Role.FINANCE, Role.APPROVER, Role.AUDITOR), path, r);
			}
			for (String path : finance) {
				Response r = api(who).get(path);
				rows.add(String.format("GET %-55s %-9s -> %d", path, who, r.status()));
				expectRole(who, Set.of(Role.FINANCE), path, r);
			}
			for (String path : admins) {
				Response r = api(who).get(path);
				rows.add(String.format("GET %-55s %-9s -> %d", path, who, r.status()));
				expectRole(who, Set.of(Role.ADMIN), path, r);
			}
		}
		Response reader = admin().as("reader").get("/api/projects/" + id);
		assertThat(reader.status()).as("a user without roles reads: " + reader).isEqualTo(200);
		assertRefused("a user without roles writes", admin().as("reader").post("/api/projects", proposal(id())), 403,
				"/problems/forbidden");
		assertThat(api(Who.ANONYMOUS).get("/actuator/health").status()).isEqualTo(200);
		// the message catalogue: for everyone, the sign-in page too
		assertThat(api(Who.ANONYMOUS).get("/api/i18n/messages?lang=ru").status()).isEqualTo(200);
		System.out.println("Role matrix (reads):\n" + String.join("\n", rows));
	}

	private void expectRole(Who who, Set<Role> roles, String path, Response r) {
		String label = who + " GET " + path + ": " + r;
		if (who == Who.ANONYMOUS) {
			assertRefused(label, r, 401, "/problems/unauthorized");
		}
		else if (who.role == Role.ADMIN || roles.contains(who.role)) {
			assertThat(r.status()).as(label).isEqualTo(200);
		}
		else if (path.startsWith("/actuator")) {
			assertThat(r.status()).as(label).isEqualTo(403);
		}
		else {
			assertRefused(label, r, 403, "/problems/forbidden");
		}
	}

	static void assertRefused(String label, Response response, int status, String type) {
		assertThat(response.status()).as(label).isEqualTo(status);
		assertThat(response.header("Content-Type")).as(label).startsWith("application/problem+json");
		assertThat(response.json().path("type").asString()).as(label).isEqualTo(type);
		assertThat(response.json().path("status").asInt()).as(label).isEqualTo(status);
		assertThat(response.header("Location")).as("never a redirect: " + label).isNull();
	}

	// --- set-up, always as admin ------------------------------------------------------------------------------

	private static Case onProject(String name, Role role, int success, Supplier<Attempt> attempt) {
		return new Case(name, EnumSet.of(role), success, false, attempt);
	}

	private Attempt project(String id, String suffix, String body) {
		return new Attempt("POST", "/api/projects/" + id + suffix, H, body, () -> events(id));
	}

	private Response send(Api api, Attempt attempt) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + attempt.path()));
		HttpRequest.BodyPublisher body = attempt.body() == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(attempt.body());
		if (attempt.contentType() != null) {
			request.header("Content-Type", attempt.contentType());
		}
		return api.send(request.method(attempt.method(), body));
	}

	/** The Central Bank's rates of a day no attempt used before. */
	private String cbuRates() {
		String date = java.time.LocalDate.of(2025, 1, 1).plusDays(rateDays.incrementAndGet())
				.format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy"));
		return "[{\"Ccy\":\"KRW\",\"Nominal\":\"100\",\"Rate\":\"8.61\",\"Date\":\"" + date + "\"}]";
	}

	private long fxRates() {
		return jdbc.queryForObject("select count(*) from fx_rate", Long.class);
	}

	private long events(String aggregateId) {
		return eventStore.readEvents(aggregateId).asStream().count();
	}

	private long replays() {
		Response status = admin().get("/api/admin/replay");
		String startedAt = status.json().path("startedAt").asString(null);
		return startedAt == null ? 0 : Instant.parse(startedAt).toEpochMilli(); // a refused start leaves it as it was
	}

	static String id() {
		return "RM-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private static final String BOUNDARY = "role-matrix-boundary";

	/** A multipart upload of a small PDF (ASCII bytes), different for each project. */
	static String document(String id) {
		return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nFeasibility study\r\n"
				+ "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"study.pdf\"\r\n"
				+ "Content-Type: application/pdf\r\n\r\n%PDF-1.4\n% " + id + "\ntrailer << >>\n%%EOF\n\r\n"
				+ "--" + BOUNDARY + "--\r\n";
	}

	static String proposal(String id) {
		return """
				{"projectId":"%s","title":"Navoi substation","sector":"23630","region":"Navoi",
				 "partners":[{"name":"KOICA","country":"KR","role":"FUNDING"}],"proposedOn":"2024-01-10"}
				""".formatted(id);
	}

	private static final String LOAN = "{\"agreementId\":\"LOAN-1\",\"type\":\"LOAN\",\"signedOn\":\"2024-03-01\"}";
	private static final String EDCF = "{\"fundingId\":\"EDCF-1\",\"instrument\":\"EDCF_LOAN\","
			+ "\"amount\":{\"amount\":\"100000000\",\"currency\":\"USD\"},\"committedOn\":\"2024-04-01\"}";

	private String write(String path, String body, int status) {
		Response r = admin().post(path, body);
		assertThat(r.status()).as("set-up " + path + ": " + r).isEqualTo(status);
		return path;
	}

	String proposed() {
		String id = id();
		write("/api/projects", proposal(id), 201);
		return id;
	}

	String agreed() {
		String id = proposed();
		write("/api/projects/" + id + "/agreements", LOAN, 200);
		return id;
	}

	String financed() {
		String id = agreed();
		write("/api/projects/" + id + "/fundings/eximbank", EDCF, 200);
		return id;
	}

	String disbursed() {
		String id = financed();
		write("/api/projects/" + id + "/disbursements", "{\"fundingId\":\"EDCF-1\",\"amount\":{\"amount\":\"1000000\","
				+ "\"currency\":\"USD\"},\"disbursedOn\":\"2024-05-01\"}", 200);
		return id;
	}

	String started() {
		String id = financed();
		write("/api/projects/" + id + "/start", "{\"on\":\"2024-06-01\"}", 200);
		return id;
	}

	String suspended() {
		String id = proposed();
		write("/api/projects/" + id + "/suspend", "{\"on\":\"2024-02-01\",\"reason\":\"Tender appeal\"}", 200);
		return id;
	}

	static String facility(String id) {
		return """
				{"facilityId":"%s","name":"KOICA country programme","lender":"KOICA",
				 "limit":{"amount":"50000000","currency":"USD"},"validFrom":"2024-01-01","validTo":"2028-12-31"}
				""".formatted(id);
	}

	static String iati(String id) {
		return """
				<iati-activities version="2.03"><iati-activity default-currency="USD">
				<iati-identifier>%s</iati-identifier>
				<title><narrative>Imported substation</narrative></title>
				<activity-status code="1"/>
				<activity-date type="1" iso-date="2024-02-01"/>
				<recipient-country code="UZ" percentage="100"/>
				<sector code="23630" vocabulary="1"/>
				</iati-activity></iati-activities>
				""".formatted(id);
	}
}
