package org.pipelinetracker.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Suspends a project; resuming returns it to the stage it left.
 */
public record SuspendProjectCommand(@TargetAggregateIdentifier ProjectId projectId, LocalDate suspendedOn, String reason) {
}
