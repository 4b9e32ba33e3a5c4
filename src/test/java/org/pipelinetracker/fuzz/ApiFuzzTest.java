package org.pipelinetracker.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.pipelinetracker.PipelineTrackerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the real HTTP API with jqwik (seeded, bounded tries): malformed JSON, wrong JSON types, huge strings and
 * numbers, bad amounts and currencies, impossible dates, unknown enum values, SQL/HTML/script in text and oversized
 * bodies. Every answer is either a success or a 4xx {@code application/problem+json} naming the problem, never a
 * 5xx; a refused write appends nothing (the event store's row count is compared); text comes back verbatim,
 * escaped in JSON, XML and CSV. Strictness: a control character, noncharacter or lone surrogate in any text field,
 * a number or boolean for a text, a key sent twice, a malformed date or instant in a parameter are each a 400 on
 * that field; odd paths sent byte for byte over a socket. Every error answer, whoever gives it, is a problem with a
 * {@code type} and the security headers.
 */
class ApiFuzzTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
	private static final AtomicInteger SEQ = new AtomicInteger();

	static ConfigurableApplicationContext app;
	static Api api;
	static JdbcTemplate jdbc;
	static String base;
	static String project;

	@BeforeContainer
	static void start() {
		app = new SpringApplicationBuilder(PipelineTrackerApplication.class).profiles("test")
				.run("--server.port=0", "--tracker.http.max-body-size=64KB", "--spring.jmx.enabled=false");
		String port = app.getEnvironment().getProperty("local.server.port");
		base = "http://localhost:" + port;
		api = new Api(Integer.parseInt(port));
		jdbc = app.getBean(JdbcTemplate.class);
		project = "FUZZ-BASE";
		ok(api.post("/api/projects", """
				{"projectId":"FUZZ-BASE","title":"Fuzz base","sector":"23630","region":"Navoi","proposedOn":"2025-03-01"}"""));
		ok(api.post("/api/projects/FUZZ-BASE/agreements",
				"{\"agreementId\":\"L1\",\"type\":\"LOAN\",\"signedOn\":\"2025-04-01\",\"parties\":[\"MoF\"]}"));
		ok(api.post("/api/projects/FUZZ-BASE/fundings", """
				{"fundingId":"F1","source":"KOICA_GRANT","funder":"KOICA","amount":{"amount":"1000000","currency":"USD"},
				 "committedOn":"2025-05-01"}"""));
	}

	@AfterContainer
	static void stop() {
		if (app != null) {
			app.close();
		}
	}

	private static void ok(Response r) {
		assertThat(r.status()).as(r.toString()).isBetween(200, 299);
	}

	// ------------------------------------------------------------------ the write endpoints and valid bodies

	record Endpoint(String path, String template) {
		String body() {
			return template.replace("#", String.valueOf(SEQ.incrementAndGet()));
		}
	}

	static final List<Endpoint> WRITES = List.of(
			new Endpoint("/api/projects", """
					{"projectId":"FZ-#","title":"Samarkand heating","description":"d","sector":"23620","region":"Samarkand",
					 "partners":[{"name":"KOICA","country":"KR","role":"FUNDING"}],
					 "estimatedCost":{"amount":"12000000","currency":"USD"},"proposedOn":"2025-03-01",
					 "plannedStart":"2025-06-01","plannedEnd":"2026-06-01","reason":"r","sourceUrl":"https://example.org/a"}"""),
			new Endpoint("/api/projects/FUZZ-BASE/agreements", """
					{"agreementId":"A-#","type":"GRANT","signedOn":"2025-04-02","parties":["KOICA"],
					 "documentUrl":"https://example.org/doc"}"""),
			new Endpoint("/api/projects/FUZZ-BASE/fundings/eximbank", """
					{"fundingId":"E-#","instrument":"EDCF_LOAN","amount":{"amount":"1000","currency":"USD"},
					 "committedOn":"2025-05-02","interestRate":0.1,"maturityYears":40,"graceYears":10}"""),
			new Endpoint("/api/projects/FUZZ-BASE/fundings", """
					{"fundingId":"K-#","source":"PRIVATE_INVESTMENT","funder":"Hyundai","amount":{"amount":"1000","currency":"EUR"},
					 "committedOn":"2025-05-02","flowType":"30"}"""),
			new Endpoint("/api/projects/FUZZ-BASE/fundings/F1/corrections", """
					{"amount":{"amount":"1000001","currency":"USD"},"reason":"amended #","on":"2025-06-01"}"""),
			new Endpoint("/api/projects/FUZZ-BASE/disbursements", """
					{"fundingId":"F1","amount":{"amount":"1","currency":"USD"},"disbursedOn":"2025-06-01"}"""),
			new Endpoint("/api/projects/FUZZ-BASE/milestones", """
					{"milestoneId":"M-#","name":"Milestone","plannedOn":"2025-09-30","achievedOn":null,"on":"2025-06-01"}"""),
			new Endpoint("/api/projects/FUZZ-BASE/texts", """
					{"language":"ko","title":"사마르칸트 난방 #","description":"설명","on":"2025-06-01"}"""),
			new Endpoint("/api/projects/FUZZ-BASE/suspend", """
					{"on":"2025-06-01","reason":"tender appeal","sourceUrl":"/sources/a.txt"}"""),
			new Endpoint("/api/facilities", """
					{"facilityId":"FAC-#","name":"Credit line","lender":"KEXIM","limit":{"amount":"1000000","currency":"USD"},
					 "validFrom":"2024-01-01","validTo":"2027-12-31"}"""));

	@Provide
	Arbitrary<Endpoint> endpoints() {
		return Arbitraries.of(WRITES);
	}

	// ------------------------------------------------------------------ hostile values

	static final List<String> HOSTILE_TEXT = List.of("<script>alert('x')</script>", "'; DROP TABLE domain_event_entry; --",
			"\" OR 1=1 --", "<img src=x onerror=alert(1)>", "]]></title><x>", "&amp;&lt;&#0;", "Robert'); --", "a,b;\"c\"\n=1+1",
			"=HYPERLINK(\"http://evil\")", "\u202Eevil", "テスト Тест 테스트", "\uD83D\uDE00 emoji", "tab\there", "line\nbreak",
			"null", "{\"json\":true}", "${jndi:ldap://x}", "%00%0d%0a", "\\u0000", "x".repeat(301));

	@Provide
	Arbitrary<JsonNode> hostileValues() {
		return Arbitraries.oneOf(
				Arbitraries.of(HOSTILE_TEXT).map(NODES::stringNode),
				Arbitraries.of("1e400", "-1e400", "1e-400", "9".repeat(40), "-" + "9".repeat(40), "0." + "0".repeat(40) + "1",
						"NaN", "Infinity", "-Infinity", "-0", "0", "-1", "1.005", "1e15", "1e16", "12abc", "", " ", "1,000",
						"0x10", "1_000", "+5").map(NODES::stringNode),
				Arbitraries.of("2025-02-30", "2025-13-01", "0000-01-01", "-0001-01-01", "99999-01-01", "+99999-01-01",
						"+999999999-12-31", "-999999999-01-01", "2025-1-1", "20250101", "2025-02-29", "2024-02-29T00:00",
						"9999-12-31", "1900-01-01", "1000-01-01").map(NODES::stringNode),
				Arbitraries.of("FOO", "loan", "EDCF", "KOICA", "GRANT ", "", "MOU\u0000").map(NODES::stringNode),
				Arbitraries.of("usd", "XXX", "ZZZ", "US", "USDD", "€", "BTC", "XAU", "usd ", "").map(NODES::stringNode),
				Arbitraries.strings().ofMinLength(0).ofMaxLength(40).map(NODES::stringNode),
				Arbitraries.strings().withCharRange('a', 'z').ofLength(20_000).map(NODES::stringNode),
				Arbitraries.of(NODES.numberNode(new java.math.BigDecimal("1e400")), NODES.numberNode(-1), NODES.numberNode(0),
						NODES.numberNode(new java.math.BigDecimal("9".repeat(40))), NODES.numberNode(1.5),
						NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(new java.math.BigInteger("9".repeat(400))),
						NODES.numberNode(new java.math.BigDecimal("1e-400")), NODES.booleanNode(true), NODES.nullNode(),
						NODES.arrayNode(), NODES.objectNode(), NODES.arrayNode().add("x").add(1),
						NODES.objectNode().put("amount", "1").put("currency", "USD")));
	}

	/** A valid body with one value (anywhere in it) replaced by a hostile one, removed, or an unknown field added. */
	@Property(tries = 200, seed = "7201")
	void everyMutatedWriteIsAnsweredWithoutA5xx(@ForAll("endpoints") Endpoint endpoint,
			@ForAll("hostileValues") JsonNode value, @ForAll("choices") int where, @ForAll("choices") int how) {
		ObjectNode body = (ObjectNode) JSON.readTree(endpoint.body());
		List<String[]> paths = new ArrayList<>();
		leaves(body, new ArrayList<>(), paths);
		String[] path = paths.get(Math.floorMod(where, paths.size()));
		JsonNode parent = body;
		for (int i = 0; i < path.length - 1; i++) {
			parent = parent.isArray() ? parent.get(Integer.parseInt(path[i])) : parent.get(path[i]);
		}
		String last = path[path.length - 1];
		switch (Math.floorMod(how, 6)) {
			case 0 -> remove(parent, last);
			case 1 -> body.set("unknown" + where, value);
			default -> set(parent, last, value);
		}
		assertAnsweredWell(endpoint.path(), body.toString());
	}

	@Provide
	Arbitrary<Integer> choices() {
		return Arbitraries.integers().between(0, 1000);
	}

	@Provide
	Arbitrary<String> garbage() {
		return Arbitraries.oneOf(
				Arbitraries.strings().ofMaxLength(200),
				Arbitraries.of("", "{", "}", "[]", "null", "true", "42", "\"x\"", "{\"a\":}", "{'single':'quotes'}",
						"{\"a\":1,}", "{\"amount\":01}", "{\"a\":\"\\uZZZZ\"}", "{\"a\":NaN}", "{\"a\":Infinity}",
						"{\"a\":1e999999}", "\uFEFF{}", "{\"a\":\"unterminated", "[".repeat(5000) + "]".repeat(5000),
						"{\"a\":".repeat(3000) + "1" + "}".repeat(3000), "<xml/>", "a=b&c=d"),
				Arbitraries.bytes().array(byte[].class).ofMaxSize(300).map(b -> new String(b, StandardCharsets.ISO_8859_1)));
	}

	@Property(tries = 60, seed = "7202")
	void malformedJsonIsABadRequest(@ForAll("endpoints") Endpoint endpoint, @ForAll("garbage") String body) {
		Response response = assertAnsweredWell(endpoint.path(), body);
		assertThat(response.status()).as(response.toString()).isBetween(400, 499);
	}

	@Provide
	Arbitrary<String> amounts() {
		return Arbitraries.oneOf(
				Arbitraries.of("1e400", "-1e400", "9".repeat(40), "0", "-0", "-5", "NaN", "Infinity", "-Infinity", "1.001",
						"0.00000001", "1e15", "1000000000000001", "1e-400", "\"\"", "\"abc\"", "null", "[]", "{}", "true",
						"\"1e2\"", "\"12\"", "12.50", "\" 7 \"").map(a -> a.startsWith("\"") || a.matches("null|\\[]|\\{}|true")
						? a : "\"" + a + "\""),
				Arbitraries.bigDecimals().between(new java.math.BigDecimal("-1e20"), new java.math.BigDecimal("1e20"))
						.ofScale(4).map(java.math.BigDecimal::toPlainString));
	}

	@Provide
	Arbitrary<String> currencies() {
		return Arbitraries.oneOf(Arbitraries.of("USD", "KRW", "UZS", "EUR", "JPY", "usd", "XXX", "ZZZ", "", "US", "€", "XAU"),
				Arbitraries.strings().ofMinLength(0).ofMaxLength(5));
	}

	@Property(tries = 60, seed = "7203")
	void amountsAreExactOrRefusedOnTheField(@ForAll("amounts") String amount, @ForAll("currencies") String currency) {
		String body = "{\"fundingId\":\"F1\",\"amount\":{\"amount\":" + amount + ",\"currency\":" + JSON.writeValueAsString(currency)
				+ "},\"disbursedOn\":\"2025-06-01\"}";
		Response response = assertAnsweredWell("/api/projects/FUZZ-BASE/disbursements", body);
		if (response.status() == 400) {
			assertThat(fields(response)).allMatch(f -> f.startsWith("amount"), "fields " + fields(response));
		}
	}

	@Provide
	Arbitrary<String> dates() {
		return Arbitraries.oneOf(
				Arbitraries.of("2025-02-30", "2025-02-29", "2025-13-01", "2025-00-10", "0000-01-01", "-0001-12-31",
						"99999-01-01", "+99999-01-01", "+999999999-12-31", "-999999999-01-01", "2025-1-1", "2025/01/01",
						"01.02.2025", "20250101", "2025-06-01T00:00:00Z", "", " ", "yesterday", "1899-12-31", "0001-01-01",
						"1000-01-01", "9999-12-31", "2200-01-01"),
				Arbitraries.strings().withChars("0123456789-+T:").ofMinLength(1).ofMaxLength(14));
	}

	@Property(tries = 50, seed = "7204")
	void impossibleDatesAreRefusedOnTheField(@ForAll("dates") String date) {
		String body = "{\"milestoneId\":\"MD-" + SEQ.incrementAndGet() + "\",\"name\":\"n\",\"plannedOn\":"
				+ JSON.writeValueAsString(date) + "}";
		Response response = assertAnsweredWell("/api/projects/FUZZ-BASE/milestones", body);
		if (response.status() == 400) {
			assertThat(fields(response)).contains("plannedOn");
		}
		if (date.matches("[+-].*|0000.*|\\d{5,}.*|1[0-8]\\d\\d-.*|0\\d\\d\\d-.*|2[2-9]\\d\\d-.*|[3-9]\\d\\d\\d-.*")) {
			assertThat(response.status()).as(date + " → " + response).isEqualTo(400);
		}
	}

	@Provide
	Arbitrary<String> readPaths() {
		Arbitrary<String> values = Arbitraries.oneOf(Arbitraries.of("", "-1", "0", "2147483647", "2147483648", "99999999999",
				"1e400", "NaN", "abc", "2025-02-30", "0000-01-01", "+999999999-12-31", "-999999999-01-01",
				"+1000000000-01-01T00:00:00Z", "-1000000000-01-01T00:00:00Z", "2025-06-01T00:00:00Z", "2025-06-01",
				"9999-12-31", "0001-01-01", "MONTH", "YEAR", "FOO", "'; DROP TABLE x; --", "<script>", "%00", "USD", "ZZZ"), Arbitraries.strings().ofMaxLength(12));
		Arbitrary<String> path = Arbitraries.of("/api/projects", "/api/projects/FUZZ-BASE", "/api/pipeline",
				"/api/funding/timeseries", "/api/milestones", "/api/alerts", "/api/fx-rates/convert", "/api/audit/events",
				"/api/projects/FUZZ-BASE/history", "/api/export/projects.csv", "/api/export/transactions.csv",
				"/api/export/iati", "/api/facilities/FUZZ-BASE", "/api/audit/chain/-1", "/api/admin/replay",
				"/api/admin/dead-letters");
		Arbitrary<String> param = Arbitraries.of("page", "size", "asOf", "knownAt", "from", "to", "interval", "groupBy",
				"currency", "amount", "date", "stage", "sector", "region", "overdue", "includeResolved", "projectId",
				"actor", "type", "processor", "q");
		return Combinators.combine(path, param, values, param, values).as((p, n1, v1, n2, v2) -> p + "?" + n1 + "="
				+ (v1.contains("%") ? v1 : URLEncoder.encode(v1, StandardCharsets.UTF_8)) + "&" + n2 + "="
				+ (v2.contains("%") ? v2 : URLEncoder.encode(v2, StandardCharsets.UTF_8)));
	}

	@Property(tries = 120, seed = "7205")
	void readsWithHostileParametersNeverFail(@ForAll("readPaths") String path) {
		Response response = api.get(path);
		assertThat(response.status()).as(path + " → " + response).isLessThan(500);
		if (response.status() >= 400) {
			assertProblem(response);
		}
	}

	// ------------------------------------------------------------------ text: stored verbatim, always escaped

	@Example
	void hostileTextIsStoredVerbatimAndEscapedInJsonXmlAndCsv() throws Exception {
		List<String> texts = HOSTILE_TEXT.stream().filter(t -> t.length() <= 300).toList();
		List<String> ids = new ArrayList<>();
		for (String text : texts) {
			String id = "FZ-TXT-" + SEQ.incrementAndGet();
			ObjectNode body = (ObjectNode) JSON.readTree("""
					{"title":"t","sector":"23630","region":"Navoi","proposedOn":"2025-03-01"}""");
			body.put("projectId", id).put("title", text).put("description", text).put("reason", text);
			Response created = assertAnsweredWell("/api/projects", body.toString());
			if (created.status() == 400) {
				continue; // refused as a whole (e.g. blank after trimming): nothing stored
			}
			assertThat(created.status()).as(created.toString()).isEqualTo(201);
			ids.add(id);
			Response read = api.get("/api/projects/" + id);
			assertThat(read.json().path("title").asString()).isEqualTo(text.trim());
			assertThat(read.json().path("description").asString()).isEqualTo(text.trim());
			// JSON escaping: quotes, backslashes and control characters of the text are escaped in the raw body
			assertThat(read.body()).doesNotContain("\n").doesNotContain("\t");
			assertThat(api.get("/api/projects/" + id + "/history").json().get(0).path("reason").asString())
					.isEqualTo(text.trim());
		}
		assertThat(ids).hasSizeGreaterThan(texts.size() / 2);
		// the exports read the project list, which follows the event store asynchronously
		api.eventually("/api/export/projects.csv?sector=23630", r -> ids.stream().allMatch(r.body()::contains));

		// IATI XML: well-formed, the titles come back verbatim, no raw markup from the text
		HttpResponse<byte[]> xml = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
				+ "/api/export/iati?sector=23630")).header("Authorization", Api.basic("admin", "admin-demo")).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(xml.statusCode()).isEqualTo(200);
		String xmlText = new String(xml.body(), StandardCharsets.UTF_8);
		assertThat(xmlText).doesNotContain("<script>").doesNotContain("<img ").doesNotContain("<x>");
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.body()));
		NodeList narratives = document.getElementsByTagNameNS("*", "narrative");
		List<String> narrativeTexts = new ArrayList<>();
		for (int i = 0; i < narratives.getLength(); i++) {
			narrativeTexts.add(narratives.item(i).getTextContent());
		}
		for (String id : ids) {
			String text = api.get("/api/projects/" + id).json().path("title").asString();
			assertThat(narrativeTexts).contains(text);
		}

		// CSV: RFC 4180, each title is one field, verbatim; no formula injection or broken rows
		Response csv = api.get("/api/export/projects.csv?sector=23630");
		assertThat(csv.status()).isEqualTo(200);
		List<List<String>> rows = parseCsv(csv.body());
		int width = rows.get(0).size();
		assertThat(rows).allMatch(r -> r.size() == width, "every row has " + width + " fields");
		int titleColumn = rows.get(0).indexOf("title");
		int idColumn = rows.get(0).indexOf("projectId");
		assertThat(titleColumn).isNotNegative();
		for (String id : ids) {
			String title = api.get("/api/projects/" + id).json().path("title").asString();
			List<String> row = rows.stream().filter(r -> idColumn >= 0 ? r.get(idColumn).equals(id) : r.contains(id))
					.findFirst().orElseThrow(() -> new AssertionError("no CSV row for " + id));
			String field = row.get(titleColumn);
			assertThat(field.equals(title) || field.equals("'" + title)).as(field + " vs " + title).isTrue();
		}
	}

	// ------------------------------------------------------------------ text that is not plain, scalars, duplicate keys

	/** The text fields of the write bodies: every other leaf is an id, code, enum, date or amount. */
	static final java.util.Set<String> TEXT_FIELDS = java.util.Set.of("title", "description", "reason", "sourceUrl",
			"name", "funder", "provider", "receiver", "lender", "documentUrl", "parties", "partners");

	/** Characters no text may hold: controls (but tab, LF, CR), noncharacters and lone surrogates. */
	@Provide
	Arbitrary<String> notPlain() {
		return Arbitraries.oneOf(
				Arbitraries.integers().between(0, 0x1F).filter(c -> c != '\t' && c != '\n' && c != '\r')
						.map(Character::toString),
				Arbitraries.integers().between(0x7F, 0x9F).map(Character::toString),
				Arbitraries.integers().between(0xFDD0, 0xFDEF).map(Character::toString),
				Arbitraries.integers().between(0, 16).map(plane -> Character.toString((plane << 16) | 0xFFFE
						| (plane & 1))),
				Arbitraries.integers().between(0xD800, 0xDFFF).map(c -> String.valueOf((char) c.intValue())));
	}

	/**
	 * A control character, noncharacter or lone surrogate anywhere in any text of any write: a 400 naming that
	 * field, nothing recorded. Sent as JSON escapes ({@code \\uD800}), as a client would for a lone surrogate.
	 */
	@Property(tries = 150, seed = "7206")
	void textThatIsNotPlainIsRefusedOnItsField(@ForAll("endpoints") Endpoint endpoint,
			@ForAll("notPlain") String bad, @ForAll("choices") int where, @ForAll("choices") int at) {
		ObjectNode body = (ObjectNode) JSON.readTree(endpoint.body());
		List<String[]> texts = textLeaves(body);
		net.jqwik.api.Assume.that(!texts.isEmpty());
		String[] path = texts.get(Math.floorMod(where, texts.size()));
		JsonNode parent = parentOf(body, path);
		String last = path[path.length - 1];
		String old = (parent.isArray() ? parent.get(Integer.parseInt(last)) : parent.get(last)).asString();
		int position = Math.floorMod(at, old.length() + 1);
		String marker = "\u0001MARK\u0001";
		set(parent, last, NODES.stringNode(old.substring(0, position) + marker + old.substring(position)));
		String escaped = String.format(java.util.Locale.ROOT, "\\u%04X", (int) bad.charAt(0))
				+ (bad.length() > 1 ? String.format(java.util.Locale.ROOT, "\\u%04X", (int) bad.charAt(1)) : "");
		String json = body.toString().replace("\\u0001MARK\\u0001", escaped);
		Response response = assertAnsweredWell(endpoint.path(), json);
		assertThat(response.status()).as(json + " → " + response).isEqualTo(400);
		assertThat(fields(response)).as(json + " → " + response).contains(jsonPath(path));
	}

	/** A number, boolean, object or array where a text belongs: a 400 naming that field, nothing recorded. */
	@Property(tries = 80, seed = "7207")
	void aScalarForATextIsRefusedOnItsField(@ForAll("endpoints") Endpoint endpoint, @ForAll("choices") int where,
			@ForAll("choices") int which) {
		ObjectNode body = (ObjectNode) JSON.readTree(endpoint.body());
		List<String[]> texts = textLeaves(body);
		net.jqwik.api.Assume.that(!texts.isEmpty());
		String[] path = texts.get(Math.floorMod(where, texts.size()));
		List<JsonNode> scalars = List.of(NODES.numberNode(42), NODES.numberNode(1.5), NODES.booleanNode(true),
				NODES.booleanNode(false), NODES.numberNode(new java.math.BigInteger("9".repeat(30))),
				NODES.objectNode().put("a", "b"), NODES.arrayNode().add("x"));
		set(parentOf(body, path), path[path.length - 1], scalars.get(Math.floorMod(which, scalars.size())));
		Response response = assertAnsweredWell(endpoint.path(), body.toString());
		assertThat(response.status()).as(body + " → " + response).isEqualTo(400);
		assertThat(fields(response)).as(body + " → " + response).contains(jsonPath(path));
	}

	/** A key sent twice in one object (any key, top level or nested): a 400 naming it, nothing recorded. */
	@Property(tries = 60, seed = "7208")
	void aKeySentTwiceIsRefused(@ForAll("endpoints") Endpoint endpoint, @ForAll("choices") int where) {
		ObjectNode body = (ObjectNode) JSON.readTree(endpoint.body());
		List<String[]> keys = leaves(body).stream().filter(p -> !p[p.length - 1].matches("\\d+")).toList();
		String[] path = keys.get(Math.floorMod(where, keys.size()));
		ObjectNode parent = (ObjectNode) parentOf(body, path);
		String key = path[path.length - 1];
		String marker = "DUPLICATE-" + SEQ.incrementAndGet();
		parent.put(marker, "x");
		String json = body.toString().replace("\"" + marker + "\":\"x\"",
				JSON.writeValueAsString(key) + ":" + JSON.writeValueAsString(parent.get(key)));
		Response response = assertAnsweredWell(endpoint.path(), json);
		assertThat(response.status()).as(json + " → " + response).isEqualTo(400);
		assertThat(fields(response)).as(json + " → " + response).contains(jsonPath(path));
	}

	@Provide
	Arbitrary<String> malformedDates() {
		Arbitrary<String> valid = Arbitraries.of("2025-06-01", "2025-06-01T10:00:00Z");
		Arbitrary<String> garbage = Arbitraries.of("%00", "%01", "x", "%20", "+", "T", "Z", "%0A", "%C2%A0", ".5",
				"%EF%BF%BF", "%ED%A0%80", "0", "-", "%2F");
		return Arbitraries.oneOf(
				Combinators.combine(valid, garbage).as((v, g) -> v + g),
				Combinators.combine(garbage, valid).as((g, v) -> g + v),
				Arbitraries.of("2025-13-01", "2025-02-30", "2025-00-01", "2025-1-1", "25-01-01", "2025-06-01T25:00:00Z",
						"2025-06-01T10:00:00", "2025-06-01%2010:00:00Z", "+2025-06-01", "2025-W23-1", "2025-152"));
	}

	/** A malformed date or instant in a parameter of an endpoint that reads it: a 400 naming the parameter. */
	@Property(tries = 80, seed = "7209")
	void malformedDatesInParametersAreRefusedOnTheParameter(@ForAll("malformedDates") String value,
			@ForAll("choices") int which) {
		List<String[]> reads = List.of(new String[] {"/api/projects/FUZZ-BASE", "asOf"},
				new String[] {"/api/projects/FUZZ-BASE", "knownAt"}, new String[] {"/api/pipeline", "asOf"},
				new String[] {"/api/export/projects.csv", "asOf"}, new String[] {"/api/export/iati", "knownAt"},
				new String[] {"/api/export/transactions.csv", "asOf"});
		String[] read = reads.get(Math.floorMod(which, reads.size()));
		String path = read[0] + "?" + read[1] + "=" + value;
		Response response = api.get(path);
		assertThat(response.status()).as(path + " → " + response).isEqualTo(400);
		assertProblem(response);
		assertThat(fields(response)).as(path + " → " + response).containsExactly(read[1]);
	}

	// ------------------------------------------------------------------ odd paths, sent as they are

	@Provide
	Arbitrary<String> oddPaths() {
		Arbitrary<String> prefix = Arbitraries.of("/api/projects", "/api/projects/FUZZ-BASE", "/api/export/iati", "/",
				"/assets/js/app.js", "/login", "/api", "/v3/api-docs", "/api/projects/FUZZ-BASE/history");
		Arbitrary<String> odd = Arbitraries.of("//", ";", ";jsessionid=1", "%2F", "%2f", "%5C", "\\", "%00", "%25",
				"%zz", "%", "/../", "/./", "/..", "%2E%2E/", "%C0%AF", "%ED%A0%80", "%EF%BF%BE", "%0D%0A", "%09", "%20",
				"\u00e9".repeat(3), "?%00", "?a=%00", "?asOf=2025-01-01%00", "#frag", "/" + "a".repeat(9000), "?",
				"?&&&", "?=", "?a=b=c", "%252F");
		return Combinators.combine(prefix, odd, Arbitraries.integers().between(0, 2)).as((p, o, where) ->
				switch (where) {
					case 0 -> p + o;
					case 1 -> o + p;
					default -> p.substring(0, p.length() / 2) + o + p.substring(p.length() / 2);
				});
	}

	/**
	 * Odd request targets, sent byte for byte over a socket (an HTTP library would refuse or normalise them): never a
	 * 5xx, and every error a problem with a {@code type} and the security headers, whoever answers it.
	 */
	@Property(tries = 120, seed = "7210")
	void oddPathsAreAnsweredWithProblems(@ForAll("oddPaths") String target) {
		String request = org.pipelinetracker.RawHttp.get(target.startsWith("/") ? target : "/" + target,
				"Authorization: " + Api.basic("admin", "admin-demo"));
		byte[] bytes = request.getBytes(StandardCharsets.UTF_8); // é as UTF-8, as a browser would send it
		long before = events();
		org.pipelinetracker.RawHttp.Answer answer = org.pipelinetracker.RawHttp.send(Integer.parseInt(
				base.substring(base.lastIndexOf(':') + 1)), bytes);
		assertThat(answer.status()).as(target + " → " + answer).isLessThan(500);
		if (answer.status() >= 400) {
			assertThat(answer.header("Content-Type")).as(target + " → " + answer).startsWith("application/problem+json");
			JsonNode problem = JSON.readTree(answer.body().getBytes(StandardCharsets.UTF_8));
			assertThat(problem.path("type").asString()).as(target + " → " + answer).startsWith("/problems/");
			assertThat(problem.path("status").asInt()).isEqualTo(answer.status());
			assertSecurityHeaders(answer.header("Content-Security-Policy"), answer.header("X-Content-Type-Options"),
					answer.header("X-Frame-Options"), answer.header("Referrer-Policy"), answer.toString());
		}
		assertThat(events()).isEqualTo(before);
	}

	/** The string leaves of a body that are texts ({@link #TEXT_FIELDS}, and the elements of a text array). */
	static List<String[]> textLeaves(JsonNode body) {
		return leaves(body).stream().filter(p -> {
			JsonNode parent = parentOf(body, p);
			String last = p[p.length - 1];
			JsonNode value = parent.isArray() ? parent.get(Integer.parseInt(last)) : parent.get(last);
			return value.isString() && java.util.Arrays.stream(p).anyMatch(TEXT_FIELDS::contains)
					&& !(p.length > 1 && p[p.length - 2].matches("\\d+") && !last.equals("name"));
		}).toList();
	}

	static List<String[]> leaves(JsonNode body) {
		List<String[]> paths = new ArrayList<>();
		leaves(body, new ArrayList<>(), paths);
		return paths;
	}

	static JsonNode parentOf(JsonNode body, String[] path) {
		JsonNode parent = body;
		for (int i = 0; i < path.length - 1; i++) {
			parent = parent.isArray() ? parent.get(Integer.parseInt(path[i])) : parent.get(path[i]);
		}
		return parent;
	}

	/** {@code partners, 0, name} as the problem names it: {@code partners[0].name}. */
	static String jsonPath(String[] path) {
		StringBuilder text = new StringBuilder();
		for (String segment : path) {
			if (segment.matches("\\d+")) {
				text.append('[').append(segment).append(']');
			}
			else {
				text.append(text.isEmpty() ? "" : ".").append(segment);
			}
		}
		return text.toString();
	}

	// ------------------------------------------------------------------ size limits

	@Example
	void oversizedBodiesAre413WithNothingRecorded() throws Exception {
		long before = events();
		String big = "{\"milestoneId\":\"BIG\",\"name\":\"" + "x".repeat(70 * 1024) + "\",\"plannedOn\":\"2025-09-30\"}";
		Response declared = api.post("/api/projects/FUZZ-BASE/milestones", big);
		assertThat(declared.status()).isEqualTo(413);
		assertProblem(declared);
		assertThat(declared.json().path("limit").asLong()).isEqualTo(64 * 1024);

		// without a Content-Length (chunked): stopped while reading
		HttpRequest chunked = HttpRequest.newBuilder(URI.create(base + "/api/projects/FUZZ-BASE/milestones"))
				.header("Content-Type", "application/json").header("Authorization", Api.basic("admin", "admin-demo"))
				.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
						big.getBytes(StandardCharsets.UTF_8)))).build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

		// with an Idempotency-Key too
		Response keyed = api.post("/api/projects/FUZZ-BASE/milestones", big, "Idempotency-Key", "big-1");
		assertThat(keyed.status()).isEqualTo(413);
		assertThat(events()).isEqualTo(before);
	}

	// ------------------------------------------------------------------ helpers

	static long events() {
		return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
	}

	static Response assertAnsweredWell(String path, String body) {
		long before = events();
		Response response = api.post(path, body);
		assertThat(response.status()).as(path + " " + abbreviate(body) + " → " + response).isLessThan(500);
		if (response.status() >= 400) {
			assertProblem(response);
			assertThat(events()).as("a refused write appends nothing: " + path + " " + abbreviate(body)).isEqualTo(before);
		}
		return response;
	}

	static void assertProblem(Response response) {
		assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/problem+json");
		assertSecurityHeaders(response.header("Content-Security-Policy"), response.header("X-Content-Type-Options"),
				response.header("X-Frame-Options"), response.header("Referrer-Policy"), response.toString());
		JsonNode problem = response.json();
		assertThat(problem.path("type").asString()).as(response.toString()).startsWith("/problems/");
		assertThat(problem.path("status").asInt()).isEqualTo(response.status());
		assertThat(problem.path("title").asString()).isNotBlank();
		assertThat(problem.path("detail").asString()).isNotBlank();
		if ("/problems/invalid-request".equals(problem.path("type").asString())) {
			assertThat(problem.path("errors").size()).isPositive();
			for (JsonNode error : problem.path("errors")) {
				assertThat(error.path("field").asString()).isNotBlank();
				assertThat(error.path("reason").asString()).isNotBlank();
			}
		}
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.").doesNotContain("SQL");
	}

	/** The headers docs/security.md promises on every answer, errors included. */
	static void assertSecurityHeaders(String policy, String noSniff, String frames, String referrer, String answer) {
		assertThat(policy).as("Content-Security-Policy of " + answer).startsWith("default-src 'self'");
		assertThat(noSniff).as("X-Content-Type-Options of " + answer).isEqualTo("nosniff");
		assertThat(frames).as("X-Frame-Options of " + answer).isEqualTo("DENY");
		assertThat(referrer).as("Referrer-Policy of " + answer).isEqualTo("same-origin");
	}

	static List<String> fields(Response response) {
		List<String> fields = new ArrayList<>();
		response.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
		return fields;
	}

	private static void leaves(JsonNode node, List<String> path, List<String[]> out) {
		if (node.isObject()) {
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				path.add(field.getKey());
				out.add(path.toArray(String[]::new));
				leaves(field.getValue(), path, out);
				path.remove(path.size() - 1);
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				path.add(String.valueOf(i));
				out.add(path.toArray(String[]::new));
				leaves(node.get(i), path, out);
				path.remove(path.size() - 1);
			}
		}
	}

	private static void set(JsonNode parent, String name, JsonNode value) {
		if (parent instanceof ArrayNode array) {
			array.set(Integer.parseInt(name), value);
		}
		else {
			((ObjectNode) parent).set(name, value);
		}
	}

	private static void remove(JsonNode parent, String name) {
		if (parent instanceof ArrayNode array) {
			array.remove(Integer.parseInt(name));
		}
		else {
			((ObjectNode) parent).remove(name);
		}
	}

	private static String abbreviate(String s) {
		return s.length() > 300 ? s.substring(0, 300) + "…(" + s.length() + " chars)" : s;
	}

	/** RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks. */
	static List<List<String>> parseCsv(String text) {
		List<List<String>> rows = new ArrayList<>();
		List<String> row = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				row.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\r') {
				// part of CRLF
			}
			else if (c == '\n') {
				row.add(field.toString());
				field.setLength(0);
				rows.add(row);
				row = new ArrayList<>();
			}
			else {
				field.append(c);
			}
		}
		if (!field.isEmpty() || !row.isEmpty()) {
			row.add(field.toString());
			rows.add(row);
		}
		return rows;
	}
}
