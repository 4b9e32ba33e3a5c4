package org.pipelinetracker.audit.replay;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * While a replay runs, queries keep answering from the tables being rebuilt, and say so: every API read carries
 * {@code X-Read-Model-Status: rebuilding} and the processors still catching up in {@code X-Rebuilding}.
 */
@Component
class RebuildingFlag extends OncePerRequestFilter {

	static final String STATUS_HEADER = "X-Read-Model-Status";
	static final String REBUILDING_HEADER = "X-Rebuilding";

	private final ReplayService replays;

	RebuildingFlag(ReplayService replays) {
		this.replays = replays;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"GET".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		List<String> rebuilding = replays.rebuilding();
		if (!rebuilding.isEmpty()) {
			response.setHeader(STATUS_HEADER, "rebuilding");
			response.setHeader(REBUILDING_HEADER, String.join(",", rebuilding));
		}
		chain.doFilter(request, response);
	}
}
