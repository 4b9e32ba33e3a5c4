/**
 * Rebuilding read models: the event store read once into shadow tables while the live ones answer, then swapped in
 * with the processors' tokens in one transaction; progress, cancel, one rebuild at a time, reads flagged meanwhile.
 */
package org.pipelinetracker.audit.replay;
