package org.pipelinetracker.project.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.pipelinetracker.project.api.ProjectId;
import org.pipelinetracker.messaging.ExpectedVersion;
import org.pipelinetracker.kernel.InvalidRequestException;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code If-Match} on a project's writes ({@code POST /api/projects/{id}/...}): the request applies only if the
 * project is at one of the listed versions (its {@code ETag}, {@code "<version>"}), or exists at all for {@code *}.
 * <ul>
 * <li>A malformed header: 400 on field {@code If-Match}.</li>
 * <li>A stale version: 412 {@code /problems/precondition-failed} with {@code currentVersion} and the current ETag,
 * before anything is sent.</li>
 * <li>Otherwise the command carries the version ({@link ExpectedVersion}); Axon checks it again under the
 * project's lock, so a write that slips in between still makes this one fail with 412 and append nothing.</li>
 * <li>An unknown project is left to the handler (404).</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class IfMatchInterceptor implements HandlerInterceptor, WebMvcConfigurer {

	static final String HEADER = "If-Match";
	/** Request attribute: the version this request's If-Match expects. */
	static final String EXPECTED = IfMatchInterceptor.class.getName() + ".expected";
	private static final Pattern TAG = Pattern.compile("\\s*(\\*|(W/)?\"([^\"]*)\")\\s*(,|$)");

	private final EventStore eventStore;

	IfMatchInterceptor(EventStore eventStore) {
		this.eventStore = eventStore;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/api/projects/*/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		String header = request.getHeader(HEADER);
		if (header == null || !"POST".equals(request.getMethod())) {
			return true;
		}
		List<String> tags = parse(header);
		@SuppressWarnings("unchecked")
		Map<String, String> variables = (Map<String, String>) request.getAttribute(
				HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		String projectId = variables == null ? null : variables.get("id");
		if (projectId == null || !ProjectId.isValid(projectId)) {
			return true;
		}
		Optional<Long> current = eventStore.lastSequenceNumberFor(projectId);
		if (current.isEmpty()) {
			return true; // no such project: the handler answers 404
		}
		long version = current.get();
		if (tags.contains("*")) {
			return true;
		}
		if (!tags.contains(String.valueOf(version))) {
			throw ProjectProblemHandler.versionMismatch(projectId, version, String.join(" or ", tags)).exception();
		}
		request.setAttribute(EXPECTED, version);
		ExpectedVersion.expect(projectId, version);
		return true;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
		ExpectedVersion.clear();
	}

	/** The entity tags of an If-Match header: {@code *}, or versions; a weak tag matches nothing (strong comparison). */
	static List<String> parse(String header) {
		List<String> tags = new ArrayList<>();
		Matcher m = TAG.matcher(header);
		int at = 0;
		boolean more = true;
		while (more) {
			if (!m.find(at) || m.start() != at) {
				throw malformed();
			}
			if ("*".equals(m.group(1))) {
				tags.add("*");
			}
			else if (m.group(2) == null) {
				String value = m.group(3);
				if (!value.matches("\\d{1,18}")) {
					throw malformed();
				}
				tags.add(String.valueOf(Long.parseLong(value)));
			}
			else {
				tags.add("W/" + m.group(3));
			}
			at = m.end();
			more = !m.group(4).isEmpty();
		}
		if (tags.isEmpty() || at < header.length()) {
			throw malformed();
		}
		return tags;
	}

	private static InvalidRequestException malformed() {
		return InvalidRequestException.of(HEADER,
				"must be an entity tag from this project's ETag, such as \"3\", a comma-separated list of them, or *");
	}
}
