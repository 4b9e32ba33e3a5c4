package org.pipelinetracker.project.api;

import java.time.LocalDate;
import java.util.List;

/**
 * An agreement was signed (binding or not).
 */
public record AgreementSignedEvent(ProjectId projectId, String agreementId, AgreementType type, LocalDate signedOn, List<String> parties, String documentUrl) implements ProjectEvent {

	@Override
	public LocalDate effectiveDate() {
		return signedOn;
	}
}
