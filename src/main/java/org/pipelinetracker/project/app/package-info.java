/**
 * The project's use cases: each write validated completely (structure, codelists, formats) and sent as a command with
 * its audit metadata. The HTTP API, the IATI import and the demo data all call this layer, never the web layer.
 */
package org.pipelinetracker.project.app;
