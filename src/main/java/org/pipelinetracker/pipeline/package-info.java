/**
 * Portfolio read models: the pipeline by stage, sector and source, funding over time and milestone slippage,
 * each answerable "as of" a date and "as known at" an instant. Built from the project module's events (its published
 * language only), with the exchange rates and the reference data; the planned disbursements drawn beside the actual ones
 * are read from the project module's queries (the current revision of each plan, as of a date and as known at an
 * instant).
 */
@ApplicationModule(displayName = "Portfolio pipeline", allowedDependencies = {"kernel", "messaging", "storage", "http", "project :: api", "project :: query", "fx", "reference"})
package org.pipelinetracker.pipeline;

import org.springframework.modulith.ApplicationModule;
