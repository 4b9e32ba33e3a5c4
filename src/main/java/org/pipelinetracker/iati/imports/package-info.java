/**
 * IATI 2.03 activity import: streams an {@code iati-activities} file (StAX, one activity in memory at a time) and
 * turns each {@code iati-activity} into the project commands of the public write path
 * ({@code project.app.ProjectWriteService}), leniently: whatever is sound is imported, everything else is reported
 * with its identifier and the reason. Idempotent: a second import of the same file appends nothing.
 * Depends on {@code project.api}, {@code project.app}, {@code project.query}, {@code reference}, {@code kernel} and
 * {@code http}; never on {@code project.command}.
 */
package org.pipelinetracker.iati.imports;
