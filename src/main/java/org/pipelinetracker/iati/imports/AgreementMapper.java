package org.pipelinetracker.iati.imports;

import org.pipelinetracker.iati.conventions.AgreementDocuments;
import org.pipelinetracker.iati.conventions.TransactionType;
import org.pipelinetracker.kernel.Violations;
import org.pipelinetracker.project.api.AgreementType;
import org.pipelinetracker.project.app.ProjectWriteService;
import org.pipelinetracker.project.app.Requests;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Records the agreements of an activity: those its document links stand for ({@link AgreementDocuments}), and
 * the one its money implies when the file shows no binding agreement before the money. Recorded before the money,
 * in signature order; an agreement already recorded (same id) is not recorded again. Document links that are no
 * agreement are documents only ({@link DocumentMapper}).
 */
@Component
class AgreementMapper {

	private final ProjectWriteService writes;

	AgreementMapper(ProjectWriteService writes) {
		this.writes = writes;
	}

	private record PlannedAgreement(String id, AgreementType type, LocalDate signedOn, String documentUrl, String reason,
			String what, List<String> parties, String documentId) {
	}

	/**
	 * Document links in category A11 (contract) become CONTRACT agreements, A09 (MoU) MOU agreements, dated by their
	 * document-date; an undated contract is dated on the first financing, the first commitment or incoming funds (it
	 * is what the money came under). Our own export's links keep their agreement id, type, parties and signature date
	 * ({@code pt:agreement-id}, {@code pt:agreement-type}, {@code pt:agreement-parties} or the description,
	 * {@code pt:agreement-signed-on} or the document-date). An agreement whose link is kept as a project document
	 * ({@link DocumentMapper}) names that document ({@code documentId}). When that financing still lacks a
	 * binding agreement on or before it, a synthetic {@value AgreementDocuments#SYNTHETIC_AGREEMENT_ID} (LOAN for
	 * finance types 4xx, otherwise GRANT) is signed on its value date: our rules require a binding agreement before a
	 * commitment or incoming funds.
	 */
	void record(ActivityImport act) {
		IatiActivity a = act.activity;
		List<PublishedTransaction> commitments = Transactions.commitments(act, false);
		List<PublishedTransaction> incoming = Transactions.of(act, TransactionType.INCOMING_FUNDS, false);
		LocalDate firstCommitment = Transactions.firstDate(commitments);
		LocalDate firstIncoming = Transactions.firstDate(incoming);
		boolean incomingFirst = firstIncoming != null && (firstCommitment == null || firstIncoming.isBefore(firstCommitment));
		LocalDate firstFinancing = incomingFirst ? firstIncoming : firstCommitment;
		String firstKind = incomingFirst ? "incoming funds" : "commitment";
		List<String> parties = OrganisationMapper.parties(a);
		List<PlannedAgreement> planned = new ArrayList<>();
		for (IatiActivity.DocumentLink d : a.documentLinks) {
			String what = a.identifier + " document-link #" + d.index();
			AgreementType exportedType = act.own ? exportedAgreementType(d) : null;
			AgreementType type = exportedType != null ? exportedType : AgreementDocuments.agreementType(d.categories());
			if (type == null) {
				continue; // a document only (DocumentMapper's, which notes an empty link)
			}
			String code = type == AgreementType.CONTRACT ? AgreementDocuments.CONTRACT_CATEGORY + " contract"
					: AgreementDocuments.MOU_CATEGORY + " MoU";
			LocalDate signedOn = exportedType != null && d.agreementSignedOn() != null ? d.agreementSignedOn() : d.date();
			String documentId = act.documentIds.get(d.index());
			String detail = code + " '" + (d.title() == null ? d.url() : d.title()) + "'";
			if (signedOn == null) {
				if (type == AgreementType.CONTRACT && firstFinancing != null) {
					signedOn = firstFinancing;
					detail += ", undated: dated on the first " + firstKind + " (" + firstFinancing + ")";
				}
				else {
					act.skip(what, code + " without a document-date: no date to record it on");
					continue;
				}
			}
			String url = d.url();
			if (url != null && !new Violations().checkUrl("documentUrl", url)) {
				act.note(what, "document url '" + url + "' is not an http(s) URL; recorded without it");
				url = null;
			}
			if (exportedType != null) {
				List<String> exportedParties = d.agreementParties() != null
						? List.of(d.agreementParties().split("; ")) : AgreementDocuments.parties(d.description());
				planned.add(new PlannedAgreement(d.agreementId(), type, signedOn, url,
						act.with(type + " agreement " + d.agreementId()), what, exportedParties, documentId));
				continue;
			}
			planned.add(new PlannedAgreement(AgreementDocuments.DOCUMENT_AGREEMENT_PREFIX
					+ ProjectIdentifiers.hash(d.url() == null ? "#" + d.index() : d.url(), 12), type,
					signedOn, url, act.with(detail), what, parties, documentId));
		}
		if (firstFinancing != null) {
			boolean bound = planned.stream().anyMatch(p -> p.type().isBinding() && !p.signedOn().isAfter(firstFinancing))
					|| act.view().agreements.stream().anyMatch(g -> g.binding() && !g.signedOn().isAfter(firstFinancing));
			if (!bound) {
				PublishedTransaction first = (incomingFirst ? incoming : commitments).stream()
						.filter(c -> c.date.equals(firstFinancing)).findFirst().orElseThrow();
				AgreementType type = AgreementDocuments.impliedBy(first.financeType);
				planned.add(new PlannedAgreement(AgreementDocuments.SYNTHETIC_AGREEMENT_ID, type, firstFinancing, null,
						act.with(type + " agreement implied by the published " + firstKind + " " + first.what
								+ " (finance type " + (first.financeType == null ? "not given" : first.financeType) + ")"),
						a.identifier + " agreement " + AgreementDocuments.SYNTHETIC_AGREEMENT_ID, parties, null));
			}
		}
		planned.sort(Comparator.comparing(PlannedAgreement::signedOn));
		Set<String> recorded = new HashSet<>();
		act.view().agreements.forEach(g -> recorded.add(g.agreementId()));
		for (PlannedAgreement p : planned) {
			if (recorded.contains(p.id())) {
				continue;
			}
			act.write(p.what(), () -> writes.signAgreement(act.projectId, new Requests.SignAgreementRequest(p.id(),
					p.type(), p.signedOn(), p.parties(), p.documentUrl(), p.reason(), null, p.documentId()),
					act.run.actor));
		}
	}

	/** The agreement type of {@code pt:agreement-type} (our own export) when its {@code pt:agreement-id} is sound, or null. */
	private static AgreementType exportedAgreementType(IatiActivity.DocumentLink d) {
		if (d.agreementType() == null || !ProjectIdentifiers.isRecordId(d.agreementId())) {
			return null;
		}
		return AgreementDocuments.typeNamed(d.agreementType());
	}
}
