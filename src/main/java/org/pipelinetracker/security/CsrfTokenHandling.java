package org.pipelinetracker.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.util.StringUtils;

import java.util.function.Supplier;

/**
 * Spring Security's handling for single-page applications ({@code csrf().spa()}): every answer to a browser sets the
 * {@code XSRF-TOKEN} cookie if it is missing, a token sent back in the {@code X-XSRF-TOKEN} header is read as it is,
 * one sent in a form as the masked value the page rendered. One difference: an API client that signs each request
 * itself (an {@code Authorization} header, no session, no {@code Sec-Fetch-Site} header, which every current browser
 * sends) gets no cookie it would never send back. Its token is still made if something asks for it. Which requests
 * must carry a token is unchanged ({@link CsrfRequirement}); making one for each such request cost a secure random
 * number, a masked copy and a cookie header.
 */
final class CsrfTokenHandling implements CsrfTokenRequestHandler {

	private final CsrfTokenRequestAttributeHandler plain = new CsrfTokenRequestAttributeHandler();
	private final XorCsrfTokenRequestAttributeHandler eager = new XorCsrfTokenRequestAttributeHandler();
	private final XorCsrfTokenRequestAttributeHandler deferred = new XorCsrfTokenRequestAttributeHandler();

	CsrfTokenHandling() {
		// no attribute name: the handler asks the token for its parameter name, which loads it (and sets the cookie)
		eager.setCsrfRequestAttributeName(null);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
		(signsEachRequest(request) ? deferred : eager).handle(request, response, csrfToken);
	}

	@Override
	public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
		String header = request.getHeader(csrfToken.getHeaderName());
		return (StringUtils.hasText(header) ? plain : eager).resolveCsrfTokenValue(request, csrfToken);
	}

	/** A client that is no browser session: credentials in each request, no session, not sent by a browser. */
	static boolean signsEachRequest(HttpServletRequest request) {
		return request.getHeader("Authorization") != null && request.getRequestedSessionId() == null
				&& request.getHeader("Sec-Fetch-Site") == null;
	}
}
