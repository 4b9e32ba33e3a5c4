package org.pipelinetracker.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * The warm-up before a latency measurement: at least a minimum number of requests, then (when asked to) more, in rounds
 * of {@value #ROUND} requests, until the JIT has settled: {@value #QUIET_ROUNDS} rounds in a row during each of which
 * the JVM's compilers worked for less than {@value #QUIET_PERCENT}% of the round's time. On two cores a compiler
 * thread that is still optimising the request's code takes a core from the server and the client, and the slowest of
 * a few hundred requests then measure the compiler rather than the query. The warm-up stops at {@code deadlineNanos}
 * whether or not the JIT settled, and says which.
 *
 * @param requests the requests sent to warm up
 * @param settled whether the last rounds were quiet; {@code false} when the deadline ended the warm-up or no settling
 *                was asked for
 */
record JitWarmup(int requests, boolean settled) {

	static final int ROUND = 100;
	static final int QUIET_PERCENT = 2;
	static final int QUIET_ROUNDS = 3;

	/** One request; its failure ends the benchmark. */
	@FunctionalInterface
	interface Request {
		void send() throws Exception;
	}

	static JitWarmup run(int minimum, boolean untilSettled, long deadlineNanos, Request request) throws Exception {
		int sent = 0;
		for (; sent < minimum && System.nanoTime() < deadlineNanos; sent++) {
			request.send();
		}
		CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
		if (!untilSettled || jit == null || !jit.isCompilationTimeMonitoringSupported()) {
			return new JitWarmup(sent, false);
		}
		int quiet = 0;
		while (System.nanoTime() < deadlineNanos) {
			long compiledBefore = jit.getTotalCompilationTime();
			long t0 = System.nanoTime();
			for (int i = 0; i < ROUND && System.nanoTime() < deadlineNanos; i++, sent++) {
				request.send();
			}
			double roundMs = (System.nanoTime() - t0) / 1e6;
			quiet = (jit.getTotalCompilationTime() - compiledBefore) * 100.0 < QUIET_PERCENT * roundMs ? quiet + 1 : 0;
			if (quiet == QUIET_ROUNDS) {
				return new JitWarmup(sent, true);
			}
		}
		return new JitWarmup(sent, false);
	}
}
