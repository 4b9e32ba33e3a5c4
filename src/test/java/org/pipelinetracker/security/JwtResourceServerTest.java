package org.pipelinetracker.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OAuth2/OIDC resource-server option for real: the application verifies RS256 JWTs with the public key of a
 * throw-away pair in src/test/resources/security ({@code public-key-location}), and this test signs them with the
 * private key. Roles come from the claim {@code roles}, the actor from {@code preferred_username} (or {@code sub}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
		"spring.security.oauth2.resourceserver.jwt.public-key-location=classpath:security/jwt-test-public.pem")
@ActiveProfiles("test")
class JwtResourceServerTest {

	@LocalServerPort
	int port;

	@Autowired
	EventStore eventStore;

	@Test
	void aSignedTokenActsAsItsUserWithItsRoles() {
		String token = sign(trusted(), claims("kim.finance", List.of("FINANCE"), Duration.ofMinutes(5)));
		Api kim = bearer(token);
		String facility = RoleMatrixTest.id();
		Response created = kim.post("/api/facilities", RoleMatrixTest.facility(facility));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(eventStore.readEvents(facility).next().getMetaData()).containsEntry("actor", "kim.finance");

		JsonNode me = kim.get("/api/me").json();
		assertThat(me.path("username").asString()).isEqualTo("kim.finance");
		assertThat(me.path("roles").toString()).isEqualTo("[\"FINANCE\"]");

		// its roles, not more: a proposal needs RECORDER
		Response refused = kim.post("/api/projects", RoleMatrixTest.proposal(RoleMatrixTest.id()));
		RoleMatrixTest.assertRefused("finance token proposes", refused, 403, "/problems/forbidden");
	}

	@Test
	void withoutAUsernameClaimTheSubjectIsTheActorAndRolesMayBeAString() {
		Map<String, Object> claims = claims(null, null, Duration.ofMinutes(5));
		claims.put("sub", "0f6c1d2e-service");
		claims.put("roles", "recorder role_auditor unknown-role");
		Api service = bearer(sign(trusted(), claims));
		String id = RoleMatrixTest.id();
		assertThat(service.post("/api/projects", RoleMatrixTest.proposal(id)).status()).isEqualTo(201);
		assertThat(eventStore.readEvents(id).next().getMetaData()).containsEntry("actor", "0f6c1d2e-service");
		assertThat(service.get("/api/me").json().path("roles").toString()).isEqualTo("[\"RECORDER\",\"AUDITOR\"]");
		assertThat(service.get("/api/audit/head").status()).isEqualTo(200);
	}

	@Test
	void aTokenSignedByAnotherKeyOrExpiredIsRefused() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		KeyPair other = generator.generateKeyPair();
		RSAKey stranger = new RSAKey.Builder((RSAPublicKey) other.getPublic()).privateKey(other.getPrivate()).keyID("x").build();
		String forged = sign(stranger, claims("mallory", List.of("ADMIN"), Duration.ofMinutes(5)));
		String id = RoleMatrixTest.id();
		Response refused = bearer(forged).post("/api/projects", RoleMatrixTest.proposal(id));
		RoleMatrixTest.assertRefused("foreign key", refused, 401, "/problems/unauthorized");
		assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer error=\"invalid_token\"");
		assertThat(eventStore.readEvents(id).asStream().count()).isZero();

		String expired = sign(trusted(), claims("kim.admin", List.of("ADMIN"), Duration.ofMinutes(-10)));
		RoleMatrixTest.assertRefused("expired", bearer(expired).get("/api/projects"), 401, "/problems/unauthorized");

		RoleMatrixTest.assertRefused("garbage", bearer("not-a-jwt").get("/api/projects"), 401, "/problems/unauthorized");
	}

	@Test
	void basicAuthenticationStillWorksBesideTokens() {
		Response anonymous = new Api(port).anonymous().get("/api/projects");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.raw().headers().allValues("WWW-Authenticate"))
				.containsExactly("Basic realm=\"pipeline-tracker\", charset=\"UTF-8\"", "Bearer");
		assertThat(new Api(port).as("auditor").get("/api/audit/head").status()).isEqualTo(200);
	}

	// ---------------------------------------------------------------------------------------------------------

	private Api bearer(String token) {
		return new Api(port).anonymous().header("Authorization", "Bearer " + token);
	}

	private static Map<String, Object> claims(String username, List<String> roles, Duration validFor) {
		Map<String, Object> claims = new java.util.LinkedHashMap<>();
		claims.put("sub", username == null ? "subject" : "id-" + username);
		if (username != null) {
			claims.put("preferred_username", username);
		}
		if (roles != null) {
			claims.put("roles", roles);
		}
		claims.put("validFor", validFor);
		return claims;
	}

	private static String sign(RSAKey key, Map<String, Object> claims) {
		JwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
		Duration validFor = (Duration) claims.remove("validFor");
		Instant now = Instant.now();
		JwtClaimsSet.Builder set = JwtClaimsSet.builder().issuer("https://idp.example.org/realms/tracker")
				.issuedAt(validFor.isNegative() ? now.plus(validFor).minusSeconds(600) : now)
				.expiresAt(now.plus(validFor));
		claims.forEach(set::claim);
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
		return encoder.encode(JwtEncoderParameters.from(header, set.build())).getTokenValue();
	}

	private static RSAKey trusted() {
		try {
			KeyFactory rsa = KeyFactory.getInstance("RSA");
			RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(pem("jwt-test-public.pem")));
			RSAPrivateKey privateKey = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(pem("jwt-test-private.pem")));
			return new RSAKey.Builder(publicKey).privateKey(privateKey).keyID("test").build();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private static byte[] pem(String name) throws IOException {
		String text = new ClassPathResource("security/" + name).getContentAsString(StandardCharsets.US_ASCII);
		return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", "").strip());
	}
}
