package org.pipelinetracker.project.web;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.Registration;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.pipelinetracker.project.api.MilestoneRecordedEvent;
import org.pipelinetracker.project.api.ProjectId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrent writes to one project over real HTTP: serialised without a lost update or a 500; If-Match refuses a
 * stale version with 412 and appends nothing, even when the other write slips in at the last moment; and a write
 * that loses the race on the event store's (aggregate, sequence) key to another node is retried server-side
 * (simulated here by appending the other node's event straight into the store between the command's handling and
 * its commit).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ConcurrentWritesTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	CommandBus commandBus;

	@Autowired
	EventStore eventStore;

	@Autowired
	TransactionManager transactions;

	private Registration interference;

	@AfterEach
	void stopInterfering() {
		if (interference != null) {
			interference.cancel();
		}
	}

	Api api() {
		return new Api(port);
	}

	String proposed() {
		String id = "CW-" + UUID.randomUUID().toString().substring(0, 8);
		Response r = api().post("/api/projects", """
				{"projectId":"%s","title":"Navoi substation","sector":"23630","region":"Navoi","proposedOn":"2025-03-01"}
				""".formatted(id));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return id;
	}

	long events(String id) {
		return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, id);
	}

	static String milestone(String milestoneId) {
		return "{\"milestoneId\":\"" + milestoneId + "\",\"name\":\"Milestone " + milestoneId
				+ "\",\"plannedOn\":\"2025-09-30\"}";
	}

	@Test
	void manyClientsWritingToOneProjectAreSerialisedWithoutLosingAnUpdate() throws Exception {
		String id = proposed();
		int clients = 8;
		int each = 10;
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<List<Response>>> results = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			int client = c;
			results.add(pool.submit(() -> {
				go.await();
				List<Response> responses = new ArrayList<>();
				for (int i = 0; i < each; i++) {
					String m = "C" + client + "-" + i;
					// half of the clients send an Idempotency-Key (one transaction per request), half do not
					responses.add(client % 2 == 0
							? api().post("/api/projects/" + id + "/milestones", milestone(m))
							: api().post("/api/projects/" + id + "/milestones", milestone(m), "Idempotency-Key",
									UUID.randomUUID().toString()));
				}
				return responses;
			}));
		}
		go.countDown();
		Set<Long> versions = new HashSet<>();
		for (Future<List<Response>> result : results) {
			for (Response r : result.get()) {
				assertThat(r.status()).as(r.body()).isEqualTo(200);
				assertThat(r.header("ETag")).isEqualTo("\"" + r.json().path("version").asLong() + "\"");
				versions.add(r.json().path("version").asLong());
			}
		}
		pool.shutdownNow();
		assertThat(versions).hasSize(clients * each);
		assertThat(events(id)).isEqualTo(1 + clients * each);
		Response project = api().get("/api/projects/" + id);
		assertThat(project.json().path("milestones").size()).isEqualTo(clients * each);
		assertThat(project.header("ETag")).isEqualTo("\"" + (clients * each) + "\"");
	}

	@Test
	void ifMatchWithTheCurrentVersionWritesAndAnswersTheNewETag() {
		String id = proposed();
		String etag = api().get("/api/projects/" + id).header("ETag");
		assertThat(etag).isEqualTo("\"0\"");
		Response ok = api().post("/api/projects/" + id + "/milestones", milestone("M1"), "If-Match", etag);
		assertThat(ok.status()).as(ok.body()).isEqualTo(200);
		assertThat(ok.header("ETag")).isEqualTo("\"1\"");
		assertThat(api().post("/api/projects/" + id + "/milestones", milestone("M2"), "If-Match", "\"7\", \"1\"").status())
				.isEqualTo(200);
		assertThat(api().post("/api/projects/" + id + "/milestones", milestone("M3"), "If-Match", "*").status())
				.isEqualTo(200);
		assertThat(events(id)).isEqualTo(4);
	}

	@Test
	void aStaleIfMatchIsAPreconditionFailureAndAppendsNothing() {
		String id = proposed();
		assertThat(api().post("/api/projects/" + id + "/milestones", milestone("M1")).status()).isEqualTo(200);
		for (String stale : List.of("\"0\"", "W/\"1\"", "\"2\"")) {
			Response refused = api().post("/api/projects/" + id + "/milestones", milestone("M2"), "If-Match", stale);
			assertThat(refused.status()).as(refused.body()).isEqualTo(412);
			assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
			assertThat(refused.json().path("type").asString()).isEqualTo("/problems/precondition-failed");
			assertThat(refused.json().path("currentVersion").asLong()).isEqualTo(1);
			assertThat(refused.json().path("detail").asString()).contains("version 1");
			assertThat(refused.header("ETag")).isEqualTo("\"1\"");
		}
		assertThat(events(id)).isEqualTo(2);
	}

	@Test
	void aMalformedIfMatchIsABadRequest() {
		String id = proposed();
		for (String malformed : List.of("1", "\"abc\"", "\"1\" \"2\"", "\"1\",", "\"-1\"")) {
			Response refused = api().post("/api/projects/" + id + "/milestones", milestone("M1"), "If-Match", malformed);
			assertThat(refused.status()).as(malformed + " → " + refused.body()).isEqualTo(400);
			assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("If-Match");
		}
		assertThat(events(id)).isEqualTo(1);
	}

	@Test
	void ofManyClientsWithTheSameIfMatchExactlyOneWins() throws Exception {
		String id = proposed();
		int clients = 8;
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Response>> results = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			int client = c;
			results.add(pool.submit(() -> {
				go.await();
				return client % 2 == 0
						? api().post("/api/projects/" + id + "/milestones", milestone("M" + client), "If-Match", "\"0\"")
						: api().post("/api/projects/" + id + "/milestones", milestone("M" + client), "If-Match", "\"0\"",
								"Idempotency-Key", UUID.randomUUID().toString());
			}));
		}
		go.countDown();
		int won = 0;
		for (Future<Response> result : results) {
			Response r = result.get();
			assertThat(r.status()).as(r.body()).isIn(200, 412);
			if (r.status() == 200) {
				won++;
			}
		}
		pool.shutdownNow();
		assertThat(won).isEqualTo(1);
		assertThat(events(id)).isEqualTo(2);
	}

	@Test
	void aWriteThatLosesTheRaceToAnotherNodeIsRetried() {
		String id = proposed();
		interfere(id, 1);
		Response unkeyed = api().post("/api/projects/" + id + "/milestones", milestone("M1"));
		assertThat(unkeyed.status()).as(unkeyed.body()).isEqualTo(200);
		assertThat(unkeyed.json().path("version").asLong()).isEqualTo(2); // after the other node's event
		interfere(id, 1);
		Response keyed = api().post("/api/projects/" + id + "/milestones", milestone("M2"), "Idempotency-Key",
				UUID.randomUUID().toString());
		assertThat(keyed.status()).as(keyed.body()).isEqualTo(200);
		assertThat(keyed.json().path("version").asLong()).isEqualTo(4);
		assertThat(events(id)).isEqualTo(5); // proposal, 2 of ours, 2 of the other node
	}

	@Test
	void aWriteThatKeepsLosingIsAConflictWithNothingRecorded() {
		String id = proposed();
		interfere(id, 100);
		Response unkeyed = api().post("/api/projects/" + id + "/milestones", milestone("M1"));
		assertThat(unkeyed.status()).as(unkeyed.body()).isEqualTo(409);
		assertThat(unkeyed.json().path("type").asString()).isEqualTo("/problems/conflict");
		long afterUnkeyed = events(id);
		assertThat(afterUnkeyed).isEqualTo(1 + 4); // the proposal and the other node's 4 (1 try + 3 retries)
		Response keyed = api().post("/api/projects/" + id + "/milestones", milestone("M1"), "Idempotency-Key",
				UUID.randomUUID().toString());
		assertThat(keyed.status()).as(keyed.body()).isEqualTo(409);
		assertThat(keyed.json().path("type").asString()).isEqualTo("/problems/conflict");
		assertThat(events(id)).isEqualTo(afterUnkeyed + 5); // 5 attempts, each beaten
		assertThat(api().get("/api/projects/" + id).json().path("milestones").toString()).doesNotContain("\"M1\"");
	}

	@Test
	void anIfMatchCheckedBeforeAnotherWriteSlipsInStillFailsWith412() {
		String id = proposed();
		interfere(id, 1);
		Response refused = api().post("/api/projects/" + id + "/milestones", milestone("M1"), "If-Match", "\"0\"");
		assertThat(refused.status()).as(refused.body()).isEqualTo(412);
		assertThat(refused.json().path("currentVersion").asLong()).isEqualTo(1);
		assertThat(events(id)).isEqualTo(2); // the proposal and the other node's event; nothing of ours
	}

	/**
	 * The next {@code times} commands to project {@code id} are beaten by "another node": after the command was
	 * handled and before it commits, an event is appended at the sequence number the command is about to use.
	 */
	private void interfere(String id, int times) {
		if (interference != null) {
			interference.cancel();
		}
		AtomicInteger left = new AtomicInteger(times);
		AtomicInteger n = new AtomicInteger();
		interference = commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
			Object result = chain.proceed();
			CommandMessage<?> command = unitOfWork.getMessage();
			if (command.getPayload() instanceof org.pipelinetracker.project.api.RecordMilestoneCommand m
					&& m.projectId().value().equals(id) && left.getAndDecrement() > 0) {
				CompletableFuture.runAsync(() -> transactions.executeInTransaction(() -> {
					long next = eventStore.lastSequenceNumberFor(id).orElse(-1L) + 1;
					eventStore.publish(new GenericDomainEventMessage<>("Project", id, next,
							new MilestoneRecordedEvent(ProjectId.of(id), "OTHER-" + n.incrementAndGet(), "Other node",
									LocalDate.parse("2025-06-01"), null, LocalDate.parse("2025-06-01")),
							MetaData.with("actor", "other-node")));
				})).join();
			}
			return result;
		});
	}
}
