package org.pipelinetracker.project.api;

import java.time.LocalDate;

/**
 * The project was resumed into the stage it had left.
 */
public record ProjectResumedEvent(ProjectId projectId, LocalDate resumedOn, Stage resumedTo) implements StageChange {

	@Override
	public LocalDate effectiveDate() {
		return resumedOn;
	}

	@Override
	public Stage stageAfter() {
		return resumedTo;
	}

	@Override
	public LocalDate stageChangedOn() {
		return resumedOn;
	}
}
