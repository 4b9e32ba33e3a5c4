package org.pipelinetracker.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * The benchmark's parameters, from system properties ({@code -Dbench.*}, passed through by the {@code bench} Maven
 * profile).
 *
 * @param events N: events in the store for the replay, query and startup phases
 * @param databases {@code h2}, {@code postgres} or both ({@code -Dbench.db=both})
 * @param runs repetitions of every measurement; the medians are reported
 * @param warmupSeconds per ingestion measurement, not counted
 * @param measureSeconds per ingestion measurement
 * @param queries requests per query type and run (after {@code queryWarmup}), at most {@code queryMaxSeconds} each
 * @param rawRows event rows copied for the raw insert ceiling
 * @param baseline whether to measure the default-Axon baseline
 * @param startup whether to measure startup time in a fresh JVM
 * @param ingest whether to measure ingestion and the raw insert ceiling ({@code false}: only the N-event phases)
 * @param oursArgs extra {@code --name=value} settings for "ours" (to measure one lever at a time), e.g.
 * {@code -Dbench.ours.args="--tracker.aggregate-cache.size=0"}
 * @param iatiMb the size of the IATI file the import phase builds, parses alone and imports ({@code -Dbench.iati.mb},
 * default 100; 0: no import phase)
 * @param jitSettle whether each query type's warm-up goes on after {@code queryWarmup} requests until the JIT has
 * settled ({@link JitWarmup}; {@code -Dbench.query.jit-settle}, default true)
 */
record BenchConfig(long events, List<String> databases, int runs, int warmupSeconds, int measureSeconds, int queries,
		int queryWarmup, int queryMaxSeconds, int rawRows, boolean baseline, boolean startup, String user,
		String password, Path out, List<Integer> clients, boolean ingest, List<String> oursArgs, int iatiMb,
		boolean jitSettle) {

	static BenchConfig fromSystemProperties() {
		String db = System.getProperty("bench.db", "h2").trim().toLowerCase();
		List<String> databases = switch (db) {
			case "both", "all", "h2,postgres" -> List.of("h2", "postgres");
			case "postgres", "pg" -> List.of("postgres");
			case "h2" -> List.of("h2");
			default -> throw new IllegalArgumentException("bench.db must be h2, postgres or both, not '" + db + "'");
		};
		return new BenchConfig(
				Long.parseLong(prop("bench.events", "100000")),
				databases,
				Integer.parseInt(prop("bench.runs", "3")),
				Integer.parseInt(prop("bench.warmup.seconds", "5")),
				Integer.parseInt(prop("bench.measure.seconds", "10")),
				Integer.parseInt(prop("bench.queries", "2000")),
				Integer.parseInt(prop("bench.query.warmup", "100")),
				Integer.parseInt(prop("bench.query.max-seconds", "15")),
				Integer.parseInt(prop("bench.raw.rows", "50000")),
				Boolean.parseBoolean(prop("bench.baseline", "true")),
				Boolean.parseBoolean(prop("bench.startup", "true")),
				prop("bench.http.user", "admin"),
				prop("bench.http.password", "admin-demo"),
				Path.of(prop("bench.out", "target/bench")),
				List.of(1, 8),
				Boolean.parseBoolean(prop("bench.ingest", "true")),
				prop("bench.ours.args", "").isBlank() ? List.of() : List.of(prop("bench.ours.args", "").split("\\s+")),
				Integer.parseInt(prop("bench.iati.mb", "100")),
				Boolean.parseBoolean(prop("bench.query.jit-settle", "true")));
	}

	/**
	 * The smoke test's tiny configuration: no IATI import phase (IatiImportBenchTest runs it small), and a warm-up of
	 * five requests per query type without waiting for the JIT.
	 */
	static BenchConfig smoke(Path out) {
		return new BenchConfig(600, List.of("h2"), 1, 1, 1, 20, 5, 5, 500, true, true, "admin", "admin-demo", out,
				List.of(1, 8), true, List.of(), 0, false);
	}

	/** The {@code Authorization} header of every HTTP request the benchmark sends: Basic, with user and password. */
	String basicAuth() {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	private static String prop(String name, String fallback) {
		String value = System.getProperty(name);
		return value == null || value.isBlank() ? fallback : value.trim();
	}
}
