package org.pipelinetracker.http;

import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text in every write body and query parameter is plain text: no control character (tabs and line breaks only in
 * descriptions and reasons), no Unicode noncharacter, no lone surrogate; a text field takes only a JSON string; a
 * title must show something; a key comes once per object; dates in parameters are exactly ISO-8601. Each refusal is a
 * 400 naming the field as a JSON path, and records nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class TextFieldsTest {

	private static final AtomicInteger SEQ = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ValidatorFactory validatorFactory;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	/** A proposal whose title (JSON, as written) is {@code title}. */
	private static String proposal(String id, String titleJson) {
		return "{\"projectId\":\"" + id + "\",\"title\":" + titleJson + ",\"sector\":\"23630\",\"region\":\"Navoi\","
				+ "\"proposedOn\":\"2025-03-01\"}";
	}

	private String newId() {
		return "TXT-" + SEQ.incrementAndGet();
	}

	@ParameterizedTest(name = "title {0}")
	@ValueSource(strings = {"\"a\\u0000b\"", "\"\\u0000\"", "\"bell\\u0007\"", "\"del\\u007F\"", "\"c1\\u0085\"",
			"\"esc\\u001B[31m\""})
	void refusesControlCharactersInATitle(String title) {
		JsonNode error = refused(() -> api.post("/api/projects", proposal(newId(), title)), "title");
		assertThat(error.path("reason").asString()).startsWith("must not contain control characters (found U+");
	}

	@ParameterizedTest(name = "title {0}")
	@ValueSource(strings = {"\"two\\nlines\"", "\"tab\\there\"", "\"cr\\rhere\"", "\"line\\u2028separator\""})
	void refusesLineBreaksAndTabsInASingleLineText(String title) {
		JsonNode error = refused(() -> api.post("/api/projects", proposal(newId(), title)), "title");
		assertThat(error.path("reason").asString()).startsWith("must be a single line");
	}

	@ParameterizedTest(name = "title {0}")
	@ValueSource(strings = {"\"x\\uFFFE\"", "\"x\\uFFFF\"", "\"x\\uFDD0\"", "\"x\\uFDEF\"", "\"x\\uD83F\\uDFFE\"",
			"\"x\\uDBFF\\uDFFF\""})
	void refusesNoncharacters(String title) {
		JsonNode error = refused(() -> api.post("/api/projects", proposal(newId(), title)), "title");
		assertThat(error.path("reason").asString()).startsWith("must not contain Unicode noncharacters");
	}

	@ParameterizedTest(name = "title {0}")
	@ValueSource(strings = {"\"x\\uD800\"", "\"x\\uDC00y\"", "\"\\uDFFF\\uD800\""})
	void refusesLoneSurrogates(String title) {
		JsonNode error = refused(() -> api.post("/api/projects", proposal(newId(), title)), "title");
		assertThat(error.path("reason").asString()).startsWith("must not contain a lone surrogate");
	}

	@ParameterizedTest(name = "title {0}")
	@ValueSource(strings = {"42", "1.5", "true", "false", "{\"a\":1}", "[\"a\"]"})
	void refusesAnythingButAStringAsText(String title) {
		refused(() -> api.post("/api/projects", proposal(newId(), title)), "title");
	}

	@ParameterizedTest(name = "title {0}")
	@ValueSource(strings = {"\"\"", "\"   \"", "\"\\u00A0\\u2003\"", "\"\\u200B\\u200F\\uFEFF\""})
	void refusesATitleThatShowsNothing(String title) {
		refused(() -> api.post("/api/projects", proposal(newId(), title)), "title");
	}

	@Test
	void acceptsTabsAndLineBreaksInDescriptionsAndReasonsAndEveryOtherCharacter() {
		String id = newId();
		String body = "{\"projectId\":\"" + id + "\",\"title\":\"\\u202Eevil \\uD83D\\uDE00 e\\u0301 ]]> <b> =cmd|\","
				+ "\"description\":\"one\\r\\ntwo\\tthree\",\"reason\":\"why\\nbecause\",\"sector\":\"23630\","
				+ "\"region\":\"Navoi\",\"proposedOn\":\"2025-03-01\"}";
		Response created = api.post("/api/projects", body);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode project = api.get("/api/projects/" + id).json();
		assertThat(project.path("title").asString()).isEqualTo("\u202Eevil \uD83D\uDE00 e\u0301 ]]> <b> =cmd|");
		assertThat(project.path("description").asString()).isEqualTo("one\r\ntwo\tthree");
	}

	@Test
	void namesTheFieldAsAJsonPathInNestedObjectsAndArrays() {
		String id = newId();
		api.post("/api/projects", proposal(id, "\"Nested\""));
		refused(() -> api.post("/api/projects", "{\"projectId\":\"" + newId() + "\",\"title\":\"t\",\"sector\":\"23630\","
				+ "\"region\":\"Navoi\",\"proposedOn\":\"2025-03-01\",\"partners\":[{\"name\":\"ok\",\"country\":\"KR\","
				+ "\"role\":\"FUNDING\"},{\"name\":\"bad\\u0001\",\"country\":\"KR\",\"role\":\"FUNDING\"}]}"),
				"partners[1].name");
		refused(() -> api.post("/api/projects/" + id + "/agreements", "{\"agreementId\":\"A1\",\"type\":\"MOU\","
				+ "\"signedOn\":\"2025-04-01\",\"parties\":[\"KOICA\",\"x\\u0000\"]}"), "parties[1]");
		refused(() -> api.post("/api/projects/" + id + "/suspend", "{\"reason\":\"x\\u0000\"}"), "reason");
		refused(() -> api.post("/api/projects/" + id + "/texts", "{\"language\":\"ko\",\"title\":\"x\\u0085\"}"), "title");
		refused(() -> api.post("/api/projects/" + id + "/fundings", "{\"fundingId\":\"F1\",\"source\":\"KOICA_GRANT\","
				+ "\"funder\":\"K\\uFFFF\",\"amount\":{\"amount\":\"1\",\"currency\":\"USD\"},"
				+ "\"committedOn\":\"2025-05-01\"}"), "funder");
		refused(() -> api.post("/api/projects/" + id + "/fundings", "{\"fundingId\":\"F1\",\"source\":\"KOICA_GRANT\","
				+ "\"funder\":\"K\",\"amount\":{\"amount\":\"1\",\"currency\":\"US\\u0000\"},"
				+ "\"committedOn\":\"2025-05-01\"}"), "amount.currency");
		refused(() -> api.post("/api/facilities", "{\"facilityId\":\"FAC-" + SEQ.incrementAndGet() + "\",\"name\":\"n\\u0007\","
				+ "\"lender\":\"KEXIM\",\"limit\":{\"amount\":\"1000\",\"currency\":\"USD\"},\"validFrom\":\"2024-01-01\","
				+ "\"validTo\":\"2027-12-31\"}"), "name");
		refused(() -> api.send(HttpRequest.newBuilder(URI.create(api.base() + "/api/me/preferences"))
				.header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString("{\"timeZone\":\"Asia/Seoul\\u0000\"}"))), "timeZone");
	}

	@Test
	void validatesWithoutAskingJpaWhetherAPropertyIsLoaded() {
		// request bodies are not entities: every property is reachable and cascadable (the nested fields above still
		// get their reasons), without Hibernate Validator's look-up through every persistence provider
		assertThat(validatorFactory.getTraversableResolver()).isInstanceOf(ValidationConfig.EveryPropertyReachable.class);
	}

	@Test
	void refusesAKeyThatComesTwice() {
		refused(() -> api.post("/api/projects", "{\"projectId\":\"" + newId() + "\",\"title\":\"first\",\"title\":\"second\","
				+ "\"sector\":\"23630\",\"region\":\"Navoi\",\"proposedOn\":\"2025-03-01\"}"), "title");
		JsonNode error = refused(() -> api.post("/api/projects", "{\"projectId\":\"" + newId() + "\",\"title\":\"t\","
				+ "\"sector\":\"23630\",\"region\":\"Navoi\",\"proposedOn\":\"2025-03-01\",\"partners\":[{\"name\":\"a\","
				+ "\"name\":\"b\",\"country\":\"KR\",\"role\":\"FUNDING\"}]}"), "partners[0].name");
		assertThat(error.path("reason").asString()).isEqualTo("appears more than once in its object; send each key once");
	}

	@ParameterizedTest(name = "asOf={0}")
	@ValueSource(strings = {"2025-01-01%00", "2025-01-01x", "2025-13-01", "2025-02-30", "%202025-01-01", "2025-1-1",
			"2025-01-01T00:00:00Z"})
	void refusesADateParameterThatIsNotExactlyADate(String asOf) {
		refusedRead(() -> api.get("/api/export/projects.csv?asOf=" + asOf), "asOf");
	}

	@ParameterizedTest(name = "knownAt={0}")
	@ValueSource(strings = {"2025-01-01T00:00:00Z%00", "2025-01-01T00:00:00Zjunk", "2025-01-01", "%202025-01-01T00:00:00Z"})
	void refusesAnInstantParameterThatIsNotExactlyAnInstant(String knownAt) {
		refusedRead(() -> api.get("/api/export/projects.csv?knownAt=" + knownAt), "knownAt");
	}

	@Test
	void refusesControlCharactersInAParameterThatIsEchoed() {
		JsonNode error = refusedRead(() -> api.get("/api/projects?sector=%01"), "sector");
		assertThat(error.path("reason").asString()).isEqualTo("must not contain control characters (found U+0001 at "
				+ "position 1)");
		refusedRead(() -> api.get("/api/projects?region=Navoi%EF%BF%BE"), "region");
		refusedRead(() -> api.get("/api/projects?region=%ED%A0%80"), "region"); // an encoded surrogate is not UTF-8
	}

	private JsonNode refused(Supplier<Response> request, String field) {
		return refused(request, field, true);
	}

	private JsonNode refusedRead(Supplier<Response> request, String field) {
		return refused(request, field, false);
	}

	private JsonNode refused(Supplier<Response> request, String field, boolean write) {
		long before = events();
		Response response = request.get();
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.path("type").asString()).isEqualTo("/problems/invalid-request");
		List<String> fields = new ArrayList<>();
		problem.path("errors").forEach(e -> fields.add(e.path("field").asString()));
		assertThat(fields).as(response.toString()).containsExactly(field);
		if (write) {
			assertThat(events()).isEqualTo(before);
		}
		return problem.path("errors").get(0);
	}

	private long events() {
		return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
	}
}
