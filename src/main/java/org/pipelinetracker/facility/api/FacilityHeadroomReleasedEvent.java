package org.pipelinetracker.facility.api;

import org.pipelinetracker.project.api.Money;

/**
 * Part of what was reserved for a project's commitment was given back to the facility ({@code amount} is
 * subtracted).
 */
public record FacilityHeadroomReleasedEvent(FacilityId facilityId, String projectId, String fundingId, Money amount,
		String reason) implements FacilityEvent {
}
