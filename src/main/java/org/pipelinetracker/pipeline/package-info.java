/**
 * Portfolio read models: the pipeline by stage, sector and source, funding over time and milestone slippage,
 * each answerable "as of" a date and "as known at" an instant.
 */
package org.pipelinetracker.pipeline;
