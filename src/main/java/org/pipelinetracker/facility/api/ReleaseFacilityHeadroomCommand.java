package org.pipelinetracker.facility.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.pipelinetracker.project.api.Money;

/**
 * Gives back part or all of what is reserved for one commitment of a project: the project refused the
 * commitment, or it was corrected downwards.
 */
public record ReleaseFacilityHeadroomCommand(@TargetAggregateIdentifier FacilityId facilityId, String projectId,
		String fundingId, Money amount, String reason) {
}
