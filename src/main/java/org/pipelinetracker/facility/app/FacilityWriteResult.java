package org.pipelinetracker.facility.app;

/**
 * What a facility write answers: the facility and its version after the write.
 */
public record FacilityWriteResult(String facilityId, long version) {
}
