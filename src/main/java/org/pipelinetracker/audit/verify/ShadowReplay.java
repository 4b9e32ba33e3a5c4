package org.pipelinetracker.audit.verify;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The event store streamed from its start into the shadow projections, in rounds: each round hands over every
 * event up to a global index and stops before the first one after it, which the next round takes. So the shadow can
 * follow the store while the check runs, as the live processors do.
 */
final class ShadowReplay {

	private final BlockingStream<TrackedEventMessage<?>> stream;
	private final List<AnnotationEventHandlerAdapter> handlers;
	private long applied;
	private long lastPosition = -1;

	ShadowReplay(BlockingStream<TrackedEventMessage<?>> stream, List<AnnotationEventHandlerAdapter> handlers) {
		this.stream = stream;
		this.handlers = handlers;
	}

	/** The events handed over so far. */
	long applied() {
		return applied;
	}

	/**
	 * Hands over every event up to {@code upTo} (a global index that is stored, so the stream will reach it); gives
	 * up waiting for it at {@code deadlineNanos}.
	 */
	void catchUp(long upTo, long deadlineNanos) {
		try {
			while (true) {
				if (!stream.hasNextAvailable(50, TimeUnit.MILLISECONDS)) {
					if (lastPosition >= upTo || System.nanoTime() > deadlineNanos) {
						return;
					}
					continue;
				}
				Optional<TrackedEventMessage<?>> next = stream.peek();
				if (next.isEmpty()) {
					continue;
				}
				OptionalLong position = next.get().trackingToken().position();
				if (position.isPresent() && position.getAsLong() > upTo) {
					return;
				}
				TrackedEventMessage<?> event = stream.nextAvailable();
				applied++;
				position.ifPresent(p -> lastPosition = Math.max(lastPosition, p));
				for (AnnotationEventHandlerAdapter handler : handlers) {
					if (handler.canHandle(event)) {
						handler.handle(event);
					}
				}
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while reading the event store", e);
		}
		catch (Exception e) {
			throw new IllegalStateException("rebuilding the shadow read models failed: " + e.getMessage(), e);
		}
	}
}
