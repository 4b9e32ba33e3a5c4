package org.pipelinetracker.bench;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's warm-up: its minimum, its deadline and what "settled" takes. */
class JitWarmupTest {

	@Test
	void sendsTheMinimumAndStopsThereWhenNotAskedToWaitForTheJit() throws Exception {
		AtomicInteger sent = new AtomicInteger();
		JitWarmup warmup = JitWarmup.run(25, false, System.nanoTime() + TimeUnit.SECONDS.toNanos(10), sent::incrementAndGet);
		assertThat(warmup.requests()).isEqualTo(25).isEqualTo(sent.get());
		assertThat(warmup.settled()).isFalse();
	}

	@Test
	void settlesOnlyAfterThreeQuietRoundsOrStopsAtTheDeadline() throws Exception {
		AtomicInteger sent = new AtomicInteger();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		JitWarmup warmup = JitWarmup.run(10, true, deadline, () -> {
			sent.incrementAndGet();
			Thread.sleep(1);
		});
		assertThat(warmup.requests()).isEqualTo(sent.get()).isGreaterThanOrEqualTo(10);
		if (warmup.settled()) {
			assertThat(warmup.requests()).isGreaterThanOrEqualTo(10 + JitWarmup.QUIET_ROUNDS * JitWarmup.ROUND);
		}
		else {
			assertThat(System.nanoTime()).isGreaterThanOrEqualTo(deadline);
		}
	}

	@Test
	void neverPassesTheDeadline() throws Exception {
		AtomicInteger sent = new AtomicInteger();
		JitWarmup warmup = JitWarmup.run(1_000_000, true, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200), () -> {
			sent.incrementAndGet();
			Thread.sleep(5);
		});
		assertThat(warmup.requests()).isLessThan(100);
		assertThat(warmup.settled()).isFalse();
	}
}
