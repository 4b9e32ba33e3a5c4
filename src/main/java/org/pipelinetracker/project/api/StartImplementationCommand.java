package org.pipelinetracker.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Moves a financed project into implementation.
 */
public record StartImplementationCommand(@TargetAggregateIdentifier ProjectId projectId, LocalDate startedOn) {
}
