package org.pipelinetracker.security;

import java.util.Locale;
import java.util.Optional;

/**
 * The roles of the tracker. {@link #ADMIN} may do everything the others may, plus replay, import and dead letters.
 */
enum Role {
	/** Proposes projects, records agreements and milestones, changes stages. */
	RECORDER,
	/** Commits, disburses and corrects funding; opens credit facilities. */
	FINANCE,
	/** Reads the history, the audit trail and the chain, and runs the consistency check. */
	AUDITOR,
	/** Approves or rejects money entries others submitted (four-eyes), as FINANCE may; records nothing itself. */
	APPROVER,
	/** Everything above, plus replay, IATI import and dead letters. */
	ADMIN;

	static final String PREFIX = "ROLE_";

	String authority() {
		return PREFIX + name();
	}

	/** A role named in configuration or a token: case-insensitive, with or without the {@code ROLE_} prefix. */
	static Optional<Role> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String name = text.strip().toUpperCase(Locale.ROOT);
		if (name.startsWith(PREFIX)) {
			name = name.substring(PREFIX.length());
		}
		for (Role role : values()) {
			if (role.name().equals(name)) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

	/** The role behind a granted authority, if it is one of ours. */
	static Optional<Role> ofAuthority(String authority) {
		return authority != null && authority.startsWith(PREFIX) ? parse(authority) : Optional.empty();
	}
}
