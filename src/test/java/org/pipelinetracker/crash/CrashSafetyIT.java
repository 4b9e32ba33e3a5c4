package org.pipelinetracker.crash;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import tools.jackson.databind.JsonNode;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the packaged jar as a separate {@code java} process (on an H2 file with the default URL, and on an embedded
 * PostgreSQL with {@code synchronous_commit=on}), sends commands from several clients, half of them each with its
 * own Idempotency-Key, the other half without one (so their commands are stored by group commit, several clients'
 * commands in one transaction), kills the process with SIGKILL in the middle of the load, restarts it on the same
 * database, and proves: every command answered 2xx is in the event store exactly once; retrying every other keyed
 * command with its key appends it at most once (exactly once once it succeeds); an unanswered command without a key
 * is in the store at most once; repeats of acknowledged ones append nothing; and the
 * projections catch up to exactly the event store ({@code /api/audit/verify}, the project list).
 */
class CrashSafetyIT {

	static final int CLIENTS = 6;
	static final Duration LOAD_BEFORE_KILL = Duration.ofMillis(2500);

	private static final List<Process> PROCESSES = new CopyOnWriteArrayList<>();
	private static EmbeddedPostgres postgres;

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(() -> PROCESSES.forEach(Process::destroyForcibly)));
	}

	@AfterAll
	static void stopEverything() throws IOException {
		PROCESSES.forEach(Process::destroyForcibly);
		if (postgres != null) {
			postgres.close();
		}
	}

	@Test
	void onAnH2FileNothingAcknowledgedIsLostOrDuplicated() throws Exception {
		Path dir = Files.createTempDirectory("crash-h2-");
		// the default JDBC URL (application.properties: ./data/...) relative to the process's working directory;
		// -Dcrash.h2.url=... tries another one (e.g. without WRITE_DELAY=0, to see commits lost)
		String url = System.getProperty("crash.h2.url");
		runCrashScenario("h2", dir, Map.of(), url == null ? List.of() : List.of("--spring.datasource.url=" + url));
	}

	@Test
	void onPostgresNothingAcknowledgedIsLostOrDuplicated() throws Exception {
		postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false)
				.setServerConfig("synchronous_commit", "on").setPGStartupWait(Duration.ofSeconds(60)).start();
		try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			s.execute("create database crash");
		}
		Path dir = Files.createTempDirectory("crash-pg-");
		runCrashScenario("postgres", dir, Map.of("DB_URL", postgres.getJdbcUrl("postgres", "crash"), "DB_USER", "postgres",
				"DB_PASSWORD", ""), List.of("--spring.profiles.active=postgres",
				// profile postgres requires four-eyes approval of money; the scenario records money in one step
				"--tracker.approvals.required-for="));
	}

	/**
	 * A rebuild of every read model killed with SIGKILL while it runs, on an H2 file: after a restart the read models
	 * answer with every project and every amount, the consistency check finds them equal to the event store, and the
	 * next rebuild runs to the end with the same answers.
	 */
	@Test
	void onAnH2FileARebuildKilledMidwayLeavesTheReadModelsServing() throws Exception {
		Path dir = Files.createTempDirectory("crash-rebuild-");
		List<String> args = List.of("--tracker.replay.shadow-directory=" + dir.toAbsolutePath());
		int port = freePort();
		Process first = start("rebuild-1", dir, port, Map.of(), args);
		Api api = api(port);
		waitReady(api, first);
		int projects = 240;
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		List<java.util.concurrent.Future<?>> writes = new ArrayList<>();
		for (int i = 0; i < projects; i++) {
			String id = "REBUILD-" + i;
			writes.add(clients.submit(() -> {
				assertThat(api.post("/api/projects", proposal(id)).status()).isEqualTo(201);
				assertThat(api.post("/api/projects/" + id + "/agreements",
						"{\"agreementId\":\"A\",\"type\":\"GRANT\",\"signedOn\":\"2025-04-01\"}").status()).isEqualTo(200);
				assertThat(api.post("/api/projects/" + id + "/fundings", "{\"fundingId\":\"K\",\"source\":\"KOICA_GRANT\","
						+ "\"funder\":\"KOICA\",\"amount\":{\"amount\":\"250.00\",\"currency\":\"USD\"},\"committedOn\":\"2025-04-02\"}")
						.status()).isEqualTo(200);
				return null;
			}));
		}
		for (java.util.concurrent.Future<?> write : writes) {
			write.get(120, TimeUnit.SECONDS);
		}
		clients.shutdown();
		java.math.BigDecimal committed = new java.math.BigDecimal("250.00").multiply(java.math.BigDecimal.valueOf(projects));
		Predicate<Response> complete = r -> r.json().path("projects").asLong() == projects
				&& r.json().path("committedUsd").decimalValue().compareTo(committed) == 0;
		eventually(api, "/api/pipeline", complete);

		assertThat(api.post("/api/admin/replay", "").status()).isEqualTo(202);
		Response running = api.get("/api/admin/replay");
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (running.json().path("processed").asLong() == 0 && running.json().path("state").asString().equals("RUNNING")
				&& System.nanoTime() < deadline) {
			Thread.sleep(5);
			running = api.get("/api/admin/replay");
		}
		first.destroyForcibly(); // SIGKILL on Linux
		assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
		System.out.println("Rebuild killed at: " + running.body());

		Process second = start("rebuild-2", dir, port, Map.of(), args);
		waitReady(api, second);
		eventually(api, "/api/pipeline", complete);
		eventuallyConsistent(api);
		assertThat(api.post("/api/admin/replay", "").status()).isEqualTo(202);
		Response done = eventually(api, "/api/admin/replay", r -> !r.json().path("state").asString().equals("RUNNING"));
		assertThat(done.json().path("state").asString()).as(done.body()).isEqualTo("COMPLETED");
		eventually(api, "/api/pipeline", complete);
		eventuallyConsistent(api);
		second.destroy();
		second.waitFor(30, TimeUnit.SECONDS);
	}

	private static Response eventually(Api api, String path, Predicate<Response> condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
		Response last = api.get(path);
		while (!(last.status() == 200 && condition.test(last)) && System.nanoTime() < deadline) {
			Thread.sleep(200);
			last = api.get(path);
		}
		assertThat(last.status() == 200 && condition.test(last)).as(path + ": " + last).isTrue();
		return last;
	}

	/** One command a client sent: its key, where, what, and the answer (0: none, the process died). */
	record Sent(String key, String path, String body, String projectId, String marker, int status) {

		/** The key, or for a command sent without one its project and marker. */
		String name() {
			return key != null ? key : "no-key " + projectId + "/" + marker;
		}
	}

	private void runCrashScenario(String name, Path dir, Map<String, String> env, List<String> args) throws Exception {
		long started = System.nanoTime();
		int port = freePort();
		Process first = start(name + "-1", dir, port, env, args);
		Api api = api(port);
		waitReady(api, first);

		List<String> projects = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			String id = "CRASH-" + name.toUpperCase() + "-" + i;
			assertThat(api.post("/api/projects", proposal(id), "Idempotency-Key", "setup-" + id).status()).isEqualTo(201);
			projects.add(id);
		}

		List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
		AtomicBoolean stop = new AtomicBoolean();
		AtomicInteger counter = new AtomicInteger();
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		for (int c = 0; c < CLIENTS; c++) {
			int client = c;
			clients.submit(() -> {
				while (!stop.get()) {
					int n = counter.incrementAndGet();
					// even clients send an Idempotency-Key (handled in the request's own transaction), odd clients
					// do not (their commands are stored in groups, several clients' commands per commit)
					String key = client % 2 == 0 ? name + "-" + client + "-" + n + "-" + UUID.randomUUID() : null;
					Sent command;
					if (n % 5 == 0) {
						String id = "CRASH-" + name.toUpperCase() + "-N" + n;
						command = new Sent(key, "/api/projects", proposal(id), id, id, 0);
					}
					else {
						String id = projects.get(ThreadLocalRandom.current().nextInt(projects.size()));
						String milestone = "M-" + n;
						command = new Sent(key, "/api/projects/" + id + "/milestones", "{\"milestoneId\":\"" + milestone
								+ "\",\"name\":\"Milestone " + n + "\",\"plannedOn\":\"2025-09-30\"}", id, milestone, 0);
					}
					int status;
					try {
						status = command.key() == null ? api.post(command.path(), command.body()).status()
								: api.post(command.path(), command.body(), "Idempotency-Key", command.key()).status();
					}
					catch (AssertionError connectionLost) {
						status = 0;
					}
					sent.add(new Sent(command.key(), command.path(), command.body(), command.projectId(), command.marker(),
							status));
					if (status == 0) {
						return null;
					}
				}
				return null;
			});
		}
		Thread.sleep(LOAD_BEFORE_KILL.toMillis());
		// the clients are still adding: copy under the list's lock (toArray is synchronized, stream() is not)
		long ackedBeforeKill = new ArrayList<>(sent).stream().filter(s -> s.status() >= 200 && s.status() < 300).count();
		first.destroyForcibly(); // SIGKILL on Linux
		assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(first.exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
		stop.set(true);
		clients.shutdown();
		assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

		List<Sent> acked = sent.stream().filter(s -> s.status() >= 200 && s.status() < 300).toList();
		List<Sent> unacked = sent.stream().filter(s -> s.status() == 0 || s.status() >= 500).toList();
		List<Sent> refused = sent.stream().filter(s -> s.status() >= 400 && s.status() < 500).toList();
		assertThat(acked.size()).as("commands acknowledged before the kill").isGreaterThanOrEqualTo((int) ackedBeforeKill)
				.isGreaterThan(10);
		assertThat(refused).as("no command was refused: " + refused).isEmpty();

		// restart on the same database
		Process second = start(name + "-2", dir, port, env, args);
		waitReady(api, second);

		// every acknowledged command is in the event store exactly once
		Map<String, Map<String, Integer>> store = markers(api, projects, sent);
		List<String> lost = new ArrayList<>();
		List<String> duplicated = new ArrayList<>();
		for (Sent s : acked) {
			int times = store.getOrDefault(s.projectId(), Map.of()).getOrDefault(s.marker(), 0);
			if (times == 0) {
				lost.add(s.name());
			}
			if (times > 1) {
				duplicated.add(s.name());
			}
		}
		// a repeat of an acknowledged command is answered from its key and appends nothing
		long head = head(api);
		List<Sent> ackedWithKey = acked.stream().filter(s -> s.key() != null).toList();
		for (Sent s : ackedWithKey.subList(0, Math.min(5, ackedWithKey.size()))) {
			Response again = api.post(s.path(), s.body(), "Idempotency-Key", s.key());
			assertThat(again.status()).isEqualTo(s.status());
			assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
		}
		assertThat(head(api)).isEqualTo(head);

		// retry every command without an answer, with its key, until it has one (a claim of the killed process
		// answers 409 in-progress until its lease runs out)
		// (one without a key cannot be retried safely: it is in the store once or not at all)
		int retriedAndApplied = 0;
		for (Sent s : unacked.stream().filter(s -> s.key() != null).toList()) {
			Response r = retry(api, s);
			assertThat(r.status()).as(s + " → " + r).isBetween(200, 299);
			retriedAndApplied++;
		}
		Map<String, Map<String, Integer>> after = markers(api, projects, sent);
		List<String> notExactlyOnce = new ArrayList<>();
		for (Sent s : sent) {
			if (s.status() == 0 || s.status() >= 200 && s.status() < 300) {
				int times = after.getOrDefault(s.projectId(), Map.of()).getOrDefault(s.marker(), 0);
				boolean unansweredWithoutKey = s.key() == null && (s.status() == 0 || s.status() >= 500);
				if (unansweredWithoutKey ? times > 1 : times != 1) {
					notExactlyOnce.add(s.name() + " (answered " + s.status() + ", in the store " + times + " times)");
				}
			}
		}
		System.out.printf("CRASH-IT %s: sent=%d acknowledged=%d unanswered=%d lost=%d duplicated=%d retried=%d "
				+ "not-exactly-once-after-retry=%s%n", name, sent.size(), acked.size(), unacked.size(), lost.size(),
				duplicated.size(), retriedAndApplied, notExactlyOnce);
		assertThat(lost).as("acknowledged but lost").isEmpty();
		assertThat(duplicated).as("acknowledged but duplicated").isEmpty();
		assertThat(notExactlyOnce).as("after retrying the unanswered ones with their keys").isEmpty();

		// the projections catch up to exactly the event store
		Response verify = eventuallyConsistent(api);
		assertThat(verify.json().path("chainValid").asBoolean()).isTrue();
		Response list = api.get("/api/projects?size=200");
		Set<String> listed = new java.util.HashSet<>();
		for (JsonNode p : list.json().path("content")) {
			listed.add(p.path("projectId").asString());
			JsonNode history = api.get("/api/projects/" + p.path("projectId").asString() + "/history").json();
			assertThat(p.path("version").asLong()).as(p.path("projectId").asString())
					.isEqualTo(history.get(history.size() - 1).path("sequence").asLong());
		}
		Set<String> expectedProjects = new java.util.HashSet<>(projects);
		// acknowledged proposals, unanswered ones retried with their key, and unanswered ones without a key that the
		// event store holds (such a proposal is stored once or not at all)
		sent.stream().filter(s -> s.path().equals("/api/projects") && (s.status() == 0 || s.status() < 300))
				.filter(s -> s.key() != null || s.status() != 0
						|| after.getOrDefault(s.projectId(), Map.of()).getOrDefault(s.marker(), 0) == 1)
				.forEach(s -> expectedProjects.add(s.projectId()));
		assertThat(listed).isEqualTo(expectedProjects);

		second.destroy();
		second.waitFor(30, TimeUnit.SECONDS);
		long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
		System.out.printf("CRASH-IT %s: projections consistent=%s, %d projects listed, in %d s%n", name,
				verify.json().path("projectionsConsistent"), listed.size(), seconds);
	}

	// ------------------------------------------------------------------ helpers

	private static String proposal(String id) {
		return "{\"projectId\":\"" + id + "\",\"title\":\"Crash test " + id + "\",\"sector\":\"23630\","
				+ "\"region\":\"Navoi\",\"proposedOn\":\"2025-03-01\"}";
	}

	private static Response retry(Api api, Sent s) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
		Response r = api.post(s.path(), s.body(), "Idempotency-Key", s.key());
		while (r.status() == 409 && "/problems/in-progress".equals(r.json().path("type").asString())
				&& System.nanoTime() < deadline) {
			Thread.sleep(250);
			r = api.post(s.path(), s.body(), "Idempotency-Key", s.key());
		}
		return r;
	}

	/** How many times each marker (milestone id, or project id for proposals) is in each project's stream. */
	private static Map<String, Map<String, Integer>> markers(Api api, List<String> projects, List<Sent> sent) {
		Set<String> ids = new java.util.TreeSet<>(projects);
		sent.stream().filter(s -> s.path().equals("/api/projects")).forEach(s -> ids.add(s.projectId()));
		Map<String, Map<String, Integer>> markers = new HashMap<>();
		for (String id : ids) {
			Response history = api.get("/api/projects/" + id + "/history");
			Map<String, Integer> counts = new HashMap<>();
			if (history.status() == 200) {
				for (JsonNode event : history.json()) {
					String type = event.path("type").asString();
					String marker = type.equals("MilestoneRecordedEvent") ? event.path("payload").path("milestoneId").asString()
							: type.equals("ProjectProposedEvent") ? id : null;
					if (marker != null) {
						counts.merge(marker, 1, Integer::sum);
					}
				}
			}
			markers.put(id, counts);
		}
		return markers;
	}

	private static long head(Api api) {
		long total = 0;
		Response page = api.get("/api/audit/events?size=1");
		return page.json().path("totalElements").asLong(total);
	}

	private static Response eventuallyConsistent(Api api) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		Response verify = api.get("/api/audit/verify");
		while (!(verify.status() == 200 && verify.json().path("projectionsConsistent").asBoolean())
				&& System.nanoTime() < deadline) {
			Thread.sleep(500);
			verify = api.get("/api/audit/verify");
		}
		assertThat(verify.json().path("projectionsConsistent").asBoolean()).as(verify.toString()).isTrue();
		return verify;
	}

	private static Api api(int port) {
		return new Api(port); // admin (HTTP Basic)
	}

	private static Process start(String name, Path dir, int port, Map<String, String> env, List<String> args)
			throws IOException {
		String java = ProcessHandle.current().info().command().orElse("java");
		String jar = System.getProperty("tracker.app.jar");
		if (jar == null || !new File(jar).isFile()) {
			File[] jars = new File("target").listFiles((d, n) -> n.matches("pipeline-tracker-.*\\.jar")
					&& !n.endsWith("-plain.jar") && !n.endsWith("sources.jar"));
			assertThat(jars).as("the packaged jar in target/").isNotEmpty();
			jar = jars[0].getAbsolutePath();
		}
		List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1",
				"-Daxoniq.update-checker.disabled=true", "-jar", Paths.get(jar).toAbsolutePath().toString(),
				"--server.port=" + port, "--tracker.seed.enabled=false", "--tracker.security.demo-users=true",
				"--tracker.idempotency.lease=3s", "--logging.level.root=WARN", "--spring.main.banner-mode=off"));
		command.addAll(args);
		ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
				.redirectOutput(new File("target", "crash-it-" + name + ".log"));
		builder.environment().putAll(env);
		Process process = builder.start();
		PROCESSES.add(process);
		return process;
	}

	private static void waitReady(Api api, Process process) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (System.nanoTime() < deadline) {
			assertThat(process.isAlive()).as("the application process is running (see target/crash-it-*.log)").isTrue();
			try {
				if (api.get("/actuator/health/readiness").status() == 200) {
					return;
				}
			}
			catch (AssertionError notYet) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new AssertionError("the application did not become ready within 120 s");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
