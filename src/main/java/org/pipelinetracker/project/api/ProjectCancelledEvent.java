package org.pipelinetracker.project.api;

import java.time.LocalDate;

/**
 * The project was cancelled (terminal).
 */
public record ProjectCancelledEvent(ProjectId projectId, LocalDate cancelledOn, String reason, Stage cancelledFrom) implements StageChange {

	@Override
	public LocalDate effectiveDate() {
		return cancelledOn;
	}

	@Override
	public Stage stageAfter() {
		return Stage.CANCELLED;
	}

	@Override
	public LocalDate stageChangedOn() {
		return cancelledOn;
	}
}
