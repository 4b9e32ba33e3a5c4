package org.pipelinetracker.iati.export;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.pipelinetracker.sheets.CellText;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text the API accepts comes out of every export well-formed and as it went in: right-to-left and direction
 * marks, combining marks, characters beyond the Basic Multilingual Plane, {@code ]]>}, {@code <}, {@code &}, quotes,
 * formula-like text, commas and (in the multi-line fields) tabs and line breaks. Each export is read back with a real
 * parser: the IATI document with an XML parser and the IATI 2.03 schema, the CSVs with a CSV parser, the JSON with a
 * JSON parser.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "tracker.test.context=hostile-export")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileTextExportTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Texts of one line: every odd character a title, name or party may hold. */
	static final List<String> SINGLE_LINE = List.of(
			"\u202Eevil\u202C right-to-left override",
			"\u200F\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627\u200E mixed directions",
			"e\u0301 combining a\u0308 marks Z\u0336\u0335",
			"\uD83D\uDE00 emoji \uD83C\uDDFA\uD83C\uDDFF flag \uD835\uDD18 math \uD840\uDC00 CJK extension B",
			"]]> <![CDATA[ x ]]> </title><x>",
			"<script>alert('x')</script> & &amp; &#0; < > \" '",
			"=cmd|' /C calc'!A0",
			"+SUM(1,2) -1 @HYPERLINK(\"http://evil\") a,b;\"c\"",
			"zero\u200Bwidth\u200Djoiner\u2060word\uFEFFjoiner no\u00A0break",
			"Samarqand viloyati \u02BBo\u02BCzbek \u0421\u0430\u043C\u0430\u0440\u043A\u0430\u043D\u0434 \uC0AC\uB9C8\uB974\uCE78\uD2B8");

	/** Texts of several lines: descriptions and reasons also hold tabs and line breaks (LF, CRLF). */
	static final List<String> MULTI_LINE = List.of(
			"line one\nline two\ttabbed",
			"windows\r\nline ends\r\n]]>\r\n=cmd|' /C calc'!A0",
			"\uD83D\uDE00\n\u202Eevil\u202C\n\"quoted\", <b>bold</b>");

	@LocalServerPort
	int port;

	Api api;
	final List<String> ids = new ArrayList<>();

	@BeforeAll
	void recordHostileText() throws InterruptedException {
		api = new Api(port);
		for (int i = 0; i < SINGLE_LINE.size(); i++) {
			String text = SINGLE_LINE.get(i);
			String multi = MULTI_LINE.get(i % MULTI_LINE.size());
			String id = "HOSTILE-" + i;
			ObjectNode project = JSON.createObjectNode().put("projectId", id).put("title", text)
					.put("description", multi).put("sector", "23630").put("region", "Navoi")
					.put("proposedOn", "2025-03-01").put("reason", multi);
			project.putArray("partners").addObject().put("name", text).put("country", "KR").put("role", "FUNDING");
			created(api.post("/api/projects", project.toString()));
			ObjectNode agreement = JSON.createObjectNode().put("agreementId", "A1").put("type", "GRANT")
					.put("signedOn", "2025-04-01").put("reason", multi);
			agreement.putArray("parties").add(text).add("Ministry of Energy");
			ok(api.post("/api/projects/" + id + "/agreements", agreement.toString()));
			ObjectNode funding = JSON.createObjectNode().put("fundingId", "F1").put("source", "KOICA_GRANT")
					.put("funder", text).put("committedOn", "2025-05-01");
			funding.putObject("amount").put("amount", "1000000").put("currency", "USD");
			ok(api.post("/api/projects/" + id + "/fundings", funding.toString()));
			ObjectNode incoming = JSON.createObjectNode().put("fundingId", "F1").put("receivedOn", "2025-06-01")
					.put("provider", text).put("receiver", text).put("description", multi);
			incoming.putObject("amount").put("amount", "1000").put("currency", "USD");
			ok(api.post("/api/projects/" + id + "/incoming-funds", incoming.toString()));
			ObjectNode spent = JSON.createObjectNode().put("fundingId", "F1").put("spentOn", "2025-06-02").put("provider", text)
					.put("receiver", text).put("description", multi);
			spent.putObject("amount").put("amount", "500").put("currency", "USD");
			ok(api.post("/api/projects/" + id + "/expenditures", spent.toString()));
			ids.add(id);
		}
		api.eventually("/api/projects?sector=23630&size=50",
				r -> r.json().path("totalElements").asLong() == SINGLE_LINE.size());
	}

	@Test
	void theJsonAnswersHoldEachTextAsItWasSent() {
		for (int i = 0; i < ids.size(); i++) {
			Response read = api.get("/api/projects/" + ids.get(i));
			JsonNode project = JSON.readTree(read.body().getBytes(StandardCharsets.UTF_8));
			assertThat(project.path("title").asString()).isEqualTo(SINGLE_LINE.get(i));
			assertThat(project.path("description").asString()).isEqualTo(MULTI_LINE.get(i % MULTI_LINE.size()));
			JsonNode history = JSON.readTree(api.get("/api/projects/" + ids.get(i) + "/history").body()
					.getBytes(StandardCharsets.UTF_8));
			assertThat(history.get(0).path("reason").asString()).isEqualTo(MULTI_LINE.get(i % MULTI_LINE.size()));
		}
		JsonNode list = JSON.readTree(api.get("/api/projects?sector=23630&size=50").body()
				.getBytes(StandardCharsets.UTF_8));
		List<String> titles = new ArrayList<>();
		list.path("content").forEach(p -> titles.add(p.path("title").asString()));
		assertThat(titles).containsExactlyInAnyOrderElementsOf(SINGLE_LINE);
	}

	@Test
	void theIatiDocumentIsValidAndHoldsEachTextAsItWasSent() throws Exception {
		Response response = api.get("/api/export/iati?sector=23630");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		byte[] xml = response.body().getBytes(StandardCharsets.UTF_8);
		URL xsd = HostileTextExportTest.class.getResource("/iati/schema/iati-activities-schema.xsd");
		SchemaFactory schemas = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
		schemas.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		schemas.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
		schemas.newSchema(xsd).newValidator().validate(new StreamSource(new StringReader(response.body())));

		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
		for (int i = 0; i < ids.size(); i++) {
			String activity = "//iati-activity[iati-identifier='XM-PIPELINE-TRACKER-" + ids.get(i) + "']";
			String text = SINGLE_LINE.get(i);
			String multi = MULTI_LINE.get(i % MULTI_LINE.size());
			assertThat(texts(document, activity + "/title/narrative")).containsExactly(text);
			assertThat(texts(document, activity + "/description/narrative")).containsExactly(multi);
			assertThat(texts(document, activity + "/participating-org/narrative")).contains(text);
			assertThat(texts(document, activity + "/transaction/provider-org/narrative")).contains(text);
			assertThat(texts(document, activity + "/transaction/receiver-org/narrative")).contains(text);
			assertThat(texts(document, activity + "/transaction/description/narrative")).contains(multi);
		}
	}

	@Test
	void theCsvFilesHaveOneFieldPerTextAsItWasSent() {
		List<List<String>> projects = csv(api.get("/api/export/projects.csv?sector=23630"));
		int width = projects.get(0).size();
		assertThat(projects).allSatisfy(row -> assertThat(row).hasSize(width));
		int id = projects.get(0).indexOf("project_id");
		int title = projects.get(0).indexOf("title");
		for (int i = 0; i < ids.size(); i++) {
			String projectId = ids.get(i);
			assertThat(projects).filteredOn(row -> row.get(id).equals(projectId)).singleElement()
					.satisfies(row -> assertThat(row.get(title)).isEqualTo(CellText.neutralise(SINGLE_LINE.get(ids.indexOf(projectId)))));
		}

		List<List<String>> transactions = csv(api.get("/api/export/transactions.csv?sector=23630"));
		int columns = transactions.get(0).size();
		assertThat(transactions).allSatisfy(row -> assertThat(row).hasSize(columns));
		int project = transactions.get(0).indexOf("project_id");
		int funder = transactions.get(0).indexOf("funder");
		int provider = transactions.get(0).indexOf("provider");
		int receiver = transactions.get(0).indexOf("receiver");
		for (int i = 0; i < ids.size(); i++) {
			String projectId = ids.get(i);
			String text = CellText.neutralise(SINGLE_LINE.get(i)); // formula-like text with its leading '
			List<List<String>> rows = transactions.stream().filter(row -> row.get(project).equals(projectId)).toList();
			assertThat(rows).hasSize(3); // the commitment, the incoming funds, the expenditure
			assertThat(rows).allSatisfy(row -> assertThat(row.get(funder)).isEqualTo(text));
			assertThat(rows).anySatisfy(row -> assertThat(row.get(provider)).isEqualTo(text));
			assertThat(rows).anySatisfy(row -> assertThat(row.get(receiver)).isEqualTo(text));
		}
	}

	private static List<List<String>> csv(Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		CsvMapper mapper = CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();
		List<List<String>> rows = new ArrayList<>();
		try (MappingIterator<String[]> lines = mapper.readerFor(String[].class)
				.readValues(response.body().getBytes(StandardCharsets.UTF_8))) {
			lines.forEachRemaining(line -> rows.add(List.of(line)));
		}
		return rows;
	}

	private static List<String> texts(Document document, String xpath) throws Exception {
		NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, document,
				XPathConstants.NODESET);
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < nodes.getLength(); i++) {
			texts.add(nodes.item(i).getTextContent());
		}
		return texts;
	}

	private static void created(Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
	}

	private static void ok(Response response) {
		assertThat(response.status()).as(response.toString()).isBetween(200, 299);
	}
}
