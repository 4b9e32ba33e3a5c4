package org.pipelinetracker.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pipelinetracker.PipelineTrackerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A node started on an H2 file that is mostly dead space compacts it before it opens it, and serves from it. */
class H2FileCompactionAtStartTest {

	@TempDir
	Path directory;

	@Test
	void aNodeCompactsItsMostlyDeadH2FileBeforeUsingIt() throws Exception {
		String url = "jdbc:h2:file:" + directory.resolve("tracker") + ";AUTO_SERVER=FALSE;WRITE_DELAY=0";
		SchemaMigrations.migrateH2(new DriverManagerDataSource(url, "sa", ""));
		H2FileCompactionTest.writeOneRowPerCommit(url, 3_000);
		Path file = H2FileCompaction.fileOf(url);
		long before = Files.size(file);

		try (ConfigurableApplicationContext node = new SpringApplicationBuilder(PipelineTrackerApplication.class)
				.profiles("test")
				.run("--spring.datasource.url=" + url, "--server.port=0", "--spring.main.banner-mode=off",
						"--tracker.h2.compact-min-size=1MB")) {
			assertThat(Files.size(file)).as("compacted before the node opened it").isLessThan(before / 5);
			JdbcTemplate jdbc = node.getBean(JdbcTemplate.class);
			assertThat(jdbc.queryForObject("select count(*) from entry", Long.class)).isEqualTo(3_000);
			assertThat(jdbc.queryForObject("select count(*) from \"flyway_schema_history\" where \"success\"",
					Long.class)).as("the node migrated and validated its schema on the compacted file").isPositive();
		}
	}
}
