package org.pipelinetracker.project.api;

import java.time.LocalDate;

/**
 * The project was cancelled (terminal).
 */
public record ProjectCancelledEvent(ProjectId projectId, LocalDate cancelledOn, String reason, Stage cancelledFrom) implements ProjectEvent {

	@Override
	public LocalDate effectiveDate() {
		return cancelledOn;
	}
}
