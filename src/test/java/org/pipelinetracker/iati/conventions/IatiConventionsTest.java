package org.pipelinetracker.iati.conventions;

import org.junit.jupiter.api.Test;
import org.pipelinetracker.project.api.AgreementType;
import org.pipelinetracker.project.api.EximbankInstrument;
import org.pipelinetracker.project.api.FundingSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conventions read back what they write: whatever the export puts in an IATI file by them, the import takes
 * for the same thing. No Spring: the conventions are plain code.
 */
class IatiConventionsTest {

	private final ReportingOrg reportingOrg = new ReportingOrg("XM-PIPELINE-TRACKER", "pipeline-tracker", "90");

	@Test
	void anExportedIdentifierGivesBackItsProjectIdAndOnlyOurPrefixDoes() {
		assertThat(reportingOrg.identifierOf("P-1")).isEqualTo("XM-PIPELINE-TRACKER-P-1");
		assertThat(reportingOrg.projectIdOf(reportingOrg.identifierOf("P-1"))).isEqualTo("P-1");
		assertThat(reportingOrg.projectIdOf("XM-OTHER-P-1")).isNull();
		assertThat(reportingOrg.projectIdOf("XM-PIPELINE-TRACKER-")).isNull();
		assertThat(reportingOrg.publishedBy("XM-PIPELINE-TRACKER")).isTrue();
		assertThat(reportingOrg.publishedBy("XM-OTHER")).isFalse();
		assertThat(reportingOrg.publishedBy(null)).isFalse();
	}

	@Test
	void everyAgreementTypeIsReadBackFromItsCategoryAsBindingOrNot() {
		for (AgreementType type : AgreementType.values()) {
			AgreementType read = AgreementDocuments.agreementType(List.of(AgreementDocuments.category(type)));
			assertThat(read.isBinding()).as(type.name()).isEqualTo(type.isBinding());
			assertThat(AgreementDocuments.typeNamed(type.name())).isEqualTo(type);
		}
		assertThat(AgreementDocuments.agreementType(List.of("A09", "A11"))).isEqualTo(AgreementType.CONTRACT);
		assertThat(AgreementDocuments.agreementType(List.of("A01"))).isNull();
		assertThat(AgreementDocuments.typeNamed("loan")).isNull();
	}

	@Test
	void thePartiesOfAnAgreementSurviveItsDocumentDescription() {
		List<String> parties = List.of("Ministry of Energy", "Korea Eximbank");
		assertThat(AgreementDocuments.partiesDescription(parties)).isEqualTo("Parties: Ministry of Energy; Korea Eximbank");
		assertThat(AgreementDocuments.parties(AgreementDocuments.partiesDescription(parties))).isEqualTo(parties);
		assertThat(AgreementDocuments.parties("A contract")).isEmpty();
		assertThat(AgreementDocuments.parties(null)).isEmpty();
	}

	@Test
	void moneyThatNeedsAnAgreementImpliesALoanForLoanFinanceTypesElseAGrant() {
		assertThat(AgreementDocuments.impliedBy("421")).isEqualTo(AgreementType.LOAN);
		assertThat(AgreementDocuments.impliedBy("110")).isEqualTo(AgreementType.GRANT);
		assertThat(AgreementDocuments.impliedBy(null)).isEqualTo(AgreementType.GRANT);
	}

	@Test
	void theCodesOfEachFundingSourceMapBackToIt() {
		for (EximbankInstrument instrument : EximbankInstrument.values()) {
			assertThat(FundingCodes.sourceOf(instrument.iatiFinanceType(), "Export-Import Bank of Korea"))
					.isEqualTo(FundingSource.EXIMBANK);
			assertThat(FundingCodes.instrumentOf(instrument.iatiFlowType())).isEqualTo(instrument);
			assertThat(FundingCodes.instrumentNamed(instrument.name())).isEqualTo(instrument);
		}
		assertThat(FundingCodes.sourceOf(FundingSource.KOICA_GRANT.iatiFinanceType(), "KOICA"))
				.isEqualTo(FundingSource.KOICA_GRANT);
		for (FundingSource source : FundingSource.values()) {
			assertThat(FundingCodes.sourceNamed(source.name())).isEqualTo(source);
		}
	}

	@Test
	void aFinanceTypeCountsOnlyFromTheFunderItBelongsTo() {
		assertThat(FundingCodes.sourceOf("110", "Export-Import Bank of Korea")).isEqualTo(FundingSource.OTHER);
		assertThat(FundingCodes.sourceOf("421", "Korea International Cooperation Agency")).isEqualTo(FundingSource.OTHER);
		assertThat(FundingCodes.sourceOf("421", "World Bank")).isEqualTo(FundingSource.OTHER);
		assertThat(FundingCodes.isKoreaEximbank("EDCF")).isTrue();
		assertThat(FundingCodes.isKoreaEximbank("KEXIMBANK")).isFalse();
		assertThat(FundingCodes.isKoica(null)).isFalse();
	}

	@Test
	void onlyTheFourRecordedTransactionTypesAreKnown() {
		for (TransactionType type : TransactionType.values()) {
			assertThat(TransactionType.of(type.code())).isEqualTo(type);
		}
		assertThat(TransactionType.COMMITMENT.code()).isEqualTo("2");
		assertThat(TransactionType.of("5")).isNull();
		assertThat(TransactionType.of(null)).isNull();
	}
}
