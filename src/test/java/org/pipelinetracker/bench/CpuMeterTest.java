package org.pipelinetracker.bench;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The CPU per command: the difference since the start divided by the commands, in milliseconds, and "not measured"
 * (-1) rather than a made-up zero when there is nothing to divide or nothing was measured. The CPU clocks are played by
 * the test; one test reads this JVM's own.
 */
class CpuMeterTest {

	private final AtomicLong process = new AtomicLong();
	private final AtomicLong writePath = new AtomicLong();
	private final AtomicLong machine = new AtomicLong();
	private final AtomicLong requestThreads = new AtomicLong();
	private final AtomicLong jit = new AtomicLong();
	private final AtomicLong clientThreads = new AtomicLong();
	private final CpuMeter meter = new CpuMeter(process::get, writePath::get, machine::get, requestThreads::get, jit::get,
			clientThreads::get);

	@Test
	void dividesTheCpuUsedSinceTheStartByTheCommands() {
		process.set(5_000_000_000L);
		writePath.set(1_000_000_000L);
		meter.start();
		process.addAndGet(300_000_000L);
		writePath.addAndGet(60_000_000L);
		machine.addAndGet(500_000_000L);
		requestThreads.addAndGet(90_000_000L);
		jit.addAndGet(40_000_000L);
		clientThreads.addAndGet(50_000_000L);
		CpuMeter.PerCommand perCommand = meter.perCommand(100);
		assertThat(perCommand.processMs()).isCloseTo(3.0, within(1e-9));
		assertThat(perCommand.writePathMs()).isCloseTo(0.6, within(1e-9));
		assertThat(perCommand.machineMs()).as("the database server's processes too").isCloseTo(5.0, within(1e-9));
		assertThat(perCommand.requestThreadsMs()).isCloseTo(0.9, within(1e-9));
		assertThat(perCommand.jitMs()).isCloseTo(0.4, within(1e-9));
		assertThat(perCommand.clientThreadsMs()).as("the benchmark's own clients").isCloseTo(0.5, within(1e-9));
		assertThat(perCommand.withoutWritePath().writePathMs()).isEqualTo(-1);
		assertThat(perCommand.withoutWritePath().clientThreadsMs()).isCloseTo(0.5, within(1e-9));
		assertThat(perCommand.withoutWritePath().requestThreadsMs()).isCloseTo(0.9, within(1e-9));
	}

	@Test
	void aJitThatCompiledNothingIsAMeasuredZeroButNoWebServerThreadIsNoFigure() {
		requestThreads.set(-1);
		meter.start();
		process.addAndGet(1_000_000L);
		CpuMeter.PerCommand perCommand = meter.perCommand(10);
		assertThat(perCommand.jitMs()).isZero();
		assertThat(perCommand.requestThreadsMs()).as("in process: no web server thread").isEqualTo(-1);
		jit.set(-1);
		assertThat(meter.perCommand(10).jitMs()).as("a JVM that does not count compilation time").isEqualTo(-1);
	}

	@Test
	void withoutCommandsOrAClockThereIsNoFigure() {
		meter.start();
		process.addAndGet(300_000_000L);
		assertThat(meter.perCommand(0).processMs()).isEqualTo(-1);

		writePath.set(-1);
		meter.start();
		process.addAndGet(1_000_000L);
		assertThat(meter.perCommand(10).writePathMs()).as("no write-path thread").isEqualTo(-1);
		assertThat(meter.perCommand(10).processMs()).isCloseTo(0.1, within(1e-9));
	}

	@Test
	void readsTheMachinesBusyTicksFromProcStat() {
		// user nice system idle iowait irq softirq steal guest guest_nice: idle and iowait are not busy
		assertThat(CpuMeter.busyTicks("cpu  100 5 50 9000 300 7 3 2 0 0")).isEqualTo(100 + 5 + 50 + 7 + 3 + 2);
		assertThat(CpuMeter.busyTicks("cpu 1 2 3 4 5 6 7")).isEqualTo(1 + 2 + 3 + 6 + 7);
		assertThat(CpuMeter.busyTicks("cpu0 100 5 50 9000 300 7 3 2")).as("one processor's line").isEqualTo(-1);
	}

	@Test
	void readsThisJvmsProcessCpu() {
		CpuMeter jvm = CpuMeter.ofThisJvm().start();
		long until = System.nanoTime() + 50_000_000L;
		long spin = 0;
		while (System.nanoTime() < until) {
			spin += Long.bitCount(spin) + 1;
		}
		assertThat(spin).isPositive();
		CpuMeter.PerCommand perCommand = jvm.perCommand(1);
		assertThat(perCommand.processMs()).as("50 ms of spinning").isGreaterThan(10);
		assertThat(perCommand.jitMs()).as("this JVM counts its compilers' time").isGreaterThanOrEqualTo(0);
	}
}
