package org.pipelinetracker.audit.deadletter;

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
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projections' dead-letter queue, end to end: the project-status projection is poisoned for one project without
 * touching its code (its {@code project_view} row is deleted behind its back, so its next event finds no row and
 * throws), and the queue must park that event and the later ones of the same project, keep the processor going for
 * the others, and hand everything back once the row is repaired and the group retried.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tracker.test.context=dlq")
@ActiveProfiles("test")
class DeadLetterApiTest {

	private static final String GROUP = "project-status";
	private static final String ADMIN = "/api/admin/dead-letters";
	private static final String LOAN = "{\"agreementId\":\"L\",\"type\":\"LOAN\",\"signedOn\":\"2024-02-01\"}";
	private static final List<String> OTHER_GROUPS = List.of("alerts", "facility-usage", "milestones", "pipeline");
	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EventProcessingConfiguration processing;

	@Test
	void aPoisonedEventIsParkedWithTheRestOfItsProjectWhileTheProcessorGoesOnAndIsRetriedAfterTheRepair() {
		Api api = new Api(port).as("ops");
		propose(api, "DLQ-A");
		propose(api, "DLQ-B");
		api.eventually("/api/projects?size=200", r -> ids(r).containsAll(List.of("DLQ-A", "DLQ-B")));

		// poison: A's row disappears, so the projection throws on A's next event
		Map<String, Object> savedRow = jdbc.queryForMap("select * from project_view where project_id = 'DLQ-A'");
		assertThat(jdbc.update("delete from project_view where project_id = 'DLQ-A'")).isEqualTo(1);
		assertThat(api.post("/api/projects/DLQ-A/agreements", LOAN).status()).isEqualTo(200);

		// the failing event is parked with its cause, and the stage change of the same write behind it
		Response parked = api.eventually(ADMIN, r -> lettersOf(r, "DLQ-A").size() == 2 && r.json().path("total").asLong() == 2);
		List<JsonNode> letters = lettersOf(parked, "DLQ-A");
		JsonNode failed = letters.get(0);
		assertThat(text(failed, "payloadType")).isEqualTo("org.pipelinetracker.project.api.AgreementSignedEvent");
		assertThat(text(failed, "aggregateIdentifier")).isEqualTo("DLQ-A");
		assertThat(text(failed, "aggregateType")).isEqualTo("Project");
		assertThat(failed.path("sequenceNumber").asLong()).isEqualTo(1);
		assertThat(text(failed, "messageType")).contains("DomainEventMessage");
		assertThat(text(failed, "eventIdentifier")).isNotBlank();
		assertThat(text(failed, "eventTimestamp")).isNotBlank();
		assertThat(text(failed, "enqueuedAt")).isNotBlank();
		assertThat(text(failed, "lastTouched")).isNotBlank();
		assertThat(text(failed, "causeType")).isEqualTo(IllegalStateException.class.getName());
		assertThat(text(failed, "causeMessage")).isEqualTo("no project_view row for DLQ-A at event 1");
		assertThat(failed.path("diagnostics").path("attempts").asInt()).isEqualTo(1);
		JsonNode behind = letters.get(1);
		assertThat(text(behind, "payloadType")).isEqualTo("org.pipelinetracker.project.api.ProjectStageChangedEvent");
		assertThat(behind.path("sequenceNumber").asLong()).isEqualTo(2);
		assertThat(text(behind, "sequenceIdentifier")).isEqualTo(text(failed, "sequenceIdentifier")).isEqualTo("DLQ-A");
		assertThat(behind.path("sequenceIndex").asLong()).isGreaterThan(failed.path("sequenceIndex").asLong());
		assertThat(text(behind, "causeType")).isNull(); // never tried: it waits behind the failed one
		assertThat(behind.has("diagnostics")).isFalse();
		assertThat(count(parked, GROUP)).isEqualTo("1/2");
		for (String group : OTHER_GROUPS) {
			assertThat(count(parked, group)).as(group).isEqualTo("0/0"); // each group has its own queue
		}

		// the processor is not stopped: B's next write shows in the list, A stays as it was
		StreamingEventProcessor processor = processing.eventProcessor(GROUP, StreamingEventProcessor.class).orElseThrow();
		assertThat(processor.isRunning()).isTrue();
		assertThat(processor.isError()).isFalse();
		assertThat(api.post("/api/projects/DLQ-B/agreements", LOAN).status()).isEqualTo(200);
		api.eventually("/api/projects?stage=AGREED&size=200", r -> ids(r).contains("DLQ-B"));
		assertThat(ids(api.get("/api/projects?size=200"))).doesNotContain("DLQ-A");

		// a later event of A queues behind the failed one (same sequence), while the other groups handle it
		assertThat(api.post("/api/projects/DLQ-A/milestones",
				"{\"milestoneId\":\"M1\",\"name\":\"Feasibility study\",\"plannedOn\":\"2024-06-30\"}").status())
				.isEqualTo(200);
		parked = api.eventually(ADMIN, r -> lettersOf(r, "DLQ-A").size() == 3 && r.json().path("total").asLong() == 3);
		JsonNode later = lettersOf(parked, "DLQ-A").get(2);
		assertThat(text(later, "payloadType")).isEqualTo("org.pipelinetracker.project.api.MilestoneRecordedEvent");
		assertThat(later.path("sequenceNumber").asLong()).isEqualTo(3);
		assertThat(text(later, "sequenceIdentifier")).isEqualTo("DLQ-A");
		assertThat(text(later, "causeType")).isNull();
		assertThat(parked.json().path("total").asLong()).isEqualTo(3);
		api.eventually("/api/milestones?projectId=DLQ-A", r -> r.body().contains("Feasibility study"));

		// a retry before the repair fails again on the same event: nothing is lost, one more attempt is counted
		Response again = api.post(ADMIN + "/" + GROUP + "/retry", "");
		assertThat(again.status()).as(again.toString()).isEqualTo(200);
		assertThat(again.json().path("processingGroup").asString()).isEqualTo(GROUP);
		assertThat(again.json().path("retried").asLong()).isZero();
		assertThat(again.json().path("remaining").asLong()).isEqualTo(3);
		assertThat(again.json().path("failedSequences").get(0).asString()).isEqualTo("DLQ-A");
		JsonNode retriedOnce = lettersOf(api.get(ADMIN), "DLQ-A").get(0);
		assertThat(retriedOnce.path("diagnostics").path("attempts").asInt()).isEqualTo(2);
		assertThat(text(retriedOnce, "causeMessage")).isEqualTo("no project_view row for DLQ-A at event 1");
		assertThat(text(retriedOnce, "eventIdentifier")).isEqualTo(text(failed, "eventIdentifier"));

		// repair: the row comes back as it was; the retry hands A's three events to the projection, in order
		jdbc.update("insert into project_view (project_id, title, sector, region, stage, proposed_on, version, "
						+ "last_event_at, document) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
				savedRow.get("PROJECT_ID"), savedRow.get("TITLE"), savedRow.get("SECTOR"), savedRow.get("REGION"),
				savedRow.get("STAGE"), savedRow.get("PROPOSED_ON"), savedRow.get("VERSION"),
				savedRow.get("LAST_EVENT_AT"), savedRow.get("DOCUMENT"));
		Response retry = api.post(ADMIN + "/" + GROUP + "/retry", "");
		assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
		assertThat(retry.json().path("retried").asLong()).isEqualTo(3);
		assertThat(retry.json().path("remaining").asLong()).isZero();
		assertThat(retry.json().path("failedSequences").size()).isZero();
		Response empty = api.get(ADMIN);
		assertThat(empty.json().path("total").asLong()).isZero();
		assertThat(empty.json().path("deadLetters").size()).isZero();
		assertThat(count(empty, GROUP)).isEqualTo("0/0");
		JsonNode a = summary(api.get("/api/projects?stage=AGREED&size=200"), "DLQ-A");
		assertThat(a).as("DLQ-A is AGREED in the list right after the retry").isNotNull();
		assertThat(a.path("version").asLong()).isEqualTo(3);

		// and A's next event is handled at once, not parked
		assertThat(api.post("/api/projects/DLQ-A/milestones",
				"{\"milestoneId\":\"M2\",\"name\":\"Design\",\"plannedOn\":\"2024-09-30\"}").status()).isEqualTo(200);
		api.eventually("/api/projects?stage=AGREED&size=200", r -> {
			JsonNode s = summary(r, "DLQ-A");
			return s != null && s.path("version").asLong() == 4;
		});
		assertThat(api.get(ADMIN).json().path("total").asLong()).isZero();
	}

	@Test
	void evictingDropsASequenceAndUnknownGroupsOrSequencesAreProblems() {
		Api api = new Api(port).as("ops");
		propose(api, "DLQ-C");
		api.eventually("/api/projects?size=200", r -> ids(r).contains("DLQ-C"));
		jdbc.update("delete from project_view where project_id = 'DLQ-C'");
		assertThat(api.post("/api/projects/DLQ-C/agreements", LOAN).status()).isEqualTo(200);
		Response parked = api.eventually(ADMIN + "/" + GROUP, r -> lettersOf(r, "DLQ-C").size() == 2);
		assertThat(parked.json().path("groups").size()).isEqualTo(1);
		assertThat(api.get(ADMIN + "?limit=1").json().path("truncated").asBoolean()).isTrue();

		HttpResponse<String> evicted = delete(ADMIN + "/" + GROUP + "/DLQ-C");
		assertThat(evicted.statusCode()).as(evicted.body()).isEqualTo(200);
		JsonNode body = JSON.readTree(evicted.body());
		assertThat(body.path("processingGroup").asString()).isEqualTo(GROUP);
		assertThat(body.path("sequenceIdentifier").asString()).isEqualTo("DLQ-C");
		assertThat(body.path("evicted").asLong()).isEqualTo(2);
		assertThat(lettersOf(api.get(ADMIN), "DLQ-C")).isEmpty();

		assertNotFound(delete(ADMIN + "/" + GROUP + "/DLQ-C"));
		assertNotFound(delete(ADMIN + "/no-such-group/DLQ-C"));
		Response unknownGet = api.get(ADMIN + "/no-such-group");
		assertNotFound(unknownGet.status(), unknownGet.header("Content-Type"), unknownGet.body());
		Response unknownRetry = api.post(ADMIN + "/no-such-group/retry", "");
		assertNotFound(unknownRetry.status(), unknownRetry.header("Content-Type"), unknownRetry.body());

		Response badLimit = api.get(ADMIN + "?limit=0");
		assertThat(badLimit.status()).isEqualTo(400);
		assertThat(badLimit.header("Content-Type")).startsWith("application/problem+json");
		assertThat(badLimit.json().path("errors").get(0).path("field").asString()).isEqualTo("limit");
	}

	@Test
	void aRebuildOfTheProjectionClearsItsQueueAndRepairsTheProject() {
		Api api = new Api(port).as("ops");
		propose(api, "DLQ-D");
		api.eventually("/api/projects?size=200", r -> ids(r).contains("DLQ-D"));
		jdbc.update("delete from project_view where project_id = 'DLQ-D'");
		assertThat(api.post("/api/projects/DLQ-D/agreements", LOAN).status()).isEqualTo(200);
		api.eventually(ADMIN, r -> lettersOf(r, "DLQ-D").size() == 2);

		// a token reset replays every event: what was parked is obsolete and the queue is cleared, so D's events,
		// from its proposal on, are handled again instead of queueing behind the old ones
		StreamingEventProcessor processor = processing.eventProcessor(GROUP, StreamingEventProcessor.class).orElseThrow();
		processor.shutDown();
		processor.resetTokens();
		processor.start();
		api.eventually("/api/projects?stage=AGREED&size=200", r -> ids(r).contains("DLQ-D"));
		api.eventually(ADMIN + "/" + GROUP, r -> r.json().path("total").asLong() == 0);
	}

	private static void propose(Api api, String id) {
		Response created = api.post("/api/projects", """
				{"projectId":"%s","title":"%s","sector":"21030","region":"Navoi","proposedOn":"2024-01-01"}
				""".formatted(id, id.substring(id.length() - 1)));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
	}

	private static List<String> ids(Response page) {
		List<String> ids = new ArrayList<>();
		for (JsonNode summary : page.json().path("content")) {
			ids.add(summary.path("projectId").asString());
		}
		return ids;
	}

	private static JsonNode summary(Response page, String id) {
		for (JsonNode summary : page.json().path("content")) {
			if (id.equals(summary.path("projectId").asString())) {
				return summary;
			}
		}
		return null;
	}

	/** The project-status dead letters of one sequence, in queue order. */
	private static List<JsonNode> lettersOf(Response report, String sequence) {
		List<JsonNode> letters = new ArrayList<>();
		for (JsonNode letter : report.json().path("deadLetters")) {
			if (GROUP.equals(text(letter, "processingGroup")) && sequence.equals(text(letter, "sequenceIdentifier"))) {
				letters.add(letter);
			}
		}
		return letters;
	}

	/** "sequences/deadLetters" of a group in a report. */
	private static String count(Response report, String group) {
		for (JsonNode g : report.json().path("groups")) {
			if (group.equals(text(g, "processingGroup"))) {
				return g.path("sequences").asLong() + "/" + g.path("deadLetters").asLong();
			}
		}
		return "no queue";
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isMissingNode() || value.isNull() ? null : value.asString();
	}

	private HttpResponse<String> delete(String path) {
		try {
			return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
					.header("Authorization", Api.basic("ops", Api.TEST_PASSWORD)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException e) {
			throw new AssertionError(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}

	private static void assertNotFound(HttpResponse<String> response) {
		assertNotFound(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
				response.body());
	}

	private static void assertNotFound(int status, String contentType, String body) {
		assertThat(status).as(body).isEqualTo(404);
		assertThat(contentType).startsWith("application/problem+json");
		JsonNode problem = JSON.readTree(body);
		assertThat(problem.path("type").asString()).isEqualTo("/problems/not-found");
		assertThat(problem.path("status").asInt()).isEqualTo(404);
		assertThat(problem.path("detail").asString()).isNotBlank();
	}
}
