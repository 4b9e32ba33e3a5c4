package org.pipelinetracker.i18n;

import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With public read on, anonymous visitors read the catalogue (the pages need it) but have no preferences on the
 * server: they keep their choice in the browser.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tracker.test.context=i18n-public-read", "tracker.security.public-read=true" })
@ActiveProfiles("test")
class I18nPublicReadTest {

	@LocalServerPort
	int port;

	@Test
	void anonymousVisitorsReadTheCatalogueButHaveNoPreferencesOnTheServer() {
		Api anonymous = new Api(port).anonymous();
		Response catalogue = anonymous.header("Accept-Language", "ru").get("/api/i18n/messages");
		assertThat(catalogue.status()).isEqualTo(200);
		assertThat(catalogue.json().path("lang").asString()).isEqualTo("ru");
		assertThat(anonymous.get("/api/me").json().path("publicRead").asBoolean()).isTrue();
		assertThat(anonymous.get("/api/me/preferences").status()).isEqualTo(401);
		Response put = I18nApiTest.put(anonymous, "{\"language\":\"ru\"}");
		assertThat(put.status()).isEqualTo(401);
		assertThat(put.json().path("type").asString()).isEqualTo("/problems/unauthorized");
		assertThat(new Api(port).as("reader").get("/api/me/preferences").status()).isEqualTo(200);
	}
}
