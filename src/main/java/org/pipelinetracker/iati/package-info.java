/**
 * IATI 2.03 exchange: import of published activity files and export of the pipeline.
 */
package org.pipelinetracker.iati;
