package org.pipelinetracker.project.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A project was proposed.
 */
public record ProjectProposedEvent(ProjectId projectId, String title, String description, String sector, String region, List<Partner> partners, Money estimatedCost, LocalDate proposedOn, LocalDate plannedStart, LocalDate plannedEnd) implements StageChange {

	@Override
	public LocalDate effectiveDate() {
		return proposedOn;
	}

	@Override
	public Stage stageAfter() {
		return Stage.PROPOSED;
	}

	@Override
	public LocalDate stageChangedOn() {
		return proposedOn;
	}
}
