package org.pipelinetracker.bench;

import org.HdrHistogram.Histogram;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.pipelinetracker.facility.app.FacilityWriteService;
import org.pipelinetracker.project.app.ProjectWriteService;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.pipelinetracker.bench.Benchmark.SETTLE_SECONDS;
import static org.pipelinetracker.bench.Benchmark.ZONE;
import static org.pipelinetracker.bench.Benchmark.log;
import static org.pipelinetracker.bench.Benchmark.median;
import static org.pipelinetracker.bench.Benchmark.port;
import static org.pipelinetracker.bench.Benchmark.round2;
import static org.pipelinetracker.bench.Benchmark.round3;
import static org.pipelinetracker.bench.Benchmark.round;
import static org.pipelinetracker.bench.Benchmark.sleepUntil;

/**
 * The ingestion phases: the workload's clients (1 or 8, in process through the command gateway or over HTTP) for a
 * warm-up and a measured window, the commands per second and their latencies, the events appended and the CPU per
 * command ({@link CpuMeter}); before each phase, a wait until every processor has caught up.
 */
final class Ingestion {

	private final BenchConfig cfg;
	private final List<String> notes;

	Ingestion(BenchConfig cfg, List<String> notes) {
		this.cfg = cfg;
		this.notes = notes;
	}

	/** One phase's figures; the CPU per command in milliseconds, -1 where not measured ({@link CpuMeter}). */
	record Sample(String mode, int clients, double cmdsPerS, double eventsPerS, double p50Ms, double p99Ms, long ops,
			long errors, String firstError, CpuMeter.PerCommand cpu, double meanMs, double serverMeanMs) {
	}

	Sample ingest(ConfigurableApplicationContext ctx, String mode, String tag) throws Exception {
		boolean http = mode.startsWith("http");
		int clients = Integer.parseInt(mode.replaceAll("\\D", ""));
		Workload workload = new Workload(tag, LocalDate.now(ZONE));
		ProjectWriteService projects = ctx.getBean(ProjectWriteService.class);
		FacilityWriteService facilities = ctx.getBean(FacilityWriteService.class);
		ExecutorService httpThreads = Executors.newCachedThreadPool(named(CpuMeter.CLIENT_THREADS + "http-"));
		HttpClient httpClient = http ? HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
				.executor(httpThreads).connectTimeout(Duration.ofSeconds(10)).build() : null;
		String baseUrl = "http://localhost:" + port(ctx);
		JdbcTemplate jdbc = new JdbcTemplate(ctx.getBean(DataSource.class));

		long warmup = TimeUnit.SECONDS.toNanos(cfg.warmupSeconds());
		long measure = TimeUnit.SECONDS.toNanos(cfg.measureSeconds());
		long start = System.nanoTime();
		long measureStart = start + warmup;
		long end = measureStart + measure;
		AtomicLong errors = new AtomicLong();
		String[] firstError = new String[1];
		ExecutorService pool = Executors.newFixedThreadPool(clients, named(CpuMeter.CLIENT_THREADS));
		List<Future<Histogram>> futures = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			Workload.Client client = http ? workload.overHttp(c, httpClient, baseUrl, cfg.basicAuth())
					: workload.inProcess(c, projects, facilities);
			futures.add(pool.submit(() -> {
				Histogram h = new Histogram(3);
				while (true) {
					long s = System.nanoTime();
					if (s >= end) {
						return h;
					}
					try {
						client.next();
					}
					catch (Exception e) {
						if (errors.incrementAndGet() == 1) {
							firstError[0] = e.toString();
						}
						continue;
					}
					long f = System.nanoTime();
					if (s >= measureStart && f <= end) {
						h.recordValue(Math.max(1, (f - s) / 1000));
					}
				}
			}));
		}
		sleepUntil(measureStart);
		CpuMeter cpu = CpuMeter.ofThisJvm().start();
		ServerTime server = http ? ServerTime.start(ctx) : null;
		long indexAtStart = maxGlobalIndex(jdbc);
		sleepUntil(end);
		long indexAtEnd = maxGlobalIndex(jdbc);
		double serverMeanMs = server == null ? -1 : server.meanMs();
		Histogram all = new Histogram(3);
		for (Future<Histogram> f : futures) {
			all.add(f.get());
		}
		boolean ours = tag.startsWith("O");
		CpuMeter.PerCommand cpuPerCommand = cpu.perCommand(all.getTotalCount());
		if (!ours) {
			// the baseline handles commands on its clients' threads: the group-commit workers are ours, idle
			cpuPerCommand = cpuPerCommand.withoutWritePath();
		}
		pool.shutdown();
		httpThreads.shutdown();
		double seconds = measure / 1e9;
		Sample sample = new Sample(mode, clients, all.getTotalCount() / seconds, (indexAtEnd - indexAtStart) / seconds,
				all.getValueAtPercentile(50) / 1000.0, all.getValueAtPercentile(99) / 1000.0, all.getTotalCount(),
				errors.get(), firstError[0], cpuPerCommand, all.getTotalCount() == 0 ? -1 : all.getMean() / 1000.0,
				serverMeanMs);
		log(String.format(Locale.ROOT, "  %-8s %-10s %8.0f cmds/s %8.0f events/s  p50 %6.2f ms  p99 %7.2f ms  errors %d"
				+ "  CPU per command %s ms, write path %s ms, machine %s ms, web server threads %s ms, JIT %s ms,"
				+ " clients %s ms%s%s",
				ours ? "ours" : "baseline", mode, sample.cmdsPerS(), sample.eventsPerS(), sample.p50Ms(), sample.p99Ms(),
				sample.errors(), cpuMs(cpuPerCommand.processMs()), cpuMs(cpuPerCommand.writePathMs()),
				cpuMs(cpuPerCommand.machineMs()), cpuMs(cpuPerCommand.requestThreadsMs()), cpuMs(cpuPerCommand.jitMs()),
				cpuMs(cpuPerCommand.clientThreadsMs()),
				http ? String.format(Locale.ROOT, "; mean %.2f ms, of it in the application %s ms", sample.meanMs(),
						cpuMs(serverMeanMs)) : "",
				sample.firstError() == null ? "" : " (" + sample.firstError() + ")"));
		if (sample.errors() > 0) {
			notes.add(tag + " " + mode + ": " + sample.errors() + " failed writes, first: " + sample.firstError());
		}
		return sample;
	}

	/**
	 * Before a phase: waits (at most {@link #SETTLE_SECONDS}) until every running streaming processor of both
	 * applications has reached its store's head, so a phase does not share the machine with the last one's
	 * projection backlog; logs how far behind they were and how long it took, or who was still behind.
	 */
	void settle(ConfigurableApplicationContext ours, ConfigurableApplicationContext base, String phase) {
		long t0 = System.nanoTime();
		long deadline = t0 + TimeUnit.SECONDS.toNanos(SETTLE_SECONDS);
		Map<String, Long> first = null;
		while (true) {
			Map<String, Long> behind = new java.util.TreeMap<>();
			behind.putAll(behind(ours, "ours"));
			behind.putAll(behind(base, "baseline"));
			if (first == null) {
				first = behind;
			}
			if (behind.isEmpty() || System.nanoTime() >= deadline) {
				String took = String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - t0) / 1e9);
				if (behind.isEmpty()) {
					log("  settled before " + phase + " in " + took + (first.isEmpty() ? "" : ", behind at first: " + first));
				}
				else {
					log("  not settled before " + phase + " after " + took + ", still behind: " + behind);
					notes.add("not settled before " + phase + " after " + took + ", processors behind the head by " + behind);
				}
				return;
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	/** Each running streaming processor of {@code ctx} that has not reached the store's head, with how far behind. */
	private static Map<String, Long> behind(ConfigurableApplicationContext ctx, String app) {
		Map<String, Long> behind = new LinkedHashMap<>();
		if (ctx == null) {
			return behind;
		}
		Long stored = new JdbcTemplate(ctx.getBean(DataSource.class))
				.queryForObject("select max(global_index) from domain_event_entry", Long.class);
		if (stored == null) {
			return behind; // an empty store: nothing to reach (the processors have no position yet)
		}
		long head = stored;
		ctx.getBean(EventProcessingConfiguration.class).eventProcessors().forEach((name, processor) -> {
			if (processor instanceof StreamingEventProcessor streaming && streaming.isRunning()) {
				long slowest = streaming.processingStatus().values().stream()
						.mapToLong(status -> status.getCurrentPosition().orElse(-1)).min().orElse(head);
				if (slowest < head) {
					behind.put(app + ":" + name, head - slowest);
				}
			}
		});
		return behind;
	}

	/** Threads named {@code prefix} and a number, so {@link CpuMeter} finds them. */
	private static ThreadFactory named(String prefix) {
		AtomicInteger next = new AtomicInteger();
		return task -> {
			Thread thread = new Thread(task, prefix + next.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	private static long maxGlobalIndex(JdbcTemplate jdbc) {
		Long max = jdbc.queryForObject("select coalesce(max(global_index), 0) from domain_event_entry", Long.class);
		return max == null ? 0 : max;
	}

	static Map<String, Object> summarize(Map<String, List<Sample>> samples) {
		Map<String, Object> out = new LinkedHashMap<>();
		samples.forEach((mode, list) -> {
			Map<String, Object> m = new LinkedHashMap<>();
			m.put("cmds_per_s", round(median(list.stream().map(Sample::cmdsPerS).toList())));
			m.put("events_per_s", round(median(list.stream().map(Sample::eventsPerS).toList())));
			m.put("p50_ms", round2(median(list.stream().map(Sample::p50Ms).toList())));
			m.put("p99_ms", round2(median(list.stream().map(Sample::p99Ms).toList())));
			m.put("errors", list.stream().mapToLong(Sample::errors).sum());
			m.put("cpu_ms_per_command", measuredMedian(list.stream().map(s -> s.cpu().processMs()).toList()));
			m.put("write_path_cpu_ms_per_command", measuredMedian(list.stream().map(s -> s.cpu().writePathMs()).toList()));
			m.put("machine_cpu_ms_per_command", measuredMedian(list.stream().map(s -> s.cpu().machineMs()).toList()));
			m.put("web_server_threads_cpu_ms_per_command",
					measuredMedian(list.stream().map(s -> s.cpu().requestThreadsMs()).toList()));
			m.put("jit_ms_per_command", measuredMedian(list.stream().map(s -> s.cpu().jitMs()).toList()));
			m.put("client_threads_cpu_ms_per_command",
					measuredMedian(list.stream().map(s -> s.cpu().clientThreadsMs()).toList()));
			m.put("mean_ms", measuredMedian(list.stream().map(Sample::meanMs).toList()));
			if (mode.startsWith("http")) {
				// the application's own time per request (http.server.requests); the rest of the mean lies outside it
				m.put("in_application_mean_ms", measuredMedian(list.stream().map(Sample::serverMeanMs).toList()));
			}
			m.put("runs", list.stream().map(Ingestion::run).toList());
			out.put(mode, m);
		});
		return out;
	}

	private static Map<String, Object> run(Sample s) {
		Map<String, Object> run = new LinkedHashMap<>();
		run.put("cmds_per_s", round(s.cmdsPerS()));
		run.put("events_per_s", round(s.eventsPerS()));
		run.put("p50_ms", round2(s.p50Ms()));
		run.put("p99_ms", round2(s.p99Ms()));
		run.put("ops", s.ops());
		run.put("errors", s.errors());
		run.put("cpu_ms_per_command", measured(s.cpu().processMs()));
		run.put("write_path_cpu_ms_per_command", measured(s.cpu().writePathMs()));
		run.put("machine_cpu_ms_per_command", measured(s.cpu().machineMs()));
		run.put("web_server_threads_cpu_ms_per_command", measured(s.cpu().requestThreadsMs()));
		run.put("jit_ms_per_command", measured(s.cpu().jitMs()));
		run.put("client_threads_cpu_ms_per_command", measured(s.cpu().clientThreadsMs()));
		run.put("mean_ms", measured(s.meanMs()));
		if (s.mode().startsWith("http")) {
			run.put("in_application_mean_ms", measured(s.serverMeanMs()));
		}
		return run;
	}

	@SuppressWarnings("unchecked")
	static Object metric(Map<String, Object> summary, String mode, String key) {
		Object m = summary.get(mode);
		return m == null ? null : ((Map<String, Object>) m).get(key);
	}

	private static String cpuMs(double ms) {
		return ms < 0 ? "(not measured)" : String.format(Locale.ROOT, "%.3f", ms);
	}

	/** The median of the measured values (-1: not measured), to 3 decimals, or "not measured" if none was. */
	private static Object measuredMedian(List<Double> values) {
		double m = median(values.stream().filter(v -> v >= 0).toList());
		return measured(Double.isNaN(m) ? -1 : m);
	}

	/** A CPU figure to 3 decimals, or "not measured" for -1. */
	private static Object measured(double ms) {
		return ms < 0 ? "not measured" : round3(ms);
	}
}
