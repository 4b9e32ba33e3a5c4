package org.pipelinetracker.project.api;

import java.time.LocalDate;

/**
 * The activity is complete and its accounts are still open (FINALISATION, IATI activity status 3): money may still
 * move under the commitments until the project is completed.
 */
public record ProjectFinalisedEvent(ProjectId projectId, LocalDate finalisedOn) implements StageChange {

	@Override
	public LocalDate effectiveDate() {
		return finalisedOn;
	}

	@Override
	public Stage stageAfter() {
		return Stage.FINALISATION;
	}

	@Override
	public LocalDate stageChangedOn() {
		return finalisedOn;
	}
}
