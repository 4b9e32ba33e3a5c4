package org.pipelinetracker.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.pipelinetracker.http.Problems;
import org.pipelinetracker.http.Problems.Kind;
import org.pipelinetracker.http.Problem;
import org.pipelinetracker.kernel.Text;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a refused request gets. Under {@code /api}, {@code /actuator} and {@code /v3/api-docs}: RFC 9457
 * {@code application/problem+json}, 401 ({@code /problems/unauthorized}, with a {@code WWW-Authenticate} challenge)
 * or 403; never a redirect. Pages: a redirect to {@code /login} (401). A 403 is the same problem everywhere
 * ({@code /problems/forbidden} naming the roles that would pass, or {@code /problems/csrf}, also for the sign-in
 * and sign-out forms sent without their token).
 * <p>
 * Browsers (requests with {@code Sec-Fetch-Mode} or {@code X-Requested-With}) get no {@code Basic} challenge, so they
 * never open their own password dialog and never start sending cached Basic credentials with every request.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	static final String REALM = "pipeline-tracker";

	private final AccessRules rules;
	private final boolean noUsers;
	private final boolean bearer;
	private final Predicate<HttpServletRequest> isEndpoint;
	private final AuthenticationEntryPoint loginPage = new LoginUrlAuthenticationEntryPoint("/login");

	/**
	 * @param noUsers nobody can sign in (no users, no demo users, no JWT): the 401 says so
	 * @param bearer     a JWT resource server is configured: the 401 offers a Bearer challenge too
	 * @param isEndpoint whether a controller answers this path: a signed-in user asking for a path under /api that
	 *                   nothing answers gets 404 ({@code /problems/not-found}), not 403
	 */
	ProblemResponses(AccessRules rules, boolean noUsers, boolean bearer, Predicate<HttpServletRequest> isEndpoint) {
		this.rules = rules;
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
		Problem problem = Problems.of(noUsers ? Kind.NO_USERS
				: ex instanceof BadCredentialsException ? Kind.BAD_CREDENTIALS
				: ex instanceof InvalidBearerTokenException ? Kind.INVALID_BEARER_TOKEN
				: bearer ? Kind.SIGN_IN_FIRST_OR_BEARER : Kind.SIGN_IN_FIRST);
		if (ex instanceof InvalidBearerTokenException) {
			problem.header(HttpHeaders.WWW_AUTHENTICATE,
					"Bearer error=\"invalid_token\", error_description=\"The token is not valid\"");
		}
		else {
			if (!isBrowser(request)) {
				problem.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
			}
			if (bearer) {
				problem.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
			}
		}
		write(problem, request, response);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException, ServletException {
		if (ex instanceof CsrfException) {
			write(Problems.of(Kind.CSRF_TOKEN_MISSING), request, response);
			return;
		}
		Optional<AccessRules.Rule> rule = rules.ruleFor(request);
		String method = request.getMethod();
		String path = path(request);
		if (rule.map(r -> r.access() == AccessRules.Access.DENY).orElse(true) && !isEndpoint.test(request)) {
			write(Problems.of(Kind.NO_ENDPOINT, method, path), request, response);
			return;
		}
		List<String> required = rule.map(r -> r.allowedRoles().stream().map(Role::name).toList()).orElse(List.of());
		Text who = describeUser();
		Problem problem = required.isEmpty() ? Problems.of(Kind.NO_ROLE_MAY, method, path, who)
				: Problems.of(Kind.ROLE_REQUIRED, alternatives(required), method, path, who);
		write(problem.with("requiredRoles", required), request, response);
	}

	/** Who is signed in and with which roles (empty for nobody). */
	private static Text describeUser() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null) {
			return Text.verbatim("");
		}
		List<String> roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
				.map(Role::ofAuthority).flatMap(Optional::stream).map(Role::name).toList();
		Text signedIn = Text.of(roles.isEmpty() ? "problem.part.signedInWithoutRole"
				: roles.size() == 1 ? "problem.part.signedInWithRole" : "problem.part.signedInWithRoles");
		return signedIn.with("user", auth.getName()).with("roles", String.join(", ", roles));
	}

	/** "A or B or C": the roles that may, each one a role's code as {@code requiredRoles} names it. */
	private static Object alternatives(List<String> roles) {
		Object either = roles.get(0);
		for (String role : roles.subList(1, roles.size())) {
			either = Text.of("problem.part.or").with("first", either).with("second", role);
		}
		return either;
	}

	/** Security's refusals have always declared their charset in the Content-Type; the rest is as every problem. */
	private static void write(Problem problem, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		if (!response.isCommitted()) {
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		}
		problem.write(request, response);
	}

	private static String path(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String context = request.getContextPath();
		return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
	}
}
