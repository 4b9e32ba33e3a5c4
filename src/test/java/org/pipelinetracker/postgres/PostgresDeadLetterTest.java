package org.pipelinetracker.postgres;

import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On PostgreSQL a failed SQL statement aborts the whole transaction ("current transaction is aborted, commands
 * ignored until end of transaction block"), unlike H2. A projection whose SQL fails must still get its event parked
 * in the dead-letter queue, and the other events of the same batch must still be applied. The SQL error is made
 * without touching code: a check constraint that the projection's insert violates.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tracker.test.context=postgres-dlq")
@ActiveProfiles({"test", "pg"})
class PostgresDeadLetterTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aProjectionWhoseSqlFailsHasItsEventParkedAndTheOthersApplied() {
		Api api = new Api(port).as("ops");
		assertThat(api.post("/api/projects", """
				{"projectId":"PG-DLQ","title":"Poisoned","sector":"21030","region":"Tashkent City","proposedOn":"2024-01-10"}
				""").status()).isEqualTo(201);
		jdbc.execute("alter table milestone_view add constraint ck_test_poison check (name <> 'POISON')");
		try {
			assertThat(api.post("/api/projects/PG-DLQ/milestones",
					"{\"milestoneId\":\"M1\",\"name\":\"POISON\",\"plannedOn\":\"2024-06-30\"}").status()).isEqualTo(200);
			// the report lists, then counts: a letter parked in between is counted before it is listed, so wait for both
			Response parked = api.eventually("/api/admin/dead-letters",
					r -> r.json().path("total").asLong() == 1 && r.body().contains("MilestoneRecordedEvent"));
			assertThat(parked.body()).contains("PG-DLQ").contains("MilestoneRecordedEvent");
			assertThat(api.post("/api/projects/PG-DLQ/milestones",
					"{\"milestoneId\":\"M2\",\"name\":\"Fine\",\"plannedOn\":\"2024-07-30\"}").status()).isEqualTo(200);
			api.eventually("/api/admin/dead-letters", r -> r.json().path("total").asLong() == 2);
			assertThat(api.post("/api/projects", """
					{"projectId":"PG-DLQ-2","title":"Healthy","sector":"21030","region":"Tashkent City","proposedOn":"2024-01-10"}
					""").status()).isEqualTo(201);
			assertThat(api.post("/api/projects/PG-DLQ-2/milestones",
					"{\"milestoneId\":\"M1\",\"name\":\"Healthy milestone\",\"plannedOn\":\"2024-06-30\"}").status()).isEqualTo(200);
			api.eventually("/api/milestones?projectId=PG-DLQ-2", r -> r.body().contains("Healthy milestone"));
		}
		finally {
			jdbc.execute("alter table milestone_view drop constraint ck_test_poison");
		}
		Response retry = api.post("/api/admin/dead-letters/milestones/retry", "");
		assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
		api.eventually("/api/milestones?projectId=PG-DLQ", r -> r.body().contains("POISON") && r.body().contains("Fine"));
	}
}
