package org.pipelinetracker.facility.api;

import org.pipelinetracker.project.api.Money;

import java.time.LocalDate;

/**
 * Part of a facility's limit was reserved for a project's commitment ({@code amount} is added to what that
 * commitment already holds).
 */
public record FacilityHeadroomReservedEvent(FacilityId facilityId, String projectId, String fundingId, Money amount,
		LocalDate committedOn) implements FacilityEvent {
}
