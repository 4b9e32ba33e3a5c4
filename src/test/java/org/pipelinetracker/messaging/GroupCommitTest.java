package org.pipelinetracker.messaging;

import org.pipelinetracker.kernel.AuditContext;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.project.api.AgreementType;
import org.pipelinetracker.project.api.CommandRejectedException;
import org.pipelinetracker.project.app.ProjectWriteService;
import org.pipelinetracker.project.app.Requests;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Group commit: commands sent at the same time by many callers are stored together in shared transactions; a
 * refused command is answered with its own refusal and stores nothing, while the commands grouped with it are stored
 * exactly once.
 */
@SpringBootTest(properties = "tracker.seed.enabled=false")
@ActiveProfiles("test")
class GroupCommitTest {

	private static final int CLIENTS = 12;
	private static final int PROJECTS_PER_CLIENT = 15;

	@Autowired
	ProjectWriteService writes;

	@Autowired
	GroupCommitCommandBus bus;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void concurrentCommandsShareCommitsAndARefusalReachesOnlyItsCaller() throws Exception {
		long groupedBefore = bus.groupedCommands();
		AuditContext audit = new AuditContext("group-commit-test", null, null);
		LocalDate proposed = LocalDate.of(2025, 3, 1);
		Map<String, Throwable> refusals = new ConcurrentHashMap<>();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		List<Future<?>> done = new ArrayList<>();
		for (int c = 0; c < CLIENTS; c++) {
			int client = c;
			done.add(clients.submit(() -> {
				start.await();
				for (int p = 0; p < PROJECTS_PER_CLIENT; p++) {
					String id = "GC-" + client + "-" + p;
					writes.propose(new Requests.ProposeProjectRequest(id, "Group commit " + id, null, "21030",
							"Tashkent", List.of(), null, proposed, null, null, null, null), audit);
					if (p % 5 == 0) {
						// refused by the aggregate: the project has no funding 'K9'
						try {
							writes.recordDisbursement(id, new Requests.DisbursementRequest("K9",
									new Requests.MoneyRequest(new BigDecimal("10.00"), "USD"), proposed.plusDays(3),
									null, null), audit);
						}
						catch (CommandRejectedException refused) {
							refusals.put(id, refused);
						}
					}
					writes.signAgreement(id, new Requests.SignAgreementRequest("L-" + id, AgreementType.LOAN,
							proposed.plusDays(1), List.of(), null, null, null), audit);
				}
				return null;
			}));
		}
		start.countDown();
		for (Future<?> f : done) {
			f.get(2, TimeUnit.MINUTES);
		}
		clients.shutdown();

		int projects = CLIENTS * PROJECTS_PER_CLIENT;
		assertThat(refusals).as("every refused disbursement was answered with its own refusal")
				.hasSize(projects / 5);
		assertThat(refusals.values()).allSatisfy(r -> assertThat(r).hasMessageContaining("no funding 'K9'"));
		// proposed (1) + agreement signed and stage changed (2) per project, nothing from the refusals, nothing twice
		List<Map<String, Object>> counts = jdbc.queryForList("select aggregate_identifier, count(*) n,"
				+ " count(distinct sequence_number) d, max(sequence_number) m from domain_event_entry"
				+ " where aggregate_identifier like 'GC-%' group by aggregate_identifier");
		assertThat(counts).hasSize(projects);
		assertThat(counts).allSatisfy(row -> {
			assertThat(((Number) row.get("N")).longValue()).isEqualTo(3);
			assertThat(((Number) row.get("D")).longValue()).isEqualTo(3);
			assertThat(((Number) row.get("M")).longValue()).isEqualTo(2);
		});
		assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier like 'GC-%'"
				+ " and payload_type like '%DisbursementRecordedEvent'", Long.class)).isZero();
		assertThat(bus.groupedCommands() - groupedBefore).as("commands stored in groups of more than one")
				.isPositive();
	}
}
