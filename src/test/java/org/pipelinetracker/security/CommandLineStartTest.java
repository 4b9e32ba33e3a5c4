package org.pipelinetracker.security;

import org.junit.jupiter.api.Test;
import org.pipelinetracker.PipelineTrackerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.web.SecurityFilterChain;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command-line IATI import runs without a web server ({@code --spring.main.web-application-type=none}): the
 * security module must not stop that application from starting.
 */
class CommandLineStartTest {

	@Test
	void theApplicationStartsWithoutAWebServer() {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PipelineTrackerApplication.class).run(
				"--spring.main.web-application-type=none",
				"--spring.datasource.url=jdbc:h2:mem:no-web-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
				"--spring.jmx.enabled=false",
				"--tracker.seed.enabled=false")) {
			assertThat(app.isActive()).isTrue();
			assertThat(app.getBeanNamesForType(SecurityFilterChain.class)).isEmpty();
		}
	}
}
