package org.pipelinetracker.iati.conventions;

import org.pipelinetracker.project.api.AgreementType;

import java.util.List;

/**
 * How an agreement travels as an IATI {@code document-link}, and the ids the import gives to agreements it finds
 * or has to imply. The export writes each agreement with a document as a link in category A09 (MoU) or A11
 * (contract, for every binding kind), titled {@code "<TYPE> agreement <id>"}, with the parties as its description
 * and its id and type in {@link Extension#AGREEMENT_ID} and {@link Extension#AGREEMENT_TYPE}; the import reads
 * those back from its own export, and takes A11 and A09 links of other publishers for CONTRACT and MOU agreements.
 */
public final class AgreementDocuments {

	/** DocumentCategory A09: memorandum of understanding. */
	public static final String MOU_CATEGORY = "A09";
	/** DocumentCategory A11: contract. */
	public static final String CONTRACT_CATEGORY = "A11";
	/** The agreement the import signs when the money it records needs a binding agreement the file does not show. */
	public static final String SYNTHETIC_AGREEMENT_ID = "IATI-AGREEMENT";
	/** The prefix of the id of an agreement imported from another publisher's document link (+ a hash of its url). */
	public static final String DOCUMENT_AGREEMENT_PREFIX = "IATI-DOC-";

	private static final String PARTIES = "Parties: ";

	private AgreementDocuments() {
	}

	/** The category the export gives an agreement's document: A09 for an MOU, A11 for the binding kinds. */
	public static String category(AgreementType type) {
		return type == AgreementType.MOU ? MOU_CATEGORY : CONTRACT_CATEGORY;
	}

	/** The agreement a document link of another publisher stands for: A11 → CONTRACT, else A09 → MOU, else none. */
	public static AgreementType agreementType(List<String> categories) {
		return categories.contains(CONTRACT_CATEGORY) ? AgreementType.CONTRACT
				: categories.contains(MOU_CATEGORY) ? AgreementType.MOU : null;
	}

	/** The agreement type {@link Extension#AGREEMENT_TYPE} names, or null. */
	public static AgreementType typeNamed(String name) {
		for (AgreementType type : AgreementType.values()) {
			if (type.name().equals(name)) {
				return type;
			}
		}
		return null;
	}

	/** The title the export gives an agreement's document link. */
	public static String title(AgreementType type, String agreementId) {
		return type.name() + " agreement " + agreementId;
	}

	/** The description the export gives an agreement's document link: {@code "Parties: a; b"}. */
	public static String partiesDescription(List<String> parties) {
		return PARTIES + String.join("; ", parties);
	}

	/** The parties of a document link the export wrote ({@link #partiesDescription}); none for any other description. */
	public static List<String> parties(String description) {
		if (description == null || !description.startsWith(PARTIES)) {
			return List.of();
		}
		return List.of(description.substring(PARTIES.length()).split("; "));
	}

	/**
	 * The kind of the agreement the import implies for money that needs one: LOAN for finance types 4xx (loans),
	 * otherwise GRANT.
	 */
	public static AgreementType impliedBy(String financeType) {
		return financeType != null && financeType.startsWith("4") ? AgreementType.LOAN : AgreementType.GRANT;
	}
}
