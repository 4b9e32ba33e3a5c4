package org.pipelinetracker.project.api;

import java.time.LocalDate;

/**
 * The project's title and/or description in {@code language} (not the original's) were recorded: the complete text
 * in that language after the command (either field may be null, not both). The latest record of a language wins.
 */
public record ProjectTextRecordedEvent(ProjectId projectId, String language, String title, String description,
		LocalDate recordedOn) implements ProjectEvent {

	@Override
	public LocalDate effectiveDate() {
		return recordedOn;
	}
}
