package org.pipelinetracker.bench;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The full benchmark: run by {@code ./mvnw -Pbench verify} only (profile {@code bench} in pom.xml: a forked JVM with
 * -Xmx512m, every other test skipped). Parameters: {@code -Dbench.events=N -Dbench.db=h2|postgres|both
 * -Dbench.runs=R ...} (see {@link BenchConfig}).
 */
class BenchmarkRun {

	@Test
	void benchmark() throws Exception {
		Map<String, Object> results = Benchmark.run(BenchConfig.fromSystemProperties());
		assertThat(results).containsKeys("machine", "jvm", "git_commit", "parameters");
	}
}
