/**
 * Storage: the event store engine on Flyway's tables, the one set of migrations for H2 and PostgreSQL, the H2 dialect
 * that keeps binary columns in the row, and work that runs once a transaction has committed ({@link
 * org.pipelinetracker.storage.AfterCommit}). Internal, below: PostgreSQL's dialect and savepoints ({@code postgres}).
 * <p>
 * A module of the shared infrastructure: every module may use this package; it knows only the kernel.
 */
@ApplicationModule(displayName = "Storage", allowedDependencies = {"kernel"})
package org.pipelinetracker.storage;

import org.springframework.modulith.ApplicationModule;
