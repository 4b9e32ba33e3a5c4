package org.pipelinetracker.bench;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's warm-up: its minimum, its deadline and what "settled" takes, with the JIT's compilation time played
 * by the test (rounds of 100 requests; no shortest round time, so a round is 100 requests).
 */
class JitWarmupTest {

	private static final long FAR = TimeUnit.MINUTES.toNanos(5);

	private final AtomicInteger sent = new AtomicInteger();
	private final AtomicLong compiledMillis = new AtomicLong();

	@Test
	void sendsTheMinimumAndStopsThereWhenNotAskedToWaitForTheJit() throws Exception {
		JitWarmup warmup = JitWarmup.run(25, false, System.nanoTime() + FAR, sent::incrementAndGet);
		assertThat(warmup.requests()).isEqualTo(25).isEqualTo(sent.get());
		assertThat(warmup.settled()).isFalse();
	}

	@Test
	void settlesAfterThreeQuietRoundsInARow() throws Exception {
		JitWarmup warmup = JitWarmup.run(10, true, System.nanoTime() + FAR, sent::incrementAndGet, compiledMillis::get, 0);
		assertThat(warmup.settled()).isTrue();
		assertThat(warmup.requests()).isEqualTo(10 + JitWarmup.QUIET_ROUNDS * JitWarmup.ROUND).isEqualTo(sent.get());
	}

	@Test
	void aRoundInWhichTheJitWorkedStartsTheCountAgain() throws Exception {
		// the JIT finishes a long compilation during the second round of 100 requests
		JitWarmup warmup = JitWarmup.run(0, true, System.nanoTime() + FAR, () -> {
			if (sent.incrementAndGet() == 150) {
				compiledMillis.addAndGet(10_000);
			}
		}, compiledMillis::get, 0);
		assertThat(warmup.settled()).isTrue();
		assertThat(warmup.requests()).isEqualTo(5 * JitWarmup.ROUND);
	}

	@Test
	void aJitThatNeverSettlesEndsAtTheDeadlineUnsettled() throws Exception {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
		JitWarmup warmup = JitWarmup.run(0, true, deadline, () -> {
			sent.incrementAndGet();
			compiledMillis.addAndGet(1_000);
		}, compiledMillis::get, 0);
		assertThat(warmup.settled()).isFalse();
		assertThat(System.nanoTime()).isGreaterThanOrEqualTo(deadline);
	}

	@Test
	void aRoundTheDeadlineCutsShortIsNotJudged() throws Exception {
		// two quiet rounds, then the deadline falls inside the third: not settled
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
		JitWarmup warmup = JitWarmup.run(0, true, deadline, () -> {
			if (sent.incrementAndGet() > 2 * JitWarmup.ROUND + 50) {
				Thread.sleep(50);
			}
		}, compiledMillis::get, 0);
		assertThat(warmup.settled()).isFalse();
		assertThat(warmup.requests()).isLessThan(3 * JitWarmup.ROUND);
	}
}
