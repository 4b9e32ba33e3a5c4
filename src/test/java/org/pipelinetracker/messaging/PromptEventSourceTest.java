package org.pipelinetracker.messaging;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The batch window on a real embedded event store: held while writes keep coming, at once after a quiet moment. */
class PromptEventSourceTest {

	private static final Duration WINDOW = Duration.ofMillis(400);

	// each stream reads the storage itself (no shared producer thread): what a stream has is there when published
	private final EmbeddedEventStore store = EmbeddedEventStore.builder()
			.storageEngine(new InMemoryEventStorageEngine())
			.optimizeEventConsumption(false)
			.build();
	private final PromptEventSource source = new PromptEventSource(store, Duration.ofMinutes(1), WINDOW);
	private final List<Long> wakeUps = new CopyOnWriteArrayList<>();

	@AfterEach
	void close() {
		source.destroy();
		store.shutDown();
	}

	@Test
	void holdsEventsWrittenRightAfterARoundForTheWindowThenHandsThemOverTogether() throws Exception {
		BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
		stream.setOnAvailableCallback(() -> wakeUps.add(System.nanoTime()));

		store.publish(GenericEventMessage.asEventMessage("first"));
		assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).as("after a quiet moment: at once").isTrue();
		assertThat(stream.nextAvailable().getPayload()).isEqualTo("first");
		assertThat(stream.hasNextAvailable()).isFalse();
		long roundEnded = System.nanoTime();

		store.publish(GenericEventMessage.asEventMessage("second"));
		store.publish(GenericEventMessage.asEventMessage("third"));
		assertThat(stream.peek()).as("the store has them").isPresent();
		assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).as("written right after a round: held").isFalse();

		long windowEnd = roundEnded + WINDOW.toNanos();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (wakeUps.stream().noneMatch(at -> at >= windowEnd) && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(wakeUps).as("the processor is woken when the window has passed").anyMatch(at -> at >= windowEnd);
		assertThat(System.nanoTime()).isGreaterThanOrEqualTo(windowEnd);
		assertThat(stream.hasNextAvailable()).isTrue();
		assertThat(stream.nextAvailable().getPayload()).isEqualTo("second");
		assertThat(stream.hasNextAvailable()).as("the rest of the round").isTrue();
		assertThat(stream.nextAvailable().getPayload()).isEqualTo("third");
		stream.close();
	}

	@Test
	void handsEventsOverAtOnceWhenNoWriteCameForTheWindow() throws Exception {
		BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
		store.publish(GenericEventMessage.asEventMessage("first"));
		assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
		stream.nextAvailable();
		assertThat(stream.hasNextAvailable()).isFalse();

		Thread.sleep(WINDOW.toMillis() + 50);
		store.publish(GenericEventMessage.asEventMessage("later"));
		assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
		assertThat(stream.nextAvailable().getPayload()).isEqualTo("later");
		stream.close();
	}

	@Test
	void aWindowOfZeroNeverHolds() throws Exception {
		PromptEventSource noWindow = new PromptEventSource(store, Duration.ofMinutes(1), Duration.ZERO);
		try {
			BlockingStream<TrackedEventMessage<?>> stream = noWindow.openStream(null);
			for (String payload : List.of("a", "b", "c")) {
				store.publish(GenericEventMessage.asEventMessage(payload));
				assertThat(stream.hasNextAvailable(5, TimeUnit.SECONDS)).isTrue();
				assertThat(stream.nextAvailable().getPayload()).isEqualTo(payload);
				assertThat(stream.hasNextAvailable()).isFalse();
			}
			stream.close();
		}
		finally {
			noWindow.destroy();
		}
	}
}
