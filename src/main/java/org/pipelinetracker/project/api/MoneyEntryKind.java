package org.pipelinetracker.project.api;

/**
 * The kinds of money entry a deployment may require a second person to approve ({@code tracker.approvals.required-for}):
 * a commitment (committed funding of any source, an Eximbank loan, an IATI type-2 commitment), a correction of a
 * commitment's amount, and a disbursement.
 */
public enum MoneyEntryKind {
	COMMITMENT,
	CORRECTION,
	DISBURSEMENT
}
