package org.pipelinetracker.project.api;

import java.time.LocalDate;

/**
 * A milestone's plan and/or achievement was recorded; the latest record of a milestone id wins.
 */
public record MilestoneRecordedEvent(ProjectId projectId, String milestoneId, String name, LocalDate plannedOn, LocalDate achievedOn, LocalDate recordedOn) implements ProjectEvent {

	@Override
	public LocalDate effectiveDate() {
		return recordedOn;
	}
}
