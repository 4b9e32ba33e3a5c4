package org.pipelinetracker.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.pipelinetracker.PipelineTrackerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No demo users, no configured users, no JWT: the application starts (health answers), says in the log at ERROR
 * why nobody can sign in and how to fix it, and refuses every write and read with 401. It never runs open.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoUsersTest {

	@Test
	void withoutUsersTheAppRefusesEveryWriteAndSaysWhyInTheLog(CapturedOutput output) {
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PipelineTrackerApplication.class).run(
				"--server.port=0",
				"--spring.datasource.url=jdbc:h2:mem:no-users-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
				"--spring.jmx.enabled=false",
				"--tracker.seed.enabled=false",
				"--tracker.security.demo-users=false")) {
			assertThat(output.getOut()).containsPattern("ERROR .*Security: NO USERS ARE CONFIGURED")
					.contains("tracker.security.users[0].username").contains("hash-password")
					.contains("spring.security.oauth2.resourceserver.jwt.issuer-uri");
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			Api api = new Api(port);

			// not even the demo credentials work
			Response write = api.post("/api/projects", RoleMatrixTest.proposal(RoleMatrixTest.id()));
			RoleMatrixTest.assertRefused("write", write, 401, "/problems/unauthorized");
			assertThat(write.json().path("detail").asString()).startsWith("No users are configured on this server");
			RoleMatrixTest.assertRefused("anonymous write",
					api.anonymous().post("/api/facilities", RoleMatrixTest.facility(RoleMatrixTest.id())), 401,
					"/problems/unauthorized");
			RoleMatrixTest.assertRefused("read", api.anonymous().get("/api/projects"), 401, "/problems/unauthorized");
			RoleMatrixTest.assertRefused("admin", api.anonymous().post("/api/admin/replay", ""), 401,
					"/problems/unauthorized");
			assertThat(api.anonymous().get("/actuator/health").status()).isEqualTo(200);
		}
	}
}
