package org.pipelinetracker.iati;

import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.pipelinetracker.PipelineTrackerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import tools.jackson.databind.JsonNode;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The round trip: a realistic scenario built through the HTTP API is exported as IATI, that document is
 * imported into a second, empty instance (its own database), and the second instance's export is the same
 * document byte for byte, apart from the timestamps of recording ({@code generated-datetime},
 * {@code last-updated-datetime}). A second import of the same document changes nothing.
 * <p>
 * Scenario: RT-A in IMPLEMENTATION (an MOU and a binding GRANT with document URLs, a KOICA grant in UZS with a
 * disbursement, incoming funds under it, an expenditure paid from no commitment and a downward correction), RT-B
 * COMPLETED (a LOAN with a document URL, an EDCF loan from Korea Eximbank and an Uzbek-budget commitment corrected
 * upwards, disbursements under both, incoming funds under none, an expenditure in UZS paid from the USD loan, no
 * description), RT-C PROPOSED (an MOU and a feasibility study paid before any agreement), RT-D in IMPLEMENTATION
 * financed first by incoming funds (AGREED → FINANCED without a commitment), then a KOICA grant with incoming funds,
 * a disbursement and an expenditure under it; partners with roles and countries and planned start and end dates
 * throughout. Titles and descriptions in several languages: RT-A's in Russian and Uzbek besides the English original,
 * RT-C proposed in Korean with an English text.
 * <p>
 * And the narratives of published files: the IATI standard's annotated example (title in English, French and Spanish,
 * description in English and French) and USAID's (Spanish and English) are imported, exported, imported into an
 * empty instance and exported again: every narrative is kept with its language at each step.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "tracker.test.context=iati-roundtrip-a")
@ActiveProfiles("test")
class IatiRoundTripTest {

	private static final Pattern TIMESTAMPS = Pattern.compile(" (generated-datetime|last-updated-datetime)=\"[^\"]*\"");

	@LocalServerPort
	int port;

	@Test
	void exportImportIntoAnEmptyInstanceAndExportAgainGivesTheSameDocument() {
		Api a = new Api(port);
		scenario(a);
		a.eventually("/api/projects?size=50", r -> r.json().path("totalElements").asLong() == 4);
		Response first = a.get("/api/export/iati");
		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		String exported = first.body();
		// the scenario is really in the document
		assertThat(exported).contains("<iati-identifier>XM-PIPELINE-TRACKER-RT-A</iati-identifier>",
				"pt:country=\"KR\"", "pt:source=\"EXIMBANK\"", "pt:instrument=\"EDCF_LOAN\"", "pt:source=\"KOICA_GRANT\"",
				"pt:source=\"UZBEK_BUDGET\"", "pt:agreement-type=\"MOU\"", "pt:agreement-type=\"GRANT\"",
				"pt:agreement-type=\"LOAN\"", "pt:region=\"Khorezm Region\"", ">-12355140000.00<", ">30000000000.00<",
				"Grant amended, scope reduced", "\"A09\"", "\"A11\"", "<transaction-type code=\"1\"",
				"<transaction-type code=\"4\"", "First tranche received", "Samarkand Teploenergo", "Feasibility study",
				"<narrative xml:lang=\"ru\">Централизованное теплоснабжение Самарканда</narrative>",
				"<narrative xml:lang=\"uz\">Samarqand markazlashgan issiqlik taʼminoti</narrative>",
				"<narrative xml:lang=\"ko\">나보이 태양광 발전단지 타당성 조사</narrative>");

		try (ConfigurableApplicationContext second = new SpringApplicationBuilder(PipelineTrackerApplication.class).run(
				"--server.port=0", "--spring.datasource.url=jdbc:h2:mem:rt-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
				"--tracker.seed.enabled=false", "--spring.profiles.active=test")) {
			Api b = new Api(Integer.parseInt(second.getEnvironment().getProperty("local.server.port")));
			assertThat(b.get("/api/projects?size=50").json().path("totalElements").asLong()).isZero();

			JsonNode report = importXml(b, exported);
			assertThat(report.path("activitiesRead").asInt()).as(report.toString()).isEqualTo(4);
			assertThat(report.path("imported").asInt()).as(report.toString()).isEqualTo(4);
			assertThat(report.path("skipped")).as(report.toString()).isEmpty();
			b.eventually("/api/projects?size=50", r -> r.json().path("totalElements").asLong() == 4);

			JsonNode rtA = b.get("/api/projects/RT-A").json();
			assertThat(rtA.path("stage").asString()).isEqualTo("IMPLEMENTATION");
			assertThat(rtA.path("fundings").get(0).path("fundingId").asString()).isEqualTo("KOICA-1");
			assertThat(rtA.path("fundings").get(0).path("corrections").get(0).path("reason").asString())
					.isEqualTo("Grant amended, scope reduced");
			assertThat(rtA.path("incomingFunds").get(0).path("fundingId").asString()).isEqualTo("KOICA-1");
			assertThat(rtA.path("expenditures").get(0).path("receiver").asString()).isEqualTo("Samarkand Teploenergo");
			JsonNode rtB = b.get("/api/projects/RT-B").json();
			assertThat(rtB.path("expenditures").get(0).path("fundingId").asString()).isEqualTo("EDCF-1");
			assertThat(rtB.path("expendedByCurrency").path("UZS").decimalValue()).isEqualByComparingTo("61775700000");
			assertThat(rtB.path("incomingFunds").get(0).path("fundingId").isNull()).isTrue();
			assertThat(b.get("/api/projects/RT-C").json().path("stage").asString()).isEqualTo("PROPOSED");
			// the texts in every language, and which one is the original, are as recorded in the first instance
			for (String id : List.of("RT-A", "RT-B", "RT-C", "RT-D")) {
				JsonNode before = a.get("/api/projects/" + id).json();
				JsonNode after = b.get("/api/projects/" + id).json();
				assertThat(after.path("language")).as(id).isEqualTo(before.path("language"));
				assertThat(after.path("title")).as(id).isEqualTo(before.path("title"));
				assertThat(after.path("texts").propertyNames()).as(id).isEqualTo(before.path("texts").propertyNames());
				if (!id.equals("RT-B")) { // RT-B has no description: IATI requires one, so the export gives its title
					assertThat(after.path("texts")).as(id).isEqualTo(before.path("texts"));
				}
			}
			JsonNode rtC = b.get("/api/projects/RT-C").json();
			assertThat(rtC.path("language").asString()).isEqualTo("ko");
			assertThat(rtC.path("title").asString()).isEqualTo("나보이 태양광 발전단지 타당성 조사");
			assertThat(rtC.path("texts").path("en").path("title").asString()).isEqualTo("Navoi solar park study");
			assertThat(rtA.path("texts").propertyNames()).containsExactly("en", "ru", "uz");
			JsonNode rtD = b.get("/api/projects/RT-D").json();
			assertThat(rtD.path("stage").asString()).isEqualTo("IMPLEMENTATION");
			assertThat(rtD.path("stageHistory").get(2).path("stage").asString()).isEqualTo("FINANCED");
			assertThat(rtD.path("stageHistory").get(2).path("since").asString()).isEqualTo("2025-02-20"); // the first receipt
			assertThat(rtD.path("receivedByCurrency").path("USD").decimalValue()).isEqualByComparingTo("1250000");
			assertThat(rtD.path("expendedByCurrency").path("USD").decimalValue()).isEqualByComparingTo("300000");

			Response again = b.get("/api/export/iati");
			assertThat(again.status()).as(again.toString()).isEqualTo(200);
			assertThat(withoutTimestamps(again.body())).isEqualTo(withoutTimestamps(exported));

			// importing the same document once more appends nothing
			JsonNode repeat = importXml(b, exported);
			assertThat(repeat.path("unchanged").asInt()).as(repeat.toString()).isEqualTo(4);
			assertThat(repeat.path("eventsAppended").asLong()).as(repeat.toString()).isZero();
			assertThat(repeat.path("skipped")).as(repeat.toString()).isEmpty();
		}
	}

	@Test
	void everyNarrativeOfThePublishedExamplesIsKeptThroughExportAndImport() throws Exception {
		try (ConfigurableApplicationContext first = start(); ConfigurableApplicationContext second = start()) {
			Api b = api(first);
			for (String file : List.of("activity-standard-example-annotated.xml", "usaid-activity.xml")) {
				JsonNode report = importXml(b, example(file));
				assertThat(report.path("imported").asInt()).as(report.toString()).isEqualTo(1);
			}
			b.eventually("/api/projects?size=50", r -> r.json().path("totalElements").asLong() == 2);
			String exported = b.get("/api/export/iati").body();
			validate(exported); // the documents, partners and statuses of published files too
			Map<String, List<String>> narratives = narratives(exported);
			String annotated = "XM-PIPELINE-TRACKER-AA-AAA-123456789-ABC123";
			assertThat(narratives.get(annotated + " title")).containsExactly("en: Activity title",
					"es: Título de la actividad", "fr: Titre de l'activité");
			assertThat(narratives.get(annotated + " description")).containsExactly(
					"en: General activity description text. Long description of the activity with no particular structure.",
					"fr: Activité générale du texte de description. Longue description de l'activité sans structure"
							+ " particulière.");
			String usaid = "XM-PIPELINE-TRACKER-US-GOV-1-AID-EPP-A-00-09-00001";
			assertThat(narratives.get(usaid + " title")).containsExactly(
					"en: Enhancing Sustainable Utility Regulations (ENSURE)",
					"es: Aumentando regulaciones para uso general sostenibles (ASEGURE)");
			assertThat(narratives.get(usaid + " description")).hasSize(2);
			assertThat(narratives.get(usaid + " description").get(0)).startsWith("en: Enhancing Sustainable Utility Regulation (ENSURE) is a");
			assertThat(narratives.get(usaid + " description").get(1)).startsWith("es: El aumento de la regulación para uso general sostenible (ASEGURE) es un acuerdo ");

			Api c = api(second);
			JsonNode report = importXml(c, exported);
			assertThat(report.path("imported").asInt()).as(report.toString()).isEqualTo(2);
			assertThat(report.path("skipped")).as(report.toString()).isEmpty();
			c.eventually("/api/projects?size=50", r -> r.json().path("totalElements").asLong() == 2);
			for (String id : List.of("AA-AAA-123456789-ABC123", "US-GOV-1-AID-EPP-A-00-09-00001")) {
				JsonNode before = b.get("/api/projects/" + id).json();
				JsonNode after = c.get("/api/projects/" + id).json();
				assertThat(after.path("language")).as(id).isEqualTo(before.path("language"));
				assertThat(after.path("title")).as(id).isEqualTo(before.path("title"));
				assertThat(after.path("description")).as(id).isEqualTo(before.path("description"));
				assertThat(after.path("texts")).as(id).isEqualTo(before.path("texts"));
				// the status, the documents in every language, the organisations and every money flow are kept too
				assertThat(after.path("iatiStatus")).as(id).isEqualTo(before.path("iatiStatus"));
				assertThat(after.path("stageHistory")).as(id).isEqualTo(before.path("stageHistory"));
				assertThat(after.path("documents")).as(id).isEqualTo(before.path("documents"));
				assertThat(after.path("partners")).as(id).isEqualTo(before.path("partners"));
				assertThat(after.path("agreements")).as(id).isEqualTo(before.path("agreements"));
				for (String flows : List.of("fundings", "incomingFunds", "expenditures")) {
					assertThat(after.path(flows)).as(id + " " + flows).isEqualTo(before.path(flows));
				}
			}
			JsonNode imported = c.get("/api/projects/AA-AAA-123456789-ABC123").json();
			assertThat(imported.path("iatiStatus").asString()).isEqualTo("2");
			assertThat(imported.path("documents").get(0).path("titles").path("fr").asString()).isEqualTo("Rapport de projet 2013");
			assertThat(imported.path("partners").get(2).path("names").path("fr").asString()).isEqualTo("Nom de l'agence A");
			assertThat(withoutTimestamps(c.get("/api/export/iati").body())).isEqualTo(withoutTimestamps(exported));
		}
	}

	/** The narratives of every activity's title and general description: "identifier title" → "lang: text". */
	static Map<String, List<String>> narratives(String xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
		Map<String, List<String>> result = new LinkedHashMap<>();
		NodeList activities = document.getElementsByTagName("iati-activity");
		for (int i = 0; i < activities.getLength(); i++) {
			Element activity = (Element) activities.item(i);
			String id = activity.getElementsByTagName("iati-identifier").item(0).getTextContent();
			for (String element : List.of("title", "description")) {
				Element holder = (Element) activity.getElementsByTagName(element).item(0);
				List<String> texts = new ArrayList<>();
				NodeList children = holder.getElementsByTagName("narrative");
				for (int n = 0; n < children.getLength(); n++) {
					Element narrative = (Element) children.item(n);
					texts.add(narrative.getAttributeNS(XMLConstants.XML_NS_URI, "lang") + ": " + narrative.getTextContent());
				}
				result.put(id + " " + element, texts);
			}
		}
		return result;
	}

	/** Valid against the IATI 2.03 schema. */
	static void validate(String xml) throws Exception {
		javax.xml.validation.SchemaFactory factory = javax.xml.validation.SchemaFactory
				.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
		factory.newSchema(IatiRoundTripTest.class.getResource("/iati/schema/iati-activities-schema.xsd")).newValidator()
				.validate(new javax.xml.transform.stream.StreamSource(new StringReader(xml)));
	}

	private static String example(String name) throws java.io.IOException {
		try (java.io.InputStream in = IatiRoundTripTest.class.getResourceAsStream("/iati/examples/" + name)) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
	}

	private static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(PipelineTrackerApplication.class).run("--server.port=0",
				"--spring.datasource.url=jdbc:h2:mem:rt-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
				"--tracker.seed.enabled=false", "--spring.profiles.active=test");
	}

	private static Api api(ConfigurableApplicationContext app) {
		return new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
	}

	private static JsonNode importXml(Api api, String xml) {
		Response r = api.postRaw("/api/import/iati?fileName=roundtrip.xml", "application/xml", xml);
		assertThat(r.status()).as(r.toString()).isEqualTo(200);
		return r.json();
	}

	static String withoutTimestamps(String xml) {
		return TIMESTAMPS.matcher(xml).replaceAll("");
	}

	private static void scenario(Api api) {
		// RT-A: KOICA grant in UZS, MOU then a binding grant, disbursement, start, downward correction
		ok(api.post("/api/projects", """
				{"projectId":"RT-A","title":"Samarkand district heating","description":"Boilers and heat networks",
				 "sector":"23620","region":"Samarkand","proposedOn":"2025-03-01","plannedStart":"2025-06-01",
				 "plannedEnd":"2027-12-31","partners":[{"name":"KOICA","country":"KR","role":"FUNDING"},
				 {"name":"Ministry of Energy","country":"UZ","role":"IMPLEMENTING"},
				 {"name":"Samarkand Teploenergo","country":"UZ","role":"EXTENDING"}]}"""));
		ok(api.post("/api/projects/RT-A/agreements", """
				{"agreementId":"MOU-1","type":"MOU","signedOn":"2025-03-10","parties":["KOICA","Ministry of Energy"],
				 "documentUrl":"https://example.org/koica/mou-1.pdf"}"""));
		ok(api.post("/api/projects/RT-A/agreements", """
				{"agreementId":"GRANT-1","type":"GRANT","signedOn":"2025-09-15","parties":["KOICA","Ministry of Energy"],
				 "documentUrl":"https://example.org/koica/grant-1.pdf"}"""));
		ok(api.post("/api/projects/RT-A/fundings", """
				{"fundingId":"KOICA-1","source":"KOICA_GRANT","funder":"KOICA",
				 "amount":{"amount":"61775700000","currency":"UZS"},"committedOn":"2025-09-20"}"""));
		ok(api.post("/api/projects/RT-A/disbursements", """
				{"fundingId":"KOICA-1","amount":{"amount":"12355140000","currency":"UZS"},"disbursedOn":"2025-10-05"}"""));
		ok(api.post("/api/projects/RT-A/incoming-funds", """
				{"fundingId":"KOICA-1","amount":{"amount":"6177570000","currency":"UZS"},"receivedOn":"2025-10-06",
				 "provider":"KOICA","receiver":"Ministry of Energy","description":"First tranche received"}"""));
		ok(api.post("/api/projects/RT-A/start", "{\"on\":\"2025-10-10\"}"));
		ok(api.post("/api/projects/RT-A/expenditures", """
				{"amount":{"amount":"2471028000","currency":"UZS"},"spentOn":"2025-10-20","provider":"Ministry of Energy",
				 "receiver":"Samarkand Teploenergo","description":"Boiler procurement, lot 1"}"""));
		ok(api.post("/api/projects/RT-A/fundings/KOICA-1/corrections", """
				{"amount":{"amount":"49420560000","currency":"UZS"},"reason":"Grant amended, scope reduced","on":"2025-11-01"}"""));

		// RT-B: EDCF loan and Uzbek budget co-financing, disbursed, completed; no description
		ok(api.post("/api/projects", """
				{"projectId":"RT-B","title":"Khiva rail depot","sector":"21030","region":"Khorezm","proposedOn":"2025-01-10",
				 "plannedStart":"2025-03-01","plannedEnd":"2025-12-31",
				 "partners":[{"name":"Export-Import Bank of Korea","country":"KR","role":"FUNDING"},
				 {"name":"Ministry of Economy and Finance","country":"UZ","role":"ACCOUNTABLE"},
				 {"name":"Uzbekistan Railways","country":"UZ","role":"IMPLEMENTING"}]}"""));
		ok(api.post("/api/projects/RT-B/agreements", """
				{"agreementId":"EDCF-LA-1","type":"LOAN","signedOn":"2025-02-01",
				 "parties":["Export-Import Bank of Korea","Republic of Uzbekistan"],
				 "documentUrl":"https://example.org/edcf/loan-agreement-1.pdf"}"""));
		ok(api.post("/api/projects/RT-B/fundings/eximbank", """
				{"fundingId":"EDCF-1","instrument":"EDCF_LOAN","amount":{"amount":"100000000","currency":"USD"},
				 "committedOn":"2025-03-15","interestRate":"0.1","maturityYears":40,"graceYears":10}"""));
		ok(api.post("/api/projects/RT-B/fundings", """
				{"fundingId":"UZB-1","source":"UZBEK_BUDGET","funder":"Ministry of Economy and Finance",
				 "amount":{"amount":"120000000000","currency":"UZS"},"committedOn":"2025-03-20"}"""));
		ok(api.post("/api/projects/RT-B/start", "{\"on\":\"2025-04-01\"}"));
		ok(api.post("/api/projects/RT-B/incoming-funds", """
				{"amount":{"amount":"5000000","currency":"USD"},"receivedOn":"2025-05-01",
				 "provider":"Ministry of Economy and Finance","receiver":"Uzbekistan Railways"}"""));
		ok(api.post("/api/projects/RT-B/expenditures", """
				{"fundingId":"EDCF-1","amount":{"amount":"61775700000","currency":"UZS"},"spentOn":"2025-06-15",
				 "receiver":"Hyundai Rotem","description":"Depot equipment, advance"}"""));
		ok(api.post("/api/projects/RT-B/disbursements", """
				{"fundingId":"EDCF-1","amount":{"amount":"20000000","currency":"USD"},"disbursedOn":"2025-06-10"}"""));
		ok(api.post("/api/projects/RT-B/disbursements", """
				{"fundingId":"UZB-1","amount":{"amount":"30000000000","currency":"UZS"},"disbursedOn":"2025-06-20"}"""));
		ok(api.post("/api/projects/RT-B/fundings/UZB-1/corrections", """
				{"amount":{"amount":"150000000000","currency":"UZS"},"reason":"Budget law 2025, article 12: co-financing raised","on":"2025-07-01"}"""));
		ok(api.post("/api/projects/RT-B/disbursements", """
				{"fundingId":"EDCF-1","amount":{"amount":"35000000","currency":"USD"},"disbursedOn":"2025-08-05"}"""));
		ok(api.post("/api/projects/RT-B/complete", "{\"on\":\"2025-09-30\"}"));

		ok(api.post("/api/projects/RT-A/texts", """
				{"language":"ru","title":"Централизованное теплоснабжение Самарканда",
				 "description":"Котельные и тепловые сети","on":"2025-03-01"}"""));
		ok(api.post("/api/projects/RT-A/texts", """
				{"language":"uz","title":"Samarqand markazlashgan issiqlik taʼminoti","on":"2025-04-01"}"""));

		// RT-C: proposed only, in Korean, with an English text and an MOU
		ok(api.post("/api/projects", """
				{"projectId":"RT-C","title":"나보이 태양광 발전단지 타당성 조사","description":"100MW 태양광 발전소 타당성 조사",
				 "language":"ko","sector":"23230","region":"Navoi","proposedOn":"2025-05-01","plannedStart":"2026-01-01",
				 "plannedEnd":"2026-12-31","partners":[{"name":"Korea Energy Agency","country":"KR","role":"EXTENDING"}]}"""));
		ok(api.post("/api/projects/RT-C/texts", """
				{"language":"en","title":"Navoi solar park study","description":"Feasibility study for a 100 MW plant"}"""));
		ok(api.post("/api/projects/RT-C/agreements", """
				{"agreementId":"MOU-C","type":"MOU","signedOn":"2025-05-20","documentUrl":"https://example.org/navoi/mou.docx"}"""));
		ok(api.post("/api/projects/RT-C/expenditures", """
				{"amount":{"amount":"45000","currency":"USD"},"spentOn":"2025-06-01","provider":"Korea Energy Agency",
				 "receiver":"Navoi regional khokimiyat","description":"Feasibility study"}"""));

		// RT-D: the first money is incoming funds (AGREED → FINANCED), then a KOICA grant with funds received under it
		ok(api.post("/api/projects", """
				{"projectId":"RT-D","title":"Bukhara vocational college","description":"Workshops and equipment",
				 "sector":"11330","region":"Bukhara","proposedOn":"2025-02-01","plannedStart":"2025-04-01","plannedEnd":"2026-06-30",
				 "partners":[{"name":"KOICA","country":"KR","role":"FUNDING"},
				 {"name":"Ministry of Higher Education","country":"UZ","role":"IMPLEMENTING"}]}"""));
		ok(api.post("/api/projects/RT-D/agreements", """
				{"agreementId":"GRANT-D","type":"GRANT","signedOn":"2025-02-10","parties":["KOICA","Ministry of Higher Education"],
				 "documentUrl":"https://example.org/koica/grant-d.pdf"}"""));
		ok(api.post("/api/projects/RT-D/incoming-funds", """
				{"amount":{"amount":"500000","currency":"USD"},"receivedOn":"2025-02-20","provider":"KOICA",
				 "receiver":"Ministry of Higher Education","description":"Advance"}"""));
		ok(api.post("/api/projects/RT-D/fundings", """
				{"fundingId":"KOICA-D","source":"KOICA_GRANT","funder":"KOICA",
				 "amount":{"amount":"2000000","currency":"USD"},"committedOn":"2025-03-01"}"""));
		ok(api.post("/api/projects/RT-D/disbursements", """
				{"fundingId":"KOICA-D","amount":{"amount":"750000","currency":"USD"},"disbursedOn":"2025-03-10"}"""));
		ok(api.post("/api/projects/RT-D/incoming-funds", """
				{"fundingId":"KOICA-D","amount":{"amount":"750000","currency":"USD"},"receivedOn":"2025-03-10",
				 "provider":"KOICA","receiver":"Ministry of Higher Education"}"""));
		ok(api.post("/api/projects/RT-D/start", "{\"on\":\"2025-04-01\"}"));
		ok(api.post("/api/projects/RT-D/expenditures", """
				{"fundingId":"KOICA-D","amount":{"amount":"300000","currency":"USD"},"spentOn":"2025-04-15",
				 "provider":"Ministry of Higher Education","receiver":"Bukhara construction trust","description":"Workshop fit-out"}"""));
	}

	private static void ok(Response r) {
		assertThat(r.status()).as(r.toString()).isBetween(200, 299);
	}
}
