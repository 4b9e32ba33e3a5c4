package org.pipelinetracker.audit.replay;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.pipelinetracker.audit.verify.ReadModelVerifier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild builds the read models beside the live ones: queries keep answering with every project while it runs,
 * writes made meanwhile are neither lost nor counted twice once the rebuilt read models are swapped in, and a
 * cancelled rebuild leaves the live read models as they were.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tracker.test.context=rebuild-while-serving")
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RebuildWhileServingTest {

	private static final Logger log = LoggerFactory.getLogger(RebuildWhileServingTest.class);
	private static final int PROJECTS = 2_000; // five events each

	@LocalServerPort
	int port;

	@Autowired
	EventStorageEngine storage;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReadModelVerifier verifier;

	private Api api;

	@BeforeEach
	void loadOnce() {
		api = new Api(port);
		Integer stored = jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier like 'SERVE-%'",
				Integer.class);
		if (stored == null || stored == 0) {
			BulkProjects.append(storage, tx, "SERVE-", PROJECTS, "rebuild-test");
		}
		// the live processors take their time on a busy machine
		long deadline = System.currentTimeMillis() + 300_000;
		while (api.get("/api/pipeline").json().path("projects").asLong() < PROJECTS
				&& System.currentTimeMillis() < deadline) {
			sleep(200);
		}
		assertThat(api.get("/api/pipeline").json().path("projects").asLong()).isGreaterThanOrEqualTo(PROJECTS);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	@Order(1)
	void queriesAnswerWithEveryProjectWhileARebuildRunsAndWritesMeanwhileCountOnce() {
		long projectsBefore = api.get("/api/pipeline").json().path("projects").asLong();
		BigDecimal committedBefore = api.get("/api/pipeline").json().path("committedUsd").decimalValue();

		Response started = api.post("/api/admin/replay", "");
		assertThat(started.status()).as(started.body()).isEqualTo(202);
		List<Long> millis = new ArrayList<>();
		List<Long> projectsSeen = new ArrayList<>();
		int written = 0;
		Response status = api.get("/api/admin/replay");
		long deadline = System.currentTimeMillis() + 240_000;
		while (status.json().path("state").asString().equals("RUNNING") && System.currentTimeMillis() < deadline) {
			long start = System.nanoTime();
			Response pipeline = api.get("/api/pipeline");
			millis.add((System.nanoTime() - start) / 1_000_000);
			assertThat(pipeline.status()).isEqualTo(200);
			projectsSeen.add(pipeline.json().path("projects").asLong());
			if (written < 5) {
				written++;
				String id = "SERVE-NEW-" + written;
				assertThat(api.post("/api/projects", """
						{"projectId":"%s","title":"Written during the rebuild","sector":"21030","region":"Navoi","proposedOn":"2024-05-01"}
						""".formatted(id)).status()).isEqualTo(201);
				assertThat(api.post("/api/projects/" + id + "/agreements", """
						{"agreementId":"A","type":"GRANT","signedOn":"2024-05-02"}""").status()).isEqualTo(200);
				assertThat(api.post("/api/projects/" + id + "/fundings", """
						{"fundingId":"K","source":"KOICA_GRANT","funder":"KOICA","amount":{"amount":"250.00","currency":"USD"},"committedOn":"2024-05-03"}""")
						.status()).isEqualTo(200);
			}
			status = api.get("/api/admin/replay");
		}
		JsonNode done = api.eventually("/api/admin/replay", r -> !r.json().path("state").asString().equals("RUNNING")).json();
		assertThat(done.path("state").asString()).as(done.toString()).isEqualTo("COMPLETED");
		assertThat(done.path("phase").asString()).isEqualTo("DONE");
		Collections.sort(millis);
		log.info("Queries during the rebuild: {} answered, p50 {} ms, p99 {} ms, projects seen {}..{}", millis.size(),
				millis.isEmpty() ? 0 : millis.get(millis.size() / 2),
				millis.isEmpty() ? 0 : millis.get(Math.min(millis.size() - 1, (int) (millis.size() * 0.99))),
				projectsSeen.stream().min(Long::compare).orElse(0L), projectsSeen.stream().max(Long::compare).orElse(0L));

		assertThat(projectsSeen).as("queries answered while the rebuild ran").isNotEmpty();
		assertThat(projectsSeen).as("never a partial read model").allMatch(n -> n >= projectsBefore);
		long expectedProjects = projectsBefore + written;
		BigDecimal expectedCommitted = committedBefore.add(new BigDecimal("250.00").multiply(BigDecimal.valueOf(written)));
		JsonNode after = api.eventually("/api/pipeline",
				r -> r.json().path("projects").asLong() == expectedProjects
						&& r.json().path("committedUsd").decimalValue().compareTo(expectedCommitted) == 0).json();
		assertThat(after.path("committedUsd").decimalValue()).isEqualByComparingTo(expectedCommitted);
		assertThat(api.get("/api/projects/SERVE-NEW-1").json().path("fundings")).hasSize(1);

		ReadModelVerifier.Result verified = verifier.verify();
		assertThat(verified.projectionsConsistent()).as(verified.differences().toString()).isTrue();
	}

	@Test
	@Order(2)
	void aCancelledRebuildLeavesTheLiveReadModelsAsTheyWere() {
		JsonNode before = api.get("/api/pipeline").json();
		assertThat(api.post("/api/admin/replay?processor=pipeline", "").status()).isEqualTo(202);
		Response cancelled = api.delete("/api/admin/replay");
		assertThat(cancelled.status()).isEqualTo(200);
		JsonNode stopped = api.eventually("/api/admin/replay",
				r -> !r.json().path("state").asString().equals("RUNNING")).json();
		assertThat(stopped.path("state").asString()).as(stopped.toString()).isEqualTo("CANCELLED");
		assertThat(stopped.path("processed").asLong()).isLessThan(stopped.path("total").asLong());

		JsonNode after = api.get("/api/pipeline").json();
		assertThat(after.path("projects").asLong()).isEqualTo(before.path("projects").asLong());
		assertThat(after.path("committedUsd").decimalValue()).isEqualByComparingTo(before.path("committedUsd").decimalValue());

		// and the next rebuild runs to the end
		assertThat(api.post("/api/admin/replay?processor=pipeline", "").status()).isEqualTo(202);
		JsonNode completed = api.eventually("/api/admin/replay",
				r -> r.json().path("state").asString().equals("COMPLETED")).json();
		assertThat(completed.path("processed").asLong()).isEqualTo(completed.path("total").asLong());
		assertThat(api.get("/api/pipeline").json().path("projects").asLong()).isEqualTo(before.path("projects").asLong());
	}

	@Test
	@Order(3)
	void anUnknownReadModelIsABadRequest() {
		Response refused = api.post("/api/admin/replay?processor=nothing", "");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
	}

}
