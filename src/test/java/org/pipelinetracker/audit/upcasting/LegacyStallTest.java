package org.pipelinetracker.audit.upcasting;

import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.pipelinetracker.kernel.ShadowableProjection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store written before stall checks judged in valid time: a loan agreement signed 2024-06-15, the no-funding check
 * (due 2024-12-12) run at once and recording a stall, then the commitment dated 2024-07-01. That version's alerts
 * read model showed "since 2024-12-12, resolved on 2024-07-01". The stall event stays in the history as recorded
 * (upcast to revision 2, {@code resolvedOn} null); the read models reinterpret it: a commitment dated before the due
 * date means the stall never held, so a rebuild shows no alert, and the alerts projection asks for that rebuild at
 * start-up. The aggregate agrees: its next command is accepted and nothing is flagged open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tracker.test.context=legacy-stall")
@ActiveProfiles("test")
class LegacyStallTest {

	private static final String ID = LegacyRows.PROJECT_ID;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	List<ShadowableProjection> projections;

	@Test
	void aRebuildOfAnOldStoreShowsNoAlertForAStallThatNeverHeld() {
		Api api = new Api(port);
		tx.executeWithoutResult(status -> LegacyRows.load().withStallThatNeverHeld().insertInto(jdbc));
		api.eventually("/api/projects?stage=FINANCED", r -> r.body().contains(ID));
		assertConsistent(api); // which waits until every read model has read the old events
		assertThat(alertsOf(api)).as("read by this version, the old events raise no alert").isEmpty();

		// the old version's alerts read model, as the report saw it
		jdbc.update("insert into alert_view (project_id, kind, funding_id, since, raised_at, resolved_on)"
				+ " values (?, 'NO_FUNDING', '', ?, ?, ?)", ID, Date.valueOf(LegacyRows.STALL_DUE_ON),
				Timestamp.from(Instant.parse("2026-11-23T03:27:36.801Z")), Date.valueOf(LocalDate.of(2024, 7, 1)));
		assertThat(alertsOf(api)).hasSize(1);
		JsonNode verified = api.get("/api/audit/verify").json();
		assertThat(verified.path("projectionsConsistent").asBoolean()).isFalse();
		assertThat(verified.path("differences").get(0).path("kind").asString()).isEqualTo("UNEXPLAINED");
		assertThat(alerts().rebuildReason()).as("the alerts projection asks for a rebuild at start-up").isPresent();

		// the rebuild
		Response started = api.post("/api/admin/replay?processor=alerts", "");
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		api.eventually("/api/admin/replay", r -> r.json().path("state").asString().equals("COMPLETED"));
		assertThat(alertsOf(api)).as("no alert, not a resolved one").isEmpty();
		assertThat(alerts().rebuildReason()).isEmpty();
		assertConsistent(api);

		// the project shows no alert; the history keeps the stall as recorded, in its current shape
		JsonNode project = api.get("/api/projects/" + ID).json();
		assertThat(project.path("alerts")).isEmpty();
		JsonNode stall = api.get("/api/projects/" + ID + "/history").json().get(LegacyRows.COMMITMENT);
		assertThat(stall.path("type").asString()).isEqualTo("ProjectStalledEvent");
		assertThat(stall.path("actor").asString()).isEqualTo("system:stall-check");
		assertThat(stall.path("effectiveDate").asString()).isEqualTo(LegacyRows.STALL_DUE_ON);
		assertThat(stall.path("payload").has("resolvedOn")).isTrue();
		assertThat(stall.path("payload").path("resolvedOn").isNull()).isTrue();

		// the aggregate loads the old stall through the upcaster and goes on
		Response disbursed = api.as("uzb.mof").post("/api/projects/" + ID + "/disbursements", """
				{"fundingId":"EDCF-1","amount":{"amount":"12500000","currency":"USD"},"disbursedOn":"2024-09-30"}""");
		assertThat(disbursed.status()).as(disbursed.toString()).isEqualTo(200);
		assertThat(disbursed.json().path("version").asLong()).isEqualTo(6);
	}

	private ShadowableProjection alerts() {
		return projections.stream().filter(p -> p.processingGroup().equals("alerts")).findFirst().orElseThrow();
	}

	private static void assertConsistent(Api api) {
		JsonNode verified = api.get("/api/audit/verify").json();
		assertThat(verified.path("projectionsConsistent").asBoolean()).as(verified.toString()).isTrue();
	}

	private static List<JsonNode> alertsOf(Api api) {
		List<JsonNode> found = new ArrayList<>();
		for (JsonNode alert : api.get("/api/alerts?includeResolved=true").json()) {
			if (alert.path("projectId").asString().equals(ID)) {
				found.add(alert);
			}
		}
		return found;
	}
}
