package org.pipelinetracker.project.web;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pipelinetracker.project.web.ProjectApiTest.errorFields;
import static org.pipelinetracker.project.web.ProjectApiTest.expect;

/**
 * A project's title and description in several languages over HTTP ({@code POST /api/projects/{id}/texts}, role
 * RECORDER): the proposal's language, texts recorded and corrected later, the project and the list as they were
 * ({@code asOf}) and as they were known ({@code knownAt}), the history, and every refusal. Clients that send no
 * {@code Accept-Language} see {@code title} and {@code description} as proposed.
 * <p>
 * TXT-KO: proposed in Korean 2024-01-10; an English title and description recorded as of 2024-06-01, the English
 * title corrected as of 2025-01-15, a Russian title as of 2025-02-01. TXT-EN: proposed without a language (English).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tracker.test.context=project-texts")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectTextsApiTest {

	static final String KO = "/api/projects/TXT-KO";
	static final String KO_TITLE = "타슈켄트 지하철 신호 체계 현대화";
	static final String KO_DESCRIPTION = "타슈켄트 지하철 1·2호선 신호 설비 교체";
	static final String EN_TITLE_FIRST = "Tashkent metro signalling";
	static final String EN_TITLE = "Tashkent Metro signalling modernisation";
	static final String EN_DESCRIPTION = "Replacement of the signalling of metro lines 1 and 2";
	static final String RU_TITLE = "Модернизация сигнализации Ташкентского метрополитена";

	@LocalServerPort
	int port;

	Api api;
	Instant beforeTheCorrection;
	List<Long> versions = new ArrayList<>();

	@BeforeAll
	void aKoreanProjectWithTextsInEnglishAndRussian() {
		api = new Api(port).as("bob");
		expect(201, api.post("/api/projects", """
				{"projectId":"TXT-KO","title":"%s","description":"%s","language":"ko","sector":"21030",
				 "region":"Tashkent City","partners":[{"name":"한국철도공사","country":"KR","role":"IMPLEMENTING"}],
				 "proposedOn":"2024-01-10"}""".formatted(KO_TITLE, KO_DESCRIPTION)));
		versions.add(expect(200, api.post(KO + "/texts", """
				{"language":"en","title":"%s","description":"%s","on":"2024-06-01","reason":"Translation for the loan file"}"""
				.formatted(EN_TITLE_FIRST, EN_DESCRIPTION))).json().path("version").asLong());
		beforeTheCorrection = Instant.now();
		versions.add(expect(200, api.post(KO + "/texts", """
				{"language":"EN","title":"  %s  ","on":"2025-01-15","reason":"Title as in the loan agreement"}"""
				.formatted(EN_TITLE))).json().path("version").asLong());
		versions.add(expect(200, api.post(KO + "/texts", """
				{"language":"ru","title":"%s","on":"2025-02-01"}""".formatted(RU_TITLE))).json().path("version").asLong());
		expect(201, api.post("/api/projects", """
				{"projectId":"TXT-EN","title":"Khiva water supply","description":"Networks of Khiva","sector":"14020",
				 "region":"Khorezm","proposedOn":"2024-01-15"}"""));
	}

	@Test
	void recordsTextsInOtherLanguagesEachAsAnEvent() {
		assertThat(versions).containsExactly(1L, 2L, 3L);
	}

	@Test
	void theProjectKeepsItsOriginalTitleAndShowsEveryLanguage() {
		JsonNode p = expect(200, api.get(KO)).json();
		assertThat(p.path("title").asString()).as("the original, as proposed").isEqualTo(KO_TITLE);
		assertThat(p.path("description").asString()).isEqualTo(KO_DESCRIPTION);
		assertThat(p.path("language").asString()).isEqualTo("ko");
		JsonNode texts = p.path("texts");
		assertThat(texts.propertyNames()).containsExactly("en", "ko", "ru");
		assertThat(texts.path("ko").path("title").asString()).isEqualTo(KO_TITLE);
		assertThat(texts.path("ko").path("description").asString()).isEqualTo(KO_DESCRIPTION);
		assertThat(texts.path("en").path("title").asString()).as("corrected, trimmed").isEqualTo(EN_TITLE);
		assertThat(texts.path("en").path("description").asString()).as("kept by the correction").isEqualTo(EN_DESCRIPTION);
		assertThat(texts.path("ru").path("title").asString()).isEqualTo(RU_TITLE);
		assertThat(texts.path("ru").path("description").isNull()).isTrue();
		assertThat(p.path("version").asLong()).isEqualTo(3);
	}

	@Test
	void aProposalWithoutALanguageIsEnglishAndReadsAsBefore() {
		JsonNode p = expect(200, api.get("/api/projects/TXT-EN")).json();
		assertThat(p.path("title").asString()).isEqualTo("Khiva water supply");
		assertThat(p.path("description").asString()).isEqualTo("Networks of Khiva");
		assertThat(p.path("language").asString()).isEqualTo("en");
		assertThat(p.path("texts").propertyNames()).containsExactly("en");
		assertThat(p.path("texts").path("en").path("title").asString()).isEqualTo("Khiva water supply");
		// the caller's language changes nothing in the API's answer: pages choose what to show
		JsonNode inKorean = expect(200, api.header("Accept-Language", "ko").get("/api/projects/TXT-KO")).json();
		assertThat(inKorean.path("title").asString()).isEqualTo(KO_TITLE);
		assertThat(inKorean.path("texts")).isEqualTo(expect(200, api.get(KO)).json().path("texts"));
	}

	@Test
	void asOfADateShowsTheTextsInForceThen() {
		assertThat(expect(200, api.get(KO + "?asOf=2024-03-01")).json().path("texts").propertyNames())
				.containsExactly("ko");
		JsonNode mid2024 = expect(200, api.get(KO + "?asOf=2024-12-31")).json().path("texts");
		assertThat(mid2024.propertyNames()).containsExactly("en", "ko");
		assertThat(mid2024.path("en").path("title").asString()).isEqualTo(EN_TITLE_FIRST);
		JsonNode jan2025 = expect(200, api.get(KO + "?asOf=2025-01-20")).json().path("texts");
		assertThat(jan2025.path("en").path("title").asString()).isEqualTo(EN_TITLE);
		assertThat(jan2025.has("ru")).isFalse();
	}

	@Test
	void knownAtAnInstantShowsTheTextsRecordedByThen() {
		JsonNode before = expect(200, api.get(KO + "?knownAt=" + beforeTheCorrection)).json();
		assertThat(before.path("texts").path("en").path("title").asString()).isEqualTo(EN_TITLE_FIRST);
		assertThat(before.path("texts").has("ru")).isFalse();
		assertThat(before.path("title").asString()).isEqualTo(KO_TITLE);
	}

	@Test
	void theListCarriesTheLanguageAndEveryTitle() {
		JsonNode list = api.eventually("/api/projects?size=200",
				r -> r.body().contains(RU_TITLE) && r.body().contains("\"TXT-EN\"")).json();
		JsonNode ko = summary(list, "TXT-KO");
		assertThat(ko.path("title").asString()).isEqualTo(KO_TITLE);
		assertThat(ko.path("language").asString()).isEqualTo("ko");
		assertThat(ko.path("titles").path("ko").asString()).isEqualTo(KO_TITLE);
		assertThat(ko.path("titles").path("en").asString()).isEqualTo(EN_TITLE);
		assertThat(ko.path("titles").path("ru").asString()).isEqualTo(RU_TITLE);
		JsonNode en = summary(list, "TXT-EN");
		assertThat(en.path("titles").propertyNames()).containsExactly("en");
		assertThat(en.path("language").asString()).isEqualTo("en");
	}

	@Test
	void theHistoryListsEachTextWithWhoAndWhy() {
		JsonNode history = expect(200, new Api(port).as("auditor").get(KO + "/history")).json();
		assertThat(history.size()).isEqualTo(4);
		assertThat(history.get(0).path("payload").path("language").asString()).isEqualTo("ko");
		JsonNode correction = history.get(2);
		assertThat(correction.path("type").asString()).isEqualTo("ProjectTextRecordedEvent");
		assertThat(correction.path("actor").asString()).isEqualTo("bob");
		assertThat(correction.path("reason").asString()).isEqualTo("Title as in the loan agreement");
		assertThat(correction.path("effectiveDate").asString()).isEqualTo("2025-01-15");
		assertThat(correction.path("payload").path("language").asString()).isEqualTo("en");
		assertThat(correction.path("payload").path("title").asString()).isEqualTo(EN_TITLE);
		assertThat(correction.path("payload").path("description").asString()).isEqualTo(EN_DESCRIPTION);
	}

	@Test
	void recordingTheSameTextAgainAppendsNothing() {
		Response again = expect(200, api.post(KO + "/texts", "{\"language\":\"ru\",\"title\":\"" + RU_TITLE + "\"}"));
		assertThat(again.json().path("version").asLong()).isEqualTo(3);
	}

	@Test
	void refusesBadLanguagesAndTextsWith400() {
		Response unknown = expect(400, api.post(KO + "/texts", "{\"language\":\"korean\",\"title\":\"x\"}"));
		assertThat(errorFields(unknown)).containsExactly("language");
		assertThat(unknown.json().path("errors").get(0).path("reason").asString()).contains("'korean' is not a language tag");
		assertThat(errorFields(expect(400, api.post(KO + "/texts", "{\"title\":\"x\"}")))).containsExactly("language");
		assertThat(errorFields(expect(400, api.post(KO + "/texts", "{\"language\":\"fr\"}")))).containsExactly("title");
		assertThat(errorFields(expect(400, api.post(KO + "/texts", "{\"language\":\"fr\",\"title\":\"  \"}"))))
				.containsExactly("title");
		assertThat(errorFields(expect(400, api.post(KO + "/texts",
				"{\"language\":\"fr\",\"title\":\"" + "x".repeat(301) + "\",\"description\":\"" + "y".repeat(5001) + "\"}"))))
				.containsExactlyInAnyOrder("title", "description");
		assertThat(errorFields(expect(400, api.post(KO + "/texts", "{\"language\":\"fr\",\"title\":\"x\",\"on\":\"2999-01-01\"}"))))
				.containsExactly("on");
		assertThat(errorFields(expect(400, api.post("/api/projects", """
				{"title":"x","language":"xx-invalid-tag!","sector":"21030","region":"Navoi","proposedOn":"2024-01-10"}"""))))
				.containsExactly("language");
		assertThat(expect(200, api.get(KO)).json().path("version").asLong()).as("nothing recorded").isEqualTo(3);
	}

	@Test
	void refusesTheOriginalsLanguageAndDatesBeforeTheProposalWith409() {
		Response original = expect(409, api.post(KO + "/texts", "{\"language\":\"ko\",\"title\":\"다른 제목\"}"));
		assertThat(original.json().path("detail").asString()).contains("original title and description are in 'ko'");
		assertThat(original.json().path("field").asString()).isEqualTo("language");
		// in the caller's language
		Response russian = expect(409, api.header("Accept-Language", "ru").post(KO + "/texts",
				"{\"language\":\"ko\",\"title\":\"다른 제목\"}"));
		assertThat(russian.json().path("detail").asString()).contains("исходные наименование и описание проекта", "«ko»");
		Response uzbek = expect(400, api.header("Accept-Language", "uz").post(KO + "/texts", "{\"language\":\"koreys\"}"));
		assertThat(uzbek.json().path("errors").get(0).path("reason").asString())
				.isEqualTo("«koreys» til kodi emas: ISO 639-1 tili boʻlgan BCP 47 kodini kiriting, masalan en, uz, ru, ko, uz-Cyrl");
		Response early = expect(409, api.post(KO + "/texts", "{\"language\":\"fr\",\"title\":\"x\",\"on\":\"2024-01-09\"}"));
		assertThat(early.json().path("detail").asString()).contains("before the project was proposed on 2024-01-10");
	}

	@Test
	void anUnknownProjectIs404AndOnlyRecordersMayRecord() {
		expect(404, api.post("/api/projects/NO-SUCH-PROJECT/texts", "{\"language\":\"fr\",\"title\":\"x\"}"));
		Response finance = expect(403, new Api(port).as("dave").post(KO + "/texts", "{\"language\":\"fr\",\"title\":\"x\"}"));
		assertThat(finance.json().path("requiredRoles").toString()).contains("RECORDER");
		expect(401, new Api(port).anonymous().post(KO + "/texts", "{\"language\":\"fr\",\"title\":\"x\"}"));
	}

	private static JsonNode summary(JsonNode page, String id) {
		for (JsonNode row : page.path("content")) {
			if (id.equals(row.path("projectId").asString())) {
				return row;
			}
		}
		throw new AssertionError(id + " not listed: " + page);
	}
}
