package org.pipelinetracker.project.query;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.PipelineTrackerApplication;
import org.pipelinetracker.kernel.AuditContext;
import org.pipelinetracker.project.app.ProjectWriteService;
import org.pipelinetracker.project.app.Requests;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database whose project list was written before search in any language (migration V13 adds an empty
 * {@code search_text}; the documents have no texts by language): the project-status projection says it is outdated,
 * the application rebuilds it by itself when it starts ({@code audit.replay.RebuildOnStartup}), and a search by a
 * Cyrillic or Korean spelling of the region then finds the projects. Meanwhile the stored documents read as English.
 */
class ProjectSearchRebuildTest {

	private ConfigurableApplicationContext app;

	@AfterEach
	void stop() {
		if (app != null) {
			app.close();
		}
	}

	@Test
	void aListWithoutSearchTextsIsRebuiltWhenTheApplicationStarts() throws Exception {
		String url = "jdbc:h2:mem:search-rebuild-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		app = start(url);
		ProjectWriteService writes = app.getBean(ProjectWriteService.class);
		AuditContext audit = new AuditContext("rebuild-test", null, null);
		for (int i = 0; i < 3; i++) {
			writes.propose(new Requests.ProposeProjectRequest("SEARCH-" + i, "Water supply " + i, null, "14020",
					"Samarkand", List.of(), null, LocalDate.of(2025, 2, 3), null, null, null, null), audit);
		}
		JdbcTemplate db = app.getBean(JdbcTemplate.class);
		awaitTrue(() -> db.queryForObject("select count(*) from project_view where search_text like '%самарканд%'",
				Long.class) == 3, "the search texts are written");
		app.close();

		// as if the rows had been written by a version without texts by language, then V13 ran
		JdbcTemplate direct = new JdbcTemplate(new DriverManagerDataSource(url, "sa", ""));
		JsonMapper json = JsonMapper.builder().build();
		for (String id : direct.queryForList("select project_id from project_view", String.class)) {
			ObjectNode document = (ObjectNode) json.readTree(
					direct.queryForObject("select document from project_view where project_id = ?", String.class, id));
			document.remove(List.of("language", "texts"));
			direct.update("update project_view set search_text = null, document = ? where project_id = ?",
					json.writeValueAsString(document), id);
			// read while outdated: a stored document without languages is English
			ProjectView old = json.readValue(json.writeValueAsString(document), ProjectView.class).withLanguages();
			assertThat(old.language).isEqualTo("en");
			assertThat(old.texts).containsOnlyKeys("en");
			assertThat(old.texts.get("en").title()).isEqualTo(old.title).startsWith("Water supply ");
		}

		app = start(url);
		JdbcTemplate restarted = app.getBean(JdbcTemplate.class);
		ProjectViews views = app.getBean(ProjectViews.class);
		awaitTrue(() -> restarted.queryForObject("select count(*) from project_view where search_text is null", Long.class) == 0
				&& views.list(new ProjectFilter(null, null, null, List.of("사마르칸트")), 0, 10).totalElements() == 3,
				"the project list is rebuilt by the start-up check");
		assertThat(views.list(new ProjectFilter(null, null, null, List.of("самарканд", "2")), 0, 10).content())
				.extracting(ProjectSummary::projectId).containsExactly("SEARCH-2");
		assertThat(views.stored("SEARCH-0").orElseThrow().texts.get("en").title()).isEqualTo("Water supply 0");
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
