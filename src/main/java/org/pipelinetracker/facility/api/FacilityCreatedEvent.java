package org.pipelinetracker.facility.api;

import org.pipelinetracker.project.api.Money;

import java.time.LocalDate;

/**
 * A credit facility was opened.
 */
public record FacilityCreatedEvent(FacilityId facilityId, String name, String lender, Money limit, LocalDate validFrom,
		LocalDate validTo) implements FacilityEvent {
}
