/**
 * Storage: the event store engine on Flyway's tables (each event's instant parsed once: {@link
 * org.pipelinetracker.storage.EventTimestamps}), the one set of migrations for H2 and PostgreSQL, the H2 dialect that
 * keeps binary columns in the row, the H2 file compacted at start when it is mostly dead space, and work that runs once
 * a transaction has committed ({@link org.pipelinetracker.storage.AfterCommit}). Internal, below: PostgreSQL's dialect
 * and savepoints ({@code postgres}).
 * <p>
 * A module of the shared infrastructure: every module may use this package; it knows only the kernel.
 */
@ApplicationModule(displayName = "Storage", allowedDependencies = {"kernel"})
package org.pipelinetracker.storage;

import org.springframework.modulith.ApplicationModule;
