package org.pipelinetracker.http.reliability;

import java.io.IOException;

/**
 * A request body longer than its limit ({@code tracker.http.max-body-size}, or {@code tracker.http.max-import-size}
 * for imports): answered with 413.
 */
public class BodyTooLargeException extends IOException {

	private final long limit;

	BodyTooLargeException(long limit) {
		super("The request body is larger than the limit of " + limit + " bytes");
		this.limit = limit;
	}

	public long limit() {
		return limit;
	}

	/** The exception, if {@code error} is one or was caused by one. */
	public static BodyTooLargeException in(Throwable error) {
		for (Throwable t = error; t != null; t = t.getCause()) {
			if (t instanceof BodyTooLargeException tooLarge) {
				return tooLarge;
			}
			if (t.getCause() == t) {
				break;
			}
		}
		return null;
	}
}
