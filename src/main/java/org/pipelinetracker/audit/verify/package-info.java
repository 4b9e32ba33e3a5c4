/**
 * The consistency check: every read model rebuilt from the event store into a shadow database and compared with
 * the live one, row by row.
 */
package org.pipelinetracker.audit.verify;
