package org.pipelinetracker.bench;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The threads' CPU as a clock that never goes back: the threads and their CPU are played by the test (real, unstarted
 * threads with the CPU a map says); one test reads this JVM's own threads.
 */
class ThreadCpuClockTest {

	private final Map<Thread, Long> cpu = new HashMap<>();
	private final ThreadCpuClock clock = new ThreadCpuClock(List.of("bench-client-", "HttpClient-"),
			thread -> cpu.getOrDefault(thread, -1L));

	@Test
	void addsWhatEachNamedThreadUsedSinceTheLastReading() {
		Thread client = thread("bench-client-1", 100);
		Thread selector = thread("HttpClient-3-SelectorManager", 40);
		Thread other = thread("http-nio-8080-exec-1", 1_000);
		assertThat(clock.read(List.of(client, selector, other))).as("all a thread used before its first reading")
				.isEqualTo(140);
		cpu.put(client, 130L);
		cpu.put(other, 5_000L);
		assertThat(clock.read(List.of(client, selector, other))).as("only the named threads").isEqualTo(170);
	}

	@Test
	void aThreadThatEndedKeepsWhatItWasCountedForAndANewOneCountsWhole() {
		Thread retired = thread("bench-client-http-1", 500);
		Thread stays = thread("bench-client-1", 100);
		assertThat(clock.read(List.of(retired, stays))).isEqualTo(600);
		cpu.put(stays, 110L);
		Thread newcomer = thread("bench-client-http-2", 20);
		assertThat(clock.read(List.of(stays, newcomer))).as("a plain sum would have fallen to 130").isEqualTo(630);
	}

	@Test
	void noNamedThreadOrNoMeasurementIsNoFigure() {
		assertThat(clock.read(List.of(thread("main", 10)))).isEqualTo(-1);
		assertThat(clock.read(List.of(new Thread("bench-client-9")))).as("a JVM that does not measure thread CPU")
				.isEqualTo(-1);
	}

	@Test
	void readsThisJvmsThreads() throws InterruptedException {
		ThreadCpuClock jvm = ThreadCpuClock.ofThreads("bench-client-clock-test");
		long before = jvm.getAsLong();
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		CountDownLatch spun = new CountDownLatch(1);
		AtomicBoolean stop = new AtomicBoolean();
		Thread spinner = new Thread(() -> {
			// spins until it has used 20 ms of CPU by its own clock, then until told to stop: alive when read
			long spin = 0;
			while (!stop.get()) {
				spin += Long.bitCount(spin) + 1;
				if (spun.getCount() > 0 && threads.getCurrentThreadCpuTime() >= 20_000_000L) {
					spun.countDown();
				}
			}
		}, "bench-client-clock-test-1");
		spinner.start();
		boolean ran = spun.await(30, TimeUnit.SECONDS);
		long during = jvm.getAsLong();
		stop.set(true);
		spinner.join();
		assertThat(before).as("no such thread yet").isEqualTo(-1);
		assertThat(ran).as("the spinner ran").isTrue();
		// read from outside the thread, its CPU may be counted in the system's ticks (10 ms): positive, not 20 ms
		assertThat(during).as("a spinning thread's CPU").isPositive();
		assertThat(jvm.getAsLong()).as("after it ended: never less").isGreaterThanOrEqualTo(during);
	}

	private Thread thread(String name, long nanos) {
		Thread thread = new Thread(name);
		cpu.put(thread, nanos);
		return thread;
	}
}
