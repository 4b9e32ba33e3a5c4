package org.pipelinetracker.postgres;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.pipelinetracker.postgres.twonode.NodeTestConfig;
import org.pipelinetracker.Api.Response;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application nodes (two Spring contexts, each with its own web server, connection pool and Axon processors) on
 * one PostgreSQL database, driven over HTTP: writes to the same projects from both nodes at once lose and duplicate
 * no event, each write is answered 2xx or 409 (retried by the client until it passes), both nodes' read models
 * converge, the segments of every pooled processor are split between the nodes, and when one node stops the other
 * takes its segments over and goes on processing. The numbers are printed ({@code [two-node] ...} lines).
 * <p>
 * Two hand-overs: node A dies (its connection pool is closed first, so its claims stay in token_entry): B takes the
 * segments once the claims are older than {@code axon.eventhandling.tokenstore.claim-timeout} (+ up to one
 * {@code token-claim-interval}). Then a third node C joins and B stops properly: B releases its claims on shutdown
 * and C takes them within one claim interval.
 * <p>
 * Axon without Axon Server does not balance segments by itself: the node that starts first claims all of them. The
 * application's segment balancer (messaging.cluster) splits them: each node's fair share is segments / live nodes.
 * Each node gets its own name ({@code tracker.node-id}), as separate JVMs would have.
 */
class TwoNodeTest {

	static final List<String> PROCESSORS = List.of("project-status", "pipeline", "milestones", "alerts", "facility-usage");
	static final int SEGMENTS = 4;
	static final int PROJECTS = 40;
	static final int MILESTONES_PER_NODE_AND_PROJECT = 3;
	/** Longer than the 5 s after which a pooled processor's work package extends an idle claim (Axon's default). */
	static final String CLAIM_TIMEOUT = "10s";
	static final long CLAIM_INTERVAL_MS = 1000;

	private final SharedDatabaseNodes cluster = new SharedDatabaseNodes();

	@AfterEach
	void stopNodes() {
		cluster.stopAll();
	}

	@Test
	void twoNodesShareTheWorkLoseNothingAndTakeOverFromEachOther() throws Exception {
		String url = cluster.createDatabase();
		JdbcTemplate db = new JdbcTemplate(EmbeddedPostgresServer.server().getDatabase(EmbeddedPostgresServer.USER, cluster.database()));

		ConfigurableApplicationContext nodeA = start("A", url);
		ConfigurableApplicationContext nodeB = start("B", url);
		Api a = new Api(port(nodeA)).as("node-a");
		Api b = new Api(port(nodeB)).as("node-b");

		// 1. every processor has its segments; A (first up) claimed them all, and the segment balancer of each node
		// (heartbeats, fair share = segments / live nodes) makes A release half of them, which B claims
		for (String processor : PROCESSORS) {
			awaitTrue(() -> owners(db, processor).size() == SEGMENTS, 30_000, processor + " has " + SEGMENTS + " segments");
		}
		long splitStart = System.nanoTime();
		for (String processor : PROCESSORS) {
			awaitTrue(() -> {
				Map<Integer, String> owners = owners(db, processor);
				return java.util.Collections.frequency(owners.values(), "A") == SEGMENTS / 2
						&& java.util.Collections.frequency(owners.values(), "B") == SEGMENTS / 2;
			}, 30_000, processor + " segments split evenly between both nodes");
		}
		System.out.println("[two-node] balancer split the segments in " + (System.nanoTime() - splitStart) / 1_000_000 + " ms");
		System.out.println("[two-node] segments after split: " + ownersOfAll(db));

		// 2. projects proposed alternately on both nodes
		for (int i = 0; i < PROJECTS; i++) {
			Api node = i % 2 == 0 ? a : b;
			Response r = node.post("/api/projects", """
					{"projectId":"%s","title":"Two-node project %d","sector":"21030","region":"Tashkent City","proposedOn":"2024-01-10"}
					""".formatted(project(i), i));
			assertThat(r.status()).as(r.toString()).isEqualTo(201);
		}

		// 3. both nodes write to the same projects at the same time; a 409 (concurrent change) is retried
		AtomicInteger accepted = new AtomicInteger();
		AtomicInteger conflicts = new AtomicInteger();
		Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
		ExecutorService pool = Executors.newFixedThreadPool(16);
		List<Future<?>> writes = new ArrayList<>();
		long writeStart = System.nanoTime();
		for (int k = 0; k < MILESTONES_PER_NODE_AND_PROJECT; k++) {
			for (int i = 0; i < PROJECTS; i++) {
				for (String node : List.of("A", "B")) {
					Api api = node.equals("A") ? a : b;
					String path = "/api/projects/" + project(i) + "/milestones";
					String body = "{\"milestoneId\":\"%s%d\",\"name\":\"Milestone %s%d\",\"plannedOn\":\"2024-06-30\"}"
							.formatted(node, k, node, k);
					writes.add(pool.submit(() -> {
						for (int attempt = 1; ; attempt++) {
							Response r = api.post(path, body);
							statuses.computeIfAbsent(r.status(), s -> new AtomicInteger()).incrementAndGet();
							if (r.status() == 200 || r.status() == 201) {
								accepted.incrementAndGet();
								return null;
							}
							assertThat(r.status()).as("only 2xx or 409: " + r).isEqualTo(409);
							assertThat(r.body()).as("a 409 here is a concurrent change").contains("/problems/conflict");
							conflicts.incrementAndGet();
							assertThat(attempt).as("retries of " + path + " " + body).isLessThan(20);
							Thread.sleep(5L * attempt);
						}
					}));
				}
			}
		}
		for (Future<?> write : writes) {
			write.get(60, TimeUnit.SECONDS);
		}
		pool.shutdown();
		long writeMs = (System.nanoTime() - writeStart) / 1_000_000;

		// 4. exactly the events the accepted writes imply: none lost, none twice
		long expectedEvents = PROJECTS + (long) PROJECTS * 2 * MILESTONES_PER_NODE_AND_PROJECT;
		assertThat(accepted.get()).isEqualTo(PROJECTS * 2 * MILESTONES_PER_NODE_AND_PROJECT);
		assertThat(eventCount(db)).isEqualTo(expectedEvents);
		assertThat(db.queryForObject("select count(distinct (aggregate_identifier, sequence_number)) from domain_event_entry",
				Long.class)).isEqualTo(expectedEvents);
		assertThat(db.queryForList("select aggregate_identifier from domain_event_entry group by aggregate_identifier"
				+ " having count(*) <> max(sequence_number) + 1 or count(*) <> ?", String.class,
				1 + 2 * MILESTONES_PER_NODE_AND_PROJECT)).as("projects with gaps or a wrong number of events").isEmpty();
		assertThat(db.queryForObject("select count(*) from domain_event_entry where payload_type like '%MilestoneRecorded%'",
				Long.class)).isEqualTo((long) PROJECTS * 2 * MILESTONES_PER_NODE_AND_PROJECT);

		// 5. both nodes' queries converge to the same answers (the read models are shared tables, but each node
		// has its own processors, caches and connections)
		awaitTrue(() -> NodeTestConfig.handled("A", "project-status") + NodeTestConfig.handled("B", "project-status")
				>= expectedEvents, 30_000, "project-status handled every event, at least once, on one node or the other");
		for (String query : List.of("/api/projects?size=200", "/api/pipeline", "/api/milestones?projectId=" + project(0))) {
			awaitTrue(() -> {
				String onA = a.get(query).body();
				return onA.equals(b.get(query).body());
			}, 30_000, query + " the same on both nodes");
		}
		// every project at its last version (proposed, then its milestones): "handled" counts an event before its
		// transaction commits, and "the same on both nodes" holds for a moment before the last commit as well
		Response projectsOnB = b.eventually("/api/projects?size=200",
				r -> r.json().path("totalElements").asLong() == PROJECTS && everyVersion(r, 2 * MILESTONES_PER_NODE_AND_PROJECT));
		assertThat(a.get("/api/projects?size=200").body()).isEqualTo(projectsOnB.body());
		assertThat(a.get("/api/pipeline").body()).isEqualTo(b.get("/api/pipeline").body());
		for (int i = 0; i < PROJECTS; i += 7) {
			String milestones = "/api/milestones?projectId=" + project(i);
			Response onA = a.eventually(milestones, r -> r.body().contains("Milestone A2") && r.body().contains("Milestone B2"));
			assertThat(b.get(milestones).body()).isEqualTo(onA.body());
		}
		String handledBefore = handledSummary();
		for (String processor : List.of("project-status", "pipeline", "milestones")) {
			assertThat(NodeTestConfig.handled("A", processor)).as("A handled events of " + processor).isPositive();
			assertThat(NodeTestConfig.handled("B", processor)).as("B handled events of " + processor).isPositive();
		}
		System.out.println("[two-node] " + PROJECTS + " projects, " + accepted.get() + " concurrent milestone writes accepted, "
				+ conflicts.get() + " answered 409 and retried, statuses " + statuses + ", in " + writeMs + " ms");

		// 6. node A dies: its connection pool goes first, so it cannot release its claims; B takes its segments over
		// once they are older than the claim timeout
		String pipelineBefore = b.get("/api/pipeline").body();
		long crash = System.nanoTime();
		nodeA.getBean(com.zaxxer.hikari.HikariDataSource.class).close();
		nodeA.close();
		cluster.stopped(nodeA);
		long crashHandoverMs = awaitAllOwnedBy(db, "B", 30_000, crash);
		writeProjects(b, PROJECTS, 4, "After A died");
		b.eventually("/api/pipeline", r -> !r.body().equals(pipelineBefore));
		System.out.println("[two-node] node A killed (pool closed, claims not released): B owned all " + SEGMENTS
				+ " segments of all " + PROCESSORS.size() + " processors " + crashHandoverMs + " ms later");

		// 7. a new node C joins: the balancer gives it half; then B stops properly and C takes over
		ConfigurableApplicationContext nodeC = start("C", url);
		Api c = new Api(port(nodeC)).as("node-c");
		for (String processor : PROCESSORS) {
			awaitTrue(() -> {
				Map<Integer, String> owners = owners(db, processor);
				return owners.containsValue("B") && owners.containsValue("C") && !owners.containsValue(null);
			}, 30_000, processor + " segments owned by B and C");
		}
		writeProjects(c, PROJECTS + 4, 2, "On C");
		b.eventually("/api/projects?size=200", r -> r.json().path("totalElements").asLong() == PROJECTS + 6);
		long stop = System.nanoTime();
		nodeB.close();
		cluster.stopped(nodeB);
		long stoppedMs = (System.nanoTime() - stop) / 1_000_000;
		long stopHandoverMs = awaitAllOwnedBy(db, "C", 10_000, stop);
		writeProjects(c, PROJECTS + 6, 2, "After B stopped");
		Response projectsOnC = c.eventually("/api/projects?size=200",
				r -> r.json().path("totalElements").asLong() == PROJECTS + 8);
		assertThat(projectsOnC.body()).contains(project(0)).contains(project(PROJECTS + 7));
		long totalEvents = eventCount(db);
		assertThat(totalEvents).isEqualTo(expectedEvents + 16);
		assertThat(db.queryForObject("select count(distinct (aggregate_identifier, sequence_number)) from domain_event_entry",
				Long.class)).isEqualTo(totalEvents);

		System.out.println("[two-node] events written " + totalEvents + " (" + expectedEvents + " by A and B, 16 after);"
				+ " handled per node and processor before A died: " + handledBefore + "at the end: " + handledSummary());
		System.out.println("[two-node] handover: dead node A -> B " + crashHandoverMs + " ms (claim timeout " + CLAIM_TIMEOUT
				+ ", claim interval " + CLAIM_INTERVAL_MS + " ms); node B stopped in " + stoppedMs + " ms -> C "
				+ stopHandoverMs + " ms; " + ownersOfAll(db));
	}

	/** {@code count} new projects, each with one milestone, written through {@code api}; each waits for its view. */
	private static void writeProjects(Api api, int from, int count, String title) {
		for (int i = from; i < from + count; i++) {
			Response proposed = api.post("/api/projects", """
					{"projectId":"%s","title":"%s %d","sector":"21030","region":"Tashkent City","proposedOn":"2024-01-10"}
					""".formatted(project(i), title, i));
			assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
			Response milestone = api.post("/api/projects/" + project(i) + "/milestones",
					"{\"milestoneId\":\"M1\",\"name\":\"%s %d\",\"plannedOn\":\"2024-06-30\"}".formatted(title, i));
			assertThat(milestone.status()).as(milestone.toString()).isEqualTo(200);
		}
		for (int i = from; i < from + count; i++) {
			String name = title + " " + i;
			api.eventually("/api/milestones?projectId=" + project(i), r -> r.body().contains(name));
		}
	}

	/** Waits until {@code node} owns every segment of every processor; the time since {@code since} in ms. */
	private static long awaitAllOwnedBy(JdbcTemplate db, String node, long timeoutMs, long since)
			throws InterruptedException {
		for (String processor : PROCESSORS) {
			awaitTrue(() -> {
				Map<Integer, String> owners = owners(db, processor);
				return owners.size() == SEGMENTS && owners.values().stream().allMatch(node::equals);
			}, timeoutMs, node + " owns every segment of " + processor);
		}
		return (System.nanoTime() - since) / 1_000_000;
	}

	private ConfigurableApplicationContext start(String node, String url) {
		List<String> args = new ArrayList<>(List.of(
				"--tracker.cluster.balance-interval=1s",
				// four segments throughout, shared between the nodes (SegmentsFollowNodesTest: one per node)
				"--tracker.cluster.segments-follow-nodes=false",
				"--axon.eventhandling.tokenstore.claim-timeout=" + CLAIM_TIMEOUT));
		for (String processor : PROCESSORS) {
			String prefix = "--axon.eventhandling.processors." + processor + ".";
			args.add(prefix + "initial-segment-count=" + SEGMENTS);
			args.add(prefix + "thread-count=" + SEGMENTS);
			args.add(prefix + "token-claim-interval=" + CLAIM_INTERVAL_MS);
		}
		return cluster.start(node, url, args);
	}

	private static String project(int i) {
		return "TWO-NODE-%02d".formatted(i);
	}

	private static int port(ConfigurableApplicationContext context) {
		return SharedDatabaseNodes.port(context);
	}

	private static long eventCount(JdbcTemplate db) {
		return db.queryForObject("select count(*) from domain_event_entry", Long.class);
	}

	private static Map<Integer, String> owners(JdbcTemplate db, String processor) {
		Map<Integer, String> owners = new java.util.TreeMap<>();
		db.query("select segment, owner from token_entry where processor_name = ?",
				rs -> {
					owners.put(rs.getInt(1), rs.getString(2));
				}, processor);
		return owners;
	}

	private static Map<String, Map<Integer, String>> ownersOfAll(JdbcTemplate db) {
		Map<String, Map<Integer, String>> all = new java.util.TreeMap<>();
		PROCESSORS.forEach(p -> all.put(p, owners(db, p)));
		return all;
	}

	private static String handledSummary() {
		StringBuilder summary = new StringBuilder();
		for (String processor : PROCESSORS) {
			summary.append(processor).append(" A=").append(NodeTestConfig.handled("A", processor))
					.append(" B=").append(NodeTestConfig.handled("B", processor))
					.append(" C=").append(NodeTestConfig.handled("C", processor)).append("; ");
		}
		return summary.toString();
	}

	private static boolean everyVersion(Response list, long version) {
		for (tools.jackson.databind.JsonNode line : list.json().path("content")) {
			if (line.path("version").asLong() != version) {
				return false;
			}
		}
		return true;
	}

	private static void awaitTrue(BooleanSupplier condition, long timeoutMs, String what) throws InterruptedException {
		long deadline = System.currentTimeMillis() + timeoutMs;
		while (!condition.getAsBoolean()) {
			if (System.currentTimeMillis() > deadline) {
				throw new AssertionError("not within " + timeoutMs + " ms: " + what);
			}
			Thread.sleep(20);
		}
	}
}
