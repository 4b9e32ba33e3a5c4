package org.pipelinetracker.audit.chain;

import java.time.Instant;

/**
 * One link of the event chain: the global index of an event, the chain hash that covers it and everything before
 * it, and when it was chained. The head is the latest link; before any event is chained it is index 0, the
 * genesis hash (64 zeros) and no instant.
 * <p>
 * An auditor who writes the head down can later ask for the link at that index ({@code GET /api/audit/chain/{index}}):
 * the same hash, with a valid chain, proves that no event up to that index has changed since.
 */
public record ChainHead(long globalIndex, String hash, Instant chainedAt) {
}
