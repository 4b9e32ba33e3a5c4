package org.pipelinetracker.project.api;

import java.time.LocalDate;

/**
 * The project was completed (terminal).
 */
public record ProjectCompletedEvent(ProjectId projectId, LocalDate completedOn) implements ProjectEvent {

	@Override
	public LocalDate effectiveDate() {
		return completedOn;
	}
}
