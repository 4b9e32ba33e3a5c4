package org.pipelinetracker.http.reliability;

import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Idempotency-Key over real HTTP: a repeat returns the first answer and appends nothing, a different request with
 * the same key is 422, concurrent repeats append once, a keyed write with several commands is all-or-nothing, and
 * a claim left by a crashed attempt is taken over once its lease has run out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "tracker.idempotency.lease=3s")
@ActiveProfiles("test")
class IdempotencyApiTest {

	static final String KEY = "Idempotency-Key";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	Api api() {
		return new Api(port);
	}

	static String id(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static String proposal(String id) {
		return """
				{"projectId":"%s","title":"Samarkand district heating","sector":"23620","region":"Samarkand",
				 "proposedOn":"2025-03-01"}""".formatted(id);
	}

	long events(String aggregateId) {
		return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class,
				aggregateId);
	}

	long allEvents() {
		return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
	}

	@Test
	void aRepeatedProposalReturnsTheFirstAnswerAndAppendsNothing() {
		String id = id("IDEM");
		String key = UUID.randomUUID().toString();
		Response first = api().post("/api/projects", proposal(id), KEY, key);
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(first.header("Location")).endsWith("/api/projects/" + id);
		assertThat(first.header("ETag")).isEqualTo("\"0\"");
		assertThat(first.header("Idempotent-Replayed")).isNull();
		long before = allEvents();

		for (int i = 0; i < 3; i++) {
			Response again = api().post("/api/projects", proposal(id), KEY, key);
			assertThat(again.status()).isEqualTo(201);
			assertThat(again.body()).isEqualTo(first.body());
			assertThat(again.header("Location")).isEqualTo(first.header("Location"));
			assertThat(again.header("ETag")).isEqualTo("\"0\"");
			assertThat(again.header("Content-Type")).startsWith("application/json");
			assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
		}
		assertThat(allEvents()).isEqualTo(before);
		assertThat(events(id)).isEqualTo(1);
	}

	@Test
	void aRepeatedWriteToAProjectReturnsTheSameVersion() {
		String id = id("IDEM");
		assertThat(api().post("/api/projects", proposal(id)).status()).isEqualTo(201);
		String milestone = "{\"milestoneId\":\"M1\",\"name\":\"Boiler house\",\"plannedOn\":\"2025-09-30\"}";
		String key = UUID.randomUUID().toString();
		Response first = api().post("/api/projects/" + id + "/milestones", milestone, KEY, key);
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(first.json().path("version").asLong()).isEqualTo(1);
		assertThat(first.header("ETag")).isEqualTo("\"1\"");
		// another write in between: the repeat still answers what the first attempt answered
		assertThat(api().post("/api/projects/" + id + "/milestones",
				"{\"milestoneId\":\"M2\",\"name\":\"Pipes\",\"plannedOn\":\"2025-10-30\"}").status()).isEqualTo(200);
		Response again = api().post("/api/projects/" + id + "/milestones", milestone, KEY, key);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body()).isEqualTo(first.body());
		assertThat(again.header("ETag")).isEqualTo("\"1\"");
		assertThat(events(id)).isEqualTo(3);
	}

	@Test
	void theSameKeyWithADifferentRequestIsRefused() {
		String id = id("IDEM");
		String key = UUID.randomUUID().toString();
		assertThat(api().post("/api/projects", proposal(id), KEY, key).status()).isEqualTo(201);
		long before = allEvents();
		Response otherBody = api().post("/api/projects", proposal(id("OTHER")), KEY, key);
		assertThat(otherBody.status()).as(otherBody.body()).isEqualTo(422);
		assertThat(otherBody.header("Content-Type")).startsWith("application/problem+json");
		assertThat(otherBody.json().path("type").asString()).isEqualTo("/problems/idempotency-key-reused");
		Response otherPath = api().post("/api/projects/" + id + "/milestones",
				"{\"milestoneId\":\"M1\",\"name\":\"x\",\"plannedOn\":\"2025-09-30\"}", KEY, key);
		assertThat(otherPath.status()).isEqualTo(422);
		assertThat(allEvents()).isEqualTo(before);
	}

	@Test
	void aRefusalIsTheAnswerToo() {
		String id = id("IDEM");
		String key = UUID.randomUUID().toString();
		String start = "{\"on\":\"2025-04-01\"}";
		assertThat(api().post("/api/projects", proposal(id)).status()).isEqualTo(201);
		Response refused = api().post("/api/projects/" + id + "/start", start, KEY, key);
		assertThat(refused.status()).isEqualTo(409);
		Response again = api().post("/api/projects/" + id + "/start", start, KEY, key);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.body()).isEqualTo(refused.body());
		assertThat(again.header("Content-Type")).startsWith("application/problem+json");
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
	}

	@Test
	void keysBelongToTheUserWhoSentThem() {
		String id = id("IDEM");
		assertThat(api().post("/api/projects", proposal(id)).status()).isEqualTo(201);
		String key = UUID.randomUUID().toString();
		String body = "{\"milestoneId\":\"M1\",\"name\":\"Boiler house\",\"plannedOn\":\"2025-09-30\"}";
		Response asAdmin = api().post("/api/projects/" + id + "/milestones", body, KEY, key);
		Response asRecorder = api().as("recorder").post("/api/projects/" + id + "/milestones",
				body.replace("M1", "M2"), KEY, key);
		assertThat(asAdmin.status()).isEqualTo(200);
		assertThat(asRecorder.status()).as(asRecorder.body()).isEqualTo(200);
		assertThat(asRecorder.header("Idempotent-Replayed")).isNull();
		assertThat(events(id)).isEqualTo(3);
		assertThat(jdbc.queryForList("select scope from idempotency_key where idem_key = ?", String.class, key))
				.containsExactlyInAnyOrder("admin", "recorder");
	}

	@Test
	void aMalformedKeyIsABadRequest() {
		Response response = api().post("/api/projects", proposal(id("IDEM")), KEY, "x".repeat(256));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo(KEY);
	}

	@Test
	void concurrentRepeatsAppendOnce() throws Exception {
		String id = id("IDEM");
		assertThat(api().post("/api/projects", proposal(id)).status()).isEqualTo(201);
		String key = UUID.randomUUID().toString();
		String body = "{\"milestoneId\":\"M1\",\"name\":\"Boiler house\",\"plannedOn\":\"2025-09-30\"}";
		int clients = 8;
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			List<Future<Response>> answers = new ArrayList<>();
			for (int i = 0; i < clients; i++) {
				answers.add(pool.submit(() -> {
					go.await();
					return api().post("/api/projects/" + id + "/milestones", body, KEY, key);
				}));
			}
			go.countDown();
			int ok = 0;
			for (Future<Response> answer : answers) {
				Response r = answer.get();
				assertThat(r.status()).as(r.body()).isIn(200, 409);
				if (r.status() == 200) {
					ok++;
					assertThat(r.json().path("version").asLong()).isEqualTo(1);
				}
				else {
					assertThat(r.json().path("type").asString()).isEqualTo("/problems/in-progress");
					assertThat(r.header("Retry-After")).isNotNull();
				}
			}
			assertThat(ok).isGreaterThanOrEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(events(id)).isEqualTo(2);
		Response after = api().post("/api/projects/" + id + "/milestones", body, KEY, key);
		assertThat(after.status()).isEqualTo(200);
		assertThat(after.json().path("version").asLong()).isEqualTo(1);
	}

	@Test
	void aKeyedCommitmentOnAFacilityIsAllOrNothing() {
		String facility = id("FAC");
		assertThat(api().post("/api/facilities", """
				{"facilityId":"%s","name":"EDCF test","lender":"Export-Import Bank of Korea",
				 "limit":{"amount":"100000000","currency":"USD"},"validFrom":"2024-01-01","validTo":"2027-12-31"}
				""".formatted(facility), KEY, UUID.randomUUID().toString()).status()).isEqualTo(201);
		// the keyed create answers once the read model shows the facility
		assertThat(api().get("/api/facilities/" + facility).status()).isEqualTo(200);
		String id = id("IDEM");
		assertThat(api().post("/api/projects", proposal(id)).status()).isEqualTo(201);
		assertThat(api().post("/api/projects/" + id + "/agreements",
				"{\"agreementId\":\"LOAN-1\",\"type\":\"LOAN\",\"signedOn\":\"2025-04-01\",\"parties\":[\"MoF\"]}").status())
				.isEqualTo(200);
		String fund = """
				{"fundingId":"EDCF-1","instrument":"EDCF_LOAN","amount":{"amount":"1000000","currency":"USD"},
				 "committedOn":"2025-05-01","facilityId":"%s"}""".formatted(facility);
		Response ok = api().post("/api/projects/" + id + "/fundings/eximbank", fund, KEY, UUID.randomUUID().toString());
		assertThat(ok.status()).as(ok.body()).isEqualTo(200);
		long facilityEvents = events(facility);
		long projectEvents = events(id);
		assertThat(facilityEvents).isEqualTo(2); // created, reserved

		// the project refuses the same funding id again: the reservation made for it is not recorded at all
		Response refused = api().post("/api/projects/" + id + "/fundings/eximbank", fund, KEY,
				UUID.randomUUID().toString());
		assertThat(refused.status()).as(refused.body()).isEqualTo(409);
		assertThat(events(facility)).isEqualTo(facilityEvents);
		assertThat(events(id)).isEqualTo(projectEvents);
		// without a key the same refusal records the reservation and its release (the compensation)
		assertThat(api().post("/api/projects/" + id + "/fundings/eximbank", fund).status()).isEqualTo(409);
		assertThat(events(facility)).isEqualTo(facilityEvents + 2);
	}

	@Test
	void aClaimLeftByACrashedAttemptIsTakenOverWhenItsLeaseRunsOut() throws Exception {
		String id = id("IDEM");
		String body = proposal(id);
		String key = UUID.randomUUID().toString();
		String fingerprint = fingerprint("POST", "/api/projects", body);
		jdbc.update("insert into idempotency_key (scope, idem_key, fingerprint, state, owner, lease_until, created_at, "
				+ "expires_at) values ('admin', ?, ?, 'IN_PROGRESS', 'crashed', ?, ?, ?)", key, fingerprint,
				Timestamp.from(Instant.now().plusSeconds(2)), Timestamp.from(Instant.now()),
				Timestamp.from(Instant.now().plusSeconds(3600)));
		Response busy = api().post("/api/projects", body, KEY, key);
		assertThat(busy.status()).isEqualTo(409);
		assertThat(busy.json().path("type").asString()).isEqualTo("/problems/in-progress");
		assertThat(events(id)).isZero();
		Thread.sleep(2500);
		Response taken = api().post("/api/projects", body, KEY, key);
		assertThat(taken.status()).as(taken.body()).isEqualTo(201);
		assertThat(events(id)).isEqualTo(1);
		assertThat(api().post("/api/projects", body, KEY, key).header("Idempotent-Replayed")).isEqualTo("true");
	}

	@Test
	void expiredKeysAreDeleted() {
		String key = UUID.randomUUID().toString();
		jdbc.update("insert into idempotency_key (scope, idem_key, fingerprint, state, owner, lease_until, created_at, "
				+ "expires_at, status) values ('admin', ?, 'f', 'COMPLETED', 'old', null, ?, ?, 201)", key,
				Timestamp.from(Instant.now().minusSeconds(90_000)), Timestamp.from(Instant.now().minusSeconds(3600)));
		// an expired key is free again even before the cleanup ran
		String id = id("IDEM");
		Response fresh = api().post("/api/projects", proposal(id), KEY, key);
		assertThat(fresh.status()).as(fresh.body()).isEqualTo(201);
		assertThat(fresh.header("Idempotent-Replayed")).isNull();

		String stale = UUID.randomUUID().toString();
		jdbc.update("insert into idempotency_key (scope, idem_key, fingerprint, state, owner, lease_until, created_at, "
				+ "expires_at, status) values ('anonymous', ?, 'f', 'COMPLETED', 'old', null, ?, ?, 201)", stale,
				Timestamp.from(Instant.now().minusSeconds(90_000)), Timestamp.from(Instant.now().minusSeconds(3600)));
		IdempotencyStore store = new IdempotencyStore(jdbc, java.time.Clock.systemUTC(), java.time.Duration.ofSeconds(3),
				java.time.Duration.ofHours(24));
		assertThat(store.deleteExpired()).isGreaterThanOrEqualTo(1);
		assertThat(jdbc.queryForObject("select count(*) from idempotency_key where idem_key = ?", Long.class, stale))
				.isZero();
	}

	static String fingerprint(String method, String path, String body) throws Exception {
		MessageDigest sha = MessageDigest.getInstance("SHA-256");
		String bodyHash = HexFormat.of().formatHex(sha.digest(body.getBytes(StandardCharsets.UTF_8)));
		String head = method + "\n" + path + "\n\n" + bodyHash;
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(head.getBytes(StandardCharsets.UTF_8)));
	}
}
