/**
 * Axon wiring and throughput: the serializer, metadata propagation, snapshots and the clock; the command bus with
 * group commit and retries of commands that lost a race; the aggregate cache; the event source that wakes the
 * projections and their batch window; persisted deadlines. Internal, below: several nodes on one database
 * ({@code cluster}) and the processors' health ({@code health}).
 * <p>
 * A module of the shared infrastructure: every module may use this package; it knows only the kernel and storage.
 */
@ApplicationModule(displayName = "Messaging", allowedDependencies = {"kernel", "storage"})
package org.pipelinetracker.messaging;

import org.springframework.modulith.ApplicationModule;
