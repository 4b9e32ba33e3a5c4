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
 * {@code tracker.http.max-import-size} for {@code /api/import/**}, {@code tracker.documents.max-size} (and 64 KB for the
 * form's other fields) for a document upload ({@code POST /api/projects/{id}/documents}), {@code tracker.reporting.max-size}
 * (and the same 64 KB) for a reporting upload ({@code POST /api/reporting/uploads}: a file a little over its limit is
 * read and refused there with 400). A declared Content-Length above it is refused
 * before anything is read; a body without one (chunked) stops with {@link BodyTooLargeException} at the limit, which
 * the error handler answers with 413 too.
 */
class BodyLimitFilter extends OncePerRequestFilter {

	/** A document upload's form fields and multipart framing, beside the file itself. */
	static final long FORM_ALLOWANCE = 64 * 1024;
	private static final java.util.regex.Pattern DOCUMENTS = java.util.regex.Pattern.compile("/api/projects/[^/]+/documents");

	private final long maxBody;
	private final long maxImport;
	private final long maxDocument;
	private final long maxReport;

	BodyLimitFilter(long maxBody, long maxImport) {
		this(maxBody, maxImport, maxBody);
	}

	BodyLimitFilter(long maxBody, long maxImport, long maxDocument) {
		this(maxBody, maxImport, maxDocument, maxBody);
	}

	BodyLimitFilter(long maxBody, long maxImport, long maxDocument, long maxReport) {
		this.maxBody = maxBody;
		this.maxImport = maxImport;
		this.maxDocument = maxDocument;
		this.maxReport = maxReport;
	}

	long limitFor(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/api/import/")) {
			return maxImport;
		}
		if ("POST".equals(request.getMethod()) && DOCUMENTS.matcher(path).matches()) {
			return Math.max(maxBody, maxDocument + FORM_ALLOWANCE);
		}
		if ("POST".equals(request.getMethod()) && "/api/reporting/uploads".equals(path)) {
			return Math.max(maxBody, maxReport + FORM_ALLOWANCE);
		}
		return maxBody;
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
