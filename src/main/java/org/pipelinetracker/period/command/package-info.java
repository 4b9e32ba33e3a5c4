/**
 * Write side of the period module: the {@code ReportingPeriod} aggregate, reached only through commands. Internal
 * to the module.
 */
package org.pipelinetracker.period.command;
