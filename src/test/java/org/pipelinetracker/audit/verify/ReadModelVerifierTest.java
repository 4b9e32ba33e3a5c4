package org.pipelinetracker.audit.verify;

import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GET /api/audit/verify rebuilds every read model into a shadow database and compares: consistent after normal
 * writes; a tampered or lost read-model row is named; a replay repairs it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tracker.test.context=verify")
@ActiveProfiles("test")
class ReadModelVerifierTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void findsTamperedAndLostRowsAndIsConsistentAgainAfterAReplay() {
		Api api = new Api(port);
		for (String id : List.of("VER-1", "VER-2")) {
			assertThat(api.post("/api/projects", """
					{"projectId":"%s","title":"Verified %s","sector":"21030","region":"Navoi","proposedOn":"2024-01-01"}
					""".formatted(id, id)).status()).isEqualTo(201);
			assertThat(api.post("/api/projects/" + id + "/agreements",
					"{\"agreementId\":\"L\",\"type\":\"LOAN\",\"signedOn\":\"2024-02-01\"}").status()).isEqualTo(200);
			assertThat(api.post("/api/projects/" + id + "/fundings", "{\"fundingId\":\"K\",\"source\":\"KOICA_GRANT\","
					+ "\"funder\":\"KOICA\",\"amount\":{\"amount\":\"100.50\",\"currency\":\"USD\"},\"committedOn\":\"2024-03-01\"}")
					.status()).isEqualTo(200);
			assertThat(api.post("/api/projects/" + id + "/milestones",
					"{\"milestoneId\":\"M\",\"name\":\"Design\",\"plannedOn\":\"2024-05-01\",\"on\":\"2024-03-02\"}").status())
					.isEqualTo(200);
		}
		long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);

		JsonNode clean = api.get("/api/audit/verify").json();
		assertThat(clean.path("projectionsConsistent").asBoolean()).as(clean.toString()).isTrue();
		assertThat(clean.path("eventsChecked").asLong()).isEqualTo(events);
		assertThat(clean.path("chainValid").asBoolean()).isTrue();
		assertThat(clean.path("firstBrokenIndex").isNull()).isTrue();
		assertThat(clean.path("differences").size()).isZero();
		assertThat(names(clean.path("projectionsChecked"))).contains("project-status", "pipeline", "milestones", "alerts");

		jdbc.update("update project_view set title = 'Edited behind the event store' where project_id = 'VER-1'");
		jdbc.update("delete from pipeline_money where project_id = 'VER-2'");
		jdbc.update("update milestone_view set planned_on = date '2030-01-01' where project_id = 'VER-2'");
		JsonNode tampered = api.get("/api/audit/verify").json();
		assertThat(tampered.path("projectionsConsistent").asBoolean()).isFalse();
		List<String> found = new ArrayList<>();
		for (JsonNode d : tampered.path("differences")) {
			found.add(d.path("table").asString() + "/" + d.path("key").path("project_id").asString() + "/" + d.path("issue").asString());
		}
		assertThat(found).anySatisfy(f -> assertThat(f).startsWith("project_view/VER-1/differs in").contains("title"));
		assertThat(found).anySatisfy(f -> assertThat(f).isEqualTo("pipeline_money/VER-2/missing in the live table"));
		assertThat(found).anySatisfy(f -> assertThat(f).startsWith("milestone_view/VER-2/differs in").contains("planned_on"));
		JsonNode titleDiff = null;
		for (JsonNode d : tampered.path("differences")) {
			if (d.path("table").asString().equals("project_view")) {
				titleDiff = d;
			}
		}
		assertThat(titleDiff.path("live").path("title").asString()).isEqualTo("Edited behind the event store");
		assertThat(titleDiff.path("expected").path("title").asString()).isEqualTo("Verified VER-1");

		assertThat(api.post("/api/admin/replay", "").status()).isEqualTo(202);
		api.eventually("/api/admin/replay", r -> r.json().path("state").asString().equals("COMPLETED"));
		JsonNode repaired = api.get("/api/audit/verify").json();
		assertThat(repaired.path("projectionsConsistent").asBoolean()).as(repaired.toString()).isTrue();
	}

	/**
	 * Issue 20: the read models rebuilt from the events equal the live ones after importing every example file
	 * (reported statuses, data-quality flags, documents, organisations, import notes) and finalising one project.
	 */
	@Test
	void rebuiltReadModelsEqualTheLiveOnesAfterImportingEveryExampleFile() throws Exception {
		Api api = new Api(port);
		for (String file : List.of("activity-standard-example-annotated.xml", "fcdo-activity.xml", "unops-at-activity.xml",
				"usaid-activity.xml", "worldbank-activity.xml")) {
			String xml;
			try (java.io.InputStream in = ReadModelVerifierTest.class.getResourceAsStream("/iati/examples/" + file)) {
				xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			}
			Response r = api.postRaw("/api/import/iati?fileName=" + file, "application/xml", xml);
			assertThat(r.status()).as(r.toString()).isEqualTo(200);
		}
		assertThat(api.post("/api/projects/AA-AAA-123456789-ABC123/finalise", "{\"on\":\"2015-01-10\"}").status())
				.isEqualTo(200);
		api.eventually("/api/projects?flag=STATUS_WITHOUT_FUNDING&size=50",
				r -> r.json().path("totalElements").asLong() == 4);
		JsonNode verified = api.get("/api/audit/verify").json();
		assertThat(verified.path("projectionsConsistent").asBoolean()).as(verified.toString()).isTrue();
		assertThat(verified.path("differences").size()).isZero();
	}

	@Test
	void rejectsAnUnknownProcessorForReplay() {
		Response r = new Api(port).post("/api/admin/replay?processor=nonsense", "");
		assertThat(r.status()).isEqualTo(400);
		assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("processor");
	}

	private static List<String> names(JsonNode array) {
		List<String> names = new ArrayList<>();
		array.forEach(n -> names.add(n.asString()));
		return names;
	}
}
