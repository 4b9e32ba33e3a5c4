package org.pipelinetracker.ui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The open pages' live connections ({@code GET /api/stream}) and the one thread that feeds them.
 * <p>
 * Every {@code tracker.ui.stream.poll-interval} the thread asks the event store what was appended since its last look
 * ({@link EventStoreChanges}), so writes made on any node sharing the database are seen, and sends one
 * {@code change} event to every connection. While nobody is connected it does not query at all. Every
 * {@code heartbeat} it sends a comment line, which keeps proxies from closing an idle connection and finds the
 * connections whose page has gone (the write fails; the connection is dropped). At most {@code max-clients}
 * connections are held; each ends after {@code timeout}, and the browser's {@code EventSource} reconnects with
 * {@code Last-Event-ID}, which is answered with what changed in between.
 */
@Component
class ChangeStream implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ChangeStream.class);
	/** How many of the latest events a {@code hello} names the projects of. */
	static final int RECENT_EVENTS = 100;

	private final EventStoreChanges changes;
	private final Set<SseEmitter> clients = ConcurrentHashMap.newKeySet();
	private final Object pollLock = new Object();
	private final Duration pollInterval;
	private final Duration heartbeat;
	private final Duration timeout;
	private final int maxClients;
	private ScheduledExecutorService timer;
	private volatile boolean running;
	private boolean failing;

	ChangeStream(JdbcTemplate jdbc, @Value("${tracker.ui.stream.poll-interval:400ms}") Duration pollInterval,
			@Value("${tracker.ui.stream.heartbeat:15s}") Duration heartbeat,
			@Value("${tracker.ui.stream.timeout:30m}") Duration timeout,
			@Value("${tracker.ui.stream.max-clients:500}") int maxClients,
			@Value("${tracker.ui.stream.gap-grace:10s}") Duration gapGrace) {
		this.changes = new EventStoreChanges(jdbc, 1000, gapGrace, System::nanoTime);
		this.pollInterval = pollInterval;
		this.heartbeat = heartbeat;
		this.timeout = timeout;
		this.maxClients = maxClients;
	}

	/** Thrown when {@code max-clients} connections are open. */
	static final class TooManyClientsException extends RuntimeException {
		private final int max;

		TooManyClientsException(int max) {
			super("The server holds " + max + " live connections already; the page will try again.", null, false, false);
			this.max = max;
		}

		/** How many live connections the server holds. */
		int max() {
			return max;
		}
	}

	/**
	 * A new connection: it first gets a {@code hello} event with the current head and the projects (with versions) of
	 * the latest {@value #RECENT_EVENTS} events, then, when the client reconnects after {@code lastEventId}, a
	 * {@code change} event with what it missed.
	 */
	SseEmitter connect(Long lastEventId) {
		if (!running) {
			throw new IllegalStateException("the change stream is not running");
		}
		SseEmitter emitter = new SseEmitter(timeout.toMillis());
		synchronized (clients) {
			if (clients.size() >= maxClients) {
				throw new TooManyClientsException(maxClients);
			}
			clients.add(emitter);
		}
		emitter.onCompletion(() -> clients.remove(emitter));
		emitter.onTimeout(() -> {
			clients.remove(emitter);
			emitter.complete();
		});
		emitter.onError(e -> clients.remove(emitter));
		long head;
		Change recent;
		Change missed = null;
		synchronized (pollLock) {
			if (!changes.started()) {
				changes.reset();
			}
			head = changes.head();
			// the projects of the latest events: a page loaded from a read model a moment behind can catch up
			recent = changes.since(Math.max(0, head - RECENT_EVENTS));
			if (lastEventId != null && lastEventId < head) {
				missed = changes.since(lastEventId);
			}
		}
		try {
			emitter.send(SseEmitter.event().name("hello").id(Long.toString(head)).reconnectTime(2000)
					.data(new Change(head, recent.projects(), recent.versions(), recent.facilities(), false),
							MediaType.APPLICATION_JSON));
			if (missed != null) {
				emitter.send(event(missed));
			}
		}
		catch (IOException | IllegalStateException e) {
			clients.remove(emitter);
			emitter.completeWithError(e);
		}
		return emitter;
	}

	/** Open connections (for tests and metrics). */
	int clients() {
		return clients.size();
	}

	private void poll() {
		try {
			Change change;
			synchronized (pollLock) {
				if (clients.isEmpty()) {
					// nobody listens: no query; the next connection starts again from the head
					changes.forget();
					return;
				}
				change = changes.poll();
			}
			if (change != null) {
				broadcast(event(change));
			}
			if (failing) {
				log.info("Change stream: reading the event store again");
				failing = false;
			}
		}
		catch (RuntimeException e) {
			if (!failing) {
				log.warn("Change stream: could not read the event store; trying again every {}", pollInterval, e);
				failing = true;
			}
		}
	}

	private void heartbeat() {
		broadcast(SseEmitter.event().comment("keep-alive"));
	}

	private void broadcast(SseEmitter.SseEventBuilder event) {
		for (SseEmitter client : clients) {
			try {
				client.send(event);
			}
			catch (IOException | IllegalStateException gone) {
				clients.remove(client);
				client.completeWithError(gone);
			}
		}
	}

	private static SseEmitter.SseEventBuilder event(Change change) {
		return SseEmitter.event().name("change").id(Long.toString(change.head())).data(change, MediaType.APPLICATION_JSON);
	}

	@Override
	public synchronized void start() {
		if (running) {
			return;
		}
		timer = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "ui-change-stream");
			thread.setDaemon(true);
			return thread;
		});
		long poll = Math.max(10, pollInterval.toMillis());
		long beat = Math.max(10, heartbeat.toMillis());
		timer.scheduleWithFixedDelay(this::poll, poll, poll, TimeUnit.MILLISECONDS);
		timer.scheduleWithFixedDelay(this::heartbeat, beat, beat, TimeUnit.MILLISECONDS);
		running = true;
	}

	/** Ends every connection (the browsers reconnect to another node or after the restart), then the thread. */
	@Override
	public synchronized void stop() {
		if (!running) {
			return;
		}
		running = false;
		timer.shutdown();
		try {
			if (!timer.awaitTermination(5, TimeUnit.SECONDS)) {
				timer.shutdownNow();
			}
		}
		catch (InterruptedException e) {
			timer.shutdownNow();
			Thread.currentThread().interrupt();
		}
		for (SseEmitter client : clients) {
			client.complete();
		}
		clients.clear();
	}

	@Override
	public boolean isRunning() {
		return running;
	}
}
