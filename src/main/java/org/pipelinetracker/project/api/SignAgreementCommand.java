package org.pipelinetracker.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Records an agreement; a binding one moves a proposed project to AGREED. {@code documentId} (optional) names the
 * project document that is the agreement's text.
 */
public record SignAgreementCommand(@TargetAggregateIdentifier ProjectId projectId, String agreementId, AgreementType type,
		LocalDate signedOn, List<String> parties, String documentUrl, String documentId) {

	/** An agreement that is no kept document. */
	public SignAgreementCommand(ProjectId projectId, String agreementId, AgreementType type, LocalDate signedOn,
			List<String> parties, String documentUrl) {
		this(projectId, agreementId, type, signedOn, parties, documentUrl, null);
	}
}
