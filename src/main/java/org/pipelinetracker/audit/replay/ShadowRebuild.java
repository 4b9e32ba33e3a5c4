package org.pipelinetracker.audit.replay;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The event store read once, in order, into the shadow read models: each event is deserialised once and handed to
 * every rebuilt projection, in batches of {@link #BATCH} events that share one unit of work (so a projection's batch
 * resources, e.g. the pipeline summary's deltas, are written once per batch) and one shadow transaction.
 * Remembers the tracking token of the last event it handed over: the position the live processors resume from.
 */
final class ShadowRebuild {

	static final int BATCH = 2_000;

	private final BlockingStream<TrackedEventMessage<?>> stream;
	private final List<AnnotationEventHandlerAdapter> handlers;
	private final Connection shadow;
	private final BooleanSupplier cancelled;
	private long applied;
	private volatile long handled;
	private long lastPosition = -1;
	private TrackingToken lastToken;

	ShadowRebuild(BlockingStream<TrackedEventMessage<?>> stream, List<AnnotationEventHandlerAdapter> handlers,
			Connection shadow, BooleanSupplier cancelled) {
		this.stream = stream;
		this.handlers = handlers;
		this.shadow = shadow;
		this.cancelled = cancelled;
	}

	/** The events handed over and written so far. */
	long applied() {
		return applied;
	}

	/** The events handed over so far, the current batch's included (for progress). */
	long handled() {
		return handled;
	}

	/** The token of the last event handed over (null before the first). */
	TrackingToken lastToken() {
		return lastToken;
	}

	/**
	 * Hands over every event up to global index {@code upTo}: returns once the last one it saw is at or beyond it and
	 * nothing more is available for a moment, or the next available one lies beyond it.
	 */
	void catchUp(long upTo) {
		List<TrackedEventMessage<?>> batch = new ArrayList<>(BATCH);
		try {
			while (!cancelled.getAsBoolean()) {
				if (!stream.hasNextAvailable(batch.isEmpty() ? 50 : 0, TimeUnit.MILLISECONDS)) {
					apply(batch);
					if (lastPosition >= upTo) {
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
					apply(batch);
					return;
				}
				batch.add(stream.nextAvailable());
				position.ifPresent(p -> lastPosition = Math.max(lastPosition, p));
				if (batch.size() == BATCH) {
					apply(batch);
				}
			}
			apply(batch);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while reading the event store", e);
		}
	}

	private void apply(List<TrackedEventMessage<?>> batch) {
		if (batch.isEmpty()) {
			return;
		}
		BatchingUnitOfWork<TrackedEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(new ArrayList<>(batch));
		ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
			TrackedEventMessage<?> event = unitOfWork.getMessage();
			for (AnnotationEventHandlerAdapter handler : handlers) {
				if (handler.canHandle(event)) {
					handler.handle(event);
				}
			}
			handled++;
			return null;
		}, RollbackConfigurationType.ANY_THROWABLE);
		if (result.isExceptional()) {
			handled = applied;
			Throwable cause = result.exceptionResult();
			throw new IllegalStateException("a read model could not take event " + batch.get(0).getIdentifier()
					+ " or one of the " + batch.size() + " after it: " + cause.getMessage(), cause);
		}
		try {
			shadow.commit();
		}
		catch (SQLException e) {
			throw new IllegalStateException("the rebuilt read models could not be written: " + e.getMessage(), e);
		}
		applied += batch.size();
		lastToken = batch.get(batch.size() - 1).trackingToken();
		batch.clear();
	}
}
