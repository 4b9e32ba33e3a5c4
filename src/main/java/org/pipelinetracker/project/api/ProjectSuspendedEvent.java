package org.pipelinetracker.project.api;

import java.time.LocalDate;

/**
 * The project was suspended from the stage it was in.
 */
public record ProjectSuspendedEvent(ProjectId projectId, LocalDate suspendedOn, String reason, Stage suspendedFrom) implements StageChange {

	@Override
	public LocalDate effectiveDate() {
		return suspendedOn;
	}

	@Override
	public Stage stageAfter() {
		return Stage.SUSPENDED;
	}

	@Override
	public LocalDate stageChangedOn() {
		return suspendedOn;
	}
}
