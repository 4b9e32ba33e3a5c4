package org.pipelinetracker.project.api;

/**
 * Why a project is flagged as stalled.
 */
public enum StallKind {
	/** A binding agreement, but no funding committed within the configured number of days. */
	NO_FUNDING,
	/** A commitment, but nothing disbursed under it within the configured number of days. */
	NO_DISBURSEMENT
}
