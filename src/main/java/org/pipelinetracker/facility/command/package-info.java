/**
 * Write side of the facility module: the {@code Facility} aggregate, reached only through commands. Internal to the
 * module.
 */
package org.pipelinetracker.facility.command;
