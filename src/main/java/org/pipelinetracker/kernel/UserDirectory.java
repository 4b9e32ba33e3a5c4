package org.pipelinetracker.kernel;

import java.util.List;
import java.util.Set;

/**
 * The users who can sign in with a password, and their roles: what a module needs to know who should be told of
 * something (the notifications), without depending on the module that authenticates them ({@code security} implements
 * it from its configured users). Users known only from an OIDC token are not listed: they are not configured.
 */
public interface UserDirectory {

	/**
	 * One configured user.
	 *
	 * @param username the name they sign in with
	 * @param roles    their roles by name ({@code RECORDER}, {@code FINANCE}, {@code AUDITOR}, {@code ADMIN})
	 */
	record DirectoryUser(String username, Set<String> roles) {

		public DirectoryUser {
			roles = Set.copyOf(roles);
		}
	}

	/** Every configured user, in the order of the configuration. */
	List<DirectoryUser> users();
}
