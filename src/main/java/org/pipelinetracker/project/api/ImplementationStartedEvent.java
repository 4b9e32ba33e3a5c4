package org.pipelinetracker.project.api;

import java.time.LocalDate;

/**
 * Implementation started.
 */
public record ImplementationStartedEvent(ProjectId projectId, LocalDate startedOn) implements StageChange {

	@Override
	public LocalDate effectiveDate() {
		return startedOn;
	}

	@Override
	public Stage stageAfter() {
		return Stage.IMPLEMENTATION;
	}

	@Override
	public LocalDate stageChangedOn() {
		return startedOn;
	}
}
