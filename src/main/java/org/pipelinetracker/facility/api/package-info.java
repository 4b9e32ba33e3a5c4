/**
 * The facility module's published language: the facility id, commands and events (all records). Amounts are
 * {@link org.pipelinetracker.project.api.Money}, and refusals are
 * {@link org.pipelinetracker.project.api.CommandRejectedException}s, so both modules speak the same language.
 */
package org.pipelinetracker.facility.api;
