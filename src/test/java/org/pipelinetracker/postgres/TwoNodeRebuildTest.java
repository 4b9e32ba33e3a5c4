package org.pipelinetracker.postgres;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild on one node while the other serves and writes: two application nodes on one PostgreSQL (each holding
 * some of every projection's segments), every read model rebuilt through node A while projects are written through
 * node B; both nodes answer with every project throughout, and afterwards with exactly the projects and money
 * written, none lost and none counted twice, and the consistency check finds no difference.
 */
class TwoNodeRebuildTest {

	static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
	static final int BEFORE = 60;
	static final int DURING = 15;

	private final SharedDatabaseNodes cluster = new SharedDatabaseNodes();

	@AfterEach
	void stopNodes() {
		cluster.stopAll();
	}

	@Test
	void aRebuildOnOneNodeWhileTheOtherServesAndWritesLosesNothingAndCountsNothingTwice() {
		String url = cluster.createDatabase();
		ConfigurableApplicationContext nodeA = cluster.start("A", url, List.of());
		ConfigurableApplicationContext nodeB = cluster.start("B", url, List.of());
		Api a = new Api(SharedDatabaseNodes.port(nodeA));
		Api b = new Api(SharedDatabaseNodes.port(nodeB));
		for (int i = 0; i < BEFORE; i++) {
			write(i % 2 == 0 ? a : b, "TWO-REBUILD-" + i);
		}
		BigDecimal each = new BigDecimal("250.00");
		for (Api node : List.of(a, b)) {
			eventually(node, "/api/pipeline", p -> p.path("projects").asLong() == BEFORE
					&& p.path("committedUsd").decimalValue().compareTo(each.multiply(BigDecimal.valueOf(BEFORE))) == 0);
		}

		Response started = a.post("/api/admin/replay", "");
		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		int written = 0;
		long fewestSeen = Long.MAX_VALUE;
		while (written < DURING) {
			write(b, "TWO-REBUILD-NEW-" + written);
			written++;
			for (Api node : List.of(a, b)) {
				fewestSeen = Math.min(fewestSeen, json(node.get("/api/pipeline")).path("projects").asLong());
			}
		}
		JsonNode done = eventually(a, "/api/admin/replay", s -> !s.path("state").asString().equals("RUNNING"));
		assertThat(done.path("state").asString()).as(done.toString()).isEqualTo("COMPLETED");
		assertThat(fewestSeen).as("both nodes answered with every project during the rebuild").isGreaterThanOrEqualTo(BEFORE);

		int total = BEFORE + DURING;
		BigDecimal committed = each.multiply(BigDecimal.valueOf(total));
		for (Api node : List.of(a, b)) {
			JsonNode pipeline = eventually(node, "/api/pipeline", p -> p.path("projects").asLong() == total
					&& p.path("committedUsd").decimalValue().compareTo(committed) == 0);
			assertThat(pipeline.path("committedUsd").decimalValue()).isEqualByComparingTo(committed);
			assertThat(json(node.get("/api/projects/TWO-REBUILD-NEW-" + (DURING - 1))).path("fundings")).hasSize(1);
		}
		// a little later still the same: no batch of the old tables landed on top of the rebuilt ones
		sleep(1_000);
		assertThat(json(b.get("/api/pipeline")).path("committedUsd").decimalValue()).isEqualByComparingTo(committed);
		// the swap claims every segment for node A (so a batch B had in flight for the old tables rolls back); the
		// segments B processes resume once that claim times out (claim-timeout, 10 s): until then their rows may lag
		// and a check in those seconds can report them (docs/architecture/known-gaps.md). Nothing may be lost or
		// counted twice: the check must come out consistent once they have resumed.
		JsonNode verified = eventually(a, "/api/audit/verify", v -> v.path("settled").asBoolean()
				&& v.path("projectionsConsistent").asBoolean());
		assertThat(verified.path("projectionsConsistent").asBoolean()).as(verified.toString()).isTrue();
	}

	private static void write(Api node, String id) {
		SharedDatabaseNodes.writeFundedProject(node, id, "Rebuilt on two nodes");
	}

	private static JsonNode json(Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return JSON.readTree(response.body());
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}

	private static JsonNode eventually(Api node, String path, Predicate<JsonNode> condition) {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
		JsonNode last = json(node.get(path));
		while (!condition.test(last)) {
			assertThat(Instant.now()).as(path + ": " + last).isBefore(deadline);
			sleep(100);
			last = json(node.get(path));
		}
		return last;
	}
}
