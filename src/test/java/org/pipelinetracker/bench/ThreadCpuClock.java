package org.pipelinetracker.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * The CPU that the threads whose names start with one of some prefixes have used, as a clock that never goes back: each
 * reading adds what every such thread used since the last reading (all of it for a thread not seen before). A plain sum
 * over the live threads falls when a thread ends (a pool's idle thread retired during a phase) and would then show a
 * phase as unmeasured or too cheap; here an ended thread keeps what it was counted for and loses only what it used
 * after the last reading. -1 until a reading has found such a thread, or where the JVM does not measure thread CPU.
 */
final class ThreadCpuClock implements LongSupplier {

	private final List<String> prefixes;
	private final ToLongFunction<Thread> cpuNanos;
	private final Map<Long, Long> last = new HashMap<>();
	private long total;
	private boolean any;

	ThreadCpuClock(List<String> prefixes, ToLongFunction<Thread> cpuNanos) {
		this.prefixes = List.copyOf(prefixes);
		this.cpuNanos = cpuNanos;
	}

	/** Of this JVM's threads, by {@link ThreadMXBean#getThreadCpuTime(long)}. */
	static ThreadCpuClock ofThreads(String... prefixes) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		boolean measured = threads.isThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
		return new ThreadCpuClock(List.of(prefixes), thread -> measured ? threads.getThreadCpuTime(thread.getId()) : -1);
	}

	@Override
	public synchronized long getAsLong() {
		return read(Thread.getAllStackTraces().keySet());
	}

	/** Reads the clock over these live threads. */
	synchronized long read(Iterable<Thread> live) {
		Map<Long, Long> now = new HashMap<>();
		for (Thread thread : live) {
			if (named(thread.getName())) {
				long nanos = cpuNanos.applyAsLong(thread);
				if (nanos >= 0) {
					now.put(thread.getId(), nanos);
					total += Math.max(0, nanos - last.getOrDefault(thread.getId(), 0L));
					any = true;
				}
			}
		}
		last.clear();
		last.putAll(now);
		return any ? total : -1;
	}

	private boolean named(String name) {
		for (String prefix : prefixes) {
			if (name.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}
}
