package org.pipelinetracker.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A verified JWT as a user: the name from the configured claim ({@code preferred_username} by default, {@code sub}
 * when it is absent) becomes the actor; the roles come from the configured claim ({@code roles} by default, a dotted
 * name such as {@code realm_access.roles} walks into nested objects), a list or a space/comma separated string. Role
 * names are matched case-insensitively, with or without {@code ROLE_}; names that are not roles of the tracker are
 * ignored.
 */
final class JwtUserConverter implements Converter<Jwt, AbstractAuthenticationToken> {

	private final String rolesClaim;
	private final String nameClaim;

	JwtUserConverter(TrackerSecurityProperties.Jwt settings) {
		this.rolesClaim = settings.rolesClaim();
		this.nameClaim = settings.nameClaim();
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		return new JwtAuthenticationToken(jwt, authorities(jwt), name(jwt));
	}

	String name(Jwt jwt) {
		String name = jwt.getClaimAsString(nameClaim);
		return name != null && !name.isBlank() ? name : jwt.getSubject();
	}

	Collection<GrantedAuthority> authorities(Jwt jwt) {
		Set<GrantedAuthority> authorities = new LinkedHashSet<>();
		for (String value : values(claim(jwt.getClaims(), rolesClaim))) {
			Role.parse(value).ifPresent(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
		}
		return List.copyOf(authorities);
	}

	private static Object claim(Map<String, Object> claims, String path) {
		if (claims.containsKey(path)) {
			return claims.get(path);
		}
		Object current = claims;
		for (String part : path.split("\\.")) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(part);
		}
		return current;
	}

	private static List<String> values(Object claim) {
		if (claim instanceof Collection<?> collection) {
			return collection.stream().map(String::valueOf).toList();
		}
		return Optional.ofNullable(claim).map(String::valueOf).map(s -> List.of(s.split("[,\\s]+"))).orElse(List.of());
	}
}
