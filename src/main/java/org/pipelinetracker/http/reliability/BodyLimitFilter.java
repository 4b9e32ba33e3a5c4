package org.pipelinetracker.http.reliability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.pipelinetracker.http.Problems;
import org.pipelinetracker.http.Problems.Kind;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses request bodies above the limit with 413 problem+json: {@code tracker.http.max-body-size} for the API,
 * {@code tracker.http.max-import-size} for {@code /api/import/**}. A declared Content-Length above it is refused
 * before anything is read; a body without one (chunked) stops with {@link BodyTooLargeException} at the limit, which
 * the error handler answers with 413 too.
 */
class BodyLimitFilter extends OncePerRequestFilter {

	private final long maxBody;
	private final long maxImport;

	BodyLimitFilter(long maxBody, long maxImport) {
		this.maxBody = maxBody;
		this.maxImport = maxImport;
	}

	long limitFor(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/api/import/") ? maxImport : maxBody;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long limit = limitFor(request);
		long length = request.getContentLengthLong();
		if (length > limit) {
			Problems.of(Kind.BODY_TOO_LARGE, length, limit).with("limit", limit).write(request, response);
			return;
		}
		chain.doFilter(new LimitedRequest(request, limit), response);
	}
}
