package org.pipelinetracker.period.api;

/**
 * Every event of a reporting period (closed, reopened). Who recorded it and why travel as message metadata
 * ({@code org.pipelinetracker.kernel.AuditMetadata}); when, as the event message's timestamp.
 */
public interface PeriodEvent {

	/** The period's name: {@code 2024-Q4}, {@code FY2024}. */
	String period();
}
