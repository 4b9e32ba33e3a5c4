package org.pipelinetracker.audit.chain;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The event chain over real events written through the API, tampered with by plain SQL as an attacker with
 * database access would. This class has its own Spring context (and so its own in-memory database): it changes the
 * event store, and every test puts back what it changed, so the chain is valid again when it ends. The background
 * chainer is slowed to once an hour here; the tests bring the chain up to date through the verifier, which does
 * that itself, or run chainers of their own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"tracker.test.context=chain", "tracker.audit.chain.interval=1h", "tracker.audit.chain.gap-grace=1s"})
@ActiveProfiles("test")
class EventChainTest {

	private static final Duration GRACE = Duration.ofSeconds(1);

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ChainVerifier verifier;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Clock clock;

	Api api;

	@BeforeEach
	void client() {
		api = new Api(port);
	}

	@Test
	void everyEventWrittenThroughTheApiIsChainedAndTheChainRecomputesValid() {
		propose(api, "CHAIN-VALID", "Navoi substation");
		sign("CHAIN-VALID");

		Response response = api.get("/api/audit/chain");

		assertThat(response.status()).isEqualTo(200);
		JsonNode report = response.json();
		assertThat(report.path("chainValid").asBoolean()).isTrue();
		assertThat(report.path("firstBrokenIndex").isNull()).isTrue();
		assertThat(report.path("problem").isNull()).isTrue();
		long events = count("select count(*) from domain_event_entry");
		assertThat(report.path("eventsChecked").asLong()).isEqualTo(events).isGreaterThanOrEqualTo(3);
		assertThat(count("select count(*) from event_chain")).isEqualTo(events);
	}

	@Test
	void theHeadIsTheLatestEventMovesWithTheNextWriteAndTheOldHeadCanStillBeChecked() {
		propose(api, "CHAIN-HEAD", "Navoi substation");

		JsonNode head = api.get("/api/audit/head").json();

		assertThat(head.path("globalIndex").asLong()).isEqualTo(lastIndex());
		assertThat(head.path("hash").asString()).matches("[0-9a-f]{64}")
				.isEqualTo(jdbc.queryForObject("select hash from event_chain where global_index = ?", String.class,
						head.path("globalIndex").asLong()));
		assertThat(Instant.parse(head.path("chainedAt").asString())).isBeforeOrEqualTo(Instant.now());

		sign("CHAIN-HEAD");
		JsonNode next = api.get("/api/audit/head").json();

		assertThat(next.path("globalIndex").asLong()).isEqualTo(lastIndex()).isGreaterThan(head.path("globalIndex").asLong());
		assertThat(next.path("hash").asString()).isNotEqualTo(head.path("hash").asString());
		// what an auditor wrote down earlier: the link at that index still has that hash
		JsonNode link = api.get("/api/audit/chain/" + head.path("globalIndex").asLong()).json();
		assertThat(link.path("hash").asString()).isEqualTo(head.path("hash").asString());
		assertThat(api.get("/api/audit/chain").json().path("chainValid").asBoolean()).isTrue();
	}

	@Test
	void anIndexThatIsNotInTheChainIsNotFound() {
		Response response = api.get("/api/audit/chain/999999999");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().path("type").asString()).isEqualTo("/problems/not-found");
		assertThat(api.get("/api/audit/chain/first").status()).isEqualTo(400);
	}

	@Test
	void eachLinkIsSha256OverTheDocumentedByteLayoutOfTheStoredRow() throws Exception {
		propose(api.as("alice"), "CHAIN-LAYOUT", "Navoi substation");
		verifier.head();
		long index = indexOf("CHAIN-LAYOUT", 0);
		Map<String, Object> link = jdbc.queryForMap(
				"select previous_index, previous_hash, hash from event_chain where global_index = ?", index);
		StoredEvent row = read(index);

		// the layout of package-info.java, written out independently of ChainHash
		ByteArrayOutputStream input = new ByteArrayOutputStream();
		DataOutputStream out = new DataOutputStream(input);
		field(out, "pipeline-tracker/event-chain/v1".getBytes(StandardCharsets.US_ASCII));
		field(out, HexFormat.of().parseHex((String) link.get("previous_hash")));
		field(out, longBytes(((Number) link.get("previous_index")).longValue()));
		field(out, longBytes(index));
		field(out, utf8(row.aggregateIdentifier()));
		field(out, longBytes(row.sequenceNumber()));
		field(out, utf8(row.type()));
		field(out, utf8(row.eventIdentifier()));
		field(out, utf8(row.payloadType()));
		field(out, utf8(row.payloadRevision()));
		field(out, row.payload());
		field(out, row.metaData());
		field(out, utf8(row.timeStamp()));
		String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(input.toByteArray()));

		assertThat(link.get("hash")).isEqualTo(expected);
		assertThat(new String(row.metaData(), StandardCharsets.UTF_8)).contains("alice");
		assertThat(row.type()).isEqualTo("Project");
	}

	@Test
	void aPayloadChangedWithPlainSqlIsNamedAndTheChainIsValidAgainOnceItIsRestored() {
		propose(api, "CHAIN-PAYLOAD", "Navoi substation");
		sign("CHAIN-PAYLOAD");
		long index = indexOf("CHAIN-PAYLOAD", 0);
		assertThat(verifier.verify().chainValid()).isTrue();
		byte[] original = read(index).payload();
		String payload = new String(original, StandardCharsets.UTF_8);
		assertThat(payload).contains("Navoi substation");

		jdbc.update("update domain_event_entry set payload = ? where global_index = ?",
				payload.replace("Navoi substation", "Navoi substation and depot").getBytes(StandardCharsets.UTF_8), index);
		try {
			JsonNode report = api.get("/api/audit/chain").json();
			assertThat(report.path("chainValid").asBoolean()).isFalse();
			assertThat(report.path("firstBrokenIndex").asLong()).isEqualTo(index);
			assertThat(report.path("problem").asString()).startsWith("event " + index + " does not match its chain hash");
			assertThat(report.path("eventsChecked").asLong()).isEqualTo(count(
					"select count(*) from event_chain where global_index < " + index));
		}
		finally {
			jdbc.update("update domain_event_entry set payload = ? where global_index = ?", original, index);
		}
		assertValid();
	}

	@Test
	void changedMetadataIsNamed() {
		propose(api.as("alice"), "CHAIN-META", "Navoi substation");
		sign("CHAIN-META");
		long index = indexOf("CHAIN-META", 0);
		verifier.head();
		byte[] original = read(index).metaData();
		String metaData = new String(original, StandardCharsets.UTF_8);
		assertThat(metaData).contains("\"alice\"");

		jdbc.update("update domain_event_entry set meta_data = ? where global_index = ?",
				metaData.replace("\"alice\"", "\"mallory\"").getBytes(StandardCharsets.UTF_8), index);
		try {
			ChainReport report = verifier.verify();
			assertThat(report.chainValid()).isFalse();
			assertThat(report.firstBrokenIndex()).isEqualTo(index);
		}
		finally {
			jdbc.update("update domain_event_entry set meta_data = ? where global_index = ?", original, index);
		}
		assertValid();
	}

	@Test
	void aDeletedEventIsNamedAsMissing() {
		propose(api, "CHAIN-DELETE", "Navoi substation");
		sign("CHAIN-DELETE");
		long index = indexOf("CHAIN-DELETE", 1);
		verifier.head();
		StoredEvent saved = read(index);

		jdbc.update("delete from domain_event_entry where global_index = ?", index);
		try {
			JsonNode report = api.get("/api/audit/chain").json();
			assertThat(report.path("chainValid").asBoolean()).isFalse();
			assertThat(report.path("firstBrokenIndex").asLong()).isEqualTo(index);
			assertThat(report.path("problem").asString()).isEqualTo("event " + index + " is missing");
		}
		finally {
			insert(saved);
		}
		assertValid();
	}

	@Test
	void anEventDeletedTogetherWithItsChainRowIsNamed() {
		propose(api, "CHAIN-DELETE-BOTH", "Navoi substation");
		sign("CHAIN-DELETE-BOTH");
		long index = indexOf("CHAIN-DELETE-BOTH", 1);
		verifier.head();
		StoredEvent saved = read(index);
		Map<String, Object> link = jdbc.queryForMap("select * from event_chain where global_index = ?", index);

		jdbc.update("delete from domain_event_entry where global_index = ?", index);
		jdbc.update("delete from event_chain where global_index = ?", index);
		try {
			ChainReport report = verifier.verify();
			assertThat(report.chainValid()).isFalse();
			assertThat(report.firstBrokenIndex()).isEqualTo(index);
			assertThat(report.problem()).startsWith("the chain row of event " + index + " is missing")
					.endsWith("event " + index + " is missing too");
			assertThat(verifier.link(index)).isEmpty();
		}
		finally {
			insert(saved);
			jdbc.update("insert into event_chain (global_index, previous_index, hash, previous_hash, chained_at) "
					+ "values (?, ?, ?, ?, ?)", link.get("global_index"), link.get("previous_index"), link.get("hash"),
					link.get("previous_hash"), link.get("chained_at"));
		}
		assertValid();
	}

	@Test
	void aRewrittenChainRowIsNamed() {
		propose(api, "CHAIN-REWRITE", "Navoi substation");
		sign("CHAIN-REWRITE");
		long index = indexOf("CHAIN-REWRITE", 0);
		long next = indexOf("CHAIN-REWRITE", 1);
		verifier.head();
		String hash = jdbc.queryForObject("select hash from event_chain where global_index = ?", String.class, index);
		String forged = "f".repeat(64);

		jdbc.update("update event_chain set hash = ? where global_index = ?", forged, index);
		try {
			assertThat(verifier.verify().firstBrokenIndex()).isEqualTo(index);
		}
		finally {
			jdbc.update("update event_chain set hash = ? where global_index = ?", hash, index);
		}
		jdbc.update("update event_chain set previous_hash = ? where global_index = ?", forged, next);
		try {
			ChainReport report = verifier.verify();
			assertThat(report.firstBrokenIndex()).isEqualTo(next);
			assertThat(report.problem()).contains("does not continue the chain");
		}
		finally {
			jdbc.update("update event_chain set previous_hash = ? where global_index = ?", hash, next);
		}
		assertValid();
	}

	@Test
	void aHeadWhoseHashIsNoLongerAHashIsReportedAndNewEventsWaitUntilItIsRepaired() {
		propose(api, "CHAIN-GARBLED", "Navoi substation");
		ChainHead head = verifier.head();
		jdbc.update("update event_chain set hash = 'garbled' where global_index = ?", head.globalIndex());
		try {
			sign("CHAIN-GARBLED");
			JsonNode report = api.get("/api/audit/chain").json();
			assertThat(report.path("chainValid").asBoolean()).isFalse();
			assertThat(report.path("firstBrokenIndex").asLong()).isEqualTo(head.globalIndex());
			assertThat(verifier.head().globalIndex()).as("nothing is chained after a garbled row")
					.isEqualTo(head.globalIndex());
		}
		finally {
			jdbc.update("update event_chain set hash = ? where global_index = ?", head.hash(), head.globalIndex());
		}
		assertValid();
		assertThat(verifier.head().globalIndex()).isEqualTo(lastIndex());
	}

	@Test
	void aSequenceValueThatIsNeverUsedIsNotTamperingOnceTheGracePeriodHasPassed() {
		ChainHead before = verifier.head();
		long burned = burnAGlobalIndex();
		propose(api, "CHAIN-GAP", "Navoi substation");
		long after = indexOf("CHAIN-GAP", 0);
		assertThat(burned).isEqualTo(before.globalIndex() + 1);
		assertThat(after).isEqualTo(burned + 1);

		// a young gap: the transaction holding that index might still commit, so the chain waits before it
		assertThat(verifier.head().globalIndex()).isEqualTo(before.globalIndex());
		assertThat(verifier.verify().chainValid()).isTrue();

		// older than the grace period: the index is taken as never used, and the link says so
		await(() -> verifier.head().globalIndex() == after);
		assertValid();
		assertThat(verifier.link(burned)).isEmpty();
		assertThat(count("select previous_index from event_chain where global_index = " + after))
				.isEqualTo(before.globalIndex());
	}

	@Test
	void anEventStoredLaterAtAnIndexTheChainDeclaredUnusedIsNamed() {
		long burned = burnAGlobalIndex();
		propose(api, "CHAIN-LATE", "Navoi substation");
		long after = indexOf("CHAIN-LATE", 0);
		await(() -> verifier.head().globalIndex() == after);

		// a transaction that commits only after the grace period, or a row forged into the gap
		StoredEvent model = read(after);
		insert(new StoredEvent(burned, "CHAIN-LATE-2", 0, model.type(), UUID.randomUUID().toString(),
				model.payloadType(), model.payloadRevision(),
				new String(model.payload(), StandardCharsets.UTF_8).replace("CHAIN-LATE", "CHAIN-LATE-2")
						.getBytes(StandardCharsets.UTF_8),
				model.metaData(), model.timeStamp()));
		try {
			ChainReport report = verifier.verify();
			assertThat(report.chainValid()).isFalse();
			assertThat(report.firstBrokenIndex()).isEqualTo(burned);
			assertThat(report.problem()).startsWith("event " + burned + " is stored at an index the chain declared unused");
		}
		finally {
			jdbc.update("delete from domain_event_entry where global_index = ?", burned);
		}
		assertValid();
	}

	@Test
	void chainersRunningAtOnceOnSeveralNodesBuildOneChain() throws Exception {
		verifier.head();
		long linksBefore = count("select count(*) from event_chain");
		for (int i = 0; i < 10; i++) {
			propose(api, "CHAIN-RACE-" + i, "Navoi substation " + i);
			sign("CHAIN-RACE-" + i);
		}
		long backlog = count("select count(*) from domain_event_entry") - linksBefore;
		assertThat(backlog).isEqualTo(30);

		int nodes = 4;
		CyclicBarrier start = new CyclicBarrier(nodes);
		ExecutorService threads = Executors.newFixedThreadPool(nodes);
		List<CompletableFuture<Integer>> runs = new ArrayList<>();
		try {
			for (int i = 0; i < nodes; i++) {
				// small batches, so the nodes take turns many times
				EventChainer node = new EventChainer(jdbc, transactions, clock, GRACE, Duration.ofHours(1), 2,
						System::nanoTime);
				runs.add(CompletableFuture.supplyAsync(() -> {
					try {
						start.await(10, TimeUnit.SECONDS);
					}
					catch (Exception e) {
						throw new IllegalStateException(e);
					}
					return node.chainPending();
				}, threads));
			}
			int chained = 0;
			for (CompletableFuture<Integer> run : runs) {
				chained += run.get(30, TimeUnit.SECONDS);
			}
			assertThat(chained).as("each event chained by exactly one node").isEqualTo(30);
		}
		finally {
			threads.shutdownNow();
		}

		assertThat(count("select count(*) from event_chain")).isEqualTo(linksBefore + 30);
		List<long[]> links = jdbc.query("select global_index, previous_index from event_chain order by global_index",
				(rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)});
		long previous = 0;
		for (long[] link : links) {
			assertThat(link[1]).as("chain row %d follows the row before it", link[0]).isEqualTo(previous);
			previous = link[0];
		}
		assertValid();
	}

	@Test
	void theChainCannotForkEvenForAWriterThatSkipsTheLock() {
		propose(api, "CHAIN-FORK", "Navoi substation");
		ChainHead head = verifier.head();
		long follows = count("select previous_index from event_chain where global_index = " + head.globalIndex());
		String sql = "insert into event_chain (global_index, previous_index, hash, previous_hash, chained_at) "
				+ "values (?, ?, ?, ?, ?)";
		Timestamp now = Timestamp.from(Instant.now());

		assertThatThrownBy(() -> jdbc.update(sql, head.globalIndex(), head.globalIndex() - 1, "a".repeat(64),
				"b".repeat(64), now)).as("a second link for a chained event").isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> jdbc.update(sql, head.globalIndex() + 1000, follows, "a".repeat(64), "b".repeat(64),
				now)).as("a second link after the same row").isInstanceOf(DataIntegrityViolationException.class);
		assertValid();
	}

	@Test
	void theChainerAppendsNewEventsOnItsOwnEveryInterval() {
		EventChainer node = new EventChainer(jdbc, transactions, clock, GRACE, Duration.ofMillis(50));
		node.start();
		try {
			assertThat(node.isRunning()).isTrue();
			propose(api, "CHAIN-TIMER", "Navoi substation");
			long index = indexOf("CHAIN-TIMER", 0);
			await(() -> count("select count(*) from event_chain where global_index = " + index) == 1);
		}
		finally {
			node.stop();
		}
		assertThat(node.isRunning()).isFalse();
		assertValid();
	}

	// --- helpers

	private static void propose(Api as, String projectId, String title) {
		Response response = as.post("/api/projects", """
				{"projectId":"%s","title":"%s","sector":"21030","region":"Navoi","proposedOn":"2024-01-01"}"""
				.formatted(projectId, title));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
	}

	/** A binding agreement: two events (the agreement and PROPOSED → AGREED). */
	private void sign(String projectId) {
		Response response = api.post("/api/projects/" + projectId + "/agreements",
				"{\"agreementId\":\"LOAN-1\",\"type\":\"LOAN\",\"signedOn\":\"2024-02-01\"}");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
	}

	private void assertValid() {
		ChainReport report = verifier.verify();
		assertThat(report.chainValid()).as(String.valueOf(report.problem())).isTrue();
		assertThat(report.firstBrokenIndex()).isNull();
		assertThat(report.eventsChecked()).isEqualTo(count("select count(*) from event_chain"));
	}

	/** Takes a global index and rolls its transaction back: the sequence value is never used. */
	private long burnAGlobalIndex() {
		return new TransactionTemplate(transactions).execute(status -> {
			long index = jdbc.queryForObject("select nextval('domain_event_entry_seq')", Long.class);
			jdbc.update("insert into domain_event_entry (global_index, aggregate_identifier, sequence_number, type, "
					+ "event_identifier, payload_type, payload, time_stamp) values (?, 'ROLLED-BACK', 0, 'Project', ?, "
					+ "'java.lang.String', ?, ?)", index, UUID.randomUUID().toString(),
					"{}".getBytes(StandardCharsets.UTF_8), Instant.now().toString());
			status.setRollbackOnly();
			return index;
		});
	}

	private long lastIndex() {
		return count("select max(global_index) from domain_event_entry");
	}

	private long indexOf(String aggregate, long sequence) {
		return jdbc.queryForObject("select global_index from domain_event_entry where aggregate_identifier = ? "
				+ "and sequence_number = ?", Long.class, aggregate, sequence);
	}

	private StoredEvent read(long index) {
		return jdbc.queryForObject("select " + StoredEvent.COLUMNS + " from domain_event_entry where global_index = ?",
				StoredEvent.MAPPER, index);
	}

	private void insert(StoredEvent e) {
		jdbc.update("insert into domain_event_entry (" + StoredEvent.COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				e.globalIndex(), e.aggregateIdentifier(), e.sequenceNumber(), e.type(), e.eventIdentifier(),
				e.payloadType(), e.payloadRevision(), e.payload(), e.metaData(), e.timeStamp());
	}

	private long count(String sql) {
		Long value = jdbc.queryForObject(sql, Long.class);
		return value == null ? 0 : value;
	}

	private static void await(BooleanSupplier condition) {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("condition not met within 15 s");
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
	}

	private static void field(DataOutputStream out, byte[] bytes) throws IOException {
		if (bytes == null) {
			out.writeInt(-1);
			return;
		}
		out.writeInt(bytes.length);
		out.write(bytes);
	}

	private static byte[] longBytes(long value) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		new DataOutputStream(bytes).writeLong(value);
		return bytes.toByteArray();
	}

	private static byte[] utf8(String text) {
		return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
	}
}
