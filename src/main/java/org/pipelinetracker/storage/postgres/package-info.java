/**
 * PostgreSQL support for profile {@code postgres} (application-postgres.properties, db/migration/common with
 * PostgreSQL's types): the Hibernate dialect that keeps Axon's binary columns in {@code bytea}, and a savepoint around
 * every projection handler so a failed statement does not abort the processor's whole batch. Internal to the
 * {@code storage} module.
 */
package org.pipelinetracker.storage.postgres;
