package org.pipelinetracker.project.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * An agreement was signed (binding or not). {@code documentId} names the project document it is (a
 * {@link DocumentLinkedEvent}), or is null; {@code documentUrl} is where its text is, or null.
 * <p>
 * Revision "2": {@code documentId} is always present. Agreements stored before documents were kept have no revision
 * and no {@code documentId}; they are read with none ({@code audit.upcasting.AgreementSignedEventUpcaster}).
 */
@Revision("2")
public record AgreementSignedEvent(ProjectId projectId, String agreementId, AgreementType type, LocalDate signedOn,
		List<String> parties, String documentUrl, String documentId) implements ProjectEvent {

	/** An agreement that is no kept document. */
	public AgreementSignedEvent(ProjectId projectId, String agreementId, AgreementType type, LocalDate signedOn,
			List<String> parties, String documentUrl) {
		this(projectId, agreementId, type, signedOn, parties, documentUrl, null);
	}

	@Override
	public LocalDate effectiveDate() {
		return signedOn;
	}
}
