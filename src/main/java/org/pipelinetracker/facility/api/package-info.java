/**
 * The facility module's published language: the facility id, commands and events (all records). Amounts are
 * {@link org.pipelinetracker.project.api.Money}, and refusals are
 * {@link org.pipelinetracker.project.api.CommandRejectedException}s, so both modules speak the same language.
 */
@NamedInterface("api")
package org.pipelinetracker.facility.api;

import org.springframework.modulith.NamedInterface;
