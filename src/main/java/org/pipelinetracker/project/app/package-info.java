/**
 * The project's use cases: each write validated completely (structure, codelists, formats), sent as a command with
 * its audit metadata, and answered with the project's new version; the requests they take. The HTTP API, the IATI
 * import and the demo data all call this layer.
 */
@NamedInterface("app")
package org.pipelinetracker.project.app;

import org.springframework.modulith.NamedInterface;
