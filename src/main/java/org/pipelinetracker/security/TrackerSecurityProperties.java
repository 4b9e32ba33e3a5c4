package org.pipelinetracker.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * {@code tracker.security.*}: who the users are and what anonymous visitors may read.
 *
 * @param publicRead      anonymous users may read projects, the pipeline, series, milestones, alerts, facilities,
 *                        rates, exports and the pages (never history, audit, admin or writes)
 * @param demoUsers       the four demo users ({@code recorder}, {@code finance}, {@code auditor}, {@code admin},
 *                        password {@code <name>-demo}); for the embedded default only
 * @param users           users from configuration, each with a BCrypt hash and roles
 * @param jwt             how a JWT (when a resource server is configured) names the user and the roles
 * @param credentialCache how long a successful BCrypt check of a username/password pair is remembered (0: never)
 */
@ConfigurationProperties("tracker.security")
record TrackerSecurityProperties(@DefaultValue("false") boolean publicRead, @DefaultValue("false") boolean demoUsers,
		List<User> users, @DefaultValue Jwt jwt, @DefaultValue("10m") Duration credentialCache) {

	TrackerSecurityProperties {
		users = users == null ? List.of() : List.copyOf(users);
	}

	/**
	 * One configured user.
	 *
	 * @param username     1-100 letters, digits or {@code . _ @ -}; becomes the {@code actor} of what they record
	 * @param passwordHash a BCrypt hash ({@code $2a$}, {@code $2b$} or {@code $2y$}, optionally prefixed {@code {bcrypt}})
	 * @param roles        any of RECORDER, FINANCE, AUDITOR, APPROVER, ADMIN; none means read-only
	 */
	record User(String username, String passwordHash, List<String> roles) {

		User {
			roles = roles == null ? List.of() : List.copyOf(roles);
		}

		@Override
		public String toString() {
			return "User[" + username + ", roles=" + roles + "]";
		}
	}

	/**
	 * Claims of a JWT.
	 *
	 * @param rolesClaim the claim holding the roles (a list or a space/comma separated string); a dotted name such
	 *                   as {@code realm_access.roles} walks into nested objects
	 * @param nameClaim  the claim naming the user (the actor); {@code sub} when it is missing
	 */
	record Jwt(@DefaultValue("roles") String rolesClaim, @DefaultValue("preferred_username") String nameClaim) {
	}
}
