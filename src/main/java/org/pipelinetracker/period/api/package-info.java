/**
 * The period module's published language: fiscal periods ({@link org.pipelinetracker.period.api.FiscalPeriod}) and
 * the commands and events that close and reopen them (records). The audit trail lists the events by their type.
 */
@NamedInterface("api")
package org.pipelinetracker.period.api;

import org.springframework.modulith.NamedInterface;
