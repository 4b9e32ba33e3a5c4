package org.pipelinetracker.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/me}: who the caller is, for the web UI. Anonymous callers get 401, or, when public read is on,
 * {@code {"authenticated": false, "username": null, "roles": [], "publicRead": true}}.
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@RestController
class MeController {

	private final boolean publicRead;

	MeController(TrackerSecurityProperties properties) {
		this.publicRead = properties.publicRead();
	}

	/**
	 * @param authenticated whether the caller is signed in
	 * @param username      the user's name (the actor of what they record), or null
	 * @param roles         the roles granted (ADMIN implies every other), in the order RECORDER, FINANCE, AUDITOR,
	 *                      APPROVER, ADMIN
	 * @param publicRead    whether anonymous visitors may read
	 */
	record Me(boolean authenticated, String username, List<String> roles, boolean publicRead) {
	}

	@GetMapping(path = "/api/me", produces = "application/json")
	Me me(Principal principal) {
		if (!(principal instanceof Authentication authentication) || !authentication.isAuthenticated()) {
			return new Me(false, null, List.of(), publicRead);
		}
		List<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
				.map(Role::ofAuthority).flatMap(Optional::stream).distinct().sorted().map(Role::name).toList();
		return new Me(true, authentication.getName(), roles, publicRead);
	}
}
