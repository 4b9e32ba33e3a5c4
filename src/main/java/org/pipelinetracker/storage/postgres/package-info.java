/**
 * PostgreSQL support for profile {@code postgres} (application-postgres.properties, db/migration/common with PostgreSQL's types): the
 * Hibernate dialect that keeps Axon's binary columns in {@code bytea}.
 */
package org.pipelinetracker.storage.postgres;
