package org.pipelinetracker.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongSupplier;

/**
 * The CPU a phase of commands used, per command: what the whole JVM used (the server, the projections, the benchmark's
 * own client and whichever application is idle meanwhile), and what the threads of the write path used (the command
 * bus's group-commit workers, {@value #WRITE_PATH_THREADS}*: each command's handling, the event append and the commit
 * run there). Commands per second swing by ±20% between runs of the same code on two shared cores; the CPU a command
 * costs swings far less, so it is what shows a lever of a few per cent on the write path. The baseline application
 * handles its commands on the caller's thread, so it has no write-path figure; a JVM that cannot measure thread CPU
 * reports none. And what the whole machine used ({@code /proc/stat}, Linux only), which also counts the PostgreSQL
 * server's processes: on PostgreSQL the database's work is outside the JVM, so only this figure compares the two
 * applications' whole cost per command there.
 * <p>
 * Two more parts of the JVM's figure say where an HTTP command's CPU goes besides the write path: the web server's
 * threads ({@value #REQUEST_THREADS}*, both applications' Tomcats; the idle one's is next to nothing), where the
 * request is read, authenticated, parsed and answered; and the JIT compilers' time (the JVM's compilation time, which
 * its compiler threads spend on a core of their own), which on two cores takes CPU from everything else while the
 * code a phase runs is still being compiled.
 * <p>
 * And the benchmark's own clients' threads ({@value #CLIENT_THREADS}*, and {@value #HTTP_CLIENT_THREADS}* for the
 * selector of Java's HTTP client): over HTTP they only send requests and read answers, so their CPU is the
 * measurement's own cost on the same two cores, which a real client would spend on its own machine; in process they
 * run the application's command code up to the command bus (the baseline's whole command).
 */
final class CpuMeter {

	/** The name the command bus gives its workers ({@code GroupCommitCommandBus}), followed by a number. */
	static final String WRITE_PATH_THREADS = "command-group-commit-";

	/** The name Tomcat gives its connector's threads (workers, poller, acceptor), followed by the port and a role. */
	static final String REQUEST_THREADS = "http-nio-";

	/** The name the benchmark gives its clients' threads and the HTTP client's executor threads. */
	static final String CLIENT_THREADS = "bench-client-";

	/** The name Java's HTTP client gives its selector thread ({@code HttpClient-<n>-SelectorManager}). */
	static final String HTTP_CLIENT_THREADS = "HttpClient-";

	/** Linux counts {@code /proc/stat} in ticks of 1/100 s ({@code USER_HZ}, 100 on every common build). */
	static final long NANOS_PER_TICK = 10_000_000L;

	private final LongSupplier processNanos;
	private final LongSupplier writePathNanos;
	private final LongSupplier machineNanos;
	private final LongSupplier requestThreadsNanos;
	private final LongSupplier jitNanos;
	private final LongSupplier clientThreadsNanos;
	private long processAtStart;
	private long writePathAtStart;
	private long machineAtStart;
	private long requestThreadsAtStart;
	private long jitAtStart;
	private long clientThreadsAtStart;

	CpuMeter(LongSupplier processNanos, LongSupplier writePathNanos, LongSupplier machineNanos,
			LongSupplier requestThreadsNanos, LongSupplier jitNanos, LongSupplier clientThreadsNanos) {
		this.processNanos = processNanos;
		this.writePathNanos = writePathNanos;
		this.machineNanos = machineNanos;
		this.requestThreadsNanos = requestThreadsNanos;
		this.jitNanos = jitNanos;
		this.clientThreadsNanos = clientThreadsNanos;
	}

	/** A meter of this JVM and this machine. */
	static CpuMeter ofThisJvm() {
		return new CpuMeter(CpuMeter::processCpuNanos, ThreadCpuClock.ofThreads(WRITE_PATH_THREADS),
				CpuMeter::machineCpuNanos, ThreadCpuClock.ofThreads(REQUEST_THREADS), CpuMeter::jitNanos,
				ThreadCpuClock.ofThreads(CLIENT_THREADS, HTTP_CLIENT_THREADS));
	}

	/** From now on. */
	CpuMeter start() {
		processAtStart = processNanos.getAsLong();
		writePathAtStart = writePathNanos.getAsLong();
		machineAtStart = machineNanos.getAsLong();
		requestThreadsAtStart = requestThreadsNanos.getAsLong();
		jitAtStart = jitNanos.getAsLong();
		clientThreadsAtStart = clientThreadsNanos.getAsLong();
		return this;
	}

	/**
	 * Milliseconds of CPU per command since {@link #start()}: of the whole JVM, of the write path, of the whole
	 * machine, of the web server's threads, of the JIT compilers and of the benchmark's clients, each -1 where it
	 * cannot be told (no command, a JVM or system that does not measure it, no such thread).
	 */
	PerCommand perCommand(long commands) {
		return new PerCommand(per(processAtStart, processNanos.getAsLong(), commands),
				per(writePathAtStart, writePathNanos.getAsLong(), commands),
				per(machineAtStart, machineNanos.getAsLong(), commands),
				per(requestThreadsAtStart, requestThreadsNanos.getAsLong(), commands),
				perOrZero(jitAtStart, jitNanos.getAsLong(), commands),
				per(clientThreadsAtStart, clientThreadsNanos.getAsLong(), commands));
	}

	private static double per(long atStart, long atEnd, long commands) {
		if (commands <= 0 || atStart < 0 || atEnd < 0 || atEnd <= atStart) {
			return -1;
		}
		return (atEnd - atStart) / 1e6 / commands;
	}

	/** As {@link #per}, but a clock that did not move is a measured zero (the JIT compiled nothing meanwhile). */
	private static double perOrZero(long atStart, long atEnd, long commands) {
		if (commands <= 0 || atStart < 0 || atEnd < atStart) {
			return -1;
		}
		return (atEnd - atStart) / 1e6 / commands;
	}

	/**
	 * Milliseconds per command; -1: not measured. {@code requestThreadsMs}, {@code jitMs} and {@code clientThreadsMs}
	 * are parts of {@code processMs}, as {@code writePathMs} is.
	 */
	record PerCommand(double processMs, double writePathMs, double machineMs, double requestThreadsMs, double jitMs,
			double clientThreadsMs) {

		/** The same figures without the write path's (the baseline's: its commands run on its clients' threads). */
		PerCommand withoutWritePath() {
			return new PerCommand(processMs, -1, machineMs, requestThreadsMs, jitMs, clientThreadsMs);
		}
	}

	private static long processCpuNanos() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime();
		}
		return -1;
	}

	/** The time the JVM's JIT compilers have spent so far, or -1 where the JVM does not count it. */
	private static long jitNanos() {
		CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
		if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
			return -1;
		}
		return jit.getTotalCompilationTime() * 1_000_000L;
	}

	/**
	 * The CPU every processor of the machine has spent so far outside idle and I/O wait (user, nice, system, irq,
	 * softirq, steal: the first line of {@code /proc/stat}), or -1 where there is no such file.
	 */
	static long machineCpuNanos() {
		try (BufferedReader stat = Files.newBufferedReader(Path.of("/proc/stat"))) {
			String first = stat.readLine();
			long ticks = first == null ? -1 : busyTicks(first);
			return ticks < 0 ? -1 : ticks * NANOS_PER_TICK;
		}
		catch (IOException | RuntimeException e) {
			return -1;
		}
	}

	/** The busy ticks of a {@code /proc/stat} "cpu" line; -1 if it is not one. */
	static long busyTicks(String cpuLine) {
		String[] f = cpuLine.trim().split("\\s+");
		if (f.length < 8 || !f[0].equals("cpu")) {
			return -1;
		}
		long busy = 0;
		for (int i : new int[] {1, 2, 3, 6, 7}) {
			busy += Long.parseLong(f[i]);
		}
		if (f.length > 8) {
			busy += Long.parseLong(f[8]);
		}
		return busy;
	}
}
