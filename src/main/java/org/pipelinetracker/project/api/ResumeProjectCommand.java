package org.pipelinetracker.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Resumes a suspended project.
 */
public record ResumeProjectCommand(@TargetAggregateIdentifier ProjectId projectId, LocalDate resumedOn) {
}
