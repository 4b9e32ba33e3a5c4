package org.pipelinetracker.project.web;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pipelinetracker.Api;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pipelinetracker.project.web.ProjectApiTest.errorFields;
import static org.pipelinetracker.project.web.ProjectApiTest.expect;

/**
 * {@code GET /api/projects?q=}: a project is found by its id, by any of its titles in any language, by a partner, and
 * by any spelling of its region in Uzbek (Latin), English, Russian (Cyrillic) and Korean (Hangul), whatever the case,
 * accents and apostrophes. One project per region of Uzbekistan (SR-01 … SR-14), a project titled in Korean and one
 * titled in Russian, and an English project with a Korean title recorded later.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tracker.test.context=project-search")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectSearchApiTest {

	/** The 14 regions: canonical name, then how Uzbek (Latin), English, Russian and Korean write them. */
	static final String[][] REGIONS = {
			{"Republic of Karakalpakstan", "Qoraqalpogʻiston", "Karakalpakstan", "Каракалпакстан", "카라칼파크스탄"},
			{"Andijan Region", "Andijon", "Andijan", "Андижан", "안디잔"},
			{"Bukhara Region", "Buxoro", "Bukhara", "Бухара", "부하라"},
			{"Fergana Region", "Fargʻona", "Fergana", "Фергана", "페르가나"},
			{"Jizzakh Region", "Jizzax", "Jizzakh", "Джизак", "지자흐"},
			{"Kashkadarya Region", "Qashqadaryo", "Kashkadarya", "Кашкадарья", "카슈카다리야"},
			{"Khorezm Region", "Xorazm", "Khorezm", "Хорезм", "호라즘"},
			{"Namangan Region", "Namangan viloyati", "Namangan Region", "Наманганская область", "나망간주"},
			{"Navoiy Region", "Navoiy", "Navoi", "Навои", "나보이"},
			{"Samarkand Region", "Samarqand", "Samarkand", "Самарканд", "사마르칸트"},
			{"Surkhandarya Region", "Surxondaryo", "Surkhandarya", "Сурхандарья", "수르한다리야"},
			{"Syrdarya Region", "Sirdaryo", "Syrdarya", "Сырдарья", "시르다리야"},
			{"Tashkent Region", "Toshkent viloyati", "Tashkent Region", "Ташкентская область", "타슈켄트주"},
			{"Tashkent City", "Toshkent shahri", "Tashkent City", "город Ташкент", "타슈켄트시"},
	};
	static final String KOREAN_TITLE = "타슈켄트 지하철 신호 체계 현대화";
	static final String CYRILLIC_TITLE = "Модернизация водоснабжения Хивы";

	@LocalServerPort
	int port;

	Api api;
	/** Region → the id of its project. */
	final Map<String, String> byRegion = new LinkedHashMap<>();

	@BeforeAll
	void aProjectInEveryRegion() {
		api = new Api(port);
		for (int i = 0; i < REGIONS.length; i++) {
			String id = "SR-%02d".formatted(i + 1);
			byRegion.put(REGIONS[i][0], id);
			expect(201, api.post("/api/projects", """
					{"projectId":"%s","title":"Rural water %d","sector":"14030","region":"%s",
					 "partners":[{"name":"Partner %d","country":"UZ","role":"IMPLEMENTING"}],"proposedOn":"2024-02-01"}"""
					.formatted(id, i + 1, REGIONS[i][0], i + 1)));
		}
		expect(201, api.post("/api/projects", """
				{"projectId":"SR-KO","title":"%s","language":"ko","sector":"21030","region":"Nationwide",
				 "partners":[{"name":"한국철도공사","country":"KR","role":"IMPLEMENTING"}],"proposedOn":"2024-02-01"}"""
				.formatted(KOREAN_TITLE)));
		expect(201, api.post("/api/projects", """
				{"projectId":"SR-RU","title":"%s","language":"ru","sector":"14021","region":"Multiple regions",
				 "partners":[{"name":"Хоразм сув таъминоти","country":"UZ","role":"IMPLEMENTING"},
				 {"name":"Korea International Cooperation Agency","country":"KR","role":"FUNDING"}],"proposedOn":"2024-02-01"}"""
				.formatted(CYRILLIC_TITLE)));
		expect(201, api.post("/api/projects", """
				{"projectId":"SR-EN","title":"Éclairage public à Nukus","sector":"23630","region":"Nationwide",
				 "proposedOn":"2024-02-01"}"""));
		expect(200, api.post("/api/projects/SR-EN/texts", "{\"language\":\"ko\",\"title\":\"누쿠스 가로등 현대화\"}"));
		api.eventually("/api/projects?q=" + enc("누쿠스"), r -> r.json().path("totalElements").asLong() == 1);
	}

	@Test
	void findsEveryRegionByEachOfItsSpellingsInFourScripts() {
		List<String> misses = new ArrayList<>();
		for (String[] region : REGIONS) {
			String expected = byRegion.get(region[0]);
			for (int script = 1; script <= 4; script++) {
				List<String> found = ids(region[script]);
				// "Ташкент" alone would be both Tashkent Region and City; these spellings are each region's own
				if (!found.equals(List.of(expected))) {
					misses.add(region[script] + " → " + found + " (expected " + expected + ")");
				}
			}
		}
		assertThat(misses).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({
			"Andijon, SR-02", "ANDIJAN, SR-02", "андижан, SR-02", "안디잔주, SR-02", "Андижанская область, SR-02",
			"Andijon viloyati, SR-02",
			"Farg'ona, SR-04", "Farg‘ona, SR-04", "Farg’ona, SR-04", "Fargona, SR-04", "Fargʻona viloyati, SR-04",
			"Ферганская, SR-04",
			"Qoraqalpog'iston, SR-01", "qoraqalpogiston respublikasi, SR-01", "Республика Каракалпакстан, SR-01",
			"Navoi, SR-09", "Навоийская, SR-09"
	})
	void ignoresCaseAccentsApostrophesAndWordForms(String query, String id) {
		assertThat(ids(query)).containsExactly(id);
	}

	@Test
	void tashkentAloneIsTheRegionAndTheCity() {
		for (String query : List.of("Tashkent", "Toshkent", "Ташкент")) {
			assertThat(ids(query)).as(query).containsExactly("SR-13", "SR-14");
		}
		// and the project whose Korean title names the city
		assertThat(ids("타슈켄트")).containsExactly("SR-13", "SR-14", "SR-KO");
	}

	@ParameterizedTest
	@ValueSource(strings = {"지하철", "타슈켄트 지하철", "현대화"})
	void findsAKoreanTitle(String query) {
		assertThat(ids(query)).contains("SR-KO").doesNotContain("SR-01");
		assertThat(ids("지하철")).containsExactly("SR-KO");
	}

	@Test
	void findsACyrillicTitleWhateverTheCase() {
		assertThat(ids("водоснабжения")).containsExactly("SR-RU");
		assertThat(ids("МОДЕРНИЗАЦИЯ хивы")).containsExactly("SR-RU");
	}

	@Test
	void findsATitleRecordedInAnotherLanguageAndTheOriginalWithoutItsAccents() {
		assertThat(ids("누쿠스 가로등")).containsExactly("SR-EN");
		assertThat(ids("eclairage")).containsExactly("SR-EN");
		assertThat(ids("Éclairage public")).containsExactly("SR-EN");
	}

	@Test
	void findsByIdAndByPartner() {
		assertThat(ids("SR-05")).containsExactly("SR-05");
		assertThat(ids("sr 05")).containsExactly("SR-05");
		assertThat(ids("Partner 7")).containsExactly("SR-07");
		assertThat(ids("한국철도공사")).containsExactly("SR-KO");
		assertThat(ids("Хоразм сув")).containsExactly("SR-RU");
		assertThat(ids("Cooperation Agency")).containsExactly("SR-RU");
	}

	@Test
	void everyWordMustMatchAndTheOtherFiltersStillApply() {
		assertThat(ids("rural water")).hasSize(14);
		assertThat(ids("rural andijon")).containsExactly("SR-02");
		assertThat(ids("rural 안디잔 seoul")).isEmpty();
		JsonNode page = expect(200, api.get("/api/projects?q=" + enc("rural water") + "&region=Khorezm&size=5")).json();
		assertThat(page.path("totalElements").asLong()).isEqualTo(1);
		assertThat(page.path("content").get(0).path("projectId").asString()).isEqualTo("SR-07");
		JsonNode paged = expect(200, api.get("/api/projects?q=rural&size=5&page=2")).json();
		assertThat(paged.path("totalElements").asLong()).isEqualTo(14);
		assertThat(paged.path("totalPages").asInt()).isEqualTo(3);
		assertThat(paged.path("content").size()).isEqualTo(4);
	}

	@Test
	void anEmptyQueryFiltersNothingAndATooLongOneIs400() {
		assertThat(expect(200, api.get("/api/projects?q=&size=200")).json().path("totalElements").asLong()).isEqualTo(17);
		assertThat(expect(200, api.get("/api/projects?q=" + enc(" ' ") + "&size=200")).json().path("totalElements").asLong())
				.isEqualTo(17);
		assertThat(errorFields(expect(400, api.get("/api/projects?q=" + "a".repeat(201))))).containsExactly("q");
	}

	List<String> ids(String query) {
		JsonNode page = expect(200, api.get("/api/projects?size=200&q=" + enc(query))).json();
		List<String> ids = new ArrayList<>();
		page.path("content").forEach(p -> ids.add(p.path("projectId").asString()));
		return ids;
	}

	static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
