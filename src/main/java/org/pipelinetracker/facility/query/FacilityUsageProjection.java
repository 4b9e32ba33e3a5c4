package org.pipelinetracker.facility.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.pipelinetracker.facility.api.FacilityCreatedEvent;
import org.pipelinetracker.facility.api.FacilityHeadroomReleasedEvent;
import org.pipelinetracker.facility.api.FacilityHeadroomReservedEvent;
import org.springframework.stereotype.Component;


/**
 * Keeps {@code facility_view} and {@code facility_project} up to date: per facility what is committed against its
 * limit, and per project commitment what it holds. Rebuilt from scratch by a token reset.
 * <p>
 * Events of one facility arrive in order (the processor sequences by aggregate id); an event whose sequence number
 * the row already carries was applied before and is skipped (delivery is at least once).
 */
@Component
@ProcessingGroup(FacilityUsageProjection.PROCESSING_GROUP)
class FacilityUsageProjection {

	static final String PROCESSING_GROUP = "facility-usage";

	private final FacilityRowRepository facilities;
	private final FacilityProjectRowRepository projects;

	FacilityUsageProjection(FacilityRowRepository facilities, FacilityProjectRowRepository projects) {
		this.facilities = facilities;
		this.projects = projects;
	}

	@EventHandler
	void on(FacilityCreatedEvent event, @SequenceNumber long sequence) {
		if (facilities.existsById(event.facilityId().value())) {
			return; // already applied
		}
		facilities.save(new FacilityRow(event.facilityId().value(), event.name(), event.lender(),
				event.limit().currency(), event.limit().amount(), event.validFrom(), event.validTo(), sequence));
	}

	@EventHandler
	void on(FacilityHeadroomReservedEvent event, @SequenceNumber long sequence) {
		FacilityRow facility = unapplied(event.facilityId().value(), sequence);
		if (facility == null) {
			return;
		}
		FacilityProjectRow.Key key = new FacilityProjectRow.Key(facility.facilityId(), event.projectId(), event.fundingId());
		FacilityProjectRow holding = projects.findById(key).orElseGet(() -> new FacilityProjectRow(facility.facilityId(),
				event.projectId(), event.fundingId(), event.committedOn()));
		holding.add(event.amount().amount());
		projects.save(holding);
		facility.add(event.amount().amount(), sequence);
		facilities.save(facility);
	}

	@EventHandler
	void on(FacilityHeadroomReleasedEvent event, @SequenceNumber long sequence) {
		FacilityRow facility = unapplied(event.facilityId().value(), sequence);
		if (facility == null) {
			return;
		}
		FacilityProjectRow.Key key = new FacilityProjectRow.Key(facility.facilityId(), event.projectId(), event.fundingId());
		FacilityProjectRow holding = projects.findById(key).orElseThrow(() -> new IllegalStateException(
				"no facility_project row for " + event.projectId() + "/" + event.fundingId() + " at event " + sequence
						+ " of facility " + facility.facilityId()));
		holding.add(event.amount().amount().negate());
		if (holding.amount().signum() == 0) {
			projects.delete(holding); // nothing held any more
		}
		else {
			projects.save(holding);
		}
		facility.add(event.amount().amount().negate(), sequence);
		facilities.save(facility);
	}

	/** The facility's row, or null when this event was already applied to it. */
	private FacilityRow unapplied(String facilityId, long sequence) {
		FacilityRow facility = facilities.findById(facilityId).orElseThrow(
				() -> new IllegalStateException("no facility_view row for " + facilityId + " at event " + sequence));
		return sequence <= facility.version() ? null : facility;
	}

	@ResetHandler
	void reset() {
		projects.deleteAllInBatch();
		facilities.deleteAllInBatch();
	}
}
