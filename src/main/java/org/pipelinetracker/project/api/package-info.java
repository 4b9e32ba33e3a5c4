/**
 * The project module's published language: ids, value types, commands and events (all records).
 */
package org.pipelinetracker.project.api;
