package org.pipelinetracker.project.query;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token reset rebuilds the project-status read model from the event store, to the byte. This also guards the
 * Axon 4.13 + Jackson 3 trap: without the polymorphic type validator the replay token cannot be read back and the
 * replay silently never runs, leaving the table empty.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReplayTest {

	@LocalServerPort
	int port;

	@Autowired
	EventProcessingConfiguration processing;

	@Autowired
	TokenStore tokenStore;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void resettingTheTokensRebuildsTheReadModelIdentically() throws InterruptedException {
		Api api = new Api(port);
		for (int i = 0; i < 5; i++) {
			String id = "REPLAY-" + i;
			assertThat(api.post("/api/projects", """
					{"projectId":"%s","title":"Replay %d","sector":"21030","region":"Navoi","proposedOn":"2024-01-01"}
					""".formatted(id, i)).status()).isEqualTo(201);
			assertThat(api.post("/api/projects/" + id + "/agreements",
					"{\"agreementId\":\"L\",\"type\":\"LOAN\",\"signedOn\":\"2024-02-01\"}").status()).isEqualTo(200);
		}
		// each at its last version: "at least five agreed in Navoi" could count other tests' projects of this context
		for (int i = 0; i < 5; i++) {
			assertThat(api.awaitListed("REPLAY-" + i).path("stage").asString()).isEqualTo("AGREED");
		}
		String before = snapshotOfReadModel();

		StreamingEventProcessor processor = processing
				.eventProcessor(ProjectStatusProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
		processor.shutDown();
		processor.resetTokens();
		assertThat(jdbc.queryForObject("select count(*) from project_view", Long.class))
				.as("the reset handler empties the table").isZero();
		List<TrackingToken> stored = new ArrayList<>();
		tx.executeWithoutResult(s -> {
			for (int segment : tokenStore.fetchSegments(ProjectStatusProjection.PROCESSING_GROUP)) {
				stored.add(tokenStore.fetchToken(ProjectStatusProjection.PROCESSING_GROUP, segment));
			}
		});
		assertThat(stored).as("replay tokens are stored and can be read back").isNotEmpty()
				.allSatisfy(token -> assertThat(token).isInstanceOf(ReplayToken.class));

		processor.start();
		long deadline = System.currentTimeMillis() + 30_000;
		String after = snapshotOfReadModel();
		while (!after.equals(before) && System.currentTimeMillis() < deadline) {
			Thread.sleep(20); // not a busy spin: on two loaded cores it would take the processor's time
			after = snapshotOfReadModel();
		}
		assertThat(after).as("the rebuilt read model, row by row and byte by byte").isEqualTo(before);
		assertThat(processor.processingStatus().values()).noneMatch(EventTrackerStatus::isErrorState);
	}

	@Autowired
	ProjectTimeline timeline;

	@Autowired
	JsonMapper json;

	@Test
	void theCurrentViewFromStoredViewPlusTailEqualsTheFullFold() {
		Api api = new Api(port);
		assertThat(api.post("/api/projects", """
				{"projectId":"TAIL-1","title":"Tail","sector":"21030","region":"Navoi","proposedOn":"2024-01-01"}""")
				.status()).isEqualTo(201);
		api.eventually("/api/projects?region=Navoiy%20Region&size=200", r -> r.body().contains("TAIL-1"));
		// the stored view is at version 0 (or later); what follows it is read from the stream's tail
		assertThat(api.post("/api/projects/TAIL-1/agreements", "{\"agreementId\":\"L\",\"type\":\"LOAN\",\"signedOn\":\"2024-02-01\"}")
				.status()).isEqualTo(200);
		assertThat(api.post("/api/projects/TAIL-1/fundings", "{\"fundingId\":\"K\",\"source\":\"KOICA_GRANT\",\"funder\":\"KOICA\","
				+ "\"amount\":{\"amount\":\"5\",\"currency\":\"USD\"},\"committedOn\":\"2024-03-01\"}").status()).isEqualTo(200);
		String fullFold = json.writeValueAsString(timeline.view("TAIL-1", null, null).orElseThrow());
		assertThat(json.writeValueAsString(timeline.current("TAIL-1").orElseThrow())).isEqualTo(fullFold);
		assertThat(fullFold).contains("\"stage\":\"FINANCED\"");
	}

	private String snapshotOfReadModel() {
		return String.join("\n", jdbc.queryForList(
				"select project_id || '|' || stage || '|' || version || '|' || last_event_at || '|' || document from project_view order by project_id",
				String.class));
	}
}
