package org.pipelinetracker.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Cancels a project (terminal).
 */
public record CancelProjectCommand(@TargetAggregateIdentifier ProjectId projectId, LocalDate cancelledOn, String reason) {
}
