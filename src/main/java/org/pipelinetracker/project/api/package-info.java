/**
 * The project module's published language: ids, value types, commands and events (all records), the refusal every
 * module raises ({@link org.pipelinetracker.project.api.CommandRejectedException}) and the port through which a
 * commitment reserves a facility's headroom ({@link org.pipelinetracker.project.api.FacilityHeadroom}). Used by every
 * module that reads or writes projects; depends on nothing of ours.
 */
@NamedInterface("api")
package org.pipelinetracker.project.api;

import org.springframework.modulith.NamedInterface;
