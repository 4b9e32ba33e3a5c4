/**
 * The credit facilities' use cases: creating a facility, and the reservation process that reserves a commitment's
 * headroom on its facility before the commitment is recorded and releases it when the commitment is refused (the
 * project module's {@link org.pipelinetracker.project.api.FacilityHeadroom}).
 */
@NamedInterface("app")
package org.pipelinetracker.facility.app;

import org.springframework.modulith.NamedInterface;
