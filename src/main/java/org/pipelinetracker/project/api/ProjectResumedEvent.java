package org.pipelinetracker.project.api;

import java.time.LocalDate;

/**
 * The project was resumed into the stage it had left.
 */
public record ProjectResumedEvent(ProjectId projectId, LocalDate resumedOn, Stage resumedTo) implements ProjectEvent {

	@Override
	public LocalDate effectiveDate() {
		return resumedOn;
	}
}
