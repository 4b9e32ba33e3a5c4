package org.pipelinetracker.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.LongSupplier;

/**
 * The CPU a phase of commands used, per command: what the whole JVM used (the server, the projections, the benchmark's
 * own client and whichever application is idle meanwhile), and what the threads of the write path used (the command
 * bus's group-commit workers, {@value #WRITE_PATH_THREADS}*: each command's handling, the event append and the commit
 * run there). Commands per second swing by ±20% between runs of the same code on two shared cores; the CPU a command
 * costs swings far less, so it is what shows a lever of a few per cent on the write path. The baseline application
 * handles its commands on the caller's thread, so it has no write-path figure; a JVM that cannot measure thread CPU
 * reports none.
 */
final class CpuMeter {

	/** The name the command bus gives its workers ({@code GroupCommitCommandBus}), followed by a number. */
	static final String WRITE_PATH_THREADS = "command-group-commit-";

	private final LongSupplier processNanos;
	private final LongSupplier writePathNanos;
	private long processAtStart;
	private long writePathAtStart;

	CpuMeter(LongSupplier processNanos, LongSupplier writePathNanos) {
		this.processNanos = processNanos;
		this.writePathNanos = writePathNanos;
	}

	/** A meter of this JVM. */
	static CpuMeter ofThisJvm() {
		return new CpuMeter(CpuMeter::processCpuNanos, CpuMeter::writePathCpuNanos);
	}

	/** From now on. */
	CpuMeter start() {
		processAtStart = processNanos.getAsLong();
		writePathAtStart = writePathNanos.getAsLong();
		return this;
	}

	/**
	 * Milliseconds of CPU per command since {@link #start()}: of the whole JVM and of the write path, each -1 where it
	 * cannot be told (no command, a JVM that does not measure it, no write-path thread).
	 */
	PerCommand perCommand(long commands) {
		return new PerCommand(per(processAtStart, processNanos.getAsLong(), commands),
				per(writePathAtStart, writePathNanos.getAsLong(), commands));
	}

	private static double per(long atStart, long atEnd, long commands) {
		if (commands <= 0 || atStart < 0 || atEnd < 0 || atEnd <= atStart) {
			return -1;
		}
		return (atEnd - atStart) / 1e6 / commands;
	}

	/** Milliseconds of CPU per command; -1: not measured. */
	record PerCommand(double processMs, double writePathMs) {
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
}
