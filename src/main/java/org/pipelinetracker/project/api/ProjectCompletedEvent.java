package org.pipelinetracker.project.api;

import java.time.LocalDate;

/**
 * The project was completed (terminal).
 */
public record ProjectCompletedEvent(ProjectId projectId, LocalDate completedOn) implements StageChange {

	@Override
	public LocalDate effectiveDate() {
		return completedOn;
	}

	@Override
	public Stage stageAfter() {
		return Stage.COMPLETED;
	}

	@Override
	public LocalDate stageChangedOn() {
		return completedOn;
	}
}
