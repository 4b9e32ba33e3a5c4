package org.pipelinetracker.facility.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.pipelinetracker.project.api.Money;

import java.time.LocalDate;

/**
 * Opens a credit line with a limit shared by many projects, lending from {@code validFrom} to {@code validTo}
 * (both inclusive), e.g. Korea's EDCF framework for Uzbekistan 2024–2027, USD 2,000,000,000.
 */
public record CreateFacilityCommand(@TargetAggregateIdentifier FacilityId facilityId, String name, String lender,
		Money limit, LocalDate validFrom, LocalDate validTo) {
}
