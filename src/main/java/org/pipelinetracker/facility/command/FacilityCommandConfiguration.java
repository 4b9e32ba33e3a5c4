package org.pipelinetracker.facility.command;

import org.pipelinetracker.messaging.SnapshotTypes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * What the facility aggregate needs from the framework, so that {@link Facility} stays plain Java: the JSON shape
 * of its snapshots.
 */
@Configuration(proxyBeanMethods = false)
class FacilityCommandConfiguration {

	/** A snapshot of a {@link Facility} is its fields, private as they are, and never a getter. */
	@Bean
	SnapshotTypes facilitySnapshotTypes() {
		return () -> List.of(Facility.class);
	}
}
