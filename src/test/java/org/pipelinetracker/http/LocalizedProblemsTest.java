package org.pipelinetracker.http;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pipelinetracker.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input in each of the four languages gets its problem in that language, never a 500: the exact texts of the
 * catalogue ({@code problem.*}), the arguments written as the language writes them (money with its separators and
 * the currency code, dates ISO-8601), {@code Content-Language} naming the language, and the type, status and field
 * names unchanged. From Spring MVC's handlers (invalid JSON, Bean Validation, codelists, the aggregates' rules, 405),
 * a servlet filter (Idempotency-Key) and Spring Security (a missing role).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalizedProblemsTest {

	static final List<String> LANGUAGES = List.of("en", "uz", "ru", "ko");
	/** USD 6000.50 as each language writes it (a no-break space groups the digits in Uzbek and Russian). */
	static final Map<String, String> DISBURSED = Map.of("en", "USD 6000.50", "uz", "6\u00a0000,50 USD",
			"ru", "6\u00a0000,50 USD", "ko", "USD 6,000.50");
	static final Map<String, String> COMMITTED = Map.of("en", "USD 5000.00", "uz", "5\u00a0000,00 USD",
			"ru", "5\u00a0000,00 USD", "ko", "USD 5,000.00");
	static final String PROPOSAL = "\"title\":\"Navoi substation\",\"sector\":\"23630\",\"region\":\"Navoi\"";

	@LocalServerPort
	int port;

	@Autowired
	Clock clock;

	String projectId;

	Api api() {
		return new Api(port);
	}

	/** A financed project with USD 5000.00 committed on 2024-04-01. */
	@BeforeAll
	void aFinancedProject() {
		projectId = "L10N-" + UUID.randomUUID().toString().substring(0, 8);
		ok(api().post("/api/projects", "{\"projectId\":\"" + projectId + "\"," + PROPOSAL
				+ ",\"proposedOn\":\"2024-01-10\"}"));
		ok(api().post("/api/projects/" + projectId + "/agreements",
				"{\"agreementId\":\"L1\",\"type\":\"LOAN\",\"signedOn\":\"2024-03-01\"}"));
		ok(api().post("/api/projects/" + projectId + "/fundings", "{\"fundingId\":\"F1\",\"source\":\"KOICA_GRANT\","
				+ "\"funder\":\"KOICA\",\"amount\":{\"amount\":\"5000\",\"currency\":\"USD\"},\"committedOn\":\"2024-04-01\"}"));
	}

	/** An invalid request, the field at fault, and its reason's key and arguments as the language writes them. */
	record Case(String name, String path, String body, String field, String reasonKey, Map<String, String> arguments) {

		@Override
		public String toString() {
			return name;
		}
	}

	Stream<Arguments> invalidBodies() {
		String today = LocalDate.now(clock).toString();
		List<Case> cases = List.of(
				new Case("wrong type", "/api/projects", "{" + PROPOSAL + ",\"proposedOn\":\"2024-01-10\","
						+ "\"estimatedCost\":{\"amount\":[1],\"currency\":\"USD\"}}", "estimatedCost.amount",
						"problem.field.decimal", Map.of()),
				new Case("unknown sector", "/api/projects", "{\"title\":\"T\",\"sector\":\"99999\",\"region\":\"Navoi\","
						+ "\"proposedOn\":\"2024-01-10\"}", "sector", "problem.field.sectorUnknown",
						Map.of("sector", "99999")),
				new Case("too many decimals", "/api/projects", "{" + PROPOSAL + ",\"proposedOn\":\"2024-01-10\","
						+ "\"estimatedCost\":{\"amount\":\"1.234\",\"currency\":\"usd\"}}", "estimatedCost.amount",
						"problem.field.tooManyDecimals", Map.of("currency", "USD", "digits", "2")),
				new Case("future date", "/api/projects", "{" + PROPOSAL + ",\"proposedOn\":\"2199-01-10\"}", "proposedOn",
						"problem.field.future", Map.of("field", "proposedOn", "date", "2199-01-10", "today", today)),
				new Case("missing title", "/api/projects", "{\"sector\":\"23630\",\"region\":\"Navoi\","
						+ "\"proposedOn\":\"2024-01-10\"}", "title", "problem.field.notBlank", Map.of()),
				new Case("malformed JSON", "/api/projects", "{\"title\":", "body", "problem.field.malformedJsonAt",
						Map.of("line", "1", "column", "10")));
		return cases.stream().flatMap(c -> LANGUAGES.stream().map(language -> Arguments.of(c, language)));
	}

	@ParameterizedTest(name = "{0} in {1}")
	@MethodSource("invalidBodies")
	void badInputIsA400InTheCallersLanguage(Case bad, String language) {
		Catalogue texts = Catalogue.of(language);
		Api.Response response = api().header("Accept-Language", language).post(bad.path(), bad.body());

		assertProblem(response, 400, "/problems/invalid-request", language);
		String reason = texts.text(bad.reasonKey(), bad.arguments());
		JsonNode problem = response.json();
		assertThat(problem.path("title").asString()).isEqualTo(texts.text("problem.invalidField.title"));
		assertThat(problem.path("detail").asString())
				.isEqualTo(texts.text("problem.invalidField.detail", Map.of("field", bad.field(), "reason", reason)));
		assertThat(problem.path("errors")).hasSize(1);
		assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo(bad.field());
		assertThat(problem.path("errors").get(0).path("reason").asString()).isEqualTo(reason);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = {"en", "uz", "ru", "ko"})
	void aRuleViolationIsA409InTheCallersLanguageWithItsAmountsAndDates(String language) {
		Catalogue texts = Catalogue.of(language);
		Api.Response response = api().header("Accept-Language", language).post("/api/projects/" + projectId
				+ "/disbursements", "{\"fundingId\":\"F1\",\"amount\":{\"amount\":\"6000.5\",\"currency\":\"USD\"},"
				+ "\"disbursedOn\":\"2024-05-01\"}");

		assertProblem(response, 409, "/problems/rule-violation", language);
		JsonNode problem = response.json();
		assertThat(problem.path("title").asString()).isEqualTo(texts.text("problem.ruleViolated.title"));
		assertThat(problem.path("detail").asString()).isEqualTo(texts.text("problem.rule.disbursementOverCommitment",
				Map.of("amount", DISBURSED.get(language), "date", "2024-05-01", "fundingId", "F1",
						"committedThen", COMMITTED.get(language), "committedNow", COMMITTED.get(language),
						"headroom", COMMITTED.get(language))));
		assertThat(problem.path("field").asString()).isEqualTo("amount.amount");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = {"en", "uz", "ru", "ko"})
	void aStageRuleNamesTheStageAndTheActionInTheCallersLanguage(String language) {
		Catalogue texts = Catalogue.of(language);
		String id = "L10N-" + UUID.randomUUID().toString().substring(0, 8);
		ok(api().post("/api/projects", "{\"projectId\":\"" + id + "\"," + PROPOSAL + ",\"proposedOn\":\"2024-01-10\"}"));
		ok(api().post("/api/projects/" + id + "/cancel", "{\"on\":\"2024-02-01\",\"reason\":\"Withdrawn\"}"));
		Api.Response response = api().header("Accept-Language", language).post("/api/projects/" + id + "/milestones",
				"{\"milestoneId\":\"M1\",\"name\":\"Design\",\"plannedOn\":\"2024-09-01\"}");

		assertProblem(response, 409, "/problems/rule-violation", language);
		// English names the stage by its code, as the API writes it; the other languages by its name
		String stage = language.equals("en") ? "CANCELLED" : texts.text("ref.stage.CANCELLED");
		assertThat(response.json().path("detail").asString()).isEqualTo(texts.text("problem.rule.terminal",
				Map.of("projectId", id, "stage", stage, "action", texts.text("problem.action.recordMilestone"))));
	}

	@Test
	void withoutAcceptLanguageOrInALanguageOfNoBundleTheAnswerIsTodaysEnglish() {
		String body = "{\"title\":\"T\",\"sector\":\"99999\",\"region\":\"Navoi\",\"proposedOn\":\"2024-01-10\"}";
		Api.Response english = api().header("Accept-Language", "en").post("/api/projects", body);
		for (Api.Response other : List.of(api().post("/api/projects", body),
				api().header("Accept-Language", "fr-FR, de;q=0.8").post("/api/projects", body),
				api().header("Accept-Language", "not a language tag ;;").post("/api/projects", body))) {
			assertProblem(other, 400, "/problems/invalid-request", "en");
			assertThat(other.body()).isEqualTo(english.body());
		}
		assertThat(english.json().path("detail").asString())
				.isEqualTo("Invalid field 'sector': '99999' is not an active 5-digit DAC purpose code (IATI Sector codelist)");
		// the caller's first language the catalogue has, in the order of preference
		assertThat(api().header("Accept-Language", "fr, ko;q=0.9, ru;q=0.8").post("/api/projects", body)
				.header("Content-Language")).isEqualTo("ko");
	}

	/** Spring MVC's own refusals, without Accept-Language: Spring's English, byte for byte, with a type of ours. */
	@Test
	void springsOwnRefusalsWithoutAcceptLanguageAreSpringsEnglish() {
		Api.Response method = api().delete("/api/me/preferences");
		assertThat(method.status()).isEqualTo(405);
		assertThat(method.body()).isEqualTo("{\"detail\":\"Method 'DELETE' is not supported.\",\"instance\":"
				+ "\"/api/me/preferences\",\"status\":405,\"title\":\"Method Not Allowed\","
				+ "\"type\":\"/problems/method-not-allowed\"}");
		Api.Response type = api().postRaw("/api/projects", "text/plain", "x");
		assertThat(type.status()).isEqualTo(415);
		assertThat(type.body()).isEqualTo("{\"detail\":\"Content-Type 'text/plain' is not supported.\",\"instance\":"
				+ "\"/api/projects\",\"status\":415,\"title\":\"Unsupported Media Type\","
				+ "\"type\":\"/problems/unsupported-media-type\"}");
		Api.Response accept = api().header("Accept", "image/png").get("/api/projects");
		assertThat(accept.status()).isEqualTo(406);
		assertThat(accept.body()).isEqualTo("{\"detail\":\"Acceptable representations: [application/json].\","
				+ "\"instance\":\"/api/projects\",\"status\":406,\"title\":\"Not Acceptable\","
				+ "\"type\":\"/problems/not-acceptable\"}");
		for (Api.Response response : List.of(method, type, accept)) {
			assertThat(response.header("Content-Language")).isEqualTo("en");
			assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = {"en", "uz", "ru", "ko"})
	void filtersSecurityAndSpringsOwnRefusalsAnswerInTheCallersLanguage(String language) {
		Catalogue texts = Catalogue.of(language);

		// a servlet filter: a malformed Idempotency-Key
		Api.Response key = api().header("Accept-Language", language).header("Idempotency-Key", "x".repeat(256))
				.post("/api/projects", "{}");
		assertProblem(key, 400, "/problems/invalid-request", language);
		String reason = texts.text("problem.field.idempotencyKey");
		assertThat(key.json().path("detail").asString())
				.isEqualTo(texts.text("problem.invalidHeader.detail", Map.of("header", "Idempotency-Key", "reason", reason)));
		assertThat(key.json().path("errors").get(0).path("reason").asString()).isEqualTo(reason);

		// Spring Security: a role the user lacks, named as the API names roles
		Api.Response role = api().as("auditor").header("Accept-Language", language).post("/api/projects", "{}");
		assertProblem(role, 403, "/problems/forbidden", language);
		assertThat(role.json().path("title").asString()).isEqualTo(texts.text("problem.roleRequired.title"));
		assertThat(role.json().path("detail").asString()).isEqualTo(texts.text("problem.roleRequired.detail", Map.of(
				"roles", texts.text("problem.part.or", Map.of("first", "RECORDER", "second", "ADMIN")),
				"method", "POST", "path", "/api/projects",
				"user", texts.text("problem.part.signedInWithRole", Map.of("user", "auditor", "roles", "AUDITOR")))));
		assertThat(role.json().path("requiredRoles").toString()).isEqualTo("[\"RECORDER\",\"ADMIN\"]");

		// Spring MVC: a method nothing answers (with Allow)
		Api.Response method = api().header("Accept-Language", language).delete("/api/me/preferences");
		assertThat(method.status()).isEqualTo(405);
		assertThat(method.header("Content-Language")).isEqualTo(language);
		assertThat(method.header("Allow")).contains("GET").contains("PUT");
		assertThat(method.json().path("title").asString()).isEqualTo(texts.text("problem.methodNotAllowed.title"));
		assertThat(method.json().path("detail").asString())
				.isEqualTo(texts.text("problem.methodNotAllowed.detail", Map.of("method", "DELETE")));
	}

	// ---------------------------------------------------------------------------------------------------------

	private static void assertProblem(Api.Response response, int status, String type, String language) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.header("Content-Language")).as("Content-Language").isEqualTo(language);
		assertThat(response.json().path("type").asString()).isEqualTo(type);
		assertThat(response.json().path("status").asInt()).isEqualTo(status);
	}

	private static void ok(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isBetween(200, 201);
	}

	/** One language's bundle as written (UTF-8), with named placeholders filled in literally. */
	record Catalogue(String language, Map<String, String> texts) {

		private static final Map<String, Catalogue> LOADED = new HashMap<>();

		static synchronized Catalogue of(String language) {
			return LOADED.computeIfAbsent(language, l -> {
				String path = "i18n/messages" + (l.equals("en") ? "" : "_" + l) + ".properties";
				Properties properties = new Properties();
				try (InputStream in = Catalogue.class.getClassLoader().getResourceAsStream(path)) {
					properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
				Map<String, String> texts = new HashMap<>();
				properties.stringPropertyNames().forEach(k -> texts.put(k, properties.getProperty(k)));
				return new Catalogue(l, texts);
			});
		}

		String text(String key) {
			return text(key, Map.of());
		}

		String text(String key, Map<String, String> arguments) {
			String text = texts.get(key);
			assertThat(text).as(key + " in " + language).isNotNull();
			for (Map.Entry<String, String> argument : arguments.entrySet()) {
				assertThat(text).as(key + " in " + language).contains("{" + argument.getKey() + "}");
				text = text.replace("{" + argument.getKey() + "}", argument.getValue());
			}
			return text;
		}
	}
}
