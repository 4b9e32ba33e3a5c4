package org.pipelinetracker.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The warm-up before a latency measurement: at least a minimum number of requests, then (when asked to) more, in rounds
 * of at least {@value #ROUND} requests and one second, until the JIT has settled: {@value #QUIET_ROUNDS} whole rounds
 * in a row during each of which the JVM's compilers finished at most {@value #QUIET_PERCENT}% of the round's time
 * worth of compilation. The JVM counts a compilation's time when it finishes; a round of a second or more sees even
 * the long ones (the longest seen here took 0.7 s) end in it or in the next round. On two cores a compiler thread that
 * is still optimising the request's code takes a core from the server and the client, and the slowest of a few hundred
 * requests then measure the compiler rather than the query. The warm-up stops at {@code deadlineNanos} whether or not
 * the JIT settled, and says which.
 *
 * @param requests the requests sent to warm up
 * @param settled whether the last whole rounds were quiet; {@code false} when the deadline ended the warm-up first or
 *                no settling was asked for
 */
record JitWarmup(int requests, boolean settled) {

	static final int ROUND = 100;
	static final long ROUND_NANOS = TimeUnit.SECONDS.toNanos(1);
	static final int QUIET_PERCENT = 2;
	static final int QUIET_ROUNDS = 3;

	/** One request; its failure ends the benchmark. */
	@FunctionalInterface
	interface Request {
		void send() throws Exception;
	}

	static JitWarmup run(int minimum, boolean untilSettled, long deadlineNanos, Request request) throws Exception {
		CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
		boolean measurable = jit != null && jit.isCompilationTimeMonitoringSupported();
		return run(minimum, untilSettled && measurable, deadlineNanos, request,
				measurable ? jit::getTotalCompilationTime : () -> 0, ROUND_NANOS);
	}

	/**
	 * @param compiledMillis the compilation time the JVM has counted so far, in milliseconds
	 * @param roundNanos     the shortest round
	 */
	static JitWarmup run(int minimum, boolean untilSettled, long deadlineNanos, Request request,
			LongSupplier compiledMillis, long roundNanos) throws Exception {
		int sent = 0;
		for (; sent < minimum && System.nanoTime() < deadlineNanos; sent++) {
			request.send();
		}
		if (!untilSettled) {
			return new JitWarmup(sent, false);
		}
		int quiet = 0;
		while (System.nanoTime() < deadlineNanos) {
			long compiledBefore = compiledMillis.getAsLong();
			long t0 = System.nanoTime();
			int inRound = 0;
			while ((inRound < ROUND || System.nanoTime() - t0 < roundNanos) && System.nanoTime() < deadlineNanos) {
				request.send();
				inRound++;
				sent++;
			}
			long roundNanosTaken = System.nanoTime() - t0;
			if (inRound < ROUND || roundNanosTaken < roundNanos) {
				break; // the deadline cut the round short: not judged
			}
			double compiled = compiledMillis.getAsLong() - compiledBefore;
			quiet = compiled * 100.0 <= QUIET_PERCENT * (roundNanosTaken / 1e6) ? quiet + 1 : 0;
			if (quiet == QUIET_ROUNDS) {
				return new JitWarmup(sent, true);
			}
		}
		return new JitWarmup(sent, false);
	}
}
