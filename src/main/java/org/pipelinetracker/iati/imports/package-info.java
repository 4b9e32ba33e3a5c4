/**
 * IATI 2.03 activity import: streams an {@code iati-activities} file (StAX, one activity in memory at a time) and
 * turns each {@code iati-activity} into the project commands of the public write path
 * ({@code project.web.ProjectWriteService}), leniently: whatever is sound is imported, everything else is reported
 * with its identifier and the reason. Idempotent: a second import of the same file appends nothing.
 * Depends on {@code project.api}, {@code project.query}, {@code project.web}, {@code reference} and {@code system};
 * never on {@code project.command}.
 */
package org.pipelinetracker.iati.imports;
