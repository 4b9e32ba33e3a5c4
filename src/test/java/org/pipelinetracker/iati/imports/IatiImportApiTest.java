package org.pipelinetracker.iati.imports;

import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IATI import through HTTP, on the five example files: exact counts, reasons and sums per activity,
 * idempotency, an added disbursement in a newer copy, the event metadata and the refusals.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tracker.test.context=iati-import")
@ActiveProfiles("test")
class IatiImportApiTest {

	private static final String ANNOTATED = "activity-standard-example-annotated.xml";
	/** The annotated example's loan terms: it has no loan to record them with, so they are reported, not dropped. */
	private static final String ANNOTATED_LOAN_TERMS = "crs-add loan-terms=rate-1 4, rate-2 3, repayment-type 1, "
			+ "repayment-plan 4, commitment-date 2013-09-01, repayment-first-date 2014-01-01, repayment-final-date "
			+ "2020-12-31 not recorded: the activity has no loan commitment (finance type 4xx) to record them with";
	private static final String FCDO = "fcdo-activity.xml";
	private static final String UNOPS = "unops-at-activity.xml";
	private static final String USAID = "usaid-activity.xml";
	private static final String WORLDBANK = "worldbank-activity.xml";

	@LocalServerPort
	int port;

	private Api api() {
		return new Api(port).as("iati-tester");
	}

	private JsonNode importXml(String fileName, String xml) {
		Api.Response r = api().postRaw("/api/import/iati?fileName=" + fileName, "application/xml", xml);
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		return r.json();
	}

	@Test
	void everyExampleFileImportsWithExactCountsAndSumsAndASecondImportAppendsNothing() {
		// the annotated standard example imports completely: its one transaction is incoming funds (type 1) of EUR 1000
		// with no agreement published, so a synthetic GRANT agreement (finance type 110) is signed on their date; the
		// funds finance the project (AGREED → FINANCED) and status 2 starts it on the actual start date; the title and
		// general description in French and the title in Spanish are the project's texts in those languages
		JsonNode annotated = importXml(ANNOTATED, example(ANNOTATED));
		// propose, French and Spanish texts, its document, agreement + AGREED, incoming funds + FINANCED, its budget and
		// two planned disbursements (one with its organisations, one without: two plans), status 2 reported +
		// IMPLEMENTATION, the import's notes
		assertCounts(annotated, 1, 1, 0, 0, 14);
		assertThat(reasons(annotated)).containsExactly("AA-AAA-123456789-ABC123 " + ANNOTATED_LOAN_TERMS);
		JsonNode p = project("AA-AAA-123456789-ABC123");
		assertThat(p.path("title").asString()).isEqualTo("Activity title");
		assertThat(p.path("language").asString()).isEqualTo("en"); // the activity's xml:lang, the narrative has none
		assertThat(p.path("texts").propertyNames()).containsExactly("en", "es", "fr");
		assertThat(p.path("texts").path("fr").path("title").asString()).isEqualTo("Titre de l'activité");
		assertThat(p.path("texts").path("fr").path("description").asString()).isEqualTo("Activité générale du texte de "
				+ "description. Longue description de l'activité sans structure particulière.");
		assertThat(p.path("texts").path("es").path("title").asString()).isEqualTo("Título de la actividad");
		assertThat(p.path("texts").path("es").path("description").isNull()).isTrue();
		assertThat(p.path("texts").path("en").path("title").asString()).isEqualTo("Activity title");
		assertThat(p.path("texts").path("en").path("description").asString()).isEqualTo(p.path("description").asString());
		assertThat(p.path("sector").asString()).isEqualTo("11110"); // DAC category 111 → its first purpose code
		assertThat(p.path("region").asString()).isEqualTo("Multiple regions");
		assertThat(p.path("proposedOn").asString()).isEqualTo("2012-01-01");
		assertThat(p.path("plannedStart").asString()).isEqualTo("2012-04-15");
		assertThat(p.path("plannedEnd").asString()).isEqualTo("2015-12-31");
		// every participating-org is a partner with its role, type, ref and names; the country comes from the ref's
		// prefix: "BB-BBB-…" and "CC-CCC-…" read as BB and CC, "AA-…" is no country
		assertThat(partners(p)).containsExactly("FUNDING BB-BBB-123456789 type 40 country BB [en]",
				"ACCOUNTABLE CC-CCC-123456789 type 10 country CC [en]", "EXTENDING AA-AAA-123456789 type 21 country null [en, fr]");
		assertThat(p.path("partners").get(2).path("names").path("fr").asString()).isEqualTo("Nom de l'agence A");
		// the import's notes are the project's, never its description
		assertThat(p.path("description").asString()).startsWith("General activity description text.")
				.doesNotContain("IATI import notes");
		assertThat(importNotes(p)).containsExactly(
				"ADJUSTED AA-AAA-123456789-ABC123: no DAC 5-digit sector; DAC category 111 mapped to its first purpose code 11110; published sectors: "
						+ "vocabulary 2 111 50%, vocabulary 2 112 50%, vocabulary 99 A1 100%",
				"ADJUSTED AA-AAA-123456789-ABC123: recipient countries AF 25%, AG 25%; region recorded as Multiple regions",
				"NOT_RECORDED AA-AAA-123456789-ABC123 " + ANNOTATED_LOAN_TERMS.replace("=", ": "));
		assertThat(p.path("importNotes").get(0).path("file").asString()).isEqualTo(ANNOTATED);
		assertThat(p.path("importNotes").get(0).path("lastUpdated").asString()).isEqualTo("2014-09-10T07:15:37Z");
		// the status shown is the publisher's, as reported
		assertThat(p.path("iatiStatus").asString()).isEqualTo("2");
		assertThat(p.path("reportedStatus").path("status").asString()).isEqualTo("2");
		assertThat(p.path("reportedStatus").path("reportingOrgRef").asString()).isEqualTo("AA-AAA-123456789");
		assertThat(p.path("dataQuality")).isEmpty();
		// its one document-link, in both languages, with its category, language and date
		assertThat(documents(p)).containsExactly("http:www.example.org/docs/report_en.odt [A01] titles [en, fr] languages [en] 2014-02-05");
		assertThat(p.path("documents").get(0).path("source").asString()).isEqualTo("IATI_LINK");
		assertThat(p.path("documents").get(0).path("format").asString()).isEqualTo("application/vnd.oasis.opendocument.text");
		assertThat(p.path("documents").get(0).path("titles").path("fr").asString()).isEqualTo("Rapport de projet 2013");
		assertThat(p.path("stage").asString()).isEqualTo("IMPLEMENTATION");
		assertThat(p.path("stageSince").asString()).isEqualTo("2012-04-28"); // actual start (activity-date type 2)
		assertThat(stages(p)).containsExactly("PROPOSED 2012-01-01", "AGREED 2012-01-01", "FINANCED 2012-01-01",
				"IMPLEMENTATION 2012-04-28");
		assertThat(p.path("agreements")).hasSize(1);
		assertThat(p.path("agreements").get(0).path("agreementId").asString()).isEqualTo("IATI-AGREEMENT");
		assertThat(p.path("agreements").get(0).path("type").asString()).isEqualTo("GRANT");
		assertThat(p.path("agreements").get(0).path("signedOn").asString()).isEqualTo("2012-01-01");
		assertThat(p.path("fundings")).isEmpty();
		assertThat(p.path("incomingFunds")).hasSize(1);
		JsonNode received = p.path("incomingFunds").get(0);
		assertThat(received.path("amount").path("amount").decimalValue()).isEqualByComparingTo("1000.00");
		assertThat(received.path("amount").path("currency").asString()).isEqualTo("EUR");
		assertThat(received.path("receivedOn").asString()).isEqualTo("2012-01-01");
		assertThat(received.path("provider").asString()).isEqualTo("Agency B");
		assertThat(received.path("receiver").asString()).isEqualTo("Agency A");
		assertThat(received.path("description").asString()).isEqualTo("Transaction description text");
		assertThat(received.path("fundingId").isNull()).isTrue();
		assertThat(sums(p, "receivedByCurrency")).isEqualTo(Map.of("EUR", new BigDecimal("1000.00")));
		assertThat(sums(p, "committedByCurrency")).isEmpty();
		assertThat(sums(p, "expendedByCurrency")).isEmpty();
		// no EUR rate for 2012: the money is listed unconverted, not dropped
		assertThat(p.path("usd").path("received").decimalValue()).isEqualByComparingTo("0");
		assertThat(p.path("usd").path("unconverted").get(0).path("currency").asString()).isEqualTo("EUR");
		assertThat(p.path("usd").path("unconverted").get(0).path("received").decimalValue()).isEqualByComparingTo("1000.00");
		assertThat(p.path("version").asLong()).isEqualTo(13);
		assertThat(eventTypes("AA-AAA-123456789-ABC123")).containsExactly("ProjectProposedEvent",
				"ProjectTextRecordedEvent", "ProjectTextRecordedEvent", "DocumentLinkedEvent", "AgreementSignedEvent",
				"ProjectStageChangedEvent", "IncomingFundsRecordedEvent", "ProjectStageChangedEvent",
				"BudgetRecordedEvent", "PlannedDisbursementRecordedEvent", "PlannedDisbursementRecordedEvent",
				"ActivityStatusReportedEvent", "ProjectStageChangedEvent", "ImportNotesRecordedEvent");

		// FCDO: one disbursement without any commitment (reported); 13 quarterly expenditures kept as such; closed (4)
		// as its publisher reports, through implementation on the actual start, though never financed: flagged
		JsonNode fcdo = importXml(FCDO, example(FCDO));
		// propose, 13 expenditures, 3 revised budgets (the fourth, negative, is reported), status 4 reported +
		// IMPLEMENTATION + COMPLETED, the import's notes
		assertCounts(fcdo, 1, 1, 0, 0, 21);
		assertThat(reasons(fcdo)).containsExactly(
				"GB-1-103662-101 transaction #1 (ref 3861965)=disbursement of GBP 1232 on 2010-05-27: no commitment from "
						+ "UK - Foreign, Commonwealth and Development Office (FCDO) in GBP dated on or before it",
				"GB-1-103662-101 budget 4=negative value -9077");
		p = project("GB-1-103662-101");
		assertThat(p.path("stage").asString()).isEqualTo("COMPLETED");
		assertThat(p.path("iatiStatus").asString()).isEqualTo("4");
		assertThat(stages(p)).containsExactly("PROPOSED 2006-12-01", "IMPLEMENTATION 2006-12-01", "COMPLETED 2010-03-31");
		assertThat(flags(p)).containsExactly("STATUS_WITHOUT_FUNDING 4");
		assertThat(p.path("sector").asString()).isEqualTo("15110");
		assertThat(p.path("proposedOn").asString()).isEqualTo("2006-12-01");
		assertThat(partners(p)).containsExactly("IMPLEMENTING GB-COH-2732176 type 70 country GB [en]",
				"FUNDING GB-GOV-1 type 10 country GB [en]", "ACCOUNTABLE GB-GOV-1 type 10 country GB [en]");
		assertThat(documents(p)).isEmpty();
		assertThat(importNotes(p)).hasSize(3).anyMatch(n -> n.startsWith("NOT_RECORDED GB-1-103662-101 transaction #1"));
		assertThat(plans(p, "budgets")).containsExactly("2007-04-01..2007-06-30 GBP 514717.00 type 2 status 1",
				"2008-04-01..2008-06-30 GBP 939770.00 type 2 status 1", "2009-04-01..2009-06-30 GBP 1276100.00 type 2 status 1");
		assertThat(sums(p, "committedByCurrency")).isEmpty();
		assertThat(sums(p, "expendedByCurrency")).isEqualTo(Map.of("GBP", new BigDecimal("2716312.00")));
		assertThat(p.path("expenditures")).hasSize(13);
		JsonNode firstSpend = p.path("expenditures").get(0);
		assertThat(firstSpend.path("spentOn").asString()).isEqualTo("2007-06-30");
		assertThat(firstSpend.path("amount").path("amount").decimalValue()).isEqualByComparingTo("74681.00");
		assertThat(firstSpend.path("provider").asString()).isEqualTo("UK - Foreign, Commonwealth and Development Office (FCDO)");
		assertThat(firstSpend.path("receiver").isNull()).isTrue();
		assertThat(firstSpend.path("fundingId").isNull()).isTrue();
		assertThat(firstSpend.path("description").asString()).isEqualTo("Aggregated spend data - Financial Year 2007 Quarter 1");
		assertThat(p.path("expenditures").get(12).path("spentOn").asString()).isEqualTo("2010-05-11");
		assertThat(p.path("expenditures").get(12).path("amount").path("amount").decimalValue()).isEqualByComparingTo("119750.00");

		// UNOPS (not valid against the schema: empty document-link, padded values): reported, not crashed; one
		// expenditure per activity, kept; nothing finances them, yet they are in implementation as UNOPS reports: flagged
		JsonNode unops = importXml(UNOPS, example(UNOPS));
		// per activity: propose, expenditure, status 2 reported + IMPLEMENTATION, the import's notes; each budget covers
		// more than twelve months: reported
		assertCounts(unops, 3, 3, 0, 0, 15);
		assertThat(reasons(unops)).hasSize(3).allMatch(r -> r.contains(" budget 1=a budget covers at most twelve months"));
		assertThat(notes(unops)).filteredOn(n -> n.contains("empty document-link")).hasSize(3);
		for (String id : List.of("41AAA-22482-001", "41AAA-23652-001", "41AAA-20543-003")) {
			JsonNode u = project(id);
			assertThat(u.path("stage").asString()).as(id).isEqualTo("IMPLEMENTATION");
			assertThat(u.path("iatiStatus").asString()).as(id).isEqualTo("2");
			assertThat(flags(u)).as(id).containsExactly("STATUS_WITHOUT_FUNDING 2");
			// a UN agency's ref has no country prefix: no country
			assertThat(partners(u)).as(id).containsExactly("IMPLEMENTING 41AAA type 40 country null [en]",
					"ACCOUNTABLE 41AAA type 40 country null [en]");
			assertThat(documents(u)).as(id).isEmpty();
			assertThat(importNotes(u)).as(id).containsExactly(
					"ADJUSTED " + id + ": recipient countries AT; region recorded as Multiple regions",
					"ADJUSTED " + id + " document-link #1: empty document-link (no url, no category, no title); ignored",
					"NOT_RECORDED " + id + " budget 1: " + reasons(unops).stream().filter(r -> r.startsWith(id + " "))
							.findFirst().orElseThrow().substring(id.length() + 10));
		}
		assertThat(project("41AAA-20543-003").path("sector").asString()).isEqualTo("23210");
		assertThat(project("41AAA-20543-003").path("proposedOn").asString()).isEqualTo("2016-06-03");
		assertThat(sums(project("41AAA-22482-001"), "expendedByCurrency")).isEqualTo(Map.of("USD", new BigDecimal("1321549.00")));
		assertThat(sums(project("41AAA-23652-001"), "expendedByCurrency")).isEqualTo(Map.of("USD", new BigDecimal("671101.00")));
		assertThat(sums(project("41AAA-20543-003"), "expendedByCurrency")).isEqualTo(Map.of("USD", new BigDecimal("50890905.00")));
		JsonNode unopsSpend = project("41AAA-22482-001").path("expenditures").get(0);
		assertThat(unopsSpend.path("spentOn").asString()).isEqualTo("2021-04-01");
		assertThat(unopsSpend.path("provider").asString()).isEqualTo("United Nations Office for Project Services");
		assertThat(unopsSpend.path("description").asString()).isEqualTo("Expenditure for the project");
		assertThat(project("41AAA-22482-001").path("usd").path("expended").decimalValue()).isEqualByComparingTo("1321549.00");

		// USAID: 17 positive commitments; 117 disbursements fit them first-in-first-out; a negative disbursement (a
		// reversal) is kept under its code with its sign; 2 negative commitments that correct none,
		// 8 disbursements dated before any commitment and 7 that exceed what remains are reported; its title and
		// description are in Spanish and English (xml:lang "ES", "EN"): English is the original, Spanish a text
		JsonNode usaid = importXml(USAID, example(USAID));
		// propose, Spanish text, agreement + AGREED, 17 commitments + FINANCED, 117 disbursements, status 2 reported +
		// IMPLEMENTATION, the import's notes
		assertCounts(usaid, 1, 1, 0, 0, 143);
		assertThat(usaid.path("skipped")).hasSize(17);
		assertThat(reasons(usaid)).filteredOn(r -> r.contains("negative value")).hasSize(2);
		assertThat(reasons(usaid)).filteredOn(r -> r.contains("dated on or before it")).hasSize(8);
		assertThat(reasons(usaid)).filteredOn(r -> r.contains("exceeds what remains")).hasSize(7);
		p = project("US-GOV-1-AID-EPP-A-00-09-00001");
		assertThat(p.path("otherTransactions")).hasSize(1);
		assertThat(p.path("otherTransactions").get(0).path("type").asString()).isEqualTo("3");
		assertThat(p.path("otherTransactions").get(0).path("value").path("amount").decimalValue().signum()).isNegative();
		assertThat(sums(p, "committedByCurrency")).isEqualTo(Map.of("USD", new BigDecimal("7260718.00")));
		assertThat(sums(p, "disbursedByCurrency")).isEqualTo(Map.of("USD", new BigDecimal("7125529.60")));
		assertThat(p.path("fundings")).hasSize(17);
		assertThat(p.path("sector").asString()).isEqualTo("41020"); // no activity sector: the most frequent on transactions
		assertThat(p.path("stage").asString()).isEqualTo("IMPLEMENTATION");
		assertThat(p.path("stageSince").asString()).isEqualTo("2013-06-30"); // started when first financed
		assertThat(p.path("agreements").get(0).path("agreementId").asString()).isEqualTo("IATI-AGREEMENT");
		assertThat(p.path("agreements").get(0).path("type").asString()).isEqualTo("GRANT"); // finance type 110
		assertThat(p.path("agreements").get(0).path("signedOn").asString()).isEqualTo("2013-06-30");
		assertThat(p.path("version").asLong()).isEqualTo(142); // with the reversal kept
		assertThat(p.path("iatiStatus").asString()).isEqualTo("2");
		assertThat(flags(p)).isEmpty();
		// a partner without a ref keeps its type; USAID is funding, accountable and extending
		assertThat(partners(p)).containsExactly("IMPLEMENTING null type 22 country null [en]",
				"FUNDING US-GOV-1 type 10 country US [en]", "ACCOUNTABLE US-GOV-1 type 10 country US [en]",
				"EXTENDING US-GOV-1 type 10 country US [en]");
		assertThat(importNotes(p)).hasSize(20).filteredOn(n -> n.startsWith("NOT_RECORDED")).hasSize(17);
		assertThat(p.path("title").asString()).isEqualTo("Enhancing Sustainable Utility Regulations (ENSURE)");
		assertThat(p.path("language").asString()).isEqualTo("en");
		assertThat(p.path("texts").propertyNames()).containsExactly("en", "es");
		assertThat(p.path("texts").path("es").path("title").asString())
				.isEqualTo("Aumentando regulaciones para uso general sostenibles (ASEGURE)");
		assertThat(p.path("texts").path("es").path("description").asString())
				.startsWith("El aumento de la regulación para uso general sostenible (ASEGURE) es un acuerdo ");
		assertThat(p.path("description").asString()).startsWith("Enhancing Sustainable Utility Regulation (ENSURE) is a");

		// World Bank: finance type 410 (withdrawn) and flow type 20 are kept in the reason, the commitment is OTHER;
		// the undated A11 contract is the binding agreement, dated on the commitment, and links to its document; the
		// undated A09 MoU is reported as an agreement but kept as a document; three links repeated word for word are
		// kept once
		JsonNode wb = importXml(WORLDBANK, example(WORLDBANK));
		// propose, 9 documents, agreement + AGREED, commitment + FINANCED, 3 disbursements, status 2 reported +
		// IMPLEMENTATION, the import's notes
		// and its three interest payments (type 5, negative as published), kept under their code; of its 150 monthly
		// budgets (an original and a revision for each month from April 2021 to June 2027) the 122 of the project's
		// planned dates, the 4 ending before its planned start (2021-06-10) and the 24 starting after its planned end
		// (2026-06-30) reported
		assertCounts(wb, 1, 1, 0, 0, 145);
		assertThat(reasons(wb)).hasSize(29).startsWith(
				"44000-P175662 document-link #5=A09 MoU without a document-date: no date to record it on",
				"44000-P175662 budget 1=the plan for 2021-04-01 to 2021-04-30 ends before the project's planned start"
						+ " (2021-06-10)");
		assertThat(reasons(wb)).filteredOn(r -> r.contains("starts after the project's planned end (2026-06-30)"))
				.hasSize(24);
		p = project("44000-P175662");
		assertThat(sums(p, "committedByCurrency")).isEqualTo(Map.of("USD", new BigDecimal("500000000.00")));
		assertThat(sums(p, "disbursedByCurrency")).isEqualTo(Map.of("USD", new BigDecimal("231750000.00")));
		JsonNode funding = p.path("fundings").get(0);
		assertThat(funding.path("source").asString()).isEqualTo("OTHER");
		assertThat(funding.path("funder").asString()).isEqualTo("International Bank for Reconstruction and Development");
		assertThat(funding.path("committedOn").asString()).isEqualTo("2021-06-30");
		assertThat(funding.path("disbursements")).hasSize(3);
		assertThat(p.path("agreements")).hasSize(1);
		assertThat(p.path("agreements").get(0).path("type").asString()).isEqualTo("CONTRACT");
		assertThat(p.path("agreements").get(0).path("signedOn").asString()).isEqualTo("2021-06-30");
		assertThat(p.path("sector").asString()).isEqualTo("15119");
		assertThat(p.path("proposedOn").asString()).isEqualTo("2021-06-10");
		assertThat(p.path("stage").asString()).isEqualTo("IMPLEMENTATION");
		assertThat(p.path("stageSince").asString()).isEqualTo("2021-06-30");
		assertThat(p.path("iatiStatus").asString()).isEqualTo("2");
		assertThat(flags(p)).isEmpty();
		// the borrower and the implementing ministry have no ref; the World Bank's 44001 has no country prefix
		assertThat(partners(p)).containsExactly("ACCOUNTABLE null type null country null [en]",
				"FUNDING 44001 type 40 country null [en]", "EXTENDING 44001 type 40 country null [en]",
				"IMPLEMENTING null type null country null [en]");
		assertThat(documents(p)).hasSize(9).allMatch(d -> d.contains("titles [en]"));
		assertThat(p.path("documents").get(2).path("categories").toString()).isEqualTo("[\"A02\",\"A04\",\"A05\",\"A06\",\"A09\"]");
		JsonNode contract = p.path("documents").get(7);
		assertThat(contract.path("categories").toString()).isEqualTo("[\"A11\"]");
		assertThat(p.path("agreements").get(0).path("documentId").asString()).isEqualTo(contract.path("documentId").asString());
		assertThat(contract.path("agreementIds").get(0).asString()).isEqualTo(p.path("agreements").get(0).path("agreementId").asString());
		// the three interest payments are kept, not noted
		assertThat(p.path("otherTransactions")).hasSize(3);
		assertThat(p.path("budgets")).hasSize(122);
		assertThat(plans(p, "budgets")).hasSize(61).startsWith("2021-06-01..2021-06-30 USD 0.00 type 2 status 1");
		assertThat(importNotes(p)).hasSize(35).contains(
				"ADJUSTED 44000-P175662 document-link #2: repeats document-link #1 word for word; kept once",
				"NOT_RECORDED 44000-P175662 document-link #5: A09 MoU without a document-date: no date to record it on");

		// every file again: nothing appended, every activity unchanged, the same skips reported
		for (String file : List.of(ANNOTATED, FCDO, UNOPS, USAID, WORLDBANK)) {
			JsonNode first = switch (file) {
				case ANNOTATED -> annotated;
				case FCDO -> fcdo;
				case UNOPS -> unops;
				case USAID -> usaid;
				default -> wb;
			};
			JsonNode again = importXml(file, example(file));
			int read = first.path("activitiesRead").asInt();
			assertCounts(again, read, 0, 0, read, 0);
			assertThat(reasons(again)).as(file).isEqualTo(reasons(first));
		}
		assertThat(project("US-GOV-1-AID-EPP-A-00-09-00001").path("version").asLong()).isEqualTo(142);
	}

	@Test
	void aNewerCopyWithOneMoreDisbursementAppendsExactlyThatAsAMultipartUpload() throws Exception {
		String original = example(WORLDBANK).replace("44000-P175662", "44000-P175662-COPY");
		JsonNode first = importXml("wb-copy-2023.xml", original);
		assertCounts(first, 1, 1, 0, 0, 145); // with its three interest payments and 122 budgets
		String added = """
				<transaction><transaction-type code="3"/><transaction-date iso-date="2023-03-31"/>
				<value currency="USD" value-date="2023-03-31">2500000</value>
				<provider-org ref="44001"><narrative>International Bank for Reconstruction and Development</narrative></provider-org>
				</transaction>
				""";
		String newer = original.replaceFirst("<transaction>", added + "<transaction>");
		JsonNode second = postMultipart("wb-copy-2024.xml", newer);
		// the disbursement only: the notes name no transaction any more (the interest payments are kept), so the
		// transactions moving one place down leaves them as they were
		assertCounts(second, 1, 0, 1, 0, 1);
		JsonNode p = project("44000-P175662-COPY");
		assertThat(sums(p, "disbursedByCurrency")).isEqualTo(Map.of("USD", new BigDecimal("234250000.00")));
		assertThat(p.path("version").asLong()).isEqualTo(145);
		assertThat(p.path("importNotes").get(0).path("file").asString()).isEqualTo("wb-copy-2023.xml");
		assertThat(p.path("otherTransactions")).hasSize(3);
		// the new event names the newer file and the actor
		JsonNode history = api().get("/api/projects/44000-P175662-COPY/history").json();
		JsonNode last = history.get(history.size() - 1);
		assertThat(last.path("type").asString()).isEqualTo("DisbursementRecordedEvent");
		assertThat(last.path("actor").asString()).isEqualTo("iati-tester");
		assertThat(last.path("reason").asString()).startsWith("IATI import of wb-copy-2024.xml (last-updated not given)");
		assertThat(history.get(0).path("reason").asString()).isEqualTo("IATI import of wb-copy-2023.xml (last-updated not given)");
		// and once more: nothing
		assertCounts(postMultipart("wb-copy-2024.xml", newer), 1, 0, 0, 1, 0);
	}

	@Test
	void aNewerCopyWithMoreIncomingFundsAndAnExpenditureAppendsExactlyThose() {
		String original = example(ANNOTATED).replace("AA-AAA-123456789-ABC123", "AA-AAA-123456789-NEWER");
		assertCounts(importXml("annotated-2014.xml", original), 1, 1, 0, 0, 14);
		String added = """
				<transaction ref="1235"><transaction-type code="1"/><transaction-date iso-date="2013-02-01"/>
				<value currency="EUR" value-date="2013-02-01">750.50</value>
				<provider-org ref="BB-BBB-123456789"/><receiver-org ref="AA-AAA-123456789"/></transaction>
				<transaction><transaction-type code="4"/><transaction-date iso-date="2013-05-01"/>
				<value currency="EUR" value-date="2013-05-02">420</value>
				<description><narrative>Training materials</narrative></description>
				<receiver-org><narrative>Local printer</narrative></receiver-org></transaction>
				""";
		String newer = original.replace("<!--transaction ends-->", added + "<!--transaction ends-->")
				.replace("last-updated-datetime=\"2014-09-10T07:15:37Z\"", "last-updated-datetime=\"2015-01-05T00:00:00Z\"");
		JsonNode second = importXml("annotated-2015.xml", newer);
		assertCounts(second, 1, 0, 1, 0, 2);
		assertThat(reasons(second)).containsExactly("AA-AAA-123456789-NEWER " + ANNOTATED_LOAN_TERMS);
		JsonNode p = project("AA-AAA-123456789-NEWER");
		assertThat(sums(p, "receivedByCurrency")).isEqualTo(Map.of("EUR", new BigDecimal("1750.50")));
		assertThat(sums(p, "expendedByCurrency")).isEqualTo(Map.of("EUR", new BigDecimal("420.00")));
		// the provider ref names a participating organisation: its name is recorded
		assertThat(p.path("incomingFunds").get(1).path("provider").asString()).isEqualTo("Name of Agency B");
		assertThat(p.path("incomingFunds").get(1).path("receiver").asString()).isEqualTo("Name of Agency A");
		JsonNode spent = p.path("expenditures").get(0);
		assertThat(spent.path("spentOn").asString()).isEqualTo("2013-05-02"); // the value date
		assertThat(spent.path("provider").isNull()).isTrue();
		assertThat(spent.path("receiver").asString()).isEqualTo("Local printer");
		assertThat(spent.path("description").asString()).isEqualTo("Training materials");
		// the same status from a newer file, the same notes: nothing more recorded
		assertThat(p.path("version").asLong()).isEqualTo(15);
		JsonNode history = api().get("/api/projects/AA-AAA-123456789-NEWER/history").json();
		assertThat(history.get(15).path("type").asString()).isEqualTo("ExpenditureRecordedEvent");
		assertThat(history.get(15).path("actor").asString()).isEqualTo("iati-tester");
		assertThat(history.get(15).path("reason").asString())
				.startsWith("IATI import of annotated-2015.xml (last-updated 2015-01-05T00:00:00Z)");
		assertThat(history.get(14).path("type").asString()).isEqualTo("IncomingFundsRecordedEvent");
		// and again: nothing
		assertCounts(importXml("annotated-2015.xml", newer), 1, 0, 0, 1, 0);
	}

	/**
	 * Every narrative of the title and the general description is kept with its language: the narrative's own
	 * xml:lang, else its element's, else the activity's, else the file's; codes in their canonical form. One narrative
	 * per language can be kept, and only under a language tag: the others are noted. A newer file that changes a text
	 * records only that one; the original's text stays as first imported.
	 */
	@Test
	void keepsEveryNarrativeOfTheTitleAndDescriptionWithItsLanguage() {
		String file = """
				<iati-activities version="2.03" xml:lang="ru"><iati-activity default-currency="USD">
				<iati-identifier>UZ-NARRATIVES-1</iati-identifier>
				<title>
				  <narrative>Модернизация водоснабжения Хивы</narrative>
				  <narrative xml:lang="UZ">Xiva suv taʼminotini modernizatsiya qilish</narrative>
				  <narrative xml:lang="ko">히바 상수도 현대화</narrative>
				  <narrative xml:lang="english">Khiva water supply</narrative>
				  <narrative xml:lang="uz">Xiva suv taʼminoti</narrative>
				</title>
				<title xml:lang="EN"><narrative>Khiva water supply modernisation</narrative></title>
				<description type="2"><narrative xml:lang="ko">목표: 안정적 급수</narrative></description>
				<description type="1">
				  <narrative>Реконструкция водопроводных сетей</narrative>
				  <narrative xml:lang="uz">Suv quvurlari tarmoqlarini qayta qurish</narrative>
				</description>
				<activity-date type="1" iso-date="2024-03-01"/>
				<recipient-country code="UZ" percentage="100"/>
				</iati-activity></iati-activities>
				""";
		JsonNode report = importXml("narratives.xml", file);
		// the second <title> (invalid: one is allowed) replaces the first, as the import always did; the descriptions
		// in Russian (the file's language) and Uzbek are texts of their own; the import's notes
		assertCounts(report, 1, 1, 0, 0, 4);
		JsonNode p = project("UZ-NARRATIVES-1");
		assertThat(p.path("title").asString()).isEqualTo("Khiva water supply modernisation");
		assertThat(p.path("language").asString()).isEqualTo("en"); // the title element's xml:lang
		assertThat(p.path("texts").propertyNames()).containsExactly("en", "ru", "uz");
		// no description in English: the import's notes are the project's, not its description
		assertThat(p.path("texts").path("en").path("description").isNull()).isTrue();
		assertThat(p.path("description").isNull()).isTrue();
		assertThat(p.path("importNotes")).isNotEmpty();
		assertThat(p.path("texts").path("ru").path("title").isNull()).isTrue();
		assertThat(p.path("texts").path("ru").path("description").asString()).isEqualTo("Реконструкция водопроводных сетей");
		assertThat(p.path("texts").path("uz").path("description").asString()).isEqualTo("Suv quvurlari tarmoqlarini qayta qurish");

		String single = file.replace("<title xml:lang=\"EN\"><narrative>Khiva water supply modernisation</narrative></title>\n", "")
				.replace("UZ-NARRATIVES-1", "UZ-NARRATIVES-2");
		report = importXml("narratives.xml", single);
		assertCounts(report, 1, 1, 0, 0, 4); // propose (in Russian, the file's language), Uzbek, Korean, the notes
		assertThat(notes(report)).contains(
				"UZ-NARRATIVES-2=title narrative 'Khiva water supply': xml:lang 'english' is not a language tag; not kept",
				"UZ-NARRATIVES-2=another title narrative in 'uz' ('Xiva suv taʼminoti'): one per language is kept, the first");
		p = project("UZ-NARRATIVES-2");
		assertThat(p.path("title").asString()).isEqualTo("Модернизация водоснабжения Хивы");
		assertThat(p.path("description").asString()).isEqualTo("Реконструкция водопроводных сетей");
		assertThat(p.path("language").asString()).isEqualTo("ru");
		assertThat(p.path("texts").propertyNames()).containsExactly("ko", "ru", "uz");
		assertThat(p.path("texts").path("uz").path("title").asString()).isEqualTo("Xiva suv taʼminotini modernizatsiya qilish");
		assertThat(p.path("texts").path("uz").path("description").asString()).isEqualTo("Suv quvurlari tarmoqlarini qayta qurish");
		assertThat(p.path("texts").path("ko").path("title").asString()).isEqualTo("히바 상수도 현대화");
		assertThat(p.path("texts").path("ko").path("description").isNull()).as("type 2 is not the general description").isTrue();
		JsonNode history = api().get("/api/projects/UZ-NARRATIVES-2/history").json();
		assertThat(history.get(1).path("type").asString()).isEqualTo("ProjectTextRecordedEvent");
		assertThat(history.get(1).path("effectiveDate").asString()).as("as old as the proposal").isEqualTo("2024-03-01");
		assertThat(history.get(1).path("reason").asString()).isEqualTo("IATI import of narratives.xml (last-updated not given):"
				+ " title and description in 'uz'");

		// a newer file changes the Korean title and the Russian original: only the translation is recorded again
		String newer = single.replace("히바 상수도 현대화", "히바 상수도 시설 현대화").replace("Модернизация водоснабжения Хивы",
				"Модернизация водоснабжения города Хивы");
		report = importXml("narratives-2.xml", newer);
		assertCounts(report, 1, 0, 1, 0, 1);
		p = project("UZ-NARRATIVES-2");
		assertThat(p.path("texts").path("ko").path("title").asString()).isEqualTo("히바 상수도 시설 현대화");
		assertThat(p.path("title").asString()).isEqualTo("Модернизация водоснабжения Хивы");
		assertCounts(importXml("narratives-2.xml", newer), 1, 0, 0, 1, 0);
	}

	@Test
	void koreanFundersMapToTheirSourcesAndAnUzbekActivityIsNationwide() {
		String xml = """
				<iati-activities version="2.03"><iati-activity default-currency="USD" last-updated-datetime="2024-05-01T10:00:00Z">
				<iati-identifier>KR GOV/UZ 2024 #1</iati-identifier>
				<title><narrative>Navoi substation</narrative></title>
				<participating-org ref="KR-GOV-010" role="1"><narrative>Korea International Cooperation Agency (KOICA)</narrative></participating-org>
				<participating-org role="4"><narrative>Ministry of Energy</narrative></participating-org>
				<activity-status code="2"/>
				<activity-date type="2" iso-date="2024-02-01"/>
				<recipient-country code="UZ" percentage="100"/>
				<sector code="23630" vocabulary="1" percentage="60"/><sector code="23640" percentage="40"/>
				<transaction><transaction-type code="2"/><transaction-date iso-date="2024-01-15"/><value>1000000</value>
				  <provider-org><narrative>Export-Import Bank of Korea</narrative></provider-org><finance-type code="421"/></transaction>
				<transaction><transaction-type code="2"/><transaction-date iso-date="2024-01-20"/><value>300000</value>
				  <provider-org ref="KR-GOV-010"/><finance-type code="110"/></transaction>
				<transaction><transaction-type code="3"/><transaction-date iso-date="2024-03-01"/><value>100000</value>
				  <provider-org ref="KR-GOV-010"/></transaction>
				</iati-activity></iati-activities>
				""";
		JsonNode report = importXml("korea.xml", xml);
		// propose, LOAN + AGREED, EDCF + FINANCED, KOICA, disbursement, status 2 reported + IMPLEMENTATION, the notes
		assertCounts(report, 1, 1, 0, 0, 10);
		assertThat(reasons(report)).isEmpty();
		assertThat(notes(report)).contains("KR GOV/UZ 2024 #1=the identifier is not a valid project id "
				+ "([A-Za-z0-9._-]{3,64}); imported as KR-GOV-UZ-2024-1");
		JsonNode p = project("KR-GOV-UZ-2024-1");
		assertThat(p.path("region").asString()).isEqualTo("Nationwide");
		assertThat(p.path("sector").asString()).isEqualTo("23630");
		assertThat(p.path("stage").asString()).isEqualTo("IMPLEMENTATION");
		assertThat(p.path("stageSince").asString()).isEqualTo("2024-02-01");
		assertThat(p.path("agreements").get(0).path("type").asString()).isEqualTo("LOAN"); // finance type 421
		assertThat(p.path("fundings").get(0).path("source").asString()).isEqualTo("EXIMBANK");
		assertThat(p.path("fundings").get(0).path("instrument").asString()).isEqualTo("EDCF_LOAN");
		assertThat(p.path("fundings").get(1).path("source").asString()).isEqualTo("KOICA_GRANT");
		assertThat(p.path("fundings").get(1).path("disbursements")).hasSize(1);
		assertThat(sums(p, "committedByCurrency")).isEqualTo(Map.of("USD", new BigDecimal("1300000.00")));
	}

	@Test
	void aPublishedDisbursementAfterTheLoansClosingDateIsKeptAsPublishedAndNoted() {
		String xml = """
				<iati-activities version="2.03"><iati-activity default-currency="USD" last-updated-datetime="%s">
				<iati-identifier>KR-LOAN-DATES-1</iati-identifier>
				<title><narrative>Jizzakh pumping station</narrative></title>
				<participating-org role="4"><narrative>Ministry of Water Resources</narrative></participating-org>
				<activity-status code="2"/>
				<activity-date type="2" iso-date="2024-02-01"/>
				<recipient-country code="UZ" percentage="100"/>
				<sector code="14020" vocabulary="1" percentage="100"/>
				<transaction><transaction-type code="2"/><transaction-date iso-date="2024-01-15"/><value>1000000</value>
				  <provider-org><narrative>Export-Import Bank of Korea</narrative></provider-org><finance-type code="421"/></transaction>
				<transaction><transaction-type code="3"/><transaction-date iso-date="2024-03-01"/><value>100000</value>
				  <provider-org><narrative>Export-Import Bank of Korea</narrative></provider-org></transaction>
				%s
				</iati-activity></iati-activities>
				""";
		assertCounts(importXml("loan-dates.xml", xml.formatted("2024-05-01T10:00:00Z", "")), 1, 1, 0, 0, 8);
		String fundingId = project("KR-LOAN-DATES-1").path("fundings").get(0).path("fundingId").asString();
		String funding = "/api/projects/KR-LOAN-DATES-1/fundings/" + fundingId;
		Api finance = new Api(port);
		assertThat(finance.post(funding + "/dates", "{\"effectiveOn\":\"2024-02-01\",\"closingOn\":\"2024-06-30\","
				+ "\"on\":\"2024-02-01\"}").status()).isEqualTo(200);
		Api.Response typed = finance.post("/api/projects/KR-LOAN-DATES-1/disbursements", """
				{"fundingId":"%s","amount":{"amount":"50000","currency":"USD"},"disbursedOn":"2024-09-01"}""".formatted(fundingId));
		assertThat(typed.status()).as("typed data follows the closing date").isEqualTo(409);

		JsonNode report = importXml("loan-dates.xml", xml.formatted("2024-10-01T10:00:00Z", """
				<transaction><transaction-type code="3"/><transaction-date iso-date="2024-09-01"/><value>50000</value>
				  <provider-org><narrative>Export-Import Bank of Korea</narrative></provider-org></transaction>"""));
		assertThat(reasons(report)).isEmpty();
		assertThat(String.join("\n", notes(report))).contains("disbursement of USD 50000 on 2024-09-01 kept as published,"
				+ " though it falls outside the loan dates of " + fundingId + " (effective 2024-02-01, closing 2024-06-30)");
		JsonNode f = project("KR-LOAN-DATES-1").path("fundings").get(0);
		assertThat(f.path("disbursements")).hasSize(2);
		assertThat(f.path("disbursed").path("amount").decimalValue()).isEqualByComparingTo("150000");
	}

	@Test
	void aBodyThatIsNotIatiXmlIsA400Problem() {
		Api.Response notXml = api().postRaw("/api/import/iati", "application/xml", "this is not xml");
		assertThat(notXml.status()).isEqualTo(400);
		assertThat(notXml.header("Content-Type")).startsWith("application/problem+json");
		assertThat(notXml.json().path("type").asString()).isEqualTo("/problems/invalid-request");
		Api.Response noActivity = api().postRaw("/api/import/iati", "text/xml", "<iati-organisations/>");
		assertThat(noActivity.status()).isEqualTo(400);
		assertThat(noActivity.body()).contains("the file holds no iati-activity element (root element: <iati-organisations>);"
				+ " nothing was imported");
		assertThat(api().get("/api/import/iati/progress").status()).isEqualTo(200);
	}

	@Test
	void aFileBrokenInTheMiddleIsRefusedWithItsLineAndColumnAndNothingIsImported() {
		String broken = example(FCDO).replace("GB-1-103662-101", "GB-BROKEN-1") + "\n<iati-activity>\n<iati-identifier>GB-BROKEN-2"
				+ "</iati-identifier>\n<title></iati-activity>\n";
		// the file is well-formed up to its root's end, then breaks on line 4
		Api.Response r = api().postRaw("/api/import/iati?fileName=broken.xml", "application/xml", broken);
		assertThat(r.status()).as(r.toString()).isEqualTo(400);
		assertThat(r.header("Content-Type")).startsWith("application/problem+json");
		assertThat(r.json().path("line").asInt()).isEqualTo(2);
		assertThat(r.json().path("column").asInt()).isPositive();
		assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("file");
		assertThat(r.json().path("errors").get(0).path("reason").asString()).startsWith("line 2, column ")
				.contains("the file is not well-formed XML").endsWith("nothing was imported");
		assertThat(api().get("/api/projects/GB-BROKEN-1").status()).as("nothing half-imported").isEqualTo(404);
	}

	@Test
	void aDtdIsRefusedSoNoEntityIsEverExpanded() {
		String laughs = """
				<?xml version="1.0"?>
				<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
				<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
				<iati-activities version="2.03"><iati-activity><iati-identifier>XX-LAUGHS-1</iati-identifier>
				<title><narrative>&lol3;</narrative></title></iati-activity></iati-activities>
				""";
		Api.Response r = api().postRaw("/api/import/iati", "application/xml", laughs);
		assertThat(r.status()).as(r.toString()).isEqualTo(400);
		assertThat(r.json().path("line").asInt()).isEqualTo(2);
		assertThat(r.json().path("errors").get(0).path("reason").asString()).contains("the file declares a DTD");
		String external = """
				<?xml version="1.0"?>
				<!DOCTYPE iati-activities [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
				<iati-activities version="2.03"><iati-activity><iati-identifier>XX-XXE-1</iati-identifier>
				<title><narrative>&xxe;</narrative></title></iati-activity></iati-activities>
				""";
		Api.Response xxe = api().postRaw("/api/import/iati", "application/xml", external);
		assertThat(xxe.status()).as(xxe.toString()).isEqualTo(400);
		assertThat(xxe.body()).doesNotContain("root:");
		assertThat(api().get("/api/projects/XX-LAUGHS-1").status()).isEqualTo(404);
		assertThat(api().get("/api/projects/XX-XXE-1").status()).isEqualTo(404);
	}

	@Test
	void aHugeAttributeOrAWrongRootIsRefused() {
		String huge = "<iati-activities version=\"2.03\"><iati-activity last-updated-datetime=\"" + "x".repeat(600_000)
				+ "\"><iati-identifier>XX-HUGE-1</iati-identifier></iati-activity></iati-activities>";
		Api.Response r = api().postRaw("/api/import/iati", "application/xml", huge);
		assertThat(r.status()).as(r.toString().substring(0, 300)).isEqualTo(400);
		assertThat(r.json().path("line").asInt()).as(r.body()).isEqualTo(1);
		Api.Response root = api().postRaw("/api/import/iati", "application/xml",
				"<activities><iati-activity><iati-identifier>XX-ROOT-1</iati-identifier></iati-activity></activities>");
		assertThat(root.status()).isEqualTo(400);
		assertThat(root.json().path("errors").get(0).path("reason").asString())
				.contains("the root element is <activities>, not <iati-activities>");
		assertThat(api().get("/api/projects/XX-ROOT-1").status()).isEqualTo(404);
	}

	// ---------------------------------------------------------------------------------------------------------

	private JsonNode postMultipart(String fileName, String xml) throws Exception {
		String boundary = "----iati" + System.nanoTime();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/xml\r\n\r\n" + xml + "\r\n--" + boundary + "--\r\n";
		HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
						URI.create("http://localhost:" + port + "/api/import/iati"))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Authorization", Api.basic("iati-tester", Api.TEST_PASSWORD))
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JsonMapper.builder().build().readTree(response.body());
	}

	private JsonNode project(String id) {
		Api.Response r = api().get("/api/projects/" + id);
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		return r.json();
	}

	/** "STAGE since" for each entry of the stage history. */
	private static List<String> stages(JsonNode project) {
		List<String> result = new ArrayList<>();
		project.path("stageHistory").forEach(e -> result.add(e.path("stage").asString() + " " + e.path("since").asString()));
		return result;
	}

	private List<String> eventTypes(String projectId) {
		List<String> result = new ArrayList<>();
		api().get("/api/projects/" + projectId + "/history").json().forEach(e -> result.add(e.path("type").asString()));
		return result;
	}

	private static void assertCounts(JsonNode report, int read, int imported, int updated, int unchanged, long events) {
		assertThat(report.path("activitiesRead").asInt()).as(report.toString()).isEqualTo(read);
		assertThat(report.path("imported").asInt()).as("imported").isEqualTo(imported);
		assertThat(report.path("updated").asInt()).as("updated").isEqualTo(updated);
		assertThat(report.path("unchanged").asInt()).as("unchanged").isEqualTo(unchanged);
		assertThat(report.path("eventsAppended").asLong()).as("eventsAppended").isEqualTo(events);
	}

	/** "ROLE ref type T country C [name languages]" for each partner. */
	private static List<String> partners(JsonNode project) {
		List<String> result = new ArrayList<>();
		project.path("partners").forEach(o -> result.add(o.path("role").asString() + " " + text(o.path("ref")) + " type "
				+ text(o.path("type")) + " country " + text(o.path("country")) + " " + o.path("names").propertyNames()));
		return result;
	}

	/** "url [categories] titles [languages] languages [languages] date" for each document. */
	private static List<String> documents(JsonNode project) {
		List<String> result = new ArrayList<>();
		project.path("documents").forEach(d -> {
			List<String> categories = new ArrayList<>();
			d.path("categories").forEach(c -> categories.add(c.asString()));
			List<String> languages = new ArrayList<>();
			d.path("languages").forEach(c -> languages.add(c.asString()));
			result.add(d.path("url").asString() + " " + categories + " titles " + d.path("titles").propertyNames()
					+ " languages " + languages + " " + text(d.path("documentDate")));
		});
		return result;
	}

	/** "start..end CUR amount type T status S" for each current budget of the project (via the API). */
	private List<String> plans(JsonNode project, String kind) {
		List<String> result = new ArrayList<>();
		api().get("/api/projects/" + project.path("projectId").asString() + "/" + kind).json().forEach(b -> result.add(
				b.path("periodStart").asString() + ".." + b.path("periodEnd").asString() + " "
						+ b.path("value").path("currency").asString() + " " + b.path("value").path("amount").decimalValue()
						.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString() + " type " + b.path("type").asString()
						+ " status " + b.path("status").asString()));
		return result;
	}

	/** "KIND subject: text" for each import note. */
	private static List<String> importNotes(JsonNode project) {
		List<String> result = new ArrayList<>();
		project.path("importNotes").forEach(n -> result.add(n.path("kind").asString() + " " + n.path("subject").asString()
				+ ": " + n.path("text").asString()));
		return result;
	}

	/** "FLAG status" for each data-quality flag. */
	private static List<String> flags(JsonNode project) {
		List<String> result = new ArrayList<>();
		project.path("dataQuality").forEach(f -> result.add(f.path("flag").asString() + " " + f.path("status").asString()));
		return result;
	}

	private static String text(JsonNode node) {
		return node.isNull() || node.isMissingNode() ? "null" : node.asString();
	}

	private static List<String> reasons(JsonNode report) {
		return entries(report.path("skipped"));
	}

	private static List<String> notes(JsonNode report) {
		return entries(report.path("notes"));
	}

	private static List<String> entries(JsonNode list) {
		List<String> result = new ArrayList<>();
		list.forEach(e -> result.add(e.path("identifier").asString() + "=" + e.path("reason").asString()));
		return result;
	}

	private static Map<String, BigDecimal> sums(JsonNode project, String field) {
		Map<String, BigDecimal> result = new TreeMap<>();
		project.path(field).properties().forEach(e -> result.put(e.getKey(),
				new BigDecimal(e.getValue().asString()).setScale(2)));
		return result;
	}

	static String example(String name) {
		try (InputStream in = IatiImportApiTest.class.getResourceAsStream("/iati/examples/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
