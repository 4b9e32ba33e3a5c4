package org.pipelinetracker.http;

import org.junit.jupiter.api.Test;
import org.pipelinetracker.http.Problems.Kind;
import org.pipelinetracker.kernel.FieldViolation;
import org.pipelinetracker.kernel.Text;
import org.springframework.http.MediaType;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemsTest {

	/**
	 * Each kind's title and detail are the catalogue's {@code problem.<kind>.title} and {@code .detail}
	 * (MessageCatalogueTest checks every language has them, with the same placeholders), and the detail's placeholders
	 * are the kind's arguments, every one of them used.
	 */
	@Test
	void everyKindHasItsTitleAndDetailInTheCatalogueWithItsArgumentsAsPlaceholders() throws IOException {
		Properties english = new Properties();
		try (InputStream in = getClass().getClassLoader().getResourceAsStream("i18n/messages.properties")) {
			english.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		Pattern placeholder = Pattern.compile("\\{(\\w+)}");
		for (Kind kind : Kind.values()) {
			String name = "problem." + camel(kind.name());
			assertThat(kind.titleKey()).isEqualTo(name + ".title");
			assertThat(kind.detailKey()).isEqualTo(name + ".detail");
			assertThat(english.getProperty(kind.titleKey())).as(kind.titleKey()).isNotBlank();
			String detail = english.getProperty(kind.detailKey());
			assertThat(detail).as(kind.detailKey()).isNotBlank();
			Set<String> used = new TreeSet<>();
			Matcher m = placeholder.matcher(detail);
			while (m.find()) {
				used.add(m.group(1));
			}
			assertThat(used).as(kind.detailKey()).isEqualTo(new TreeSet<>(kind.parameters()));
		}
	}

	/** Spring MVC's refusals that are kinds here keep Spring's own English, title and detail. */
	@Test
	void springsOwnRefusalsKeepSpringsEnglish() {
		Map<ErrorResponse, Problem> refusals = new LinkedHashMap<>();
		refusals.put(new HttpRequestMethodNotSupportedException("DELETE", List.of("GET", "PUT")),
				Problems.of(Kind.METHOD_NOT_ALLOWED, "DELETE"));
		refusals.put(new HttpMediaTypeNotSupportedException(MediaType.TEXT_PLAIN, List.of(MediaType.APPLICATION_JSON)),
				Problems.of(Kind.UNSUPPORTED_MEDIA_TYPE, MediaType.TEXT_PLAIN));
		refusals.put(new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON)),
				Problems.of(Kind.NOT_ACCEPTABLE, List.of(MediaType.APPLICATION_JSON)));
		refusals.put(new HttpMediaTypeNotAcceptableException("Could not parse Accept header: nonsense"),
				Problems.of(Kind.ACCEPT_UNREADABLE));
		refusals.put(new MissingServletRequestParameterException("amount", "String"),
				Problems.of(Kind.MISSING_PARAMETER, "amount"));
		refusals.put(new MissingServletRequestPartException("file"), Problems.of(Kind.MISSING_PART, "file"));
		refusals.put(new MaxUploadSizeExceededException(1024), Problems.of(Kind.UPLOAD_TOO_LARGE));
		refusals.forEach((spring, ours) -> {
			assertThat(ours.status().value()).as(ours.kind().name()).isEqualTo(spring.getStatusCode().value());
			assertThat(ours.title()).as(ours.kind().name()).isEqualTo(spring.getBody().getTitle());
			assertThat(ours.detailText()).as(ours.kind().name()).isEqualTo(spring.getBody().getDetail());
		});
	}

	@Test
	void argumentsAreInsertedAsTextNeverFormattedAsNumbers() {
		assertThat(Problems.of(Kind.BODY_TOO_LARGE, 2_097_152L, 1_048_576L).detailText())
				.isEqualTo("The request body has 2097152 bytes; at most 1048576 are accepted here.");
		assertThat(Problems.of(Kind.PROJECT_NOT_FOUND, "P-1").detailText()).isEqualTo("There is no project with id 'P-1'");
	}

	@Test
	void aFilterWritesTheProblemInTheRfcOrderWithItsHeaders() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/projects/P-1/start");
		MockHttpServletResponse response = new MockHttpServletResponse();

		Problems.of(Kind.IDEMPOTENT_REQUEST_RUNNING, "k-1").header("Retry-After", "3").with("extra", List.of("a"))
				.write(request, response);

		assertThat(response.getStatus()).isEqualTo(409);
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		assertThat(response.getHeader("Retry-After")).isEqualTo("3");
		assertThat(response.isCommitted()).isTrue();
		assertThat(response.getContentAsString()).isEqualTo("{\"type\":\"/problems/in-progress\",\"title\":\"Request in "
				+ "progress\",\"status\":409,\"detail\":\"A request with the Idempotency-Key 'k-1' is still being "
				+ "processed; retry it later to get its answer.\",\"instance\":\"/api/projects/P-1/start\","
				+ "\"extra\":[\"a\"]}");
		assertThat(response.getContentLength()).isEqualTo(response.getContentAsByteArray().length);
	}

	@Test
	void nothingIsWrittenToAnAnswerAlreadyOnItsWay() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		response.getWriter().write("partial");
		response.flushBuffer();

		Problems.of(Kind.CHANGED_CONCURRENTLY).write(new MockHttpServletRequest("POST", "/api/x"), response);

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).isEqualTo("partial");
	}

	@Test
	void aHandlerAnswersTheSameProblemWithItsHeaders() {
		ResponseEntity<ProblemDetail> answer = Problems.of(Kind.PROJECT_VERSION_MISMATCH, "P-1", 3, "1 or 2")
				.with("currentVersion", 3L).header("ETag", "\"3\"").response();

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED);
		assertThat(answer.getHeaders().getETag()).isEqualTo("\"3\"");
		ProblemDetail problem = answer.getBody();
		assertThat(problem.getType()).isEqualTo(URI.create("/problems/precondition-failed"));
		assertThat(problem.getTitle()).isEqualTo("Precondition failed");
		assertThat(problem.getStatus()).isEqualTo(412);
		assertThat(problem.getDetail()).isEqualTo("Project 'P-1' is at version 3, not 1 or 2 as If-Match expects; "
				+ "nothing was recorded. Read it again (ETag \"3\") and retry.");
		assertThat(problem.getProperties()).containsExactly(org.assertj.core.api.Assertions.entry("currentVersion", 3L));
	}

	@Test
	void invalidFieldsAreNamedOneByOne() {
		ProblemDetail one = Problems.invalid(List.of(new FieldViolation("title", "must not be blank"))).detail();
		assertThat(one.getDetail()).isEqualTo("Invalid field 'title': must not be blank");
		assertThat(one.getProperties().get("errors")).isEqualTo(List.of(new Problems.FieldError("title", "must not be blank")));

		ProblemDetail two = Problems.invalid(List.of(new FieldViolation("title", "must not be blank"),
				new FieldViolation("region", "is unknown"))).detail();
		assertThat(two.getDetail()).isEqualTo("2 fields are invalid: title: must not be blank; region: is unknown");
		assertThat(two.getType()).isEqualTo(URI.create("/problems/invalid-request"));
		assertThat(two.getStatus()).isEqualTo(400);
	}

	@Test
	void anInvalidHeaderIsNamedAsAField() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		Problems.invalidHeader("Idempotency-Key", Text.verbatim("must be short")).write(new MockHttpServletRequest("POST", "/api/x"),
				response);
		assertThat(response.getContentAsString()).isEqualTo("{\"type\":\"/problems/invalid-request\",\"title\":"
				+ "\"Invalid request\",\"status\":400,\"detail\":\"Invalid header 'Idempotency-Key': must be short\","
				+ "\"instance\":\"/api/x\",\"errors\":[{\"field\":\"Idempotency-Key\",\"reason\":\"must be short\"}]}");
	}

	@Test
	void everyProblemHasAType() {
		ProblemDetail problem = Problems.of(Kind.INTERNAL, "ref-1").detail();
		assertThat(problem.getType()).isEqualTo(URI.create("/problems/internal-error"));
		for (Kind kind : Kind.values()) {
			assertThat(kind.type()).as(kind.name()).isNotNull();
			assertThat(kind.type().toString()).as(kind.name()).startsWith("/problems/");
		}
		assertThat(problem.getTitle()).isEqualTo("Internal error");
		assertThat(problem.getDetail()).endsWith("Reference: ref-1");
	}

	@Test
	void aThrownProblemCarriesItAndItsDetail() {
		ProblemException thrown = Problems.of(Kind.FACILITY_NOT_FOUND, "F-1").exception();
		assertThat(thrown.getMessage()).isEqualTo("There is no facility with id 'F-1'");
		assertThat(thrown.problem().status()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	/** {@code PROJECT_NOT_FOUND} → {@code projectNotFound}. */
	private static String camel(String constant) {
		StringBuilder out = new StringBuilder();
		for (String part : constant.toLowerCase(java.util.Locale.ROOT).split("_")) {
			out.append(out.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
		}
		return out.toString();
	}
}
