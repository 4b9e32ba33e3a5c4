package org.pipelinetracker.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Completes a project in implementation (terminal).
 */
public record CompleteProjectCommand(@TargetAggregateIdentifier ProjectId projectId, LocalDate completedOn) {
}
