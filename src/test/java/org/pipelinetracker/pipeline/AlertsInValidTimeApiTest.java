package org.pipelinetracker.pipeline;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stalls judged in valid time, over HTTP with the real persisted scheduler (30-day waits; a check due in the past
 * runs {@value #SETTLE_SECONDS} s after it was scheduled): a history typed in one go raises no stall that never
 * held, nor any event; a fact dated on or before a stall's due date recorded after the check removes the alert; a
 * stall that ended before its check ran is recorded resolved; "stalled since" and "days stalled" are one definition
 * in the alerts, the project and the project list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"tracker.test.context=alerts-valid-time", "tracker.alerts.no-funding-days=30",
		"tracker.alerts.no-disbursement-days=30", "tracker.alerts.backfill-settle=" + AlertsInValidTimeApiTest.SETTLE_SECONDS + "s",
		"tracker.deadlines.polling-interval=200ms"})
@ActiveProfiles("test")
class AlertsInValidTimeApiTest {

	static final int SETTLE_SECONDS = 2;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EventProcessingConfiguration processing;

	@Test
	void aHistoryTypedInOneGoRaisesNoStallThatNeverHeld() {
		// the report: a grant signed 2024-06-01 and, a moment later, a commitment dated 2024-07-01 (and its first
		// disbursement). The no-funding check (due 2024-07-01 with 30 days) waits the settling time and finds the
		// project funded in time; the no-disbursement check finds the commitment disbursed in time
		Api api = new Api(port);
		propose(api, "BACKFILL-1", "Karakalpakstan schools", "2024-05-01");
		sign(api, "BACKFILL-1", "2024-06-01");
		commit(api, "BACKFILL-1", "2024-07-01");
		disburse(api, "BACKFILL-1", "2024-07-15");
		awaitChecksDueNow();

		assertThat(alertsOf(api, "BACKFILL-1")).as("no alert, not even a resolved one").isEmpty();
		assertThat(api.get("/api/projects/BACKFILL-1").json().path("alerts")).isEmpty();
		assertThat(types(api, "BACKFILL-1")).as("no stall in the permanent history").doesNotContain("ProjectStalledEvent");
	}

	@Test
	void aFactDatedBeforeTheDueDateRecordedAfterTheCheckMeansTheStallNeverHeld() {
		// the check ran first and found no funding (a stall in the history); then the commitment arrives, dated
		// before the due date: the stall never held, so the alert goes, it is not "resolved"
		Api api = new Api(port);
		propose(api, "LATE-ENTRY", "Namangan roads", "2024-01-10");
		sign(api, "LATE-ENTRY", "2024-02-01");
		api.eventually("/api/alerts", r -> r.body().contains("LATE-ENTRY"));
		assertThat(api.get("/api/projects/LATE-ENTRY").json().path("alerts")).hasSize(1);

		commit(api, "LATE-ENTRY", "2024-02-20");
		disburse(api, "LATE-ENTRY", "2024-02-25");
		api.eventually("/api/alerts?includeResolved=true", r -> !r.body().contains("LATE-ENTRY"));
		assertThat(api.get("/api/projects/LATE-ENTRY").json().path("alerts")).isEmpty();
		assertThat(types(api, "LATE-ENTRY")).as("the history keeps what the check recorded").contains("ProjectStalledEvent");

		// a rebuild reads the same events to the same answer
		awaitChecksDueNow();
		String before = api.get("/api/alerts?includeResolved=true").body();
		rebuildAlerts();
		api.eventually("/api/alerts?includeResolved=true", r -> r.body().equals(before));
		assertThat(alertsOf(api, "LATE-ENTRY")).isEmpty();
	}

	@Test
	void aStallThatEndedBeforeTheCheckRanIsRecordedResolvedOnTheDateItEnded() {
		// typed in one go, but the commitment came 20 days after the due date: the stall held, from the due date to
		// the commitment, and the check records it so
		Api api = new Api(port);
		propose(api, "BACKFILL-2", "Jizzakh vocational centre", "2024-01-01");
		sign(api, "BACKFILL-2", "2024-02-01");
		commit(api, "BACKFILL-2", "2024-03-22");
		disburse(api, "BACKFILL-2", "2024-04-01");
		awaitChecksDueNow();

		api.eventually("/api/alerts?includeResolved=true", r -> r.body().contains("BACKFILL-2"));
		List<JsonNode> alerts = alertsOf(api, "BACKFILL-2");
		assertThat(alerts).hasSize(1);
		assertThat(alerts.get(0).path("kind").asString()).isEqualTo("NO_FUNDING");
		assertThat(alerts.get(0).path("since").asString()).isEqualTo("2024-03-02");
		assertThat(alerts.get(0).path("resolvedOn").asString()).isEqualTo("2024-03-22");
		assertThat(alerts.get(0).path("daysStalled").asLong()).isEqualTo(20);
		assertThat(api.get("/api/alerts").body()).doesNotContain("BACKFILL-2");
		assertThat(api.get("/api/projects/BACKFILL-2").json().path("alerts")).isEmpty();
		JsonNode stalled = null;
		for (JsonNode entry : api.get("/api/projects/BACKFILL-2/history").json()) {
			if (entry.path("type").asString().equals("ProjectStalledEvent")) {
				stalled = entry;
			}
		}
		assertThat(stalled).isNotNull();
		assertThat(stalled.path("payload").path("resolvedOn").asString()).isEqualTo("2024-03-22");
	}

	@Test
	void stalledSinceAndDaysStalledAreTheSameInTheAlertsTheProjectAndTheSummaries() {
		Api api = new Api(port);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Tashkent"));
		LocalDate signedOn = today.minusDays(400);
		LocalDate due = signedOn.plusDays(30);
		propose(api, "STALL-SAME", "Andijan dairy cluster", signedOn.minusDays(5).toString());
		sign(api, "STALL-SAME", signedOn.toString());
		api.eventually("/api/alerts", r -> r.body().contains("STALL-SAME"));
		api.awaitListed("STALL-SAME"); // the project list is another projection than the alerts

		JsonNode fromAlerts = alertsOf(api, "STALL-SAME").get(0);
		JsonNode fromProject = api.get("/api/projects/STALL-SAME").json().path("alerts").get(0);
		JsonNode fromSummary = null;
		for (JsonNode p : api.get("/api/projects?size=200").json().path("content")) {
			if (p.path("projectId").asString().equals("STALL-SAME")) {
				fromSummary = p.path("alerts").get(0);
			}
		}
		assertThat(fromSummary).isNotNull();
		for (JsonNode alert : List.of(fromAlerts, fromProject, fromSummary)) {
			assertThat(alert.path("kind").asString()).isEqualTo("NO_FUNDING");
			assertThat(alert.path("since").asString()).isEqualTo(due.toString());
			assertThat(alert.path("daysStalled").asLong()).isEqualTo(370);
		}
		assertThat(fromProject.path("days").asInt()).as("the wait that ran out").isEqualTo(30);
		// counted when read: the stored document keeps its shape
		assertThat(jdbc.queryForObject("select document from project_view where project_id = 'STALL-SAME'", String.class))
				.contains("\"alerts\":[{\"kind\":\"NO_FUNDING\",\"fundingId\":null,\"days\":30,\"dueOn\":\"" + due + "\"}]");
		// as of a date, the days run to that date
		JsonNode asOf = api.get("/api/projects/STALL-SAME?asOf=" + due.plusDays(7)).json().path("alerts").get(0);
		assertThat(asOf.path("daysStalled").asLong()).isEqualTo(7);

		// funding dated 10 days after the due date, recorded now: resolved on its date, 10 days stalled
		commit(api, "STALL-SAME", due.plusDays(10).toString());
		disburse(api, "STALL-SAME", due.plusDays(12).toString());
		api.eventually("/api/alerts", r -> !r.body().contains("STALL-SAME"));
		List<JsonNode> resolved = alertsOf(api, "STALL-SAME");
		assertThat(resolved).hasSize(1);
		assertThat(resolved.get(0).path("since").asString()).isEqualTo(due.toString());
		assertThat(resolved.get(0).path("resolvedOn").asString()).isEqualTo(due.plusDays(10).toString());
		assertThat(resolved.get(0).path("daysStalled").asLong()).isEqualTo(10);
		assertThat(api.get("/api/projects/STALL-SAME").json().path("alerts")).isEmpty();
	}

	private static void propose(Api api, String id, String title, String proposedOn) {
		assertThat(api.post("/api/projects", """
				{"projectId":"%s","title":"%s","sector":"11220","region":"Navoi","proposedOn":"%s"}"""
				.formatted(id, title, proposedOn)).status()).isEqualTo(201);
	}

	private static void sign(Api api, String id, String signedOn) {
		ok(api.post("/api/projects/" + id + "/agreements",
				"{\"agreementId\":\"G1\",\"type\":\"GRANT\",\"signedOn\":\"" + signedOn + "\"}"));
	}

	private static void commit(Api api, String id, String committedOn) {
		ok(api.post("/api/projects/" + id + "/fundings", """
				{"fundingId":"KOICA-1","source":"KOICA_GRANT","funder":"KOICA","amount":{"amount":"3000000","currency":"USD"},
				 "committedOn":"%s"}""".formatted(committedOn)));
	}

	private static void disburse(Api api, String id, String disbursedOn) {
		ok(api.post("/api/projects/" + id + "/disbursements", """
				{"fundingId":"KOICA-1","amount":{"amount":"500000","currency":"USD"},"disbursedOn":"%s"}"""
				.formatted(disbursedOn)));
	}

	private static void ok(Response r) {
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
	}

	/** Waits until every stall check due now (the backfilled ones, after the settling time) has run. */
	private void awaitChecksDueNow() {
		long deadline = System.currentTimeMillis() + 30_000;
		while (jdbc.queryForObject("select count(*) from scheduled_tasks where execution_time < ?", Long.class,
				Timestamp.from(Instant.now().plus(1, ChronoUnit.HOURS))) > 0) {
			assertThat(System.currentTimeMillis()).as("stall checks still waiting").isLessThan(deadline);
			sleep(100);
		}
		sleep(500); // and the read models have seen what the checks recorded
	}

	private void rebuildAlerts() {
		StreamingEventProcessor processor = processing
				.eventProcessor(AlertsProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
		processor.shutDown();
		processor.resetTokens();
		processor.start();
		awaitReplayed(processor);
	}

	/**
	 * Until the processor has passed the position it was reset at: mid-replay, the alerts can equal the answer before
	 * the rebuild for a moment (all events up to a project's stall handled, the stall not yet), so waiting for equal
	 * answers alone is not enough.
	 */
	static void awaitReplayed(StreamingEventProcessor processor) {
		long deadline = System.currentTimeMillis() + 60_000;
		while (processor.isReplaying()) {
			if (System.currentTimeMillis() > deadline) {
				throw new AssertionError(processor.getName() + " still replaying after 60 s");
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
	}

	private static List<JsonNode> alertsOf(Api api, String projectId) {
		List<JsonNode> alerts = new ArrayList<>();
		for (JsonNode alert : api.get("/api/alerts?includeResolved=true").json()) {
			if (alert.path("projectId").asString().equals(projectId)) {
				alerts.add(alert);
			}
		}
		return alerts;
	}

	private static List<String> types(Api api, String projectId) {
		List<String> types = new ArrayList<>();
		Response history = api.get("/api/projects/" + projectId + "/history");
		assertThat(history.status()).isEqualTo(200);
		history.json().forEach(e -> types.add(e.path("type").asString()));
		return types;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
