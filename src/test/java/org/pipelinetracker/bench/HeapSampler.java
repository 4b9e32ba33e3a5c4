package org.pipelinetracker.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/** Samples heap use every 20 ms: the peak used, and the peak of what was left after collections (live data). */
final class HeapSampler {
	private volatile boolean running;
	private volatile long peak;
	private volatile long livePeak;
	private Thread thread;

	void start() {
		running = true;
		thread = new Thread(() -> {
			List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
					.filter(p -> p.getType() == MemoryType.HEAP).toList();
			while (running) {
				long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
				long live = 0;
				for (MemoryPoolMXBean p : pools) {
					if (p.getCollectionUsage() != null) {
						live += p.getCollectionUsage().getUsed();
					}
				}
				peak = Math.max(peak, used);
				livePeak = Math.max(livePeak, live);
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException e) {
					return;
				}
			}
		}, "bench-heap-sampler");
		thread.setDaemon(true);
		thread.start();
	}

	void reset() {
		peak = 0;
		livePeak = 0;
	}

	long peakMb() {
		return peak / (1024 * 1024);
	}

	long livePeakMb() {
		return livePeak / (1024 * 1024);
	}

	void stop() {
		running = false;
		thread.interrupt();
	}
}
