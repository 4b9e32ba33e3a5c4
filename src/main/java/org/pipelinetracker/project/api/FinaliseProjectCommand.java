package org.pipelinetracker.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Moves a project in implementation to FINALISATION (IATI 3): the activity is complete, its accounts are still open.
 */
public record FinaliseProjectCommand(@TargetAggregateIdentifier ProjectId projectId, LocalDate finalisedOn) {
}
