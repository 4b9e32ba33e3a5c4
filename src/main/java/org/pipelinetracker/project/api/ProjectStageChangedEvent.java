package org.pipelinetracker.project.api;

import java.time.LocalDate;

/**
 * The project moved to another stage as a consequence of another event (binding agreement, first commitment).
 */
public record ProjectStageChangedEvent(ProjectId projectId, Stage from, Stage to, LocalDate changedOn) implements StageChange {

	@Override
	public LocalDate effectiveDate() {
		return changedOn;
	}

	@Override
	public Stage stageAfter() {
		return to;
	}

	@Override
	public LocalDate stageChangedOn() {
		return changedOn;
	}
}
