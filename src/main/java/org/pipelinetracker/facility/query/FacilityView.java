package org.pipelinetracker.facility.query;

import org.pipelinetracker.project.api.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * A facility as the read model sees it: its limit, what is committed against it and what remains, and which
 * project commitments hold what. {@code version} is the sequence number of the facility's last event applied.
 */
public record FacilityView(String facilityId, String name, String lender, Money limit, Money committed,
		Money remaining, LocalDate validFrom, LocalDate validTo, List<ProjectReservation> projects, long version) {

	/** What one commitment of a project holds of the facility, and the date it was committed on. */
	public record ProjectReservation(String projectId, String fundingId, Money amount, LocalDate committedOn) {
	}
}
