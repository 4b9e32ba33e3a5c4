/**
 * Exchange rates supplied by users ({@code config/fx-rates.csv}), used to normalise amounts to USD. Stands alone:
 * it knows only the shared infrastructure.
 */
@ApplicationModule(displayName = "Exchange rates", allowedDependencies = {"kernel", "messaging", "storage", "http"})
package org.pipelinetracker.fx;

import org.springframework.modulith.ApplicationModule;
