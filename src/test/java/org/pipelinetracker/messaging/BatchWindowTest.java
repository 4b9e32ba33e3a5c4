package org.pipelinetracker.messaging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BatchWindowTest {

	private static final long MS = 1_000_000;

	@Test
	void handsTheFirstEventsOverAtOnce() {
		BatchWindow window = new BatchWindow(25 * MS, 1_000 * MS);
		assertThat(window.admit(1_000 * MS)).isEqualTo(BatchWindow.NOW);
	}

	@Test
	void handsEverythingOverUntilTheStreamRunsDry() {
		BatchWindow window = new BatchWindow(25 * MS, 0);
		assertThat(window.admit(0)).isEqualTo(BatchWindow.NOW);
		assertThat(window.admit(1 * MS)).isEqualTo(BatchWindow.NOW);
		assertThat(window.admit(90 * MS)).as("a long round is never cut").isEqualTo(BatchWindow.NOW);
	}

	@Test
	void holdsNewEventsUntilTheWindowAfterTheLastRound() {
		BatchWindow window = new BatchWindow(25 * MS, 0);
		window.admit(0);
		window.drained(100 * MS);
		assertThat(window.admit(105 * MS)).as("look again when the window has passed").isEqualTo(20 * MS);
		assertThat(window.admit(110 * MS)).as("the wake-up is already due").isEqualTo(BatchWindow.STILL_HELD);
		assertThat(window.admit(124 * MS)).isEqualTo(BatchWindow.STILL_HELD);
		assertThat(window.admit(125 * MS)).isEqualTo(BatchWindow.NOW);
		window.drained(130 * MS);
		assertThat(window.admit(131 * MS)).as("the next hold asks for a wake-up of its own").isEqualTo(24 * MS);
	}

	@Test
	void handsEventsOverAtOnceAfterAQuietMoment() {
		BatchWindow window = new BatchWindow(25 * MS, 0);
		window.admit(0);
		window.drained(100 * MS);
		window.drained(110 * MS); // found dry again, no round under way: the quiet moment counts from the round's end
		assertThat(window.admit(126 * MS)).isEqualTo(BatchWindow.NOW);
	}

	@Test
	void neverHoldsWithAWindowOfZero() {
		BatchWindow window = new BatchWindow(0, 0);
		window.admit(0);
		window.drained(5);
		assertThat(window.admit(5)).isEqualTo(BatchWindow.NOW);
	}
}
