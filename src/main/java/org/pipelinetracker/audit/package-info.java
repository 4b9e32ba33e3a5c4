/**
 * Audit: history of every event, replay with progress, consistency check of the read models, the dead-letter queue
 * of the projections and the tamper-evident chain over the event store. It reads the event store and the published
 * languages of the modules, never their internals; no module depends on it.
 */
@ApplicationModule(displayName = "Audit", allowedDependencies = {"kernel", "messaging", "messaging :: cluster", "storage", "http", "project :: api", "facility :: api", "period :: api", "documents"})
package org.pipelinetracker.audit;

import org.springframework.modulith.ApplicationModule;
