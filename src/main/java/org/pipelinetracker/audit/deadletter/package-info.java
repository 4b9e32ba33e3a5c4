/**
 * The dead-letter queue of the projections: Axon's JPA sequenced dead-letter queue ({@code dead_letter_entry}) for
 * every processing group that enables it ({@code axon.eventhandling.processors.<group>.dlq.enabled=true}), so an
 * event a projection cannot handle is parked with the rest of its sequence (its project) instead of being lost or
 * stopping the processor; and {@code /api/admin/dead-letters} to list, retry and evict what is parked.
 */
package org.pipelinetracker.audit.deadletter;
