package org.pipelinetracker.project.api;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * When a project was stalled, in valid time: the one definition behind every "stalled since" and "days stalled" of
 * the API ({@code /api/alerts}, a project's {@code alerts}, the project summaries) and the pages.
 * <ul>
 * <li>A stall begins on its due date ({@code since}): the day the wait for funding after a binding agreement, or for
 * a first disbursement after a commitment, ran out.</li>
 * <li>It ends on the date of the first fact that ends it ({@code resolvedOn}): a commitment or incoming funds (no
 * funding), a disbursement under the commitment (no disbursement), or the project's completion or cancellation.
 * Null while it holds.</li>
 * <li>A fact that ends it dated on or before its due date means it <em>never held</em>: the funding or the
 * disbursement came in time, even if it was recorded later. Such a stall is no alert at all, not a resolved one.</li>
 * <li>Its length in days runs from {@code since} to {@code resolvedOn}, or, while it holds, to the day asked about
 * (today, or the "as of" date), never below 0.</li>
 * </ul>
 */
public record StallPeriod(LocalDate since, LocalDate resolvedOn) {

	/** Whether a fact dated {@code factOn} that ends a stall due on {@code dueOn} means the stall never held. */
	public static boolean neverHeld(LocalDate dueOn, LocalDate factOn) {
		return !factOn.isAfter(dueOn);
	}

	/** The days stalled: from {@code since} to {@code resolvedOn}, or to {@code on} while it holds (never below 0). */
	public long days(LocalDate on) {
		LocalDate end = resolvedOn != null ? resolvedOn : on;
		return Math.max(0, ChronoUnit.DAYS.between(since, end));
	}
}
