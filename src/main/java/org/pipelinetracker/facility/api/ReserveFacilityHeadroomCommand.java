package org.pipelinetracker.facility.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.pipelinetracker.project.api.Money;

import java.time.LocalDate;

/**
 * Reserves part of a facility's limit for one commitment of a project. Reserving again for the same
 * (projectId, fundingId) adds to what is reserved: that is how an upward correction is recorded.
 */
public record ReserveFacilityHeadroomCommand(@TargetAggregateIdentifier FacilityId facilityId, String projectId,
		String fundingId, Money amount, LocalDate committedOn) {
}
