package org.pipelinetracker.project;

import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a snapshot every few events, the aggregate loaded from a snapshot plus the later events enforces the same
 * rules as one rebuilt from the whole stream: ids stay unique and no more is disbursed than committed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tracker.snapshot.threshold=3")
@ActiveProfiles("test")
class SnapshotTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void anAggregateLoadedFromASnapshotKeepsEnforcingTheRules() {
		Api api = new Api(port);
		String base = "/api/projects/SNAP-1";
		assertThat(api.post("/api/projects", """
				{"projectId":"SNAP-1","title":"Khiva water supply","sector":"14020","region":"Khorezm","proposedOn":"2024-01-01"}
				""").status()).isEqualTo(201);
		assertThat(api.post(base + "/agreements", "{\"agreementId\":\"L1\",\"type\":\"LOAN\",\"signedOn\":\"2024-02-01\"}")
				.status()).isEqualTo(200);
		assertThat(api.post(base + "/fundings/eximbank",
				"{\"fundingId\":\"EDCF-1\",\"instrument\":\"EDCF_LOAN\",\"amount\":{\"amount\":\"1000.00\",\"currency\":\"USD\"},\"committedOn\":\"2024-03-01\"}")
				.status()).isEqualTo(200);
		for (int i = 1; i <= 4; i++) {
			assertThat(api.post(base + "/disbursements", "{\"fundingId\":\"EDCF-1\",\"amount\":{\"amount\":\"200\",\"currency\":\"USD\"},\"disbursedOn\":\"2024-0"
					+ (i + 3) + "-01\"}").status()).isEqualTo(200);
		}

		List<byte[]> snapshots = jdbc.queryForList(
				"select payload from snapshot_event_entry where aggregate_identifier = 'SNAP-1'", byte[].class);
		assertThat(snapshots).as("a snapshot was taken").isNotEmpty();
		String snapshot = new String(snapshots.get(snapshots.size() - 1), StandardCharsets.UTF_8);
		assertThat(snapshot).contains("\"stage\":\"FINANCED\"").contains("EDCF-1").contains("\"L1\"");
		// the snapshot carries the aggregate's revision, so Axon's revision filter loads it (one of another revision, a
		// snapshot taken before the state kept the planned dates or the entries waiting for approval, is skipped and the
		// project loaded from its events)
		assertThat(jdbc.queryForList("select payload_revision from snapshot_event_entry where aggregate_identifier = 'SNAP-1'",
				String.class)).containsOnly("2");

		// state that only survives through the snapshot: the agreement id, the funding, what was disbursed
		assertThat(api.post(base + "/agreements", "{\"agreementId\":\"L1\",\"type\":\"LOAN\",\"signedOn\":\"2024-02-02\"}")
				.status()).isEqualTo(409);
		Api.Response over = api.post(base + "/disbursements",
				"{\"fundingId\":\"EDCF-1\",\"amount\":{\"amount\":\"200.01\",\"currency\":\"USD\"},\"disbursedOn\":\"2024-09-01\"}");
		assertThat(over.status()).isEqualTo(409);
		assertThat(over.json().path("detail").asString()).contains("at most USD 200.00 remains");
		assertThat(api.post(base + "/disbursements",
				"{\"fundingId\":\"EDCF-1\",\"amount\":{\"amount\":\"200.00\",\"currency\":\"USD\"},\"disbursedOn\":\"2024-09-01\"}")
				.status()).isEqualTo(200);
		assertThat(api.post(base + "/start", "{\"on\":\"2024-03-15\"}").status()).isEqualTo(200);
		assertThat(api.get(base).json().path("stage").asString()).isEqualTo("IMPLEMENTATION");
		assertThat(api.get(base).json().path("disbursedByCurrency").path("USD").decimalValue())
				.isEqualByComparingTo("1000");
	}
}
