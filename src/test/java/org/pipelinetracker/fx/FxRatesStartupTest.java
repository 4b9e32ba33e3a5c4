package org.pipelinetracker.fx;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code tracker.fx.rates-file} property, and start-up failing on a file users must fix.
 */
class FxRatesStartupTest {

	@TempDir
	Path dir;

	final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(FxRates.class);

	@Test
	void loadsTheFileNamedByTheProperty() throws IOException {
		Path file = Files.writeString(dir.resolve("rates.csv"), "date,currency,units_per_usd,source\n"
				+ "2025-01-01,KRW,1400,test\n");

		context.withPropertyValues("tracker.fx.rates-file=" + file).run(started -> {
			assertThat(started).hasNotFailed();
			assertThat(started.getBean(FxRates.class).all()).extracting(FxRate::currency).containsExactly("KRW");
		});
	}

	@Test
	void failsStartUpNamingTheBadLine() throws IOException {
		Path file = Files.writeString(dir.resolve("rates.csv"), "date,currency,units_per_usd,source\n"
				+ "2025-01-01,KRW,-1400,test\n");

		context.withPropertyValues("tracker.fx.rates-file=" + file).run(started -> {
			assertThat(started).hasFailed();
			assertThat(started.getStartupFailure()).rootCause().isInstanceOf(InvalidFxRatesException.class)
					.hasMessageContaining("line 2: units_per_usd must be greater than zero (got '-1400')");
		});
	}
}
