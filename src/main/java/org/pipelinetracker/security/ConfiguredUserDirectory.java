package org.pipelinetracker.security;

import org.pipelinetracker.kernel.UserDirectory;
import org.springframework.security.core.GrantedAuthority;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The configured users ({@link ConfiguredUsers}) as the {@link UserDirectory} other modules read. */
final class ConfiguredUserDirectory implements UserDirectory {

	private final List<DirectoryUser> users;

	ConfiguredUserDirectory(ConfiguredUsers configured) {
		this.users = configured.users().stream().map(u -> new DirectoryUser(u.getUsername(),
				u.getAuthorities().stream().map(GrantedAuthority::getAuthority).map(Role::ofAuthority)
						.flatMap(Optional::stream).map(Role::name).collect(Collectors.toSet()))).toList();
	}

	@Override
	public List<DirectoryUser> users() {
		return users;
	}
}
