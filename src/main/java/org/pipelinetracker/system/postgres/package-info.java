/**
 * PostgreSQL support for profile {@code postgres} (application-postgres.properties, db/migration/postgresql): the
 * Hibernate dialect that keeps Axon's binary columns in {@code bytea}.
 */
package org.pipelinetracker.system.postgres;
