/**
 * IATI 2.03 activity import: streams an {@code iati-activities} file (StAX, one activity in memory at a time) and
 * turns each {@code iati-activity} into the project commands of the public write path
 * ({@code project.app.ProjectWriteService}), leniently: whatever is sound is imported, everything else is reported
 * with its identifier and the reason. Idempotent: a second import of the same file appends nothing.
 * <p>
 * The shape: {@code IatiImporter} is the file loop (progress, size limit, the report), {@code IatiReader} reads one
 * activity at a time, {@code ActivityImporter} runs identity ({@code ProjectIdentifiers}) → proposal
 * ({@code ProposalMapper} with sector and region) → organisations → agreements → money ({@code MoneyMapper}:
 * commitments and corrections, disbursements, incoming funds, expenditure, and the report of the transaction types
 * not modelled) → status ({@code ActivityStatusMapper}).
 * Depends on {@code project.api}, {@code project.app}, {@code project.query}, {@code reference}, {@code kernel},
 * {@code http} and {@code iati.conventions}; never on {@code project.command}.
 */
package org.pipelinetracker.iati.imports;
