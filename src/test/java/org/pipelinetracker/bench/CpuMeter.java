package org.pipelinetracker.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 */
final class CpuMeter {

	/** The name the command bus gives its workers ({@code GroupCommitCommandBus}), followed by a number. */
	static final String WRITE_PATH_THREADS = "command-group-commit-";

	/** Linux counts {@code /proc/stat} in ticks of 1/100 s ({@code USER_HZ}, 100 on every common build). */
	static final long NANOS_PER_TICK = 10_000_000L;

	private final LongSupplier processNanos;
	private final LongSupplier writePathNanos;
	private final LongSupplier machineNanos;
	private long processAtStart;
	private long writePathAtStart;
	private long machineAtStart;

	CpuMeter(LongSupplier processNanos, LongSupplier writePathNanos, LongSupplier machineNanos) {
		this.processNanos = processNanos;
		this.writePathNanos = writePathNanos;
		this.machineNanos = machineNanos;
	}

	/** A meter of this JVM and this machine. */
	static CpuMeter ofThisJvm() {
		return new CpuMeter(CpuMeter::processCpuNanos, CpuMeter::writePathCpuNanos, CpuMeter::machineCpuNanos);
	}

	/** From now on. */
	CpuMeter start() {
		processAtStart = processNanos.getAsLong();
		writePathAtStart = writePathNanos.getAsLong();
		machineAtStart = machineNanos.getAsLong();
		return this;
	}

	/**
	 * Milliseconds of CPU per command since {@link #start()}: of the whole JVM, of the write path and of the whole
	 * machine, each -1 where it cannot be told (no command, a JVM or system that does not measure it, no write-path
	 * thread).
	 */
	PerCommand perCommand(long commands) {
		return new PerCommand(per(processAtStart, processNanos.getAsLong(), commands),
				per(writePathAtStart, writePathNanos.getAsLong(), commands),
				per(machineAtStart, machineNanos.getAsLong(), commands));
	}

	private static double per(long atStart, long atEnd, long commands) {
		if (commands <= 0 || atStart < 0 || atEnd < 0 || atEnd <= atStart) {
			return -1;
		}
		return (atEnd - atStart) / 1e6 / commands;
	}

	/** Milliseconds of CPU per command; -1: not measured. */
	record PerCommand(double processMs, double writePathMs, double machineMs) {

		/** The same figures without the write path's (the baseline's: its commands run on its clients' threads). */
		PerCommand withoutWritePath() {
			return new PerCommand(processMs, -1, machineMs);
		}
	}

	private static long processCpuNanos() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return os.getProcessCpuTime();
		}
		return -1;
	}

	/** The CPU the write path's live threads used so far; -1 if there is none or the JVM cannot tell. */
	private static long writePathCpuNanos() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		if (!threads.isThreadCpuTimeSupported() || !threads.isThreadCpuTimeEnabled()) {
			return -1;
		}
		long sum = 0;
		boolean any = false;
		for (Thread thread : Thread.getAllStackTraces().keySet()) {
			if (thread.getName().startsWith(WRITE_PATH_THREADS)) {
				long nanos = threads.getThreadCpuTime(thread.getId());
				if (nanos >= 0) {
					sum += nanos;
					any = true;
				}
			}
		}
		return any ? sum : -1;
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
