package org.pipelinetracker.messaging;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The event store as the source of the pooled streaming processors, with one addition: it tells a processor
 * when events are available. Axon's embedded event store cannot, so a pooled processor would otherwise look only
 * every 500 ms and read models would lag up to half a second behind every write. Processors are woken right after
 * each local commit, and every {@code tracker.processors.wake-interval} for events written by other nodes.
 * <p>
 * Under a steady stream of writes it also gathers events into larger batches
 * ({@code tracker.processors.batch-window}, {@link BatchWindow}): a processor starts a new round no sooner than
 * the window after its last round ended, and then takes everything there is. Much of a processor's cost is
 * per batch (its transaction, the database commit, the token update, summary rows), and with a batch per commit
 * the read models took the CPU the writers needed. Under load, read models lag by up to the window more. After a
 * quiet moment the first events are handed over at once: one interactive write reaches the read models without
 * waiting. A replay never waits (its stream does not run dry).
 */
@Component(PromptEventSource.BEAN_NAME)
public class PromptEventSource implements StreamableMessageSource<TrackedEventMessage<?>>, DisposableBean {

	public static final String BEAN_NAME = "promptEventSource";
	private static final long[] AFTER_COMMIT_WAKE_UPS_MS = {0, 5, 20, 60};
	private static final long COALESCE_MS = 4;

	private final EventStore store;
	private final Set<Runnable> listeners = ConcurrentHashMap.newKeySet();
	private final ScheduledExecutorService waker;
	private final AtomicLong lastSeries = new AtomicLong(System.nanoTime() - TimeUnit.SECONDS.toNanos(1));
	private final long batchWindowNanos;

	PromptEventSource(EventStore store, @Value("${tracker.processors.wake-interval:200ms}") Duration wakeInterval,
			@Value("${tracker.processors.batch-window:100ms}") Duration batchWindow) {
		this.store = store;
		if (batchWindow.isNegative()) {
			throw new IllegalArgumentException("tracker.processors.batch-window must not be negative: " + batchWindow);
		}
		this.batchWindowNanos = batchWindow.toNanos();
		this.waker = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "event-source-waker");
			thread.setDaemon(true);
			return thread;
		});
		long interval = Math.max(10, wakeInterval.toMillis());
		waker.scheduleWithFixedDelay(this::wakeUp, interval, interval, TimeUnit.MILLISECONDS);
		store.subscribe(events -> {
			if (CurrentUnitOfWork.isStarted()) {
				CurrentUnitOfWork.get().afterCommit(unitOfWork -> wakeUpSoon());
			}
			else {
				wakeUpSoon();
			}
		});
	}

	/**
	 * The embedded store fetches committed events on its own thread: wake again a few times until it has. Under load
	 * commits come far more often than that: a series started less than {@value #COALESCE_MS} ms ago still has
	 * wake-ups due after this commit, so no new series is scheduled (it would only wake every processor again for
	 * the same events).
	 */
	private void wakeUpSoon() {
		long now = System.nanoTime();
		long last = lastSeries.get();
		if (now - last < TimeUnit.MILLISECONDS.toNanos(COALESCE_MS) || !lastSeries.compareAndSet(last, now)) {
			return;
		}
		for (long delay : AFTER_COMMIT_WAKE_UPS_MS) {
			waker.schedule(this::wakeUp, delay, TimeUnit.MILLISECONDS);
		}
	}

	private void wakeUp() {
		for (Runnable listener : listeners) {
			try {
				listener.run();
			}
			catch (RuntimeException e) {
				// a listener of a stopping processor; it unregisters when its stream closes
			}
		}
	}

	@Override
	public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
		return new Stream_(store.openStream(trackingToken));
	}

	@Override
	public TrackingToken createTailToken() {
		return store.createTailToken();
	}

	@Override
	public TrackingToken createHeadToken() {
		return store.createHeadToken();
	}

	@Override
	public TrackingToken createTokenAt(Instant dateTime) {
		return store.createTokenAt(dateTime);
	}

	@Override
	public TrackingToken createTokenSince(Duration duration) {
		return store.createTokenSince(duration);
	}

	@Override
	public void destroy() {
		waker.shutdownNow();
	}

	/**
	 * Delegates everything, supports the availability callback, and holds new events back for the batch window
	 * while writes keep coming. Used by one processor's coordinator thread at a time.
	 */
	private final class Stream_ implements BlockingStream<TrackedEventMessage<?>> {

		private final BlockingStream<TrackedEventMessage<?>> delegate;
		private volatile Runnable callback;
		private final BatchWindow window = new BatchWindow(batchWindowNanos, System.nanoTime());

		Stream_(BlockingStream<TrackedEventMessage<?>> delegate) {
			this.delegate = delegate;
		}

		@Override
		public Optional<TrackedEventMessage<?>> peek() {
			return delegate.peek();
		}

		@Override
		public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
			if (!delegate.hasNextAvailable(timeout, unit)) {
				window.drained(System.nanoTime());
				return false;
			}
			long admitted = window.admit(System.nanoTime());
			if (admitted == BatchWindow.NOW) {
				return true;
			}
			Runnable wake = callback;
			if (admitted != BatchWindow.STILL_HELD && wake != null) {
				waker.schedule(() -> {
					try {
						wake.run();
					}
					catch (RuntimeException e) {
						// the processor is stopping
					}
				}, admitted, TimeUnit.NANOSECONDS);
			}
			return false;
		}

		@Override
		public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
			return delegate.nextAvailable();
		}

		@Override
		public Stream<TrackedEventMessage<?>> asStream() {
			return delegate.asStream();
		}

		@Override
		public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
			delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
		}

		@Override
		public boolean setOnAvailableCallback(Runnable newCallback) {
			Runnable old = callback;
			if (old != null) {
				listeners.remove(old);
			}
			callback = newCallback;
			listeners.add(newCallback);
			return true;
		}

		@Override
		public void close() {
			Runnable old = callback;
			if (old != null) {
				listeners.remove(old);
			}
			delegate.close();
		}
	}
}
