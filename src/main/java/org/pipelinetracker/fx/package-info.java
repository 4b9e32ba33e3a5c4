/**
 * Exchange rates: the rates users supply ({@code config/fx-rates.csv}) and the Central Bank of the Republic of
 * Uzbekistan's official rates, imported by upload or by an optional scheduled fetch and kept in the database with
 * their source and date; exact conversions (cross rates through UZS) to USD and the display currencies. Stands
 * alone: it knows only the shared infrastructure.
 */
@ApplicationModule(displayName = "Exchange rates", allowedDependencies = {"kernel", "messaging", "storage", "http"})
package org.pipelinetracker.fx;

import org.springframework.modulith.ApplicationModule;
