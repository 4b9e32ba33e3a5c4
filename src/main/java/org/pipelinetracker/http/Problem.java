package org.pipelinetracker.http;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.pipelinetracker.http.Problems.Kind;
import org.pipelinetracker.i18n.Languages;
import org.pipelinetracker.i18n.Translations;
import org.pipelinetracker.kernel.FieldViolation;
import org.pipelinetracker.kernel.Text;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.context.support.WebApplicationContextUtils;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One problem of {@link Problems}: its kind, the arguments of its detail, the properties it adds to the body and the headers that go
 * with it (such as {@code WWW-Authenticate}, {@code Retry-After}, {@code ETag}).
 */
public final class Problem {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String PROBLEM_JSON = "application/problem+json";

	private final Kind kind;
	private final Text title;
	private final Text detail;
	private final Map<String, Object> properties = new LinkedHashMap<>();
	private final List<Map.Entry<String, String>> headers = new ArrayList<>();
	private String instance;

	Problem(Kind kind, Object[] arguments) {
		this.kind = kind;
		this.title = Text.of(kind.titleKey);
		Text text = Text.of(kind.detailKey);
		for (int i = 0; i < arguments.length; i++) {
			Object argument = arguments[i];
			boolean typed = argument instanceof Text || argument instanceof Text.Joined
					|| argument instanceof Text.Amount || argument instanceof Text.Code
					|| (kind.isQuantity(i) && argument instanceof Number);
			text = text.with(kind.parameter(i), typed ? argument : String.valueOf(argument));
		}
		this.detail = text;
	}

	/**
	 * One more member of the body, after the standard ones. A list of {@link FieldViolation} is written as
	 * {@code [{field, reason}]}, each reason in the answer's language.
	 */
	public Problem with(String property, Object value) {
		properties.put(property, value);
		return this;
	}

	/**
	 * The path the problem is about, when it is not the path of the request being answered (the error page
	 * answers for the request that failed).
	 */
	public Problem at(String path) {
		this.instance = path;
		return this;
	}

	/** One more header of the answer (added: a header may come more than once, such as two challenges). */
	public Problem header(String name, String value) {
		headers.add(Map.entry(name, value));
		return this;
	}

	public HttpStatus status() {
		return kind.status;
	}

	/** The kind of this problem. */
	public Kind kind() {
		return kind;
	}

	/** The title in English. */
	public String title() {
		return title.english();
	}

	/** The detail in English. */
	public String detailText() {
		return detail.english();
	}

	/**
	 * The problem for a Spring MVC handler (Spring fills in {@code instance}), in the language of the request
	 * being handled; {@link #response()} also says which in {@code Content-Language}.
	 */
	public ProblemDetail detail() {
		return detail(Written.of(this, currentRequest()));
	}

	private ProblemDetail detail(Written written) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(kind.status, written.detail());
		problem.setType(kind.type());
		problem.setTitle(written.title());
		if (instance != null) {
			try {
				problem.setInstance(new URI(null, null, instance, null));
			}
			catch (java.net.URISyntaxException notAPath) {
				// Spring fills in the request's path
			}
		}
		written.properties().forEach(problem::setProperty);
		return problem;
	}

	/** The answer of a Spring MVC handler: the status, the headers, the problem, and its language. */
	public ResponseEntity<ProblemDetail> response() {
		Written written = Written.of(this, currentRequest());
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(kind.status)
				.header(HttpHeaders.CONTENT_LANGUAGE, written.language());
		headers.forEach(h -> answer.header(h.getKey(), h.getValue()));
		return answer.body(detail(written));
	}

	/**
	 * Answers from a servlet filter or a security handler (outside Spring MVC): status, headers, the language and
	 * the problem, committed. Nothing is written to an answer that is already on its way.
	 */
	public void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		Written written = Written.of(this, request);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", kind.type().toString());
		body.put("title", written.title());
		body.put("status", kind.status.value());
		body.put("detail", written.detail());
		String path = instance != null ? instance : request.getRequestURI();
		if (path != null) {
			body.put("instance", path);
		}
		body.putAll(written.properties());
		byte[] bytes = JSON.writeValueAsBytes(body);
		response.setStatus(kind.status.value());
		headers.forEach(h -> response.addHeader(h.getKey(), h.getValue()));
		response.setHeader(HttpHeaders.CONTENT_LANGUAGE, written.language());
		response.setContentType(PROBLEM_JSON);
		response.setContentLength(bytes.length);
		response.getOutputStream().write(bytes);
		response.flushBuffer();
	}

	/** This problem as an exception, for where a handler cannot return it; the API's handler answers it as is. */
	public ProblemException exception() {
		return new ProblemException(this);
	}

	@Override
	public String toString() {
		return kind.status.value() + " " + kind + ": " + detailText();
	}

	private static HttpServletRequest currentRequest() {
		return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
				? attributes.getRequest() : null;
	}

	/** A problem written in one language: title, detail and properties (each field's reason in that language). */
	private record Written(String language, String title, String detail, Map<String, Object> properties) {

		static Written of(Problem problem, HttpServletRequest request) {
			Translations translations = translations(request);
			String language = translations == null ? Languages.DEFAULT : Translations.languageOf(request);
			Map<String, Object> properties = new LinkedHashMap<>();
			problem.properties.forEach((name, value) -> properties.put(name, value instanceof List<?> list
					&& !list.isEmpty() && list.stream().allMatch(FieldViolation.class::isInstance)
					? list.stream().map(v -> (FieldViolation) v)
							.map(v -> new Problems.FieldError(v.field(), write(v.reason(), translations, language))).toList()
					: value));
			return new Written(language, write(problem.title, translations, language),
					write(problem.detail, translations, language), properties);
		}

		private static String write(Text text, Translations translations, String language) {
			return translations == null ? text.english() : translations.render(text, language);
		}

		/** The catalogue of the application serving the request; none outside one (English then). */
		private static Translations translations(HttpServletRequest request) {
			if (request == null || request.getServletContext() == null) {
				return null;
			}
			WebApplicationContext context = WebApplicationContextUtils.findWebApplicationContext(request.getServletContext());
			return context == null ? null : context.getBeanProvider(Translations.class).getIfAvailable();
		}
	}
}
