package org.pipelinetracker.iati.imports;

import java.util.List;

/**
 * What an import did. {@code imported}: projects created; {@code updated}: existing projects that gained events;
 * {@code unchanged}: activities already fully recorded. {@code skipped}: every activity, transaction, document link
 * or status change that was not recorded, with its identifier and the reason. {@code notes}: deterministic
 * adjustments made while importing (a sanitised id, the sector chosen, the region used, …).
 * {@code eventsAppended}: the sum, over the activities, of how far each project's version moved.
 */
public record ImportReport(String file, int activitiesRead, int imported, int updated, int unchanged,
		List<Entry> skipped, List<Entry> notes, long eventsAppended) {

	/** One skipped item or note: what it is about (the IATI identifier, plus the transaction or link) and why. */
	public record Entry(String identifier, String reason) {
	}
}
