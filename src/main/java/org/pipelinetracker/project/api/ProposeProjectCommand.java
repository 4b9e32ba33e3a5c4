package org.pipelinetracker.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Proposes a new project; the first event of its stream.
 */
public record ProposeProjectCommand(@TargetAggregateIdentifier ProjectId projectId, String title, String description, String sector, String region, List<Partner> partners, Money estimatedCost, LocalDate proposedOn, LocalDate plannedStart, LocalDate plannedEnd) {
}
