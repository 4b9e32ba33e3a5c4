package org.pipelinetracker.postgres;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.pipelinetracker.ui.SseClient;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web UI's change stream with two application nodes on one PostgreSQL: a page connected to node A is told about
 * every write made on node B (and on A), with each project's latest version, because the stream is derived from the
 * shared event store, not from one node's memory. Writes race on both nodes, so global indexes may become visible out
 * of order; none is missed.
 */
class TwoNodeChangeStreamTest {

	static final int PROJECTS = 12;
	static final int MILESTONES = 3;

	private final SharedDatabaseNodes cluster = new SharedDatabaseNodes();

	@AfterEach
	void stopNodes() {
		cluster.stopAll();
	}

	@Test
	void aPageOnOneNodeHearsOfEveryWriteMadeOnEitherNode() throws Exception {
		String url = cluster.createDatabase();
		ConfigurableApplicationContext nodeA = start("A", url);
		ConfigurableApplicationContext nodeB = start("B", url);
		Api a = new Api(port(nodeA)).as("recorder");
		Api b = new Api(port(nodeB)).as("recorder");

		try (SseClient page = SseClient.connect(port(nodeA))) {
			assertThat(page.status()).isEqualTo(200);
			page.await(e -> e.name().equals("hello"), 10, "hello");

			// every project proposed on B, then milestones written from both nodes at once
			for (int i = 0; i < PROJECTS; i++) {
				assertThat(b.post("/api/projects", proposal(i)).status()).isEqualTo(201);
			}
			ExecutorService pool = Executors.newFixedThreadPool(6);
			try {
				List<Future<?>> writes = new ArrayList<>();
				for (int i = 0; i < PROJECTS; i++) {
					for (int m = 0; m < MILESTONES; m++) {
						Api node = (i + m) % 2 == 0 ? a : b;
						String path = "/api/projects/" + id(i) + "/milestones";
						String body = "{\"milestoneId\":\"M" + m + "\",\"name\":\"Milestone " + m + "\",\"plannedOn\":\"2026-0" + (m + 1) + "-15\"}";
						writes.add(pool.submit(() -> {
							// a concurrent write to the same project may be refused with 409: the client retries
							for (int attempt = 0; attempt < 20; attempt++) {
								Api.Response response = node.post(path, body);
								if (response.status() == 200) {
									return;
								}
								assertThat(response.status()).as(response.toString()).isEqualTo(409);
							}
							throw new AssertionError("write kept conflicting: " + path);
						}));
					}
				}
				for (Future<?> write : writes) {
					write.get();
				}
			}
			finally {
				pool.shutdown();
			}

			// node A's stream names every project, up to its final version (proposal 0 + one event per milestone)
			Map<String, Long> latest = new HashMap<>();
			while (latest.size() < PROJECTS || latest.values().stream().anyMatch(v -> v < MILESTONES)) {
				SseClient.Event change = page.await(e -> e.name().equals("change"), 15,
						"changes for every project; so far " + latest);
				change.json().path("versions").properties()
						.forEach(entry -> latest.merge(entry.getKey(), entry.getValue().asLong(), Math::max));
			}
			for (int i = 0; i < PROJECTS; i++) {
				assertThat(latest).containsEntry(id(i), (long) MILESTONES);
			}
		}
	}

	static String id(int i) {
		return "SSE-NODES-" + i;
	}

	static String proposal(int i) {
		return """
				{"projectId":"%s","title":"Project %d","sector":"21030","region":"Khorezm","proposedOn":"2025-01-10"}
				""".formatted(id(i), i);
	}

	private ConfigurableApplicationContext start(String node, String url) {
		return cluster.start(node, url, List.of("--tracker.ui.stream.poll-interval=200ms"));
	}

	private static int port(ConfigurableApplicationContext node) {
		return SharedDatabaseNodes.port(node);
	}
}
