package org.pipelinetracker.project.api;

import java.time.LocalDate;
import java.util.List;

/**
 * The data-quality notes of the latest import of the project: the file, its {@code last-updated-datetime} (may be
 * null), and each thing adjusted or not recorded with why (an empty list: nothing to say any more). They replace the
 * notes of the import before. Effective from {@code recordedOn}.
 */
public record ImportNotesRecordedEvent(ProjectId projectId, String file, String lastUpdated, List<ImportNote> notes,
		LocalDate recordedOn) implements ProjectEvent {

	@Override
	public LocalDate effectiveDate() {
		return recordedOn;
	}
}
