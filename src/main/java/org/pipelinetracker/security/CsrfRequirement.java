package org.pipelinetracker.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.Set;

/**
 * Which requests must carry a CSRF token: the unsafe ones (not GET, HEAD, TRACE, OPTIONS) that a browser could send
 * with credentials it attaches on its own, that is
 * <ul>
 * <li>the sign-in and sign-out forms ({@code /login}, {@code /logout});</li>
 * <li>requests with a session cookie (the web UI after form login);</li>
 * <li>requests with an {@code Authorization} header that a browser marks as coming from another site
 * ({@code Sec-Fetch-Site: cross-site} or {@code same-site}): Basic credentials a browser remembered.</li>
 * </ul>
 * API clients that send {@code Authorization: Basic …} or {@code Bearer …} themselves (curl, scripts, other
 * services) need no token, and neither do requests with no credentials at all: they are refused with 401 anyway.
 */
final class CsrfRequirement implements RequestMatcher {

	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "TRACE", "OPTIONS");

	@Override
	public boolean matches(HttpServletRequest request) {
		if (SAFE_METHODS.contains(request.getMethod())) {
			return false;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.equals("/login") || path.equals("/logout")) {
			return true;
		}
		if (request.getRequestedSessionId() != null) {
			return true;
		}
		String site = request.getHeader("Sec-Fetch-Site");
		return request.getHeader("Authorization") != null && site != null
				&& (site.equalsIgnoreCase("cross-site") || site.equalsIgnoreCase("same-site"));
	}
}
