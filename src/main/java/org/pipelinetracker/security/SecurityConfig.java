package org.pipelinetracker.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.pipelinetracker.kernel.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import java.util.stream.Collectors;

/**
 * The security filter chain: {@link AccessRules} for authorization; HTTP Basic, form login ({@code /login},
 * {@code /logout}) and, when {@code spring.security.oauth2.resourceserver.jwt.*} is set, JWT bearer tokens for
 * authentication; CSRF for browser sessions ({@link CsrfRequirement}, token in the {@code XSRF-TOKEN} cookie, sent
 * back as {@code X-XSRF-TOKEN}); security headers; problem+json refusals ({@link ProblemResponses}).
 * <p>
 * When nobody can sign in (no configured users, demo users off, no JWT), the application still starts, but every
 * request that needs a user is refused with 401 and an ERROR line in the log says how to configure users. It never
 * runs open.
 * <p>
 * Only in a servlet web application: the command-line IATI import ({@code --spring.main.web-application-type=none})
 * has no HTTP endpoints to protect.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TrackerSecurityProperties.class)
class SecurityConfig {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

	@Bean
	ConfiguredUsers configuredUsers(TrackerSecurityProperties properties) {
		return ConfiguredUsers.from(properties);
	}

	/** The configured users and their roles, for the modules that tell users of something (notifications). */
	@Bean
	UserDirectory userDirectory(ConfiguredUsers users) {
		return new ConfiguredUserDirectory(users);
	}

	@Bean
	UserDetailsService trackerUsers(ConfiguredUsers users) {
		return new InMemoryUserDetailsManager(users.users());
	}

	@Bean
	PasswordEncoder passwordEncoder(TrackerSecurityProperties properties) {
		return new MemoizingPasswordEncoder(new BCryptPasswordEncoder(), properties.credentialCache());
	}

	/**
	 * No observation of each filter of the security chain: it timed every one of some fifteen filters of every request
	 * (by profile, a tenth of a simple GET's time and a fifth of what it allocated). The request as a whole is still
	 * observed ({@code http.server.requests}), and so are authentications and authorization decisions.
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.withDefaults().shouldObserveRequests(false).build();
	}

	/** The security headers on every answer of the application, also those given outside the filter chain. */
	@Bean
	FilterRegistrationBean<HeaderWriterFilter> securityHeaders() {
		return SecurityHeaders.filter();
	}

	/** The firewall's refusals ({@code //}, {@code ;}, {@code %25}, ...) are problems too. */
	@Bean
	WebSecurityCustomizer firewallRejections() {
		return web -> web.requestRejectedHandler(new FirewallRejections());
	}

	/** The servlet container's own errors (malformed requests, over-long headers) are problems too. */
	@Bean
	static ContainerErrors containerErrors() {
		return new ContainerErrors();
	}

	@Bean
	AccessRules accessRules() {
		return AccessRules.standard();
	}

	@Bean
	SecurityFilterChain trackerSecurity(HttpSecurity http, TrackerSecurityProperties properties, ConfiguredUsers users,
			AccessRules rules, ObjectProvider<JwtDecoder> jwtDecoders,
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> controllers)
			throws Exception {
		JwtDecoder jwtDecoder = jwtDecoders.getIfAvailable();
		boolean nobody = users.isEmpty() && jwtDecoder == null;
		report(properties, users, jwtDecoder != null, nobody);
		ProblemResponses problems = new ProblemResponses(rules, nobody, jwtDecoder != null,
				request -> isEndpoint(controllers.getObject(), request));

		http.authorizeHttpRequests(authorize -> {
			// the request that started an async (SSE) or error dispatch has already been authorized
			authorize.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll();
			for (AccessRules.Rule rule : rules.all()) {
				apply(authorize.requestMatchers(rule.matcher()), rule, properties.publicRead());
			}
			authorize.anyRequest().denyAll();
		});
		http.httpBasic(basic -> basic.realmName(ProblemResponses.REALM).authenticationEntryPoint(problems));
		// our own sign-in page at GET /login and sign-out page at GET /logout, in the visitor's language (SignInPage);
		// Spring Security handles POST /login (a failure: /login?error) and POST /logout
		http.formLogin(form -> form.loginPage("/login").permitAll());
		http.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll());
		if (jwtDecoder != null) {
			JwtUserConverter converter = new JwtUserConverter(properties.jwt());
			http.oauth2ResourceServer(resource -> resource
					.jwt(jwt -> jwt.decoder(jwtDecoder).jwtAuthenticationConverter(converter))
					.authenticationEntryPoint(problems).accessDeniedHandler(problems));
		}
		http.csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
				.csrfTokenRequestHandler(new CsrfTokenHandling()).requireCsrfProtectionMatcher(new CsrfRequirement()));
		// registered as the first default entry point, so it decides for every request: 401 problem for the API,
		// redirect to /login for pages
		http.exceptionHandling(exceptions -> exceptions
				.defaultAuthenticationEntryPointFor(problems, AnyRequestMatcher.INSTANCE).accessDeniedHandler(problems));
		http.requestCache(cache -> cache.requestCache(pageRequestCache()));
		http.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(SecurityHeaders.CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

	/** Whether a controller method answers this path (with any method or media type). */
	private static boolean isEndpoint(RequestMappingHandlerMapping controllers, HttpServletRequest request) {
		Object parsedPath = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
		try {
			ServletRequestPathUtils.parseAndCache(request);
			return controllers.getHandler(request) != null;
		}
		catch (Exception mappedButNotForThisRequest) {
			return true; // e.g. the method or the media type is not supported: the path exists
		}
		finally {
			request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, parsedPath);
		}
	}

	private static void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl url, AccessRules.Rule rule,
			boolean publicRead) {
		switch (rule.access()) {
			case OPEN -> url.permitAll();
			case READ -> {
				if (publicRead) {
					url.permitAll();
				}
				else {
					url.authenticated();
				}
			}
			case AUTHENTICATED -> url.authenticated();
			case ROLES -> url.hasAnyRole(rule.allowedRoles().stream().map(Role::name).toArray(String[]::new));
			case DENY -> url.denyAll();
		}
	}

	/** Only page requests are remembered for after the sign-in; API requests never create a session. */
	private static HttpSessionRequestCache pageRequestCache() {
		HttpSessionRequestCache cache = new HttpSessionRequestCache();
		RequestMatcher page = request -> "GET".equals(request.getMethod()) && !ProblemResponses.isApi(request)
				&& !ProblemResponses.isBrowserBackground(request);
		cache.setRequestMatcher(page);
		return cache;
	}

	private static void report(TrackerSecurityProperties properties, ConfiguredUsers users, boolean jwt,
			boolean nobody) {
		String names = users.users().stream().map(u -> u.getUsername() + u.getAuthorities().stream()
				.map(a -> a.getAuthority().replace(Role.PREFIX, "")).collect(Collectors.joining(",", "[", "]")))
				.collect(Collectors.joining(" "));
		log.info("Security: {} configured user(s), demo users {}, JWT resource server {}, public read {}; users: {}",
				users.configuredCount(), users.demoUsers() ? "ON" : "off", jwt ? "ON" : "off",
				properties.publicRead() ? "ON" : "off", names.isEmpty() ? "(none)" : names);
		if (users.demoUsers()) {
			log.warn("Security: the demo users (recorder, finance, auditor, admin with password <name>-demo) are "
					+ "enabled. Never enable tracker.security.demo-users on a server others can reach.");
		}
		if (nobody) {
			log.error("Security: NO USERS ARE CONFIGURED and no JWT issuer is set, so nobody can sign in: every write "
					+ "(and every read{}) is refused with 401. Configure users with tracker.security.users[0].username, "
					+ ".password-hash (a BCrypt hash: java -jar pipeline-tracker.jar hash-password) and .roles "
					+ "(RECORDER, FINANCE, AUDITOR, APPROVER, ADMIN), or an OIDC issuer with "
					+ "spring.security.oauth2.resourceserver.jwt.issuer-uri; see the README, section Security.",
					properties.publicRead() ? " except the public ones" : "");
		}
	}
}
