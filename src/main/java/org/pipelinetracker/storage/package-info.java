/**
 * Storage: the event store engine on Flyway's tables, the one set of migrations for H2 and PostgreSQL, the H2 dialect
 * that keeps binary columns in the row, and work that runs once a transaction has committed.
 */
package org.pipelinetracker.storage;
