package org.pipelinetracker.pipeline;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.PipelineTrackerApplication;
import org.pipelinetracker.project.api.AgreementType;
import org.pipelinetracker.project.api.FundingSource;
import org.pipelinetracker.project.app.ProjectWriteService;
import org.pipelinetracker.project.app.Requests;
import org.pipelinetracker.kernel.AuditContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database whose pipeline facts were projected before the summary existed (what V11 marks UNBUILT): the
 * application rebuilds the summary by itself when it starts, and the default pipeline is then read from it with
 * exactly the answer of the full computation.
 */
class PipelineSummaryRebuildTest {

	private ConfigurableApplicationContext app;

	@AfterEach
	void stop() {
		if (app != null) {
			app.close();
		}
	}

	@Test
	void anUnbuiltSummaryIsRebuiltWhenTheApplicationStarts() throws Exception {
		String url = "jdbc:h2:mem:summary-rebuild-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		app = start(url);
		ProjectWriteService writes = app.getBean(ProjectWriteService.class);
		AuditContext audit = new AuditContext("rebuild-test", null, null);
		LocalDate proposed = LocalDate.of(2025, 2, 3);
		for (int i = 0; i < 3; i++) {
			String id = "REBUILD-" + i;
			writes.propose(new Requests.ProposeProjectRequest(id, "Rebuild " + i, null, "21030", "Tashkent", List.of(),
					null, proposed, null, null, null, null), audit);
			writes.signAgreement(id, new Requests.SignAgreementRequest("A-" + i, AgreementType.GRANT, proposed.plusDays(1),
					List.of(), null, null, null), audit);
			writes.commitFunding(id, new Requests.FundingRequest("K-" + i, FundingSource.KOICA_GRANT, "KOICA",
					new Requests.MoneyRequest(new BigDecimal("1000.50").multiply(BigDecimal.valueOf(i + 1)), "USD"),
					proposed.plusDays(2), null, null, null), audit);
		}
		JdbcTemplate db = app.getBean(JdbcTemplate.class);
		awaitTrue(() -> db.queryForObject("select count(*) from pipeline_money", Long.class) == 3,
				"the pipeline facts are projected");
		app.close();

		// as if these facts had been projected by a version without the summary, then V11 ran
		JdbcTemplate direct = new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""));
		direct.update("delete from pipeline_summary_line");
		direct.update("delete from pipeline_summary_project");
		direct.update("update pipeline_summary_state set rates = ? where id = 1", PipelineSummary.UNBUILT);

		app = start(url);
		JdbcTemplate restarted = app.getBean(JdbcTemplate.class);
		PipelineQueries queries = app.getBean(PipelineQueries.class);
		awaitTrue(() -> queries.summarised() != null
				&& queries.summarised().projects() == 3
				&& !PipelineSummary.UNBUILT.equals(PipelineSummary.read(restarted).rates()),
				"the summary is rebuilt by the start-up check");
		PipelineQueries.Pipeline summarised = queries.summarised();
		assertThat(summarised).usingRecursiveComparison().isEqualTo(queries.computed(null, null));
		assertThat(summarised.committedUsd()).isEqualByComparingTo("6003.00");
	}

	private static ConfigurableApplicationContext start(String url) {
		return new SpringApplicationBuilder(PipelineTrackerApplication.class)
				.profiles("test")
				.run("--spring.datasource.url=" + url, "--server.port=0", "--spring.main.banner-mode=off",
						"--tracker.seed.enabled=false");
	}

	private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
		long deadline = System.nanoTime() + 30_000_000_000L;
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime() < deadline).as(what + " within 30 s").isTrue();
			Thread.sleep(100);
		}
	}
}
