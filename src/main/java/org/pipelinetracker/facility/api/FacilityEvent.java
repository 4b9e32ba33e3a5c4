package org.pipelinetracker.facility.api;

/**
 * Every event of a facility. Who recorded it, why and from which source travel as message metadata
 * ({@code org.pipelinetracker.kernel.AuditMetadata}); when, as the event message's timestamp.
 */
public interface FacilityEvent {

	FacilityId facilityId();
}
