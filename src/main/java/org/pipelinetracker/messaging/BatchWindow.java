package org.pipelinetracker.messaging;

/**
 * When a processor's event stream hands new events over: at once after a quiet moment, otherwise no sooner than
 * the window after the processor's last round ended. A round hands over everything there is until the stream runs
 * dry, so under a steady stream of writes each round is one batch of a window's worth of events instead of a
 * batch per commit. One per stream; used by its processor's coordinator thread only.
 */
final class BatchWindow {

	/** {@link #admit}: hand the events over now. */
	static final long NOW = -1;
	/** {@link #admit}: hold them; a wake-up is already due. */
	static final long STILL_HELD = 0;

	private final long windowNanos;
	/** A round is under way. */
	private boolean open;
	/** When the last round found the stream dry. */
	private long drainedAt;
	/** A wake-up is due for the events held now. */
	private boolean wakeUpDue;

	BatchWindow(long windowNanos, long nowNanos) {
		this.windowNanos = windowNanos;
		this.drainedAt = nowNanos - windowNanos; // quiet until now: the first events go at once
	}

	/**
	 * Events are available. Returns {@link #NOW}; {@link #STILL_HELD}; or, when they are held for the first
	 * time, in how many nanoseconds to look again.
	 */
	long admit(long nowNanos) {
		if (open) {
			return NOW;
		}
		long quietFor = nowNanos - drainedAt;
		if (quietFor >= windowNanos) {
			open = true;
			wakeUpDue = false;
			return NOW;
		}
		if (wakeUpDue) {
			return STILL_HELD;
		}
		wakeUpDue = true;
		return windowNanos - quietFor;
	}

	/** The stream has no events available: a round under way ends. */
	void drained(long nowNanos) {
		if (open) {
			open = false;
			drainedAt = nowNanos;
		}
	}
}
