package org.pipelinetracker.iati.export;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.pipelinetracker.iati.conventions.Extension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The exports on a scenario built only through the API: a KOICA grant in UZS (converted at the rate of
 * 10 Sep 2025, USD 1 = 12,355.14 UZS) with a disbursement, incoming funds under it, an expenditure and a downward
 * correction, a completed EDCF loan in USD, Uzbek budget money and an expenditure in UZS dated before any rate
 * (unconverted), and a bare proposal. The IATI document is
 * validated against the IATI 2.03 schema (src/test/resources/iati/schema) and checked element by element; the
 * CSVs are compared row by row.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tracker.test.context=iati-export")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IatiExportApiTest {

	static final String TITLE_A = "Samarkand district heating, \"phase 1\"";

	@LocalServerPort
	int port;

	Api api;
	Instant beforeCorrection;

	@BeforeAll
	void scenario() throws InterruptedException {
		api = new Api(port);
		ok(api.post("/api/projects", """
				{"projectId":"EXP-A","title":"Samarkand district heating, \\"phase 1\\"","description":"Boilers and networks",
				 "sector":"23620","region":"Samarkand","proposedOn":"2025-03-01","plannedStart":"2025-06-01",
				 "plannedEnd":"2027-12-31","partners":[{"name":"KOICA","country":"KR","role":"FUNDING"},
				 {"name":"Ministry of Energy","country":"UZ","role":"IMPLEMENTING"}]}"""));
		ok(api.post("/api/projects/EXP-A/agreements", """
				{"agreementId":"MOU-1","type":"MOU","signedOn":"2025-03-10","documentUrl":"/sources/mou-1.txt"}"""));
		ok(api.post("/api/projects/EXP-A/agreements", """
				{"agreementId":"GRANT-1","type":"GRANT","signedOn":"2025-09-15","parties":["KOICA","Ministry of Energy"],
				 "documentUrl":"https://example.org/koica/grant-1.pdf"}"""));
		ok(api.post("/api/projects/EXP-A/fundings", """
				{"fundingId":"KOICA-1","source":"KOICA_GRANT","funder":"KOICA",
				 "amount":{"amount":"61775700000","currency":"UZS"},"committedOn":"2025-09-20"}"""));
		ok(api.post("/api/projects/EXP-A/disbursements", """
				{"fundingId":"KOICA-1","amount":{"amount":"12355140000","currency":"UZS"},"disbursedOn":"2025-10-05"}"""));
		ok(api.post("/api/projects/EXP-A/start", "{\"on\":\"2025-10-10\"}"));
		ok(api.post("/api/projects/EXP-A/incoming-funds", """
				{"fundingId":"KOICA-1","amount":{"amount":"6177570000","currency":"UZS"},"receivedOn":"2025-10-06",
				 "provider":"KOICA","receiver":"Ministry of Energy","description":"First tranche received"}"""));
		ok(api.post("/api/projects/EXP-A/expenditures", """
				{"amount":{"amount":"2471028000","currency":"UZS"},"spentOn":"2025-10-20","provider":"Ministry of Energy",
				 "receiver":"Samarkand Teploenergo","description":"Boiler procurement, lot 1"}"""));
		Thread.sleep(20);
		beforeCorrection = Instant.now();
		Thread.sleep(20);
		ok(api.post("/api/projects/EXP-A/fundings/KOICA-1/corrections", """
				{"amount":{"amount":"49420560000","currency":"UZS"},"reason":"Grant amended, scope reduced","on":"2025-11-01"}"""));

		ok(api.post("/api/projects", """
				{"projectId":"EXP-B","title":"Khiva rail depot","sector":"21030","region":"Khorezm","proposedOn":"2025-01-10"}"""));
		ok(api.post("/api/projects/EXP-B/agreements", "{\"agreementId\":\"L1\",\"type\":\"LOAN\",\"signedOn\":\"2025-02-01\"}"));
		ok(api.post("/api/projects/EXP-B/fundings/eximbank", """
				{"fundingId":"EDCF-1","instrument":"EDCF_LOAN","amount":{"amount":"100000000","currency":"USD"},
				 "committedOn":"2025-03-15"}"""));
		ok(api.post("/api/projects/EXP-B/start", "{\"on\":\"2025-04-01\"}"));
		ok(api.post("/api/projects/EXP-B/disbursements", """
				{"fundingId":"EDCF-1","amount":{"amount":"20000000","currency":"USD"},"disbursedOn":"2025-06-10"}"""));
		ok(api.post("/api/projects/EXP-B/complete", "{\"on\":\"2025-07-01\"}"));

		ok(api.post("/api/projects", """
				{"projectId":"EXP-C","title":"Jizzakh waste plant","sector":"14050","region":"Jizzakh","proposedOn":"2024-11-01"}"""));
		ok(api.post("/api/projects/EXP-C/agreements", "{\"agreementId\":\"C1\",\"type\":\"CONTRACT\",\"signedOn\":\"2025-01-20\"}"));
		ok(api.post("/api/projects/EXP-C/fundings", """
				{"fundingId":"UZ-1","source":"UZBEK_BUDGET","funder":"Ministry of Economy and Finance",
				 "amount":{"amount":"1000000000","currency":"UZS"},"committedOn":"2025-02-01"}"""));
		ok(api.post("/api/projects/EXP-C/expenditures", """
				{"amount":{"amount":"500000000","currency":"UZS"},"spentOn":"2025-03-01","provider":"Jizzakh khokimiyat"}"""));
		ok(api.post("/api/projects/EXP-C/texts", """
				{"language":"ko","title":"지자흐 폐기물 처리시설","on":"2025-01-05"}"""));
		ok(api.post("/api/projects/EXP-C/texts", """
				{"language":"ru","title":"Мусороперерабатывающий завод в Джизаке",
				 "description":"Переработка твёрдых бытовых отходов Джизака","on":"2025-06-15"}"""));

		ok(api.post("/api/projects", """
				{"projectId":"EXP-D","title":"Navoi substation study","sector":"23620","region":"Navoi","proposedOn":"2025-12-01"}"""));
		// the export lists the ids of the project-status read model, which follows the event store asynchronously
		api.eventually("/api/projects?size=50", r -> r.json().path("totalElements").asLong() == 4);
	}

	@Test
	void theIatiDocumentValidatesAndMapsEveryProject() throws Exception {
		Response response = api.get("/api/export/iati");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.header("Content-Type")).isEqualTo("application/xml;charset=UTF-8");
		validate(response.body());
		Document doc = parse(response.body());
		Element root = doc.getDocumentElement();
		assertThat(root.getTagName()).isEqualTo("iati-activities");
		assertThat(root.getAttribute("version")).isEqualTo("2.03");
		assertThat(texts(doc, "/iati-activities/iati-activity/iati-identifier")).containsExactly(
				"XM-PIPELINE-TRACKER-EXP-A", "XM-PIPELINE-TRACKER-EXP-B", "XM-PIPELINE-TRACKER-EXP-C",
				"XM-PIPELINE-TRACKER-EXP-D");
		assertThat(texts(doc, "//iati-activity/reporting-org/@ref")).containsOnly("XM-PIPELINE-TRACKER");
		assertThat(texts(doc, "//iati-activity/reporting-org/@type")).containsOnly("90");
		assertThat(texts(doc, "//iati-activity/reporting-org/narrative")).containsOnly("pipeline-tracker");
		assertThat(texts(doc, "//iati-activity/activity-status/@code")).containsExactly("2", "4", "1", "1");

		String a = "//iati-activity[iati-identifier='XM-PIPELINE-TRACKER-EXP-A']";
		assertThat(texts(doc, a + "/title/narrative")).containsExactly(TITLE_A);
		assertThat(texts(doc, a + "/title/narrative/@*[local-name()='lang' and namespace-uri()='http://www.w3.org/XML/1998/namespace']")).containsExactly("en");
		assertThat(texts(doc, a + "/description[@type='1']/narrative")).containsExactly("Boilers and networks");
		assertThat(orgs(doc, a)).containsExactly("1|KR|KOICA", "4|UZ|Ministry of Energy");
		assertThat(dates(doc, a)).containsExactly("1 2025-06-01", "2 2025-10-10", "3 2027-12-31");
		assertThat(texts(doc, a + "/recipient-country/@code")).containsExactly("UZ");
		assertThat(texts(doc, a + "/recipient-country/@percentage")).containsExactly("100");
		assertThat(texts(doc, a + "/location/name/narrative")).containsExactly("Samarkand Region");
		assertThat(texts(doc, a + "/sector/@code")).containsExactly("23620");
		assertThat(texts(doc, a + "/sector/@vocabulary")).containsExactly("1");
		assertThat(texts(doc, a + "/sector/@percentage")).containsExactly("100");
		assertThat(transactions(doc, a)).containsExactly(
				"KOICA-1|2|2025-09-20|UZS|2025-09-20|61775700000.00||KOICA||10|110",
				"KOICA-1|3|2025-10-05|UZS|2025-10-05|12355140000.00||KOICA||10|110",
				"KOICA-1|2|2025-11-01|UZS|2025-11-01|-12355140000.00|Grant amended, scope reduced|KOICA||10|110",
				"KOICA-1|1|2025-10-06|UZS|2025-10-06|6177570000.00|First tranche received|KOICA|Ministry of Energy||",
				"|4|2025-10-20|UZS|2025-10-20|2471028000.00|Boiler procurement, lot 1|Ministry of Energy|Samarkand Teploenergo||");
		String base = "http://localhost:" + port;
		assertThat(documentLinks(doc, a)).containsExactly(
				base + "/sources/mou-1.txt|text/plain|MOU agreement MOU-1||A09|2025-03-10",
				"https://example.org/koica/grant-1.pdf|application/pdf|GRANT agreement GRANT-1|Parties: KOICA; Ministry of Energy|A11|2025-09-15");

		String b = "//iati-activity[iati-identifier='XM-PIPELINE-TRACKER-EXP-B']";
		// no description recorded: the schema needs one, so the title stands in; no partners: the funder, role 1
		assertThat(texts(doc, b + "/description/narrative")).containsExactly("Khiva rail depot");
		assertThat(orgs(doc, b)).containsExactly("1||Export-Import Bank of Korea");
		assertThat(dates(doc, b)).containsExactly("2 2025-04-01", "4 2025-07-01");
		assertThat(transactions(doc, b)).containsExactly(
				"EDCF-1|2|2025-03-15|USD|2025-03-15|100000000.00||Export-Import Bank of Korea||10|421",
				"EDCF-1|3|2025-06-10|USD|2025-06-10|20000000.00||Export-Import Bank of Korea||10|421");
		assertThat(texts(doc, b + "/document-link")).isEmpty();

		String c = "//iati-activity[iati-identifier='XM-PIPELINE-TRACKER-EXP-C']";
		// a narrative per language, each with its xml:lang, the original first; a description only in Russian
		assertThat(texts(doc, c + "/title/narrative")).containsExactly("Jizzakh waste plant", "지자흐 폐기물 처리시설",
				"Мусороперерабатывающий завод в Джизаке");
		assertThat(texts(doc, c + "/title/narrative/@*[local-name()='lang' and namespace-uri()='http://www.w3.org/XML/1998/namespace']")).containsExactly("en", "ko", "ru");
		assertThat(texts(doc, c + "/description[@type='1']/narrative")).containsExactly("Переработка твёрдых бытовых отходов Джизака");
		assertThat(texts(doc, c + "/description[@type='1']/narrative/@*[local-name()='lang' and namespace-uri()='http://www.w3.org/XML/1998/namespace']")).containsExactly("ru");
		assertThat(transactions(doc, c)).containsExactly(
				"UZ-1|2|2025-02-01|UZS|2025-02-01|1000000000.00||Ministry of Economy and Finance|||",
				"|4|2025-03-01|UZS|2025-03-01|500000000.00||Jizzakh khokimiyat|||");

		String d = "//iati-activity[iati-identifier='XM-PIPELINE-TRACKER-EXP-D']";
		// neither partners nor funders: the reporting org, accountable; no planned or actual date: the proposal
		assertThat(orgs(doc, d)).containsExactly("2||pipeline-tracker");
		assertThat(texts(doc, d + "/participating-org/@ref")).containsExactly("XM-PIPELINE-TRACKER");
		assertThat(dates(doc, d)).containsExactly("1 2025-12-01");
		assertThat(texts(doc, d + "/activity-date/narrative")).containsExactly("Date of the proposal: no planned start recorded");
		assertThat(texts(doc, d + "/transaction")).isEmpty();
	}

	@Test
	void asOfCutsLaterTransactionsAndProjects() throws Exception {
		Response response = api.get("/api/export/iati?asOf=2025-10-01");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		validate(response.body());
		Document doc = parse(response.body());
		assertThat(texts(doc, "//iati-activity/iati-identifier")).containsExactly("XM-PIPELINE-TRACKER-EXP-A",
				"XM-PIPELINE-TRACKER-EXP-B", "XM-PIPELINE-TRACKER-EXP-C");
		String a = "//iati-activity[iati-identifier='XM-PIPELINE-TRACKER-EXP-A']";
		assertThat(texts(doc, a + "/activity-status/@code")).containsExactly("1");
		assertThat(dates(doc, a)).containsExactly("1 2025-06-01", "3 2027-12-31");
		assertThat(transactions(doc, a)).containsExactly("KOICA-1|2|2025-09-20|UZS|2025-09-20|61775700000.00||KOICA||10|110");
		String b = "//iati-activity[iati-identifier='XM-PIPELINE-TRACKER-EXP-B']";
		assertThat(texts(doc, b + "/activity-status/@code")).containsExactly("4");

		Document june = parse(api.get("/api/export/iati?asOf=2025-06-01").body());
		assertThat(transactions(june, "//iati-activity[iati-identifier='XM-PIPELINE-TRACKER-EXP-B']"))
				.containsExactly("EDCF-1|2|2025-03-15|USD|2025-03-15|100000000.00||Export-Import Bank of Korea||10|421");
		assertThat(texts(june, "//iati-activity[iati-identifier='XM-PIPELINE-TRACKER-EXP-A']/document-link/@url"))
				.containsExactly("http://localhost:" + port + "/sources/mou-1.txt");
		// the texts in force on the date: the Korean title, not yet the Russian texts; so the title stands in as description
		String c = "//iati-activity[iati-identifier='XM-PIPELINE-TRACKER-EXP-C']";
		assertThat(texts(june, c + "/title/narrative/@*[local-name()='lang' and namespace-uri()='http://www.w3.org/XML/1998/namespace']")).containsExactly("en", "ko");
		assertThat(texts(june, c + "/description/narrative")).containsExactly("Jizzakh waste plant");
		assertThat(texts(doc, c + "/title/narrative/@*[local-name()='lang' and namespace-uri()='http://www.w3.org/XML/1998/namespace']")).containsExactly("en", "ko", "ru");
		validate(api.get("/api/export/iati?asOf=2025-06-01").body());
	}

	@Test
	void knownAtLeavesOutWhatWasRecordedLater() throws Exception {
		Document doc = parse(api.get("/api/export/iati?knownAt=" + beforeCorrection).body());
		assertThat(texts(doc, "//iati-activity/iati-identifier")).containsExactly("XM-PIPELINE-TRACKER-EXP-A");
		assertThat(transactions(doc, "//iati-activity")).containsExactly(
				"KOICA-1|2|2025-09-20|UZS|2025-09-20|61775700000.00||KOICA||10|110",
				"KOICA-1|3|2025-10-05|UZS|2025-10-05|12355140000.00||KOICA||10|110",
				"KOICA-1|1|2025-10-06|UZS|2025-10-06|6177570000.00|First tranche received|KOICA|Ministry of Energy||",
				"|4|2025-10-20|UZS|2025-10-20|2471028000.00|Boiler procurement, lot 1|Ministry of Energy|Samarkand Teploenergo||");
	}

	@Test
	void filtersApplyAtTheCut() throws Exception {
		Document implementation = parse(api.get("/api/export/iati?stage=IMPLEMENTATION").body());
		assertThat(texts(implementation, "//iati-activity/iati-identifier")).containsExactly("XM-PIPELINE-TRACKER-EXP-A");
		Document financedInOctober = parse(api.get("/api/export/iati?stage=FINANCED&asOf=2025-10-01").body());
		assertThat(texts(financedInOctober, "//iati-activity/iati-identifier"))
				.containsExactly("XM-PIPELINE-TRACKER-EXP-A", "XM-PIPELINE-TRACKER-EXP-C");
		Document heating = parse(api.get("/api/export/iati?sector=23620&region=navoi").body());
		assertThat(texts(heating, "//iati-activity/iati-identifier")).containsExactly("XM-PIPELINE-TRACKER-EXP-D");
	}

	@Test
	void projectsCsv() {
		Response response = api.get("/api/export/projects.csv");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.header("Content-Type")).isEqualTo("text/csv;charset=UTF-8");
		assertThat(response.body()).isEqualTo(CsvWriter.BYTE_ORDER_MARK + String.join("\r\n",
				"project_id,title,sector,sector_name,region,stage,iati_status,proposed_on,committed_usd,disbursed_usd,undisbursed_usd,received_usd,expended_usd,unconverted",
				"EXP-A,\"Samarkand district heating, \"\"phase 1\"\"\",23620,District heating and cooling,Samarkand Region,IMPLEMENTATION,2,2025-03-01,4000000.00,1000000.00,3000000.00,500000.00,200000.00,",
				"EXP-B,Khiva rail depot,21030,Rail transport,Khorezm Region,COMPLETED,4,2025-01-10,100000000.00,20000000.00,80000000.00,0.00,0.00,",
				"EXP-C,Jizzakh waste plant,14050,Waste management/disposal,Jizzakh Region,FINANCED,1,2024-11-01,0.00,0.00,0.00,0.00,0.00,UZS committed=1000000000.00 disbursed=0 received=0 expended=500000000.00",
				"EXP-D,Navoi substation study,23620,District heating and cooling,Navoiy Region,PROPOSED,1,2025-12-01,0.00,0.00,0.00,0.00,0.00,",
				""));
	}

	@Test
	void transactionsCsv() {
		Response response = api.get("/api/export/transactions.csv");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.header("Content-Type")).isEqualTo("text/csv;charset=UTF-8");
		assertThat(response.body()).isEqualTo(CsvWriter.BYTE_ORDER_MARK + String.join("\r\n",
				"project_id,funding_id,transaction_type,kind,value_date,amount,currency,amount_usd,fx_rate,fx_rate_date,source,funder,provider,receiver,"
						+ "period_start,period_end,plan_type,plan_status,plan_revision",
				"EXP-A,KOICA-1,2,commitment,2025-09-20,61775700000.00,UZS,5000000.00,12355.14,2025-09-10,KOICA_GRANT,KOICA,KOICA,,,,,,",
				"EXP-A,KOICA-1,3,disbursement,2025-10-05,12355140000.00,UZS,1000000.00,12355.14,2025-09-10,KOICA_GRANT,KOICA,KOICA,,,,,,",
				"EXP-A,KOICA-1,2,correction,2025-11-01,-12355140000.00,UZS,-1000000.00,12355.14,2025-09-10,KOICA_GRANT,KOICA,KOICA,,,,,,",
				"EXP-A,KOICA-1,1,incoming-funds,2025-10-06,6177570000.00,UZS,500000.00,12355.14,2025-09-10,KOICA_GRANT,KOICA,KOICA,Ministry of Energy,,,,,",
				"EXP-A,,4,expenditure,2025-10-20,2471028000.00,UZS,200000.00,12355.14,2025-09-10,,,Ministry of Energy,Samarkand Teploenergo,,,,,",
				"EXP-B,EDCF-1,2,commitment,2025-03-15,100000000.00,USD,100000000.00,1,2025-03-15,EXIMBANK,Export-Import Bank of Korea,Export-Import Bank of Korea,,,,,,",
				"EXP-B,EDCF-1,3,disbursement,2025-06-10,20000000.00,USD,20000000.00,1,2025-06-10,EXIMBANK,Export-Import Bank of Korea,Export-Import Bank of Korea,,,,,,",
				"EXP-C,UZ-1,2,commitment,2025-02-01,1000000000.00,UZS,,,,UZBEK_BUDGET,Ministry of Economy and Finance,Ministry of Economy and Finance,,,,,,",
				"EXP-C,,4,expenditure,2025-03-01,500000000.00,UZS,,,,,,Jizzakh khokimiyat,,,,,,",
				""));

		Response october = api.get("/api/export/transactions.csv?asOf=2025-10-01&sector=23620");
		assertThat(october.body()).isEqualTo(CsvWriter.BYTE_ORDER_MARK + String.join("\r\n",
				"project_id,funding_id,transaction_type,kind,value_date,amount,currency,amount_usd,fx_rate,fx_rate_date,source,funder,provider,receiver,"
						+ "period_start,period_end,plan_type,plan_status,plan_revision",
				"EXP-A,KOICA-1,2,commitment,2025-09-20,61775700000.00,UZS,5000000.00,12355.14,2025-09-10,KOICA_GRANT,KOICA,KOICA,,,,,,",
				""));
	}

	@Test
	void badParametersAre400() {
		for (String path : List.of("/api/export/iati?asOf=2025-13-01", "/api/export/projects.csv?asOf=yesterday",
				"/api/export/transactions.csv?asOf=2025-02-30", "/api/export/iati?knownAt=noon",
				"/api/export/iati?stage=DREAMING", "/api/export/projects.csv?sector=99999",
				"/api/export/transactions.csv?region=Atlantis")) {
			Response response = api.get(path);
			assertThat(response.status()).as(path + " → " + response).isEqualTo(400);
			assertThat(response.header("Content-Type")).as(path).startsWith("application/problem+json");
		}
		Response asOf = api.get("/api/export/iati?asOf=2025-13-01");
		assertThat(asOf.json().path("errors").get(0).path("field").asString()).isEqualTo("asOf");
	}

	@Test
	void aDocumentOutOfSchemaOrderIsRejectedByTheValidator() {
		// guards the validation itself: the same schema refuses an activity whose elements are out of order
		String body = api.get("/api/export/iati?asOf=2025-10-01").body();
		String swapped = body.replaceFirst("(?s)(<reporting-org .*?</reporting-org>)(\\s*)(<title>.*?</title>)", "$3$2$1");
		assertThat(swapped).isNotEqualTo(body);
		assertThatThrownBy(() -> validate(swapped)).isInstanceOf(SAXException.class);
		assertThatCode(() -> validate(body)).doesNotThrowAnyException();
	}

	// --- helpers

	private static void validate(String xml) throws Exception {
		URL xsd = IatiExportApiTest.class.getResource("/iati/schema/iati-activities-schema.xsd");
		assertThat(xsd).as("schema on the test classpath").isNotNull();
		SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
		Schema schema = factory.newSchema(xsd);
		schema.newValidator().validate(new StreamSource(new StringReader(xml)));
	}

	private static Document parse(String xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
	}

	private static List<String> texts(Node context, String xpath) throws Exception {
		NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, context, XPathConstants.NODESET);
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			texts.add(nodes.item(i).getTextContent());
		}
		return texts;
	}

	private static String text(Node context, String xpath) throws Exception {
		return (String) XPathFactory.newInstance().newXPath().evaluate(xpath, context, XPathConstants.STRING);
	}

	private static List<Node> nodes(Document doc, String xpath) throws Exception {
		NodeList list = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET);
		List<Node> nodes = new ArrayList<>();
		for (int i = 0; i < list.getLength(); i++) {
			nodes.add(list.item(i));
		}
		return nodes;
	}

	/** role|country|name */
	private static List<String> orgs(Document doc, String activity) throws Exception {
		List<String> out = new ArrayList<>();
		for (Node org : nodes(doc, activity + "/participating-org")) {
			Element e = (Element) org;
			out.add(e.getAttribute("role") + "|" + e.getAttributeNS(Extension.NAMESPACE, Extension.COUNTRY) + "|"
					+ text(org, "narrative"));
		}
		return out;
	}

	/** "type iso-date" */
	private static List<String> dates(Document doc, String activity) throws Exception {
		List<String> out = new ArrayList<>();
		for (Node date : nodes(doc, activity + "/activity-date")) {
			out.add(text(date, "@type") + " " + text(date, "@iso-date"));
		}
		return out;
	}

	/** ref|type|date|currency|value-date|value|description|provider|receiver|flow|finance */
	private static List<String> transactions(Document doc, String activity) throws Exception {
		List<String> out = new ArrayList<>();
		for (Node t : nodes(doc, activity + "/transaction")) {
			out.add(String.join("|", text(t, "@ref"), text(t, "transaction-type/@code"), text(t, "transaction-date/@iso-date"),
					text(t, "value/@currency"), text(t, "value/@value-date"), text(t, "value"), text(t, "description/narrative"),
					text(t, "provider-org/narrative"), text(t, "receiver-org/narrative"), text(t, "flow-type/@code"),
					text(t, "finance-type/@code")));
		}
		return out;
	}

	/** url|format|title|description|category|document-date */
	private static List<String> documentLinks(Document doc, String activity) throws Exception {
		List<String> out = new ArrayList<>();
		for (Node link : nodes(doc, activity + "/document-link")) {
			out.add(String.join("|", text(link, "@url"), text(link, "@format"), text(link, "title/narrative"),
					text(link, "description/narrative"), text(link, "category/@code"), text(link, "document-date/@iso-date")));
		}
		return out;
	}

	private static void ok(Response response) {
		assertThat(response.status()).as(response.toString()).isBetween(200, 201);
	}
}
