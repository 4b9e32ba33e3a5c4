package org.pipelinetracker.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Records a milestone's plan and/or achievement; recording the same milestone again updates it.
 */
public record RecordMilestoneCommand(@TargetAggregateIdentifier ProjectId projectId, String milestoneId, String name, LocalDate plannedOn, LocalDate achievedOn, LocalDate recordedOn) {
}
