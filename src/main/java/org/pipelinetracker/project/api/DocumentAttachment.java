package org.pipelinetracker.project.api;

/**
 * What an uploaded document is evidence of, within its project: an agreement ({@code agreementId}), a funding
 * commitment ({@code fundingId}), a disbursement ({@code <fundingId>/<disbursedOn>}: the disbursements recorded under
 * that funding on that ISO date) or a milestone ({@code milestoneId}).
 */
public record DocumentAttachment(Kind kind, String id) {

	public enum Kind {
		AGREEMENT, FUNDING, DISBURSEMENT, MILESTONE
	}
}
