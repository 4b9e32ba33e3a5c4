package org.pipelinetracker.project.command;

import org.junit.jupiter.api.Test;
import org.pipelinetracker.project.api.AttachDocumentCommand;
import org.pipelinetracker.project.api.CommandRejectedException;
import org.pipelinetracker.project.api.DisbursementRecordedEvent;
import org.pipelinetracker.project.api.DocumentAttachedEvent;
import org.pipelinetracker.project.api.DocumentAttachment;
import org.pipelinetracker.project.api.DocumentAttachment.Kind;

import java.time.LocalDate;

import static org.pipelinetracker.project.api.CommandRejectedException.Kind.DUPLICATE;
import static org.pipelinetracker.project.api.CommandRejectedException.Kind.RULE_VIOLATION;

/**
 * Uploaded documents in the project's history: attached to what exists in this project, a new version of an earlier
 * document, and each id once. The bytes are the documents module's; the aggregate keeps their hash.
 */
class ProjectDocumentsTest extends ProjectFixture {

	static final String SHA = "a".repeat(64);

	static AttachDocumentCommand attach(String documentId, DocumentAttachment to, String supersedes) {
		return new AttachDocumentCommand(ID, documentId, SHA, 1234, "application/pdf", "loan.pdf", "Loan agreement",
				"A11", "en", AGREED_ON, to, supersedes, TODAY);
	}

	static DocumentAttachedEvent attached(String documentId, DocumentAttachment to, String supersedes) {
		return new DocumentAttachedEvent(ID, documentId, SHA, 1234, "application/pdf", "loan.pdf", "Loan agreement",
				"A11", "en", AGREED_ON, to, supersedes, TODAY);
	}

	@Test
	void recordsTheHashAndWhatTheDocumentIsEvidenceOf() {
		DocumentAttachment funding = new DocumentAttachment(Kind.FUNDING, EDCF_FUNDING);
		fixture.given(financed()).when(attach("doc-1", funding, null))
				.expectEvents(attached("doc-1", funding, null));
	}

	@Test
	void attachesToADisbursementByFundingAndDate() {
		LocalDate disbursedOn = COMMITTED_ON.plusDays(10);
		DocumentAttachment disbursement = new DocumentAttachment(Kind.DISBURSEMENT, EDCF_FUNDING + "/" + disbursedOn);
		fixture.given(concat(financed(), new DisbursementRecordedEvent(ID, EDCF_FUNDING, usd("1000000.00"), disbursedOn)))
				.when(attach("doc-1", disbursement, null))
				.expectEvents(attached("doc-1", disbursement, null));
	}

	@Test
	void aNewVersionSupersedesAnEarlierDocument() {
		fixture.given(concat(financed(), attached("doc-1", null, null))).when(attach("doc-2", null, "doc-1"))
				.expectEvents(attached("doc-2", null, "doc-1"));
	}

	@Test
	void rejectsAnAttachmentThisProjectDoesNotHave() {
		given(financed()).when(attach("doc-1", new DocumentAttachment(Kind.FUNDING, "K-OTHER"), null))
				.expectRejected(RULE_VIOLATION, "attachedTo", "K-OTHER");
		given(financed()).when(attach("doc-1", new DocumentAttachment(Kind.DISBURSEMENT, EDCF_FUNDING + "/2026-03-06"), null))
				.expectRejected(RULE_VIOLATION, "attachedTo");
		given(financed()).when(attach("doc-1", new DocumentAttachment(Kind.MILESTONE, "M9"), null))
				.expectRejected(RULE_VIOLATION, "attachedTo");
	}

	@Test
	void rejectsAVersionOfAnUnknownDocumentAndAnIdTakenTwice() {
		given(financed()).when(attach("doc-2", null, "doc-missing"))
				.expectRejected(RULE_VIOLATION, "supersedes", "doc-missing");
		given(concat(financed(), attached("doc-1", null, null))).when(attach("doc-1", null, null))
				.expectRejected(DUPLICATE, "documentId", "doc-1");
	}

	@Test
	void rejectsAnUploadDatedInTheFuture() {
		given(financed()).when(new AttachDocumentCommand(ID, "doc-1", SHA, 1, "application/pdf", "a.pdf", null, null,
				null, null, null, null, TOMORROW)).expectRejected(CommandRejectedException.Kind.INVALID_INPUT, "attachedOn");
	}
}
