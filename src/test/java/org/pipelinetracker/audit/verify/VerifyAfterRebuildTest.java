package org.pipelinetracker.audit.verify;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consistency check right after a rebuild, on the demo data (whose backdated stall checks fall due while the
 * application runs, as they did for KR-UZ-HSR-HYUNDAI-ROTEM-TRAINS) and on the IATI example files; while writes
 * go on; and with a corrupted document, whose differing field it names with both values. Verify and rebuild count
 * the same events and say up to which global index.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"tracker.test.context=verify-after-rebuild", "tracker.seed.enabled=true",
		"tracker.alerts.no-funding-days=180", "tracker.alerts.no-disbursement-days=180",
		"tracker.alerts.backfill-settle=1s", "tracker.deadlines.polling-interval=200ms"})
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VerifyAfterRebuildTest {

	private static final List<String> EXAMPLES = List.of("activity-standard-example-annotated.xml",
			"fcdo-activity.xml", "unops-at-activity.xml", "usaid-activity.xml", "worldbank-activity.xml");

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	@Order(1)
	void theDemoDataIsConsistentRightAfterARebuildAndBothCountTheSameEvents() {
		Api api = new Api(port);
		// as reported: the demo data, a rebuild, and the check as soon as the rebuild is done, while the demo's
		// backdated stall checks fall due
		JsonNode replay = rebuild(api);
		JsonNode verified = verify(api);
		assertConsistent(verified);
		assertThat(verified.path("eventsChecked").asLong())
				.isEqualTo(eventsUpTo(verified.path("upToGlobalIndex").asLong()));
		assertThat(replay.path("total").asLong()).isEqualTo(eventsUpTo(replay.path("upToGlobalIndex").asLong()));
		assertThat(projectIds()).contains("KR-UZ-HSR-HYUNDAI-ROTEM-TRAINS");

		// once the store is quiet, both say the same: N events, up to global index G
		api.eventually("/api/alerts", r -> r.body().contains("KR-UZ-HSR-HYUNDAI-ROTEM-TRAINS"));
		// one project's stall listed is not every due check run: quiet is when none is due any more
		awaitNoStallCheckDue();
		long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
		long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
		JsonNode quietReplay = rebuild(api);
		JsonNode quietVerify = verify(api);
		assertConsistent(quietVerify);
		assertThat(quietReplay.path("total").asLong()).isEqualTo(events);
		assertThat(quietReplay.path("processed").asLong()).isEqualTo(events);
		assertThat(quietReplay.path("upToGlobalIndex").asLong()).isEqualTo(head);
		assertThat(quietVerify.path("eventsChecked").asLong()).isEqualTo(events);
		assertThat(quietVerify.path("upToGlobalIndex").asLong()).isEqualTo(head);
		assertThat(quietVerify.path("chainEventsChecked").asLong()).isEqualTo(events);
		assertThat(quietVerify.path("chainUpToGlobalIndex").asLong()).isEqualTo(head);
	}

	@Test
	@Order(2)
	void theIatiExampleFilesAreConsistentRightAfterARebuild() {
		Api importer = new Api(port).as("iati-tester");
		for (String file : EXAMPLES) {
			Response imported = importer.postRaw("/api/import/iati?fileName=" + file, "application/xml", example(file));
			assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
		}
		Api api = new Api(port);
		assertThat(projectIds()).hasSizeGreaterThan(EXAMPLES.size());
		rebuild(api);
		assertConsistent(verify(api));
	}

	@Test
	@Order(3)
	void writesDuringTheCheckAreFollowedNotReportedAsDifferences() {
		Api api = new Api(port);
		assertThat(api.post("/api/projects", """
				{"projectId":"VERIFY-BUSY","title":"Busy project","sector":"21030","region":"Navoi","proposedOn":"2024-05-01"}
				""").status()).isEqualTo(201);
		CompletableFuture<JsonNode> check = CompletableFuture.supplyAsync(() -> verify(api));
		for (int i = 0; i < 12; i++) {
			assertThat(api.post("/api/projects/VERIFY-BUSY/milestones", """
					{"milestoneId":"M%d","name":"Design %d","plannedOn":"2024-09-01","on":"2024-06-02"}""".formatted(i, i))
					.status()).isEqualTo(200);
			sleep(20);
		}
		JsonNode verified = check.join();
		assertConsistent(verified);
		assertThat(verified.path("eventsChecked").asLong())
				.isEqualTo(eventsUpTo(verified.path("upToGlobalIndex").asLong()));
		assertConsistent(verify(api));
	}

	@Test
	@Order(4)
	void namesTheDifferingFieldOfACorruptedDocumentWithBothValues() {
		Api api = new Api(port);
		String id = "KR-UZ-HSR-HYUNDAI-ROTEM-TRAINS";
		String document = jdbc.queryForObject("select document from project_view where project_id = ?", String.class, id);
		assertThat(document).contains("\"committedOn\":\"2024-12-31\"");
		jdbc.update("update project_view set document = ? where project_id = ?",
				document.replace("\"committedOn\":\"2024-12-31\"", "\"committedOn\":\"2023-12-31\""), id);

		JsonNode verified = verify(api);
		assertThat(verified.path("projectionsConsistent").asBoolean()).isFalse();
		JsonNode difference = null;
		for (JsonNode d : verified.path("differences")) {
			if (d.path("table").asString().equals("project_view") && d.path("key").path("project_id").asString().equals(id)) {
				difference = d;
			}
		}
		assertThat(difference).as(verified.toString()).isNotNull();
		assertThat(difference.path("kind").asString()).isEqualTo("DIFFERENT");
		assertThat(difference.path("fields")).hasSize(1);
		JsonNode field = difference.path("fields").get(0);
		assertThat(field.path("column").asString()).isEqualTo("document");
		assertThat(field.path("path").asString()).isEqualTo("$.fundings[0].committedOn");
		assertThat(field.path("live").asString()).isEqualTo("2023-12-31");
		assertThat(field.path("expected").asString()).isEqualTo("2024-12-31");

		// a replay repairs it
		rebuild(api);
		assertConsistent(verify(api));
	}

	private JsonNode rebuild(Api api) {
		Response started = api.post("/api/admin/replay", "");
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		return api.eventually("/api/admin/replay", r -> r.json().path("state").asString().equals("COMPLETED")).json();
	}

	private static JsonNode verify(Api api) {
		Response r = api.get("/api/audit/verify");
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		return r.json();
	}

	private static void assertConsistent(JsonNode verified) {
		assertThat(verified.path("projectionsConsistent").asBoolean()).as(verified.toString()).isTrue();
		assertThat(verified.path("settled").asBoolean()).as(verified.toString()).isTrue();
		assertThat(verified.path("differences")).isEmpty();
		assertThat(verified.path("chainValid").asBoolean()).isTrue();
	}

	private long eventsUpTo(long globalIndex) {
		return jdbc.queryForObject("select count(*) from domain_event_entry where global_index <= ?", Long.class,
				globalIndex);
	}

	private List<String> projectIds() {
		return new ArrayList<>(jdbc.queryForList("select project_id from project_view", String.class));
	}

	private static String example(String name) {
		try (InputStream in = VerifyAfterRebuildTest.class.getResourceAsStream("/iati/examples/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Waits until no stall check (a deadline in db-scheduler's table) is due or running any more. */
	private void awaitNoStallCheckDue() {
		long deadline = System.currentTimeMillis() + Api.EVENTUALLY_SECONDS * 1000L;
		while (jdbc.queryForObject("select count(*) from scheduled_tasks where execution_time <= ?", Long.class,
				Timestamp.from(Instant.now())) > 0) {
			assertThat(System.currentTimeMillis()).as("stall checks still due").isLessThan(deadline);
			sleep(100);
		}
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
