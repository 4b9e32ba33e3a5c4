package org.pipelinetracker.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.pipelinetracker.http.Problems;
import org.pipelinetracker.http.Problems.Kind;
import org.pipelinetracker.kernel.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;
import java.util.Locale;

/**
 * A request the firewall of the security filter chain refuses ({@code StrictHttpFirewall}: a path that is not
 * normalised or holds {@code //}, {@code ;}, an encoded {@code /}, {@code \}, {@code %} or {@code .}, control
 * characters; a header or parameter with characters that are not allowed; an unknown method) is the problem
 * {@code /problems/request-rejected} (400) saying which part was wrong, instead of Spring's error page. The firewall's
 * own message (which may quote the hostile part) goes to the debug log only.
 */
final class FirewallRejections implements RequestRejectedHandler {

	private static final Logger log = LoggerFactory.getLogger(FirewallRejections.class);

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			RequestRejectedException rejected) throws IOException {
		log.debug("Refused by the firewall: {}", rejected.getMessage());
		Problems.of(Kind.REQUEST_REJECTED, reason(rejected.getMessage())).write(request, response);
	}

	/** Which part of the request was refused, from the firewall's message. */
	static Text reason(String message) {
		String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
		if (m.contains("header")) {
			return Text.of("problem.part.rejectedHeader");
		}
		if (m.contains("parameter")) {
			return Text.of("problem.part.rejectedParameter");
		}
		if (m.contains("domain") || m.contains("host")) {
			return Text.of("problem.part.rejectedHost");
		}
		if (m.contains("method")) {
			return Text.of("problem.part.rejectedMethod");
		}
		return Text.of("problem.part.rejectedPath");
	}
}
