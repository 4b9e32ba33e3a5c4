package org.pipelinetracker.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pieces without a server: configured users, the JWT mapping, the credential cache and {@code hash-password}.
 */
class SecurityUnitsTest {

	private static final String HASH = "$2a$04$gr80lQ3ALdgQVPrgH4mdI.BDA3Ka/BAFYh1U1fgjga5wf5p6hbTrS";

	private static TrackerSecurityProperties properties(boolean demo, TrackerSecurityProperties.User... users) {
		return new TrackerSecurityProperties(false, demo, List.of(users),
				new TrackerSecurityProperties.Jwt("roles", "preferred_username"), Duration.ofMinutes(10));
	}

	@Test
	void configuredUsersGetTheirRolesAndTheDemoUsersTheirsWhenOn() {
		ConfiguredUsers users = ConfiguredUsers.from(properties(true,
				new TrackerSecurityProperties.User("amina", "{bcrypt}" + HASH, List.of("recorder", "ROLE_FINANCE"))));
		assertThat(users.users()).extracting(u -> u.getUsername()).containsExactly("amina", "recorder", "finance",
				"auditor", "admin");
		assertThat(users.users().get(0).getAuthorities()).extracting(GrantedAuthority::getAuthority)
				.containsExactlyInAnyOrder("ROLE_RECORDER", "ROLE_FINANCE");
		assertThat(users.users().get(0).getPassword()).isEqualTo(HASH);
		BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
		for (int i = 1; i < 5; i++) {
			String name = users.users().get(i).getUsername();
			assertThat(bcrypt.matches(name + "-demo", users.users().get(i).getPassword())).as(name).isTrue();
		}
		assertThat(ConfiguredUsers.from(properties(false)).isEmpty()).isTrue();

		// htpasswd -bnBC 10 writes $2y$ hashes
		String htpasswd = new BCryptPasswordEncoder(BCryptPasswordEncoder.BCryptVersion.$2Y, 4).encode("from htpasswd");
		ConfiguredUsers fromHtpasswd = ConfiguredUsers.from(properties(false,
				new TrackerSecurityProperties.User("amina", htpasswd, List.of("AUDITOR"))));
		assertThat(new BCryptPasswordEncoder().matches("from htpasswd", fromHtpasswd.users().get(0).getPassword())).isTrue();
	}

	@Test
	void aMistakeInTheUsersStopsStartUpNamingTheProperty() {
		assertThatThrownBy(() -> ConfiguredUsers.from(properties(false,
				new TrackerSecurityProperties.User("amina", "secret", List.of("RECORDER")))))
				.hasMessageContaining("tracker.security.users[0].password-hash must be a BCrypt hash")
				.hasMessageContaining("hash-password");
		assertThatThrownBy(() -> ConfiguredUsers.from(properties(false,
				new TrackerSecurityProperties.User("amina", HASH, List.of("SUPERUSER")))))
				.hasMessageContaining("tracker.security.users[0].roles: unknown role 'SUPERUSER'");
		assertThatThrownBy(() -> ConfiguredUsers.from(properties(true,
				new TrackerSecurityProperties.User("admin", HASH, List.of("ADMIN")))))
				.hasMessageContaining("user 'admin' is defined twice").hasMessageContaining("also a demo user");
		assertThatThrownBy(() -> ConfiguredUsers.from(properties(false,
				new TrackerSecurityProperties.User("<b>x</b>", HASH, List.of()))))
				.hasMessageContaining("tracker.security.users[0].username must be");
	}

	@Test
	void aJwtNamesItsUserAndRolesFromTheConfiguredClaims() {
		Jwt keycloak = Jwt.withTokenValue("t").header("alg", "RS256").subject("f81d4fae")
				.claim("preferred_username", "amina")
				.claim("realm_access", Map.of("roles", List.of("offline_access", "finance", "ROLE_AUDITOR")))
				.issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
		JwtUserConverter nested = new JwtUserConverter(new TrackerSecurityProperties.Jwt("realm_access.roles", "preferred_username"));
		assertThat(nested.convert(keycloak).getName()).isEqualTo("amina");
		assertThat(nested.convert(keycloak).getAuthorities()).extracting(GrantedAuthority::getAuthority)
				.containsExactly("ROLE_FINANCE", "ROLE_AUDITOR");

		JwtUserConverter byEmail = new JwtUserConverter(new TrackerSecurityProperties.Jwt("groups", "email"));
		assertThat(byEmail.convert(keycloak).getName()).as("no email claim: the subject").isEqualTo("f81d4fae");
		assertThat(byEmail.convert(keycloak).getAuthorities()).isEmpty();
	}

	@Test
	void aSuccessfulPasswordCheckIsRememberedAndAFailedOneNever() {
		AtomicInteger checks = new AtomicInteger();
		PasswordEncoder counting = new PasswordEncoder() {
			final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);

			@Override
			public String encode(CharSequence raw) {
				return bcrypt.encode(raw);
			}

			@Override
			public boolean matches(CharSequence raw, String encoded) {
				checks.incrementAndGet();
				return bcrypt.matches(raw, encoded);
			}
		};
		MemoizingPasswordEncoder encoder = new MemoizingPasswordEncoder(counting, Duration.ofMinutes(10));
		assertThat(encoder.matches("test-password", HASH)).isTrue();
		assertThat(encoder.matches("test-password", HASH)).isTrue();
		assertThat(checks).hasValue(1);
		assertThat(encoder.matches("wrong", HASH)).isFalse();
		assertThat(encoder.matches("wrong", HASH)).isFalse();
		assertThat(checks).as("every failure is a full BCrypt check").hasValue(3);
		assertThat(encoder.matches("test-password", "$2a$04$" + "x".repeat(53))).isFalse();
		assertThat(encoder.size()).isEqualTo(1);

		MemoizingPasswordEncoder off = new MemoizingPasswordEncoder(counting, Duration.ZERO);
		off.matches("test-password", HASH);
		off.matches("test-password", HASH);
		assertThat(checks).hasValue(6);
		assertThat(encoder.upgradeEncoding(HASH)).isFalse();

		// each request thread has its own keyed HMAC: a check remembered on one thread is known on the others
		boolean[] onOtherThread = new boolean[2];
		Thread other = new Thread(() -> {
			onOtherThread[0] = encoder.matches("test-password", HASH);
			onOtherThread[1] = encoder.matches("test-passwore", HASH);
		});
		other.start();
		assertThatCode(other::join).doesNotThrowAnyException();
		assertThat(onOtherThread).containsExactly(true, false);
		assertThat(checks).as("remembered on the first thread; the wrong password checked in full").hasValue(7);
	}

	@Test
	void hashPasswordPrintsABcryptHashOfTheTypedPassword() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = PasswordHashCommand.run(null, new ByteArrayInputStream("correct horse battery\n".getBytes(StandardCharsets.UTF_8)),
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(exit).isZero();
		String hash = out.toString(StandardCharsets.UTF_8).strip();
		assertThat(hash).matches(ConfiguredUsers.BCRYPT).startsWith("$2a$10$");
		assertThat(new BCryptPasswordEncoder().matches("correct horse battery", hash)).isTrue();

		int tooShort = PasswordHashCommand.run(null, new ByteArrayInputStream("short\n".getBytes(StandardCharsets.UTF_8)),
				new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(tooShort).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("at least 8 characters");
	}
}
