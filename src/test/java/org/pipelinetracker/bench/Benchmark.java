package org.pipelinetracker.bench;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.serialization.Serializer;
import org.pipelinetracker.PipelineTrackerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The benchmark of issue 9, in one JVM (the one {@code ./mvnw -Pbench verify} forks with {@code -Xmx512m}), on each
 * database asked for:
 * <ol>
 * <li>ingestion: the {@link Workload} mix with 1 and 8 clients, in process (write service → command gateway) and over
 * HTTP, on the production configuration ("ours") and on a deliberately default Axon configuration ("baseline",
 * profile {@code bench-baseline}), each on a database of its own, alternating run by run;</li>
 * <li>the raw insert ceiling: the event rows ours wrote, inserted again with batched JDBC into a copy of the event
 * table in the same database;</li>
 * <li>N events bulk-loaded through the raw path (the workload's events serialized by the application's serializer)
 * into a fresh database, then: a replay of all projections (token reset) and the raw read ceiling (read and
 * deserialize every row on one thread); query latency over HTTP; startup time to first request in a fresh JVM.</li>
 * <li>the IATI import ({@link IatiImportBench}, when {@code bench.iati.mb} &gt; 0): a file of that size built from
 * the example activities, parsed alone (the ceiling), then imported into a fresh database.</li>
 * </ol>
 * Every measurement is repeated {@code runs} times and the median reported; latencies are HdrHistogram percentiles
 * of the measured window only (warm-up excluded). Results: {@code results.json}, {@code results.csv} and
 * {@code results.txt} under {@code bench.out}.
 */
public final class Benchmark {

	/**
	 * The ingestion phases, the one-client ones first: an eight-client phase leaves the projections a backlog that
	 * the phase after it competes with (the one-client HTTP phase measured 0.24–0.28 of in process after one, 0.54
	 * without), so the two one-client phases, whose ratio the targets compare, run under the same conditions.
	 */
	static final List<String> INGEST_MODES = List.of(System.getProperty("bench.modes",
			"gateway-1c,http-1c,gateway-8c,http-8c").split(","));
	/** How long a phase waits at most for the processors of both applications to reach the store's head. */
	static final long SETTLE_SECONDS = Long.getLong("bench.settle.seconds", 60);
	static final List<String> QUERY_TYPES = List.of("status", "pipeline", "series", "asof");
	static final ZoneId ZONE = ZoneId.of("Asia/Tashkent");

	private final BenchConfig cfg;
	private final HeapSampler heap = new HeapSampler();
	private final List<String> notes = new ArrayList<>();
	private final Ingestion ingestion;
	private final Replays replays;

	Benchmark(BenchConfig cfg) {
		this.cfg = cfg;
		this.ingestion = new Ingestion(cfg, notes);
		this.replays = new Replays(cfg);
	}

	/** Runs everything and writes the results; returns them. */
	public static Map<String, Object> run(BenchConfig cfg) throws Exception {
		return new Benchmark(cfg).runAll();
	}

	Map<String, Object> runAll() throws Exception {
		Files.createDirectories(cfg.out());
		Map<String, Object> results = new LinkedHashMap<>();
		results.put("date", Instant.now().toString());
		results.put("machine", Environment.machine());
		results.put("jvm", Environment.jvm());
		results.put("git_commit", Environment.gitCommit());
		results.put("parameters", parameters());
		heap.start();
		try {
			for (String db : cfg.databases()) {
				log("=== " + db + " ===");
				heap.reset();
				results.put(db, database(db));
			}
		}
		finally {
			heap.stop();
		}
		results.put("load_average_end", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		results.put("notes", notes);
		Report.write(cfg, results);
		return results;
	}

	private Map<String, Object> parameters() {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("events", cfg.events());
		p.put("databases", cfg.databases());
		p.put("runs", cfg.runs());
		p.put("warmup_seconds", cfg.warmupSeconds());
		p.put("measure_seconds", cfg.measureSeconds());
		p.put("queries_per_type", cfg.queries());
		p.put("query_warmup", cfg.queryWarmup());
		p.put("query_max_seconds", cfg.queryMaxSeconds());
		p.put("query_warmup_until_jit_settles", cfg.jitSettle());
		p.put("raw_rows", cfg.rawRows());
		p.put("http_user", cfg.user());
		p.put("ingest", cfg.ingest());
		p.put("ours_extra_args", cfg.oursArgs());
		p.put("workload", "per project 9 writes (propose, sign LOAN, commit KOICA grant, fund via Eximbank on a facility"
				+ " [reserve on Facility + commit on Project], disburse, plan milestone, disburse, achieve milestone,"
				+ " disburse) = 12 events; a new facility every 50 projects of a client; each client its own projects");
		p.put("event_generation", "replay/query/startup phases: N events bulk-loaded through the raw JDBC path (the"
				+ " workload's events serialized by the application's own event serializer), not through commands");
		p.put("baseline", "profile bench-baseline (src/test/resources/application-bench-baseline.properties): the same"
				+ " application with Axon defaults: JPA storage engine with Axon's default fetch batch, no aggregate cache,"
				+ " no snapshots, tracking processors (1 segment, 1 thread, batch size 1) on the event store, no dead-letter"
				+ " queue");
		p.put("h2_url_options", Db.H2_OPTIONS);
		p.put("durability", "H2: WRITE_DELAY=0 (each commit written to the file before the call returns); PostgreSQL:"
				+ " synchronous_commit=on, fsync on (embedded zonky server)");
		return p;
	}

	// --- one database -------------------------------------------------------------------------------------------

	private Map<String, Object> database(String kind) throws Exception {
		Map<String, Object> out = new LinkedHashMap<>();
		Map<String, Object> detail = new LinkedHashMap<>();
		String runId = Long.toString(System.currentTimeMillis() % 1_000_000, 36).toUpperCase(Locale.ROOT);

		// 1 + 2: ingestion, ours and baseline alternating
		Map<String, List<Ingestion.Sample>> ours = new LinkedHashMap<>();
		Map<String, List<Ingestion.Sample>> base = new LinkedHashMap<>();
		if (cfg.ingest()) {
			ingestion(kind, runId, ours, base, detail);
		}
		else {
			detail.put("raw_insert", Map.of("rows_per_s", Double.NaN));
		}
		Map<String, Object> ingestDetail = new LinkedHashMap<>();
		ingestDetail.put("ours", Ingestion.summarize(ours));
		ingestDetail.put("baseline", Ingestion.summarize(base));
		detail.put("ingest", ingestDetail);

		// 4-6: N events, replay, raw read, queries, startup
		Db loadDb = Db.create(kind, cfg.out(), "load");
		ConfigurableApplicationContext ctx = start(loadDb, false);
		Map<String, Object> load;
		try {
			load = load(ctx, runId);
			detail.put("load", load);
			detail.put("replay", replays.replay(ctx, (long) load.get("events")));
			detail.put("raw_read", replays.rawRead(ctx));
			detail.put("queries", new Queries(cfg).queries(ctx, (int) load.get("projects"), (String) load.get("tag")));
			if (kind.equals("postgres")) {
				Queries.explainSeries(ctx);
			}
		}
		finally {
			ctx.close();
		}
		if (cfg.startup()) {
			detail.put("startup", startup(loadDb));
		}
		loadDb.release();

		// the required keys, then ratios, then targets
		Map<String, Object> oursSummary = Ingestion.summarize(ours);
		Map<String, Object> baseSummary = Ingestion.summarize(base);
		out.put("events", load.get("events"));
		out.put("ingest_cmds_per_s_1c", Ingestion.metric(oursSummary, "gateway-1c", "cmds_per_s"));
		out.put("ingest_cmds_per_s_8c", Ingestion.metric(oursSummary, "gateway-8c", "cmds_per_s"));
		out.put("ingest_http_cmds_per_s_1c", Ingestion.metric(oursSummary, "http-1c", "cmds_per_s"));
		out.put("ingest_http_cmds_per_s_8c", Ingestion.metric(oursSummary, "http-8c", "cmds_per_s"));
		out.put("ingest_events_per_s_8c", Ingestion.metric(oursSummary, "gateway-8c", "events_per_s"));
		for (String mode : INGEST_MODES) {
			String suffix = mode.replace("gateway-", "").replace("http-", "http_");
			out.put("ingest_p50_ms_" + suffix, Ingestion.metric(oursSummary, mode, "p50_ms"));
			out.put("ingest_p99_ms_" + suffix, Ingestion.metric(oursSummary, mode, "p99_ms"));
			out.put("ingest_mean_ms_" + suffix, Ingestion.metric(oursSummary, mode, "mean_ms"));
			if (mode.startsWith("http-")) {
				out.put("ingest_in_application_mean_ms_" + suffix,
						Ingestion.metric(oursSummary, mode, "in_application_mean_ms"));
			}
		}
		out.put("baseline_cmds_per_s_1c", Ingestion.metric(baseSummary, "gateway-1c", "cmds_per_s"));
		out.put("baseline_cmds_per_s_8c", Ingestion.metric(baseSummary, "gateway-8c", "cmds_per_s"));
		out.put("baseline_http_cmds_per_s_1c", Ingestion.metric(baseSummary, "http-1c", "cmds_per_s"));
		out.put("baseline_http_cmds_per_s_8c", Ingestion.metric(baseSummary, "http-8c", "cmds_per_s"));
		out.put("baseline_p99_ms_8c", Ingestion.metric(baseSummary, "gateway-8c", "p99_ms"));
		@SuppressWarnings("unchecked")
		Map<String, Object> raw = (Map<String, Object>) detail.get("raw_insert");
		out.put("raw_insert_rows_per_s", raw.get("rows_per_s"));
		@SuppressWarnings("unchecked")
		Map<String, Object> rebuilt = (Map<String, Object>) detail.get("rebuild_of_ingested_store");
		if (rebuilt != null) {
			out.put("ingested_store_events", rebuilt.get("events"));
			out.put("ingested_store_tables_changed_by_rebuild", ((List<?>) rebuilt.get("tables_differing")).size());
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> replay = (Map<String, Object>) detail.get("replay");
		out.put("replay_events_per_s", replay.get("events_per_s"));
		@SuppressWarnings("unchecked")
		Map<String, Object> duringRebuild = (Map<String, Object>) replay.get("queries_during_rebuild");
		out.put("rebuild_query_p99_ms", duringRebuild.get("p99_ms"));
		out.put("rebuild_partial_answers", duringRebuild.get("partial_answers"));
		out.put("rebuild_queries_answered", duringRebuild.get("answered"));
		out.put("replay_runs_s", replay.get("runs_s"));
		@SuppressWarnings("unchecked")
		Map<String, Object> rawRead = (Map<String, Object>) detail.get("raw_read");
		out.put("raw_read_events_per_s", rawRead.get("events_per_s"));
		@SuppressWarnings("unchecked")
		Map<String, Map<String, Object>> queries = (Map<String, Map<String, Object>>) detail.get("queries");
		for (String q : QUERY_TYPES) {
			out.put(q + "_p50_ms", queries.get(q).get("p50_ms"));
			out.put(q + "_p99_ms", queries.get(q).get("p99_ms"));
			out.put(q + "_alloc_kb", queries.get(q).get("alloc_kb_per_request"));
		}
		out.put("heap_max_mb", heap.peakMb());
		out.put("heap_live_max_mb", heap.livePeakMb());
		out.put("xmx_mb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
		@SuppressWarnings("unchecked")
		Map<String, Object> startup = (Map<String, Object>) detail.get("startup");
		out.put("startup_ms", startup == null ? null : startup.get("ms"));
		out.put("load_events_per_s", load.get("events_per_s"));
		// after the heap peaks above were read: the phase measures its own
		if (cfg.iatiMb() > 0) {
			detail.put("iati_import", iatiImport(kind));
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> iati = (Map<String, Object>) detail.get("iati_import");
		if (iati != null) {
			out.put("iati_file_mb", iati.get("file_mb"));
			out.put("iati_import_activities_per_s", ((Map<?, ?>) iati.get("import")).get("activities_per_s"));
			out.put("iati_parse_activities_per_s", ((Map<?, ?>) iati.get("parse_only")).get("activities_per_s"));
			out.put("iati_import_heap_max_mb", iati.get("heap_max_mb"));
		}

		Map<String, Object> ratios = new LinkedHashMap<>();
		ratios.put("ingest_vs_baseline_8c", ratio(out.get("ingest_cmds_per_s_8c"), out.get("baseline_cmds_per_s_8c")));
		ratios.put("ingest_vs_baseline_1c", ratio(out.get("ingest_cmds_per_s_1c"), out.get("baseline_cmds_per_s_1c")));
		ratios.put("http_vs_baseline_8c", ratio(out.get("ingest_http_cmds_per_s_8c"), out.get("baseline_http_cmds_per_s_8c")));
		ratios.put("http_vs_ingest_1c", ratio(out.get("ingest_http_cmds_per_s_1c"), out.get("ingest_cmds_per_s_1c")));
		ratios.put("ingest_events_vs_raw_insert_8c", ratio(out.get("ingest_events_per_s_8c"), out.get("raw_insert_rows_per_s")));
		ratios.put("replay_vs_raw_read", ratio(out.get("replay_events_per_s"), out.get("raw_read_events_per_s")));
		out.put("ratios", ratios);
		out.put("targets", Targets.evaluate(kind, out, ratios));
		out.put("detail", detail);
		return out;
	}

	private void ingestion(String kind, String runId, Map<String, List<Ingestion.Sample>> ours, Map<String, List<Ingestion.Sample>> base,
			Map<String, Object> detail) throws Exception {
		Db oursDb = Db.create(kind, cfg.out(), "ours");
		Db baseDb = cfg.baseline() ? Db.create(kind, cfg.out(), "baseline") : null;
		ConfigurableApplicationContext oursCtx = null;
		ConfigurableApplicationContext baseCtx = null;
		try {
			oursCtx = start(oursDb, false);
			baseCtx = baseDb == null ? null : start(baseDb, true);
			detail.put("database_version", oursDb.version(oursCtx.getBean(DataSource.class)));
			for (int run = 0; run < cfg.runs(); run++) {
				for (String mode : INGEST_MODES) {
					ingestion.settle(oursCtx, baseCtx, "ours " + mode);
					ours.computeIfAbsent(mode, m -> new ArrayList<>())
							.add(ingestion.ingest(oursCtx, mode, "O" + runId + "R" + run + mode.replace("-", "")));
					if (baseCtx != null) {
						ingestion.settle(oursCtx, baseCtx, "baseline " + mode);
						base.computeIfAbsent(mode, m -> new ArrayList<>())
								.add(ingestion.ingest(baseCtx, mode, "B" + runId + "R" + run + mode.replace("-", "")));
					}
				}
			}
			// issue 21: the read models the live processors built while the clients wrote, against a rebuild of them
			ingestion.settle(oursCtx, baseCtx, "the rebuild of the ingested store");
			detail.put("rebuild_of_ingested_store", RebuildCheck.check(oursCtx));
			// 3: raw insert ceiling, on the rows ours wrote, in the same database
			detail.put("raw_insert", rawInsert(kind, oursCtx.getBean(DataSource.class)));
		}
		finally {
			close(baseCtx, baseDb);
			close(oursCtx, oursDb);
		}
	}

	// --- contexts -----------------------------------------------------------------------------------------------

	/** The IATI file built, parsed alone, then imported into a fresh database, with the heap peak of the import. */
	private Map<String, Object> iatiImport(String kind) throws Exception {
		Map<String, Object> out = new LinkedHashMap<>();
		Path file = cfg.out().resolve("iati-" + cfg.iatiMb() + "mb.xml");
		long activities = IatiImportBench.buildFile(file, cfg.iatiMb() * 1_000_000L);
		out.put("file_mb", Files.size(file) / 1e6);
		out.put("file_activities", activities);
		out.put("parse_only", IatiImportBench.parseOnly(file));
		log("IATI file of " + Files.size(file) / 1_000_000 + " MB, " + activities + " activities: parse only "
				+ out.get("parse_only"));
		Db db = Db.create(kind, cfg.out(), "iati");
		ConfigurableApplicationContext ctx = start(db, false);
		try {
			heap.reset();
			Map<String, Object> imported = IatiImportBench.importFile(ctx, file);
			out.put("import", imported);
			out.put("heap_max_mb", heap.peakMb());
			out.put("heap_live_max_mb", heap.livePeakMb());
			log("IATI import: " + imported + ", heap peak " + heap.peakMb() + " MB");
		}
		finally {
			close(ctx, db);
			Files.deleteIfExists(file);
		}
		return out;
	}

	private ConfigurableApplicationContext start(Db db, boolean baseline) {
		List<String> args = new ArrayList<>(db.arguments());
		args.add("--server.port=0");
		args.add("--tracker.seed.enabled=false");
		// the HTTP clients sign in as bench.http.user (a demo user: on for every database here, profile postgres
		// turns them off by default)
		args.add("--tracker.security.demo-users=true");
		args.add("--spring.main.banner-mode=off");
		args.add("--logging.level.root=WARN");
		args.add("--tracker.node-id=bench-" + (baseline ? "baseline" : "ours"));
		if (!baseline) {
			args.addAll(cfg.oursArgs());
		}
		List<String> profiles = new ArrayList<>(db.profiles());
		if (baseline) {
			profiles.add("bench-baseline");
		}
		if (!profiles.isEmpty()) {
			args.add("--spring.profiles.active=" + String.join(",", profiles));
		}
		long t0 = System.nanoTime();
		ConfigurableApplicationContext ctx = new SpringApplicationBuilder(PipelineTrackerApplication.class)
				.run(args.toArray(String[]::new));
		log("started " + (baseline ? "baseline" : "ours") + " on " + db.name() + " in "
				+ (System.nanoTime() - t0) / 1_000_000 + " ms (in-process)");
		return ctx;
	}

	private static void close(ConfigurableApplicationContext ctx, Db db) {
		if (ctx != null) {
			ctx.close();
		}
		if (db != null) {
			db.release();
		}
	}

	static int port(ConfigurableApplicationContext ctx) {
		return Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
	}

	// --- raw insert ceiling -------------------------------------------------------------------------------------

	private Map<String, Object> rawInsert(String kind, DataSource ds) throws SQLException {
		List<EventRows.Row> rows = EventRows.read(ds, cfg.rawRows());
		List<Double> rates = new ArrayList<>();
		// the types of domain_event_entry's payload columns since migration V10 (bytea / varbinary, in the row)
		String binary = "postgres".equals(kind) ? "bytea" : "varbinary";
		for (int run = 0; run < cfg.runs(); run++) {
			try (Connection c = ds.getConnection()) {
				try (Statement s = c.createStatement()) {
					s.execute("drop table if exists bench_raw_event");
					s.execute("create table bench_raw_event (global_index bigint not null, aggregate_identifier varchar(255)"
							+ " not null, sequence_number bigint not null, type varchar(255), event_identifier varchar(255)"
							+ " not null, payload_type varchar(255) not null, payload_revision varchar(255), payload " + binary
							+ " not null, meta_data " + binary + ", time_stamp varchar(255) not null, primary key (global_index),"
							+ " constraint uk_bench_raw_event_id unique (event_identifier),"
							+ " constraint uk_bench_raw_event_seq unique (aggregate_identifier, sequence_number))");
				}
				long t0 = System.nanoTime();
				EventRows.insert(c, "bench_raw_event", rows, 1000);
				double seconds = (System.nanoTime() - t0) / 1e9;
				rates.add(rows.size() / seconds);
				try (Statement s = c.createStatement()) {
					s.execute("drop table bench_raw_event");
				}
			}
		}
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("rows", rows.size());
		out.put("bytes_per_row", rows.isEmpty() ? 0
				: rows.stream().mapToLong(r -> r.payload().length + (r.metaData() == null ? 0 : r.metaData().length)).sum()
						/ rows.size());
		out.put("method", "one thread, JDBC batches of 1000 rows, one commit per batch, into a copy of domain_event_entry"
				+ " (same columns, keys and unique constraints) in the same database; the rows are those ours appended");
		out.put("rows_per_s", round(median(rates)));
		out.put("runs", rates.stream().map(Benchmark::round).toList());
		log("  raw insert: " + out.get("rows_per_s") + " rows/s " + out.get("runs"));
		return out;
	}

	// --- N events -----------------------------------------------------------------------------------------------

	private Map<String, Object> load(ConfigurableApplicationContext ctx, String runId) throws Exception {
		EventProcessingConfiguration processing = ctx.getBean(EventProcessingConfiguration.class);
		processing.eventProcessors().values().forEach(p -> {
			if (p instanceof StreamingEventProcessor s) {
				s.shutDown();
			}
		});
		DataSource ds = ctx.getBean(DataSource.class);
		Serializer serializer = ctx.getBean("eventSerializer", Serializer.class);
		String tag = "L" + runId;
		EventRows.Generator generator = new EventRows.Generator(serializer, LocalDate.now(ZONE), tag, 1);
		long t0 = System.nanoTime();
		long events = 0;
		try (Connection c = ds.getConnection()) {
			List<EventRows.Row> chunk = new ArrayList<>(6000);
			while (events < cfg.events()) {
				List<EventRows.Row> project = generator.nextProject();
				chunk.addAll(project);
				events += project.size();
				if (chunk.size() >= 5000) {
					EventRows.insert(c, "domain_event_entry", chunk, 1000);
					chunk.clear();
				}
			}
			EventRows.insert(c, "domain_event_entry", chunk, 1000);
			try (Statement s = c.createStatement()) {
				s.execute("alter sequence domain_event_entry_seq restart with " + (events + 1));
			}
		}
		double seconds = (System.nanoTime() - t0) / 1e9;
		log(String.format(Locale.ROOT, "  loaded %d events (%d projects) in %.1f s: %.0f events/s", events,
				generator.projects(), seconds, events / seconds));
		// the hash chain (audit.chain) catches up in the background, as it would after an import; wait for it, so
		// that the replay below is measured in the steady state
		JdbcTemplate jdbc = new JdbcTemplate(ds);
		long c0 = System.nanoTime();
		long deadline = c0 + TimeUnit.MINUTES.toNanos(30);
		while (System.nanoTime() < deadline) {
			Long chained = jdbc.queryForObject("select coalesce(max(global_index), 0) from event_chain", Long.class);
			if (chained != null && chained >= events) {
				break;
			}
			Thread.sleep(200);
		}
		double chainSeconds = (System.nanoTime() - c0) / 1e9;
		log(String.format(Locale.ROOT, "  hash chain caught up in %.1f s", chainSeconds));
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("events", events);
		out.put("projects", generator.projects());
		out.put("tag", tag);
		out.put("method", "raw path: JDBC batches of 1000 rows into domain_event_entry, the workload's events serialized"
				+ " by the application's event serializer; processors stopped while loading");
		out.put("events_per_s", round(events / seconds));
		out.put("chain_catch_up_s", round2(chainSeconds));
		return out;
	}

	// --- startup ------------------------------------------------------------------------------------------------

	/** Starts the application in a fresh JVM (same -Xmx) on the loaded database; time to the first 200. */
	private Map<String, Object> startup(Db db) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx" + Runtime.getRuntime().maxMemory() / (1024 * 1024) + "m", "-Daxoniq.update-checker.disabled=true",
				"-cp", classpath, PipelineTrackerApplication.class.getName()));
		command.addAll(db.arguments());
		command.add("--server.port=" + port);
		command.add("--tracker.seed.enabled=false");
		command.add("--tracker.security.demo-users=true");
		command.add("--tracker.node-id=bench-startup");
		if (!db.profiles().isEmpty()) {
			command.add("--spring.profiles.active=" + String.join(",", db.profiles()));
		}
		Path logFile = cfg.out().resolve("startup-" + db.name() + ".log");
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		String auth = cfg.basicAuth();
		long t0 = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
		long ms = -1;
		try {
			long deadline = t0 + TimeUnit.SECONDS.toNanos(180);
			while (System.nanoTime() < deadline && process.isAlive()) {
				try {
					HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
							+ "/api/projects?size=1")).header("Authorization", auth).timeout(Duration.ofSeconds(5)).GET()
							.build(), HttpResponse.BodyHandlers.discarding());
					if (r.statusCode() == 200) {
						ms = (System.nanoTime() - t0) / 1_000_000;
						break;
					}
				}
				catch (IOException notYet) {
					// not listening yet
				}
				Thread.sleep(25);
			}
		}
		finally {
			process.destroy();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		if (ms < 0) {
			throw new IllegalStateException("the application did not answer within 180 s; see " + logFile);
		}
		log("  startup to first request: " + ms + " ms (fresh JVM, " + db.name() + ")");
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("ms", ms);
		out.put("method", "java -Xmx<same> -cp <test classpath> PipelineTrackerApplication on the loaded database;"
				+ " from process start to the first 200 of GET /api/projects?size=1");
		out.put("log", logFile.toString());
		return out;
	}

	// --- helpers ------------------------------------------------------------------------------------------------

	static double median(List<Double> values) {
		List<Double> sorted = values.stream().filter(v -> v != null && !v.isNaN()).sorted().toList();
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		int n = sorted.size();
		return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	static Double ratio(Object a, Object b) {
		if (!(a instanceof Number x) || !(b instanceof Number y) || y.doubleValue() == 0) {
			return null;
		}
		return round2(x.doubleValue() / y.doubleValue());
	}

	static double round(double v) {
		return Math.round(v);
	}

	static double round2(double v) {
		return Math.round(v * 100) / 100.0;
	}

	static double round3(double v) {
		return Math.round(v * 1000) / 1000.0;
	}

	static void sleepUntil(long nanoTime) throws InterruptedException {
		long wait = nanoTime - System.nanoTime();
		if (wait > 0) {
			TimeUnit.NANOSECONDS.sleep(wait);
		}
	}

	static void log(String line) {
		System.out.println("[bench " + Instant.now().toString().substring(11, 19) + "] " + line);
		System.out.flush();
	}

	/** Sorts maps' keys for stable output where needed. */
	static final Comparator<String> BY_NAME = Comparator.naturalOrder();

	static JsonMapper json() {
		return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
	}
}
