package org.pipelinetracker.postgres;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The segments follow the nodes (messaging.cluster): a node alone merges a processor's four segments (as an older
 * installation has them) into one, a second node makes it split them so each node processes one, and when that node
 * stops the first merges them back. Every event is handled once throughout: the projects and the money written
 * through both nodes are all there, none counted twice.
 */
class SegmentsFollowNodesTest {

	static final List<String> PROCESSORS = List.of("project-status", "pipeline", "milestones", "alerts", "facility-usage",
			"approvals");
	static final BigDecimal EACH = new BigDecimal("250.00");

	private final SharedDatabaseNodes cluster = new SharedDatabaseNodes();

	@AfterEach
	void stopNodes() {
		cluster.stopAll();
	}

	@Test
	void aProcessorHasOneSegmentPerLiveNodeAndHandlesEveryEventOnce() throws Exception {
		String url = cluster.createDatabase();
		JdbcTemplate db = new JdbcTemplate(EmbeddedPostgresServer.server().getDatabase(EmbeddedPostgresServer.USER,
				cluster.database()));

		// an installation whose token rows were made with four segments, on one node: merged into one
		ConfigurableApplicationContext nodeA = start("A", url, 4);
		Api a = new Api(SharedDatabaseNodes.port(nodeA));
		int written = 0;
		for (; written < 10; written++) {
			write(a, written);
		}
		for (String processor : PROCESSORS) {
			awaitOwners(db, processor, owners -> owners.size() == 1 && owners.containsValue("A"), "one segment, A's");
		}
		awaitPipeline(a, written);

		// a second node: the one segment is split and each node processes one half
		ConfigurableApplicationContext nodeB = start("B", url, 1);
		Api b = new Api(SharedDatabaseNodes.port(nodeB));
		for (String processor : PROCESSORS) {
			awaitOwners(db, processor, owners -> owners.size() == 2 && owners.containsValue("A") && owners.containsValue("B"),
					"two segments, one each");
		}
		for (int i = 0; i < 20; i++, written++) {
			write(i % 2 == 0 ? a : b, written);
		}
		awaitPipeline(a, written);
		awaitPipeline(b, written);

		// the second node stops: the first takes its segment and merges the two back into one
		nodeB.close();
		cluster.stopped(nodeB);
		for (String processor : PROCESSORS) {
			awaitOwners(db, processor, owners -> owners.size() == 1 && owners.containsValue("A"), "one segment again, A's");
		}
		for (int i = 0; i < 5; i++, written++) {
			write(a, written);
		}
		awaitPipeline(a, written);
		assertThat(db.queryForObject("select count(*) from pipeline_money", Long.class)).isEqualTo(written);
	}

	private ConfigurableApplicationContext start(String node, String url, int segments) {
		List<String> args = new ArrayList<>(List.of("--tracker.cluster.balance-interval=1s",
				"--axon.eventhandling.tokenstore.claim-timeout=10s"));
		for (String processor : PROCESSORS) {
			String prefix = "--axon.eventhandling.processors." + processor + ".";
			args.add(prefix + "initial-segment-count=" + segments);
			args.add(prefix + "token-claim-interval=1000");
		}
		return cluster.start(node, url, args);
	}

	private static void write(Api node, int i) {
		SharedDatabaseNodes.writeFundedProject(node, "FOLLOW-" + i, "Segments follow nodes");
	}

	/** Every project and its money in the node's pipeline, and still so a moment later (nothing counted twice). */
	private static void awaitPipeline(Api node, int projects) throws InterruptedException {
		BigDecimal committed = EACH.multiply(BigDecimal.valueOf(projects));
		Response pipeline = node.eventually("/api/pipeline", r -> r.json().path("projects").asLong() == projects
				&& r.json().path("committedUsd").decimalValue().compareTo(committed) == 0);
		Thread.sleep(500);
		assertThat(node.get("/api/pipeline").body()).isEqualTo(pipeline.body());
	}

	private static void awaitOwners(JdbcTemplate db, String processor, Predicate<Map<Integer, String>> condition,
			String what) throws InterruptedException {
		long deadline = System.currentTimeMillis() + 60_000;
		Map<Integer, String> owners = owners(db, processor);
		while (!condition.test(owners)) {
			assertThat(System.currentTimeMillis()).as(processor + ": " + what + "; now " + owners).isLessThan(deadline);
			Thread.sleep(50);
			owners = owners(db, processor);
		}
	}

	private static Map<Integer, String> owners(JdbcTemplate db, String processor) {
		Map<Integer, String> owners = new TreeMap<>();
		db.query("select segment, owner from token_entry where processor_name = ?",
				rs -> {
					owners.put(rs.getInt(1), rs.getString(2));
				}, processor);
		return owners;
	}
}
