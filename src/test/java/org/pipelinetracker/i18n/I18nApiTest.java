package org.pipelinetracker.i18n;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue for the pages ({@code GET /api/i18n/messages}: anyone, in the asked or the browser's language,
 * revalidated by ETag) and each user's language and time zone ({@code GET/PUT /api/me/preferences}: signed-in users
 * only, 400 problems for an unknown language or zone), against the real application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tracker.test.context=i18n-api")
@ActiveProfiles("test")
class I18nApiTest {

	/** Everyone the security tests try: nobody, each role of the demo users, and a user without a role. */
	static final List<String> USERS = List.of("recorder", "finance", "auditor", "admin", "reader");

	@LocalServerPort
	int port;

	@Autowired
	MessageSource messages;

	@Autowired
	JdbcTemplate jdbc;

	Api api() {
		return new Api(port);
	}

	Response catalogue(String query, String acceptLanguage) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api().base() + "/api/i18n/messages" + query)).GET();
		if (acceptLanguage != null) {
			request.header("Accept-Language", acceptLanguage);
		}
		return api().anonymous().send(request);
	}

	static Response put(Api user, String json) {
		return user.send(HttpRequest.newBuilder(URI.create(user.base() + "/api/me/preferences"))
				.header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
	}

	@Nested
	class TheCatalogue {

		@Test
		void offersTheDisplayCurrencies() {
			List<String> currencies = new ArrayList<>();
			api().anonymous().get("/api/i18n/messages?lang=en").json().path("displayCurrencies")
					.forEach(c -> currencies.add(c.asString()));
			assertThat(currencies).containsExactly("USD", "UZS", "KRW", "EUR");
		}

		@Test
		void answersAnyoneInTheAskedLanguageWithTheLanguagesAndTimeZones() {
			Response ru = catalogue("?lang=ru", null);
			assertThat(ru.status()).isEqualTo(200);
			JsonNode body = ru.json();
			assertThat(body.path("lang").asString()).isEqualTo("ru");
			assertThat(body.path("messages").path("ui.board.title").asString())
					.isEqualTo(messages.getMessage("ui.board.title", null, Locale.forLanguageTag("ru")))
					.isEqualTo("Панель проектов");
			// plural texts in the language's own forms: Russian one/few/many/other, Korean other only
			assertThat(body.path("messages").has("ui.common.days.many")).isTrue();
			assertThat(catalogue("?lang=ko", null).json().path("messages").has("ui.common.days.one")).isFalse();
			assertThat(body.path("fallback").size()).as("keys Russian lacks").isZero();
			List<String> languages = new ArrayList<>();
			body.path("languages").forEach(l -> languages.add(l.path("code").asString() + "=" + l.path("name").asString()));
			assertThat(languages).containsExactly("en=English", "uz=Oʻzbekcha", "ru=Русский", "ko=한국어");
			assertThat(body.path("defaultTimeZone").asString()).isEqualTo("Asia/Tashkent");
			List<String> zones = new ArrayList<>();
			body.path("timeZones").forEach(z -> zones.add(z.asString()));
			assertThat(zones).containsExactly("Asia/Tashkent", "Asia/Seoul", "UTC");
			assertThat(ru.header("Content-Type")).startsWith("application/json");
		}

		@Test
		void picksTheLanguageFromAcceptLanguageAndAnswersEnglishForAnythingElse() {
			assertThat(catalogue("", "ko-KR,ko;q=0.9,en;q=0.8").json().path("lang").asString()).isEqualTo("ko");
			assertThat(catalogue("", "fr-FR, de;q=0.9, ru;q=0.5").json().path("lang").asString()).isEqualTo("ru");
			assertThat(catalogue("", "uz-Latn-UZ").json().path("lang").asString()).isEqualTo("uz");
			assertThat(catalogue("", "fr, de").json().path("lang").asString()).isEqualTo("en");
			assertThat(catalogue("", "not a ; language ;; header=").json().path("lang").asString()).isEqualTo("en");
			assertThat(catalogue("", null).json().path("lang").asString()).isEqualTo("en");
			assertThat(catalogue("?lang=fr", "ru").json().path("lang").asString()).as("an unknown lang: the header decides")
					.isEqualTo("ru");
			assertThat(catalogue("?lang=xx-YY", null).json().path("lang").asString()).isEqualTo("en");
			assertThat(catalogue("?lang=ko", "ru").json().path("lang").asString()).isEqualTo("ko");
		}

		@Test
		void isRevalidatedByItsETagSoANewDeploymentShowsAtOnce() {
			Response first = catalogue("?lang=uz", null);
			String etag = first.header("ETag");
			assertThat(etag).isNotBlank();
			assertThat(first.header("Cache-Control")).contains("no-cache").doesNotContain("no-store");
			assertThat(first.header("Vary")).contains("Accept-Language");
			Response again = api().anonymous().send(HttpRequest.newBuilder(URI.create(api().base() + "/api/i18n/messages?lang=uz"))
					.header("If-None-Match", etag).GET());
			assertThat(again.status()).isEqualTo(304);
			assertThat(again.body()).isEmpty();
			assertThat(catalogue("?lang=ko", null).header("ETag")).isNotEqualTo(etag);
			assertThat(catalogue("?lang=uz", null).header("ETag")).as("the same texts, the same ETag").isEqualTo(etag);
		}

		@Test
		void isTheSameForEveryUserAndForNobody() {
			String anonymous = catalogue("?lang=ko", null).body();
			for (String user : USERS) {
				Response r = api().as(user).get("/api/i18n/messages?lang=ko");
				assertThat(r.status()).as(user).isEqualTo(200);
				assertThat(r.body()).as(user).isEqualTo(anonymous);
			}
		}
	}

	@Nested
	class ThePreferences {

		@Test
		void areForSignedInUsersOnly() {
			Response get = api().anonymous().get("/api/me/preferences");
			Response put = put(api().anonymous(), "{\"language\":\"ru\"}");
			for (Response r : List.of(get, put)) {
				assertThat(r.status()).as(r.toString()).isEqualTo(401);
				assertThat(r.header("Content-Type")).startsWith("application/problem+json");
				assertThat(r.json().path("type").asString()).isEqualTo("/problems/unauthorized");
			}
			for (String user : USERS) {
				assertThat(api().as(user).get("/api/me/preferences").status()).as(user).isEqualTo(200);
			}
		}

		@Test
		void startFromTheBrowsersLanguageAndTheDefaultZoneAndKeepEachUsersChoice() {
			Api finance = api().as("finance");
			JsonNode first = finance.header("Accept-Language", "ko-KR,ko;q=0.9").get("/api/me/preferences").json();
			assertThat(first.path("language").asString()).isEqualTo("ko");
			assertThat(first.path("timeZone").asString()).isEqualTo("Asia/Tashkent");
			assertThat(finance.get("/api/me/preferences").json().path("language").asString()).isEqualTo("en");

			Response chosen = put(finance, "{\"language\":\"uz\"}");
			assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);
			assertThat(chosen.json().path("language").asString()).isEqualTo("uz");
			assertThat(chosen.json().path("timeZone").asString()).isEqualTo("Asia/Tashkent");
			Response zone = put(finance, "{\"timeZone\":\"Asia/Seoul\"}");
			assertThat(zone.json().path("language").asString()).as("a zone alone keeps the language").isEqualTo("uz");
			assertThat(zone.json().path("timeZone").asString()).isEqualTo("Asia/Seoul");
			// what the user chose wins over the browser, and stays theirs
			JsonNode stored = finance.header("Accept-Language", "ru").get("/api/me/preferences").json();
			assertThat(stored.path("language").asString()).isEqualTo("uz");
			assertThat(stored.path("timeZone").asString()).isEqualTo("Asia/Seoul");
			assertThat(api().as("auditor").get("/api/me/preferences").json().path("language").asString()).isEqualTo("en");
			assertThat(jdbc.queryForObject("select count(*) from user_preference where username = 'finance'", Long.class))
					.isEqualTo(1L);
			put(finance, "{\"language\":\"en\",\"timeZone\":\"Asia/Tashkent\"}");
		}

		@Test
		void refuseAnUnknownLanguageOrZoneWithAProblemNamingTheFieldAndKeepWhatWasStored() {
			Api recorder = api().as("recorder");
			assertThat(put(recorder, "{\"language\":\"ru\",\"timeZone\":\"Asia/Tashkent\"}").status()).isEqualTo(200);
			for (String[] bad : new String[][] {
					{ "{\"language\":\"fr\"}", "language" },
					{ "{\"language\":\"\"}", "language" },
					{ "{\"timeZone\":\"Mars/Olympus_Mons\"}", "timeZone" },
					{ "{\"timeZone\":\"+05:00\"}", "timeZone" },
					{ "{\"language\":\"klingon\",\"timeZone\":\"Nowhere\"}", "language,timeZone" } }) {
				Response r = put(recorder, bad[0]);
				assertThat(r.status()).as(bad[0] + " → " + r).isEqualTo(400);
				assertThat(r.header("Content-Type")).startsWith("application/problem+json");
				assertThat(r.json().path("type").asString()).isEqualTo("/problems/invalid-request");
				List<String> fields = new ArrayList<>();
				r.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
				assertThat(String.join(",", fields)).as(bad[0]).isEqualTo(bad[1]);
			}
			Response malformed = put(recorder, "{\"language\":");
			assertThat(malformed.status()).isEqualTo(400);
			assertThat(malformed.header("Content-Type")).startsWith("application/problem+json");
			JsonNode kept = recorder.get("/api/me/preferences").json();
			assertThat(kept.path("language").asString()).isEqualTo("ru");
			assertThat(kept.path("timeZone").asString()).isEqualTo("Asia/Tashkent");
		}

		@Test
		void keepTheDisplayCurrencyBesideTheLanguageAndRefuseOneNotOffered() {
			Api auditor = api().as("auditor");
			assertThat(auditor.get("/api/me/preferences").json().path("displayCurrency").asString()).isEqualTo("USD");

			Response chosen = put(auditor, "{\"displayCurrency\":\"krw\"}");
			assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);
			assertThat(chosen.json().path("displayCurrency").asString()).isEqualTo("KRW");
			Response language = put(auditor, "{\"language\":\"ko\"}");
			assertThat(language.json().path("displayCurrency").asString()).as("a language alone keeps the currency")
					.isEqualTo("KRW");

			Response refused = auditor.header("Accept-Language", "ru").send(HttpRequest.newBuilder(
					URI.create(auditor.base() + "/api/me/preferences")).header("Content-Type", "application/json")
					.PUT(HttpRequest.BodyPublishers.ofString("{\"displayCurrency\":\"JPY\"}")));
			assertThat(refused.status()).isEqualTo(400);
			assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("displayCurrency");
			assertThat(refused.json().path("errors").get(0).path("reason").asString())
					.isEqualTo("должна быть одной из валют USD, UZS, KRW, EUR (получено: JPY)");
			assertThat(auditor.get("/api/me/preferences").json().path("displayCurrency").asString()).isEqualTo("KRW");
			put(auditor, "{\"language\":\"en\",\"displayCurrency\":\"USD\"}");
		}
	}
}
