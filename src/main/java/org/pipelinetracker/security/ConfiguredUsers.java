package org.pipelinetracker.security;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The users who can sign in with a password: the configured ones ({@code tracker.security.users}) and, when
 * {@code tracker.security.demo-users=true}, the four demo users. A configuration mistake (a hash that is not BCrypt,
 * an unknown role, a duplicate or malformed name) stops start-up with the property at fault.
 */
final class ConfiguredUsers {

	static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._@-]{1,100}");
	static final Pattern BCRYPT = Pattern.compile("\\$2[aby]?\\$\\d\\d\\$[./0-9A-Za-z]{53}");
	private static final String BCRYPT_PREFIX = "{bcrypt}";

	/** The demo users: name, BCrypt hash (cost 10) of {@code <name>-demo}, role. */
	static final List<TrackerSecurityProperties.User> DEMO_USERS = List.of(
			demo("recorder", "$2a$10$l2nYUpBVFx7Qjs4e8b3vb.3I1AcYsyTDfaYRqI2PZduL/f0i3B0OG", Role.RECORDER),
			demo("finance", "$2a$10$rZPvOoQy91QBku0hv4ss/ed00lSbhpfkIDfoqqk5ynE3g9ZJyo9Ga", Role.FINANCE),
			demo("auditor", "$2a$10$MNc6A9w6oqNPq1Mz4qHvquH.jYckP11LQVDYheU7I6gexSFhHIl46", Role.AUDITOR),
			demo("admin", "$2a$10$SmT48bgdX.Flas/IAn.L8u4ZIoQZRUlF.Cqw0DDFFGARg1e9bWfIK", Role.ADMIN));

	private final List<UserDetails> users;
	private final int configured;
	private final boolean demo;

	private ConfiguredUsers(List<UserDetails> users, int configured, boolean demo) {
		this.users = List.copyOf(users);
		this.configured = configured;
		this.demo = demo;
	}

	static ConfiguredUsers from(TrackerSecurityProperties properties) {
		Map<String, UserDetails> byName = new LinkedHashMap<>();
		List<TrackerSecurityProperties.User> configured = properties.users();
		for (int i = 0; i < configured.size(); i++) {
			add(byName, configured.get(i), "tracker.security.users[" + i + "]");
		}
		if (properties.demoUsers()) {
			for (TrackerSecurityProperties.User user : DEMO_USERS) {
				add(byName, user, "demo user '" + user.username() + "'");
			}
		}
		return new ConfiguredUsers(new ArrayList<>(byName.values()), configured.size(), properties.demoUsers());
	}

	List<UserDetails> users() {
		return users;
	}

	boolean isEmpty() {
		return users.isEmpty();
	}

	int configuredCount() {
		return configured;
	}

	boolean demoUsers() {
		return demo;
	}

	private static void add(Map<String, UserDetails> byName, TrackerSecurityProperties.User user, String where) {
		String name = user.username() == null ? "" : user.username().strip();
		if (!USERNAME.matcher(name).matches()) {
			throw new IllegalStateException(where + ".username must be 1-100 letters, digits or '.', '_', '@', '-' (got '"
					+ name + "')");
		}
		if (byName.containsKey(name)) {
			throw new IllegalStateException(where + ": user '" + name + "' is defined twice"
					+ (DEMO_USERS.stream().anyMatch(d -> d.username().equals(name))
							? " (it is also a demo user: turn tracker.security.demo-users off or pick another name)" : ""));
		}
		String hash = user.passwordHash() == null ? "" : user.passwordHash().strip();
		if (hash.startsWith(BCRYPT_PREFIX)) {
			hash = hash.substring(BCRYPT_PREFIX.length());
		}
		if (!BCRYPT.matcher(hash).matches()) {
			throw new IllegalStateException(where + ".password-hash must be a BCrypt hash such as $2a$10$… (make one "
					+ "with: java -jar pipeline-tracker.jar hash-password); plain-text passwords are not accepted");
		}
		List<String> authorities = new ArrayList<>();
		for (String text : user.roles()) {
			Optional<Role> role = Role.parse(text);
			if (role.isEmpty()) {
				throw new IllegalStateException(where + ".roles: unknown role '" + text + "' (roles: RECORDER, FINANCE, "
						+ "AUDITOR, APPROVER, ADMIN)");
			}
			authorities.add(role.get().authority());
		}
		byName.put(name, User.withUsername(name).password(hash).authorities(authorities.toArray(String[]::new)).build());
	}

	private static TrackerSecurityProperties.User demo(String name, String hash, Role role) {
		return new TrackerSecurityProperties.User(name, hash, List.of(role.name()));
	}
}
