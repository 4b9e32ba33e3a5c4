package org.pipelinetracker.project.api;

import java.time.LocalDate;

/**
 * Implementation started.
 */
public record ImplementationStartedEvent(ProjectId projectId, LocalDate startedOn) implements ProjectEvent {

	@Override
	public LocalDate effectiveDate() {
		return startedOn;
	}
}
