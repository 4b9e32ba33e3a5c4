/**
 * IATI 2.03 reference codelists (sectors, countries, currencies) and Uzbek regions, used to validate input. Stands
 * alone: it knows only the shared infrastructure.
 */
@ApplicationModule(displayName = "Reference data", allowedDependencies = {"kernel", "messaging", "storage", "http"})
package org.pipelinetracker.reference;

import org.springframework.modulith.ApplicationModule;
