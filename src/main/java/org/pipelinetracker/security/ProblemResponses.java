package org.pipelinetracker.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a refused request gets. Under {@code /api}, {@code /actuator} and {@code /v3/api-docs}: RFC 9457
 * {@code application/problem+json}, 401 ({@code /problems/unauthorized}, with a {@code WWW-Authenticate} challenge)
 * or 403 ({@code /problems/forbidden} naming the roles that would pass, or {@code /problems/csrf}); never a
 * redirect. Pages: a redirect to {@code /login} (401) or the error page (403).
 * <p>
 * Browsers (requests with {@code Sec-Fetch-Mode} or {@code X-Requested-With}) get no {@code Basic} challenge, so they
 * never open their own password dialog and never start sending cached Basic credentials with every request.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	static final String REALM = "pipeline-tracker";
	static final String UNAUTHORIZED = "/problems/unauthorized";
	static final String FORBIDDEN = "/problems/forbidden";
	static final String CSRF = "/problems/csrf";

	private final AccessRules rules;
	private final JsonMapper json;
	private final boolean noUsers;
	private final boolean bearer;
	private final Predicate<HttpServletRequest> isEndpoint;
	private final AuthenticationEntryPoint loginPage = new LoginUrlAuthenticationEntryPoint("/login");
	private final AccessDeniedHandler errorPage = new AccessDeniedHandlerImpl();

	/**
	 * @param noUsers nobody can sign in (no users, no demo users, no JWT): the 401 says so
	 * @param bearer     a JWT resource server is configured: the 401 offers a Bearer challenge too
	 * @param isEndpoint whether a controller answers this path: a signed-in user asking for a path under /api that
	 *                   nothing answers gets 404 ({@code /problems/not-found}), not 403
	 */
	ProblemResponses(AccessRules rules, JsonMapper json, boolean noUsers, boolean bearer,
			Predicate<HttpServletRequest> isEndpoint) {
		this.rules = rules;
		this.json = json;
		this.noUsers = noUsers;
		this.bearer = bearer;
		this.isEndpoint = isEndpoint;
	}

	static boolean isApi(HttpServletRequest request) {
		String path = path(request);
		return path.equals("/api") || path.startsWith("/api/") || path.startsWith("/actuator")
				|| path.startsWith("/v3/api-docs");
	}

	static boolean isBrowser(HttpServletRequest request) {
		return request.getHeader("Sec-Fetch-Mode") != null
				|| "XMLHttpRequest".equalsIgnoreCase(request.getHeader("X-Requested-With"));
	}

	/** A request a page's script makes (fetch, XHR), as opposed to a page the user navigates to. */
	static boolean isBrowserBackground(HttpServletRequest request) {
		String mode = request.getHeader("Sec-Fetch-Mode");
		return "XMLHttpRequest".equalsIgnoreCase(request.getHeader("X-Requested-With"))
				|| (mode != null && !mode.equalsIgnoreCase("navigate"));
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException, ServletException {
		if (!isApi(request)) {
			loginPage.commence(request, response, ex);
			return;
		}
		if (ex instanceof InvalidBearerTokenException) {
			response.addHeader("WWW-Authenticate",
					"Bearer error=\"invalid_token\", error_description=\"The token is not valid\"");
		}
		else {
			if (!isBrowser(request)) {
				response.addHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
			}
			if (bearer) {
				response.addHeader("WWW-Authenticate", "Bearer");
			}
		}
		String detail;
		if (noUsers) {
			detail = "No users are configured on this server, so every request that needs a user is refused. "
					+ "An administrator must configure tracker.security.users (or an OIDC issuer); see the README, "
					+ "section Security.";
		}
		else if (ex instanceof BadCredentialsException) {
			detail = "The username or password is wrong.";
		}
		else if (ex instanceof InvalidBearerTokenException) {
			detail = "The bearer token is not valid (signature, issuer or expiry).";
		}
		else {
			detail = "Sign in first: send HTTP Basic credentials" + (bearer ? " or a bearer token" : "")
					+ ", or sign in at /login.";
		}
		write(response, HttpStatus.UNAUTHORIZED, UNAUTHORIZED, "Unauthorized", detail, request, Map.of());
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException, ServletException {
		if (!isApi(request)) {
			errorPage.handle(request, response, ex);
			return;
		}
		if (ex instanceof CsrfException) {
			write(response, HttpStatus.FORBIDDEN, CSRF, "Missing or invalid CSRF token", "This request is "
					+ "authenticated by a session cookie, so it must carry the header X-XSRF-TOKEN with the value of "
					+ "the XSRF-TOKEN cookie (a form: the field _csrf). Requests with an Authorization header need "
					+ "none.", request, Map.of());
			return;
		}
		Optional<AccessRules.Rule> rule = rules.ruleFor(request);
		String what = request.getMethod() + " " + path(request);
		if (rule.map(r -> r.access() == AccessRules.Access.DENY).orElse(true) && !isEndpoint.test(request)) {
			write(response, HttpStatus.NOT_FOUND, "/problems/not-found", "Not found", "There is no endpoint " + what
					+ ".", request, Map.of());
			return;
		}
		List<String> required = rule.map(r -> r.allowedRoles().stream().map(Role::name).toList()).orElse(List.of());
		String who = describeUser();
		String detail = required.isEmpty()
				? "No role may use " + what + ": it is not part of this API. " + who
				: "Role " + String.join(" or ", required) + " is needed for " + what + ". " + who;
		write(response, HttpStatus.FORBIDDEN, FORBIDDEN, "Forbidden", detail, request,
				Map.of("requiredRoles", required));
	}

	private static String describeUser() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null) {
			return "";
		}
		List<String> roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
				.map(Role::ofAuthority).flatMap(Optional::stream).map(Role::name).toList();
		return "You are signed in as '" + auth.getName() + "' with "
				+ (roles.isEmpty() ? "no role." : "role" + (roles.size() > 1 ? "s " : " ") + String.join(", ", roles) + ".");
	}

	private void write(HttpServletResponse response, HttpStatus status, String type, String title, String detail,
			HttpServletRequest request, Map<String, Object> extra) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", type);
		problem.put("title", title);
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", path(request));
		problem.putAll(extra);
		response.setStatus(status.value());
		response.setContentType("application/problem+json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getOutputStream().write(json.writeValueAsBytes(problem));
	}

	private static String path(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String context = request.getContextPath();
		return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
	}
}
