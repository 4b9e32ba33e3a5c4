/**
 * Write side of the facility module: the {@code Facility} aggregate, reached only through commands.
 */
package org.pipelinetracker.facility.command;
