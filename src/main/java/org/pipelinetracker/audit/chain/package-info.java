/**
 * Tamper evidence for the event store: a SHA-256 hash chain over Axon's {@code domain_event_entry}, kept beside it
 * in {@code event_chain} (migration {@code V6__event_chain.sql}).
 *
 * <h2>What is chained</h2>
 * {@code EventChainer} appends one chain row per event, strictly in global-index
 * order: {@code (global_index, previous_index, hash, previous_hash, chained_at)}. {@code previous_index} and
 * {@code previous_hash} are the index and hash of the row it follows (0 and 64 zeros for the first row).
 * {@code hash} is lower-case hex of SHA-256 over the exact bytes stored for the event, never a re-serialization,
 * as a sequence of fields. Each field is a 4-byte big-endian signed length followed by that many bytes; an SQL
 * NULL is the length -1 with no bytes, so NULL and empty differ and no bytes can move from one field to the next.
 * <ol>
 * <li>the layout name {@code pipeline-tracker/event-chain/v1} (US-ASCII);</li>
 * <li>the previous hash: its 32 raw bytes (hex-decoded);</li>
 * <li>the previous index: 8 bytes, big-endian two's complement (as every number below);</li>
 * <li>{@code global_index}: 8 bytes;</li>
 * <li>{@code aggregate_identifier}: UTF-8;</li>
 * <li>{@code sequence_number}: 8 bytes;</li>
 * <li>{@code type} (the aggregate type): UTF-8, may be NULL;</li>
 * <li>{@code event_identifier}: UTF-8;</li>
 * <li>{@code payload_type}: UTF-8;</li>
 * <li>{@code payload_revision}: UTF-8, may be NULL;</li>
 * <li>{@code payload}: the stored bytes of the BLOB;</li>
 * <li>{@code meta_data}: the stored bytes of the BLOB, may be NULL;</li>
 * <li>{@code time_stamp}: UTF-8 of the stored text (an ISO-8601 instant).</li>
 * </ol>
 * Every column of the row is covered, so changing what an event says, who recorded it, when, or which class it is
 * read as breaks its link, and through the previous hash every later link.
 *
 * <h2>Gaps in the global index</h2>
 * Global indexes come from a sequence. A transaction may take index 41 and commit after another took 42 and
 * committed, and a rolled-back transaction leaves its index unused forever. The chainer never chains past a
 * missing index until the gap is older than {@code tracker.audit.chain.gap-grace} (default 10 s). A gap's age is
 * measured from when this node first saw a higher index committed while the gap was missing: the missing indexes
 * were allocated before that higher one, so they are at least that old. The clock is the node's monotonic clock,
 * so clocks of other nodes do not matter. A gap older than the grace period is taken as never used and becomes part
 * of the record: the next row's {@code previous_index} is the last index before the gap, and it is inside the
 * hash. So a gap declared unused can never be confused with an event deleted later (that event's chain row is still
 * there), and an event that appears inside a declared gap afterwards (a transaction that committed later than the
 * grace period, or a forged row) is reported as well.
 *
 * <h2>Several nodes</h2>
 * Each batch (at most 500 events) is one transaction that first locks the single row of {@code event_chain_lock}
 * ({@code select ... for update}, plain SQL on H2 and PostgreSQL), then reads the chain head, then the events after
 * it. Nodes therefore take turns, and each continues from the head the previous one left. A node that waits too
 * long for the lock gives up the batch and tries again. As a backstop, even for a writer that skips the lock,
 * {@code event_chain} has {@code global_index} as primary key and a unique {@code previous_index}: two rows can
 * neither chain the same event nor follow the same row, so the chain cannot fork; the losing transaction rolls back
 * and starts again from the new head.
 *
 * <h2>Running it, verifying it</h2>
 * The chainer runs every {@code tracker.audit.chain.interval} (default 1 s) on its own thread, started and stopped
 * with the application context, and on demand: {@link org.pipelinetracker.audit.chain.ChainVerifier} brings the
 * chain up to date before it answers. {@code verify()} recomputes every link and reports the first index where the
 * chain breaks: an event whose stored bytes changed, a chained event that is gone ("event 42 is missing"), a chain
 * row that is gone or does not continue the previous one, or an event inside a declared gap. Events after the head
 * (within a young gap) are not checked yet.
 * <p>
 * What it cannot show alone: someone able to write both tables could rewrite every link after a change. That is
 * what the head is for ({@code GET /api/audit/head}): an auditor writes down its index and hash, and later checks
 * that {@code GET /api/audit/chain/{index}} still gives the same hash while the chain is valid; then nothing up to
 * that index changed. The same goes for the newest events deleted together with their chain rows: the chain is
 * then only shorter, and only a head written down earlier shows it. An event deleted within the interval before
 * it is chained leaves no trace.
 * <p>
 * HTTP: {@code GET /api/audit/head}, {@code GET /api/audit/chain}, {@code GET /api/audit/chain/{globalIndex}}.
 */
package org.pipelinetracker.audit.chain;
