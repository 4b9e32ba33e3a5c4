package org.pipelinetracker.project.api;

import java.time.LocalDate;
import java.util.Map;

/**
 * What the project write path needs from a credit facility: reserve headroom before a commitment that names the
 * facility, release it when the commitment is refused or corrected downwards. Implemented by the facility module,
 * so project does not depend on it.
 */
public interface FacilityHeadroom {

	/** Reserves {@code amount}; refused (409) when it would exceed the facility's limit. Returns the facility version. */
	long reserve(String facilityId, String projectId, String fundingId, Money amount, LocalDate committedOn,
			Map<String, Object> metadata);

	void release(String facilityId, String projectId, String fundingId, Money amount, String reason,
			Map<String, Object> metadata);
}
