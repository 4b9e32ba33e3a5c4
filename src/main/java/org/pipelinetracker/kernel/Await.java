package org.pipelinetracker.kernel;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for an eventually consistent read model to show a write: looks every {@value #POLL_MILLIS} ms, each look its
 * own short read (so a row the projection commits meanwhile is seen), for at most a timeout.
 */
public final class Await {

	static final long POLL_MILLIS = 10;

	private Await() {
	}

	/** Whether {@code holds} became true within {@code timeout} (false also when interrupted). */
	public static boolean until(BooleanSupplier holds, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			if (holds.getAsBoolean()) {
				return true;
			}
			if (System.nanoTime() >= deadline) {
				return false;
			}
			try {
				Thread.sleep(POLL_MILLIS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
	}
}
