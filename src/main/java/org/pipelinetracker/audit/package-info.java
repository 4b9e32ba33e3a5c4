/**
 * Audit: history of every event, replay with progress, consistency check of the read models and the
 * tamper-evident chain over the event store.
 */
package org.pipelinetracker.audit;
