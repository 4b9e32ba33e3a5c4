package org.pipelinetracker.fx;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps this node's rates in force in step with the imported rates in the database: reads them when the application
 * starts (before the event processors start, so every read model converts with them from the first event), after an
 * import on this node at once, and every {@code tracker.fx.refresh-interval} when their revision changed (an import
 * on another node). A read model that stores converted figures notices the change by the rates' fingerprint.
 */
@Component
class ImportedRates implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ImportedRates.class);

	private final FxRates rates;
	private final FxRateStore store;
	private final Duration interval;
	private long revision = -1;
	private ScheduledExecutorService timer;
	private volatile boolean running;
	private volatile boolean failing;

	ImportedRates(FxRates rates, FxRateStore store,
			@Value("${tracker.fx.refresh-interval:2s}") Duration interval) {
		this.rates = rates;
		this.store = store;
		this.interval = interval;
		refresh();
	}

	/** Reads the imported rates again when their revision changed; true when the rates in force changed. */
	synchronized boolean refresh() {
		long current = store.revision();
		if (current == revision) {
			return false;
		}
		List<FxRate> stored = store.all();
		revision = current;
		boolean changed = rates.useStored(stored);
		if (changed) {
			log.info("Exchange rates in force: {} from {} and {} imported (revision {}), fingerprint {}",
					rates.all().size() - stored.size(), rates.origin(), stored.size(), current, rates.fingerprint());
		}
		return changed;
	}

	/** The revision of the imported rates this node converts with. */
	synchronized long revision() {
		return revision;
	}

	private void refreshOnSchedule() {
		try {
			refresh();
			if (failing) {
				log.info("Imported exchange rates: reading them again");
				failing = false;
			}
		}
		catch (RuntimeException e) {
			if (!failing) {
				log.warn("Imported exchange rates: cannot read them (the rates in force are kept); trying again every {}",
						interval, e);
				failing = true;
			}
		}
	}

	@Override
	public synchronized void start() {
		if (running) {
			return;
		}
		timer = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "fx-rates-refresh");
			thread.setDaemon(true);
			return thread;
		});
		long millis = Math.max(1, interval.toMillis());
		timer.scheduleWithFixedDelay(this::refreshOnSchedule, millis, millis, TimeUnit.MILLISECONDS);
		running = true;
	}

	@Override
	public synchronized void stop() {
		if (!running) {
			return;
		}
		timer.shutdownNow();
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}
}
