package org.pipelinetracker.messaging;

import org.pipelinetracker.kernel.AuditContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.axonframework.common.caching.Cache;
import org.pipelinetracker.PipelineTrackerApplication;
import org.pipelinetracker.project.api.AgreementType;
import org.pipelinetracker.project.api.FundingSource;
import org.pipelinetracker.project.query.ProjectTimeline;
import org.pipelinetracker.project.query.ProjectView;
import org.pipelinetracker.project.app.ProjectWriteService;
import org.pipelinetracker.project.app.Requests;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The aggregate cache with two nodes on one database: node A's cached project goes stale when node B writes to it.
 * A's next command is refused by the event store (a conflict, nothing stored), its cache entry is evicted, and the
 * command is sent again (the gateway's retry of lost races) and succeeds on top of B's write: no update is lost.
 */
class StaleAggregateCacheTest {

	private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

	@AfterEach
	void stop() {
		nodes.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void aConflictOnAStaleCachedAggregateEvictsItAndTheRetryLosesNothing() {
		String url = "jdbc:h2:mem:stale-cache-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		ConfigurableApplicationContext nodeA = node(url, "node-a");
		ProjectWriteService a = nodeA.getBean(ProjectWriteService.class);
		ProjectWriteService b = node(url, "node-b").getBean(ProjectWriteService.class);
		Cache cacheOfA = nodeA.getBean("projectCache", Cache.class);
		AuditContext audit = new AuditContext("cache-test", null, null);
		LocalDate proposed = LocalDate.of(2025, 1, 10);
		String id = "CACHE-STALE-1";

		a.propose(new Requests.ProposeProjectRequest(id, "Stale cache", null, "21030", "Tashkent", List.of(), null,
				proposed, null, null, null, null), audit);
		a.signAgreement(id, new Requests.SignAgreementRequest("L1", AgreementType.LOAN, proposed.plusDays(1), List.of(),
				null, null, null), audit); // A now holds the project in its cache at version 2
		b.recordMilestone(id, new Requests.MilestoneRequest("M1", "Site handed over", proposed.plusDays(30), null, null,
				null, null), audit); // B appends version 3 (and caches it)
		assertThat(cacheOfA.containsKey(id)).as("A's copy, at version 2, is stale now").isTrue();

		Requests.FundingRequest funding = new Requests.FundingRequest("K1", FundingSource.KOICA_GRANT, "KOICA",
				new Requests.MoneyRequest(new BigDecimal("1000.00"), "USD"), proposed.plusDays(2), null, null, null);
		// decided on the stale copy, its events (3, 4) are refused by the event store's key; the rollback evicts the
		// copy and the gateway sends the command again, on the stored history: 4 and 5
		assertThat(a.commitFunding(id, funding, audit).version()).isEqualTo(5);
		// and the same the other way round: B's copy (version 3) is stale now
		assertThat(b.recordMilestone(id, new Requests.MilestoneRequest("M1", null, null, proposed.plusDays(40), null,
				null, null), audit).version()).isEqualTo(6);

		JdbcTemplate jdbc = nodes.get(0).getBean(JdbcTemplate.class);
		assertThat(jdbc.queryForList("select sequence_number from domain_event_entry where aggregate_identifier = ?"
				+ " order by sequence_number", Long.class, id)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
		ProjectView view = nodes.get(1).getBean(ProjectTimeline.class).view(id, null, null).orElseThrow();
		assertThat(view.milestones).as("B's writes are kept").hasSize(1);
		assertThat(view.milestones.get(0).achievedOn()).isEqualTo(proposed.plusDays(40));
		assertThat(view.fundings).as("A's write is stored once").hasSize(1);
	}

	private ConfigurableApplicationContext node(String url, String name) {
		ConfigurableApplicationContext node = new SpringApplicationBuilder(PipelineTrackerApplication.class)
				.profiles("test")
				.run("--spring.datasource.url=" + url, "--server.port=0", "--tracker.node-id=" + name,
						"--spring.main.banner-mode=off", "--tracker.aggregate-cache.size=100");
		nodes.add(node);
		return node;
	}
}
