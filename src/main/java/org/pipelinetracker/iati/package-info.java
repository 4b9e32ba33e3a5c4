/**
 * IATI 2.03 exchange: import of published activity files through the project module's use cases, and export of the
 * pipeline from its queries. {@code imports} reads files into commands, {@code export} writes the pipeline, and
 * {@code conventions} is the one home of the project's own IATI conventions both sides use.
 */
@ApplicationModule(displayName = "IATI exchange", allowedDependencies = {"kernel", "messaging", "storage", "http", "project :: api", "project :: app", "project :: query", "fx", "reference", "sheets"})
package org.pipelinetracker.iati;

import org.springframework.modulith.ApplicationModule;
