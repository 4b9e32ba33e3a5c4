package org.pipelinetracker.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;

/**
 * The security headers of every answer ({@code Content-Security-Policy}, {@code Referrer-Policy},
 * {@code X-Content-Type-Options}, {@code X-Frame-Options}, {@code Cache-Control} and the rest of Spring Security's
 * defaults). Spring Security writes them for what its filter chain answers; {@link #filter()}, registered before every
 * other filter and for error dispatches too, writes the same ones for every other answer of the application: a body
 * over the limit refused before the chain, a request the chain's firewall refuses, the error page. The container's
 * own errors ({@link ContainerErrors}) write them with {@link #write}. Like Spring Security's, each header is written
 * when the answer is committed, unless it is already there (the caching of {@code /api/reference} keeps its own).
 */
final class SecurityHeaders {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
			+ "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

	/** The headers no answer of the application sets itself: written first, so also on an answer nobody writes to. */
	private static final List<HeaderWriter> FIXED = List.of(new XContentTypeOptionsHeaderWriter(),
			new XXssProtectionHeaderWriter(), new HstsHeaderWriter(), new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY),
			new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY),
			new ReferrerPolicyHeaderWriter(ReferrerPolicy.SAME_ORIGIN));

	/** Spring Security's default writers, with our policy and referrer policy, in its order. */
	private static final List<HeaderWriter> WRITERS = List.of(new XContentTypeOptionsHeaderWriter(),
			new XXssProtectionHeaderWriter(), new CacheControlHeadersWriter(), new HstsHeaderWriter(),
			new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY),
			new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY),
			new ReferrerPolicyHeaderWriter(ReferrerPolicy.SAME_ORIGIN));

	private SecurityHeaders() {
	}

	/** Writes the headers that are not there yet, now. */
	static void write(HttpServletRequest request, HttpServletResponse response) {
		WRITERS.forEach(writer -> writer.writeHeaders(request, response));
	}

	/** First of all filters, for requests, error dispatches and async dispatches alike. */
	static FilterRegistrationBean<HeaderWriterFilter> filter() {
		FilterRegistrationBean<HeaderWriterFilter> registration = new FilterRegistrationBean<>(new EveryDispatch());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC,
				DispatcherType.FORWARD));
		registration.setName("securityHeaders");
		return registration;
	}

	/**
	 * Spring Security's filter (headers on commit, unless present), also on error and async dispatches; the
	 * {@link #FIXED} ones right away, for an answer the container commits without anyone writing to it (the welcome
	 * page's forward answering {@code HEAD}).
	 */
	private static final class EveryDispatch extends HeaderWriterFilter {

		EveryDispatch() {
			super(WRITERS);
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
				FilterChain filterChain) throws ServletException, IOException {
			FIXED.forEach(writer -> writer.writeHeaders(request, response));
			super.doFilterInternal(request, response, filterChain);
		}

		@Override
		protected boolean shouldNotFilterErrorDispatch() {
			return false;
		}

		@Override
		protected boolean shouldNotFilterAsyncDispatch() {
			return false;
		}
	}
}
