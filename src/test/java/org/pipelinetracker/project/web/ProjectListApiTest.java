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

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pipelinetracker.project.web.ProjectApiTest.errorFields;
import static org.pipelinetracker.project.web.ProjectApiTest.expect;

/**
 * The portfolio list's server side: {@code GET /api/projects?sort=field,dir}, paging in that order (stable: ties in
 * project id order), and the filters by stage, IATI activity status, sector and region. Five projects (PL-1 … PL-5)
 * with titles, regions and proposal dates in other orders than their ids; two of them in implementation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tracker.test.context=project-list")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectListApiTest {

	@LocalServerPort
	int port;

	Api api;

	@BeforeAll
	void fiveProjects() {
		api = new Api(port);
		String[][] projects = {
				{"PL-1", "Water supply Nukus", "14030", "Karakalpakstan", "2024-05-01"},
				{"PL-2", "Airport terminal Samarkand", "21050", "Samarkand", "2023-01-15"},
				{"PL-3", "Metro signalling", "21030", "Tashkent City", "2024-05-01"},
				{"PL-4", "Bus depot Andijan", "21020", "Andijan", "2022-07-01"},
				{"PL-5", "Clinic Bukhara", "12230", "Bukhara", "2025-02-01"}};
		for (String[] p : projects) {
			expect(201, api.post("/api/projects", """
					{"projectId":"%s","title":"%s","sector":"%s","region":"%s","proposedOn":"%s"}"""
					.formatted(p[0], p[1], p[2], p[3], p[4])));
		}
		for (String id : List.of("PL-2", "PL-4")) {
			ok(api.post("/api/projects/" + id + "/agreements",
					"{\"agreementId\":\"L-" + id + "\",\"type\":\"LOAN\",\"signedOn\":\"2024-01-10\"}"));
			ok(api.post("/api/projects/" + id + "/fundings/eximbank", """
					{"fundingId":"F-%s","instrument":"EDCF_LOAN","amount":{"amount":"1000000","currency":"USD"},
					 "committedOn":"2024-01-20"}""".formatted(id)));
			ok(api.post("/api/projects/" + id + "/start", "{\"on\":\"2024-02-01\"}"));
		}
		api.eventually("/api/projects?stage=IMPLEMENTATION", r -> r.json().path("totalElements").asLong() == 2);
		// money to order by: PL-2 disbursed 300 000 USD, PL-4 500 000 USD and committed 1 000 000 000 KRW too, a
		// currency the test rates do not convert; PL-1, PL-3 and PL-5 have none (zero, known)
		ok(api.post("/api/projects/PL-2/disbursements",
				"{\"fundingId\":\"F-PL-2\",\"amount\":{\"amount\":\"300000\",\"currency\":\"USD\"},\"disbursedOn\":\"2024-03-01\"}"));
		ok(api.post("/api/projects/PL-4/disbursements",
				"{\"fundingId\":\"F-PL-4\",\"amount\":{\"amount\":\"500000\",\"currency\":\"USD\"},\"disbursedOn\":\"2024-03-01\"}"));
		ok(api.post("/api/projects/PL-4/fundings/eximbank", """
				{"fundingId":"K-PL-4","instrument":"EDCF_LOAN","amount":{"amount":"1000000000","currency":"KRW"},
				 "committedOn":"2024-01-25"}"""));
		api.eventually("/api/projects/PL-4", r -> r.body().contains("K-PL-4"));
		// the list is filled asynchronously: PL-4's disbursement listed does not mean its later KRW funding is
		api.awaitListed("PL-2");
		api.awaitListed("PL-4");
	}

	private static void ok(Response response) {
		assertThat(response.status()).as(response.toString()).isBetween(200, 201);
	}

	private List<String> ids(String query) {
		Response response = expect(200, api.get("/api/projects?" + query));
		List<String> ids = new ArrayList<>();
		for (JsonNode p : response.json().path("content")) {
			ids.add(p.path("projectId").asString());
		}
		return ids;
	}

	@Test
	void withoutASortTheListIsInProjectIdOrderAsBefore() {
		assertThat(ids("size=50")).containsExactly("PL-1", "PL-2", "PL-3", "PL-4", "PL-5");
		assertThat(ids("size=50&sort=projectId,desc")).containsExactly("PL-5", "PL-4", "PL-3", "PL-2", "PL-1");
	}

	@Test
	void sortsByEachColumnTheListKeepsAscendingOrDescending() {
		assertThat(ids("size=50&sort=title,asc")).containsExactly("PL-2", "PL-4", "PL-5", "PL-3", "PL-1");
		assertThat(ids("size=50&sort=title,desc")).containsExactly("PL-1", "PL-3", "PL-5", "PL-4", "PL-2");
		assertThat(ids("size=50&sort=region")).containsExactly("PL-4", "PL-5", "PL-1", "PL-2", "PL-3");
		assertThat(ids("size=50&sort=sector,asc")).containsExactly("PL-5", "PL-1", "PL-4", "PL-3", "PL-2");
		// stages in their life-cycle order, not alphabetically
		assertThat(ids("size=50&sort=stage,asc")).containsExactly("PL-1", "PL-3", "PL-5", "PL-2", "PL-4");
		assertThat(ids("size=50&sort=stage,desc")).containsExactly("PL-2", "PL-4", "PL-1", "PL-3", "PL-5");
		// ties (PL-1 and PL-3 proposed on the same day) in project id order, whichever the direction
		assertThat(ids("size=50&sort=proposedOn,desc")).containsExactly("PL-5", "PL-1", "PL-3", "PL-2", "PL-4");
		assertThat(ids("size=50&sort=proposedOn,asc")).containsExactly("PL-4", "PL-2", "PL-1", "PL-3", "PL-5");
		assertThat(ids("size=50&sort=lastEventAt,desc").get(0)).isIn("PL-2", "PL-4");
	}

	@Test
	void sortsByCommittedAndDisbursedAsConvertedWithAmountsWithoutARateLast() {
		// PL-4's 1 000 000 000 KRW has no rate: it is not ordered as if it were zero, nor as its USD part, but last
		assertThat(ids("size=50&sort=committed,asc")).containsExactly("PL-1", "PL-3", "PL-5", "PL-2", "PL-4");
		assertThat(ids("size=50&sort=committed,desc")).containsExactly("PL-2", "PL-1", "PL-3", "PL-5", "PL-4");
		// its disbursements are all in USD: PL-4 is placed by its 500 000
		assertThat(ids("size=50&sort=disbursed,asc")).containsExactly("PL-1", "PL-3", "PL-5", "PL-2", "PL-4");
		assertThat(ids("size=50&sort=disbursed,desc")).containsExactly("PL-4", "PL-2", "PL-1", "PL-3", "PL-5");
		// in UZS the 2024 disbursements have no rate (the test rates' first UZS rate is of 2025-09-10): PL-2 and PL-4
		// cannot be placed and come after the projects with nothing disbursed, in id order
		assertThat(ids("size=50&sort=disbursed,desc&displayCurrency=UZS")).containsExactly("PL-1", "PL-3", "PL-5", "PL-2", "PL-4");
		assertThat(ids("size=50&sort=disbursed,asc&displayCurrency=UZS")).containsExactly("PL-1", "PL-3", "PL-5", "PL-2", "PL-4");
		// filters first, then the order
		assertThat(ids("stage=IMPLEMENTATION&sort=committed,desc")).containsExactly("PL-2", "PL-4");
		JsonNode first = expect(200, api.get("/api/projects?size=50&sort=disbursed,desc")).json().path("content").get(0);
		assertThat(first.path("converted").path("disbursed").decimalValue()).isEqualByComparingTo("500000");
	}

	@Test
	void pagesByMoneyAreStableAndCountEveryProject() {
		Response first = expect(200, api.get("/api/projects?size=2&page=0&sort=committed,desc"));
		assertThat(first.json().path("totalElements").asLong()).isEqualTo(5);
		assertThat(first.json().path("totalPages").asInt()).isEqualTo(3);
		assertThat(ids("size=2&page=0&sort=committed,desc")).containsExactly("PL-2", "PL-1");
		assertThat(ids("size=2&page=1&sort=committed,desc")).containsExactly("PL-3", "PL-5");
		assertThat(ids("size=2&page=2&sort=committed,desc")).containsExactly("PL-4");
		assertThat(ids("size=2&page=3&sort=committed,desc")).isEmpty();
	}

	@Test
	void pagesFollowTheOrder() {
		Response first = expect(200, api.get("/api/projects?size=2&page=0&sort=proposedOn,asc"));
		assertThat(first.json().path("totalElements").asLong()).isEqualTo(5);
		assertThat(first.json().path("totalPages").asInt()).isEqualTo(3);
		assertThat(ids("size=2&page=0&sort=proposedOn,asc")).containsExactly("PL-4", "PL-2");
		assertThat(ids("size=2&page=1&sort=proposedOn,asc")).containsExactly("PL-1", "PL-3");
		assertThat(ids("size=2&page=2&sort=proposedOn,asc")).containsExactly("PL-5");
	}

	@Test
	void filtersByStageIatiStatusSectorAndRegionTogetherWithTheOrder() {
		assertThat(ids("stage=IMPLEMENTATION&sort=title")).containsExactly("PL-2", "PL-4");
		assertThat(ids("iatiStatus=2&sort=title,desc")).containsExactly("PL-4", "PL-2");
		assertThat(ids("iatiStatus=1&sort=proposedOn,desc")).containsExactly("PL-5", "PL-1", "PL-3");
		assertThat(ids("iatiStatus=1&region=Bukhara")).containsExactly("PL-5");
		assertThat(ids("sector=21030&sort=title")).containsExactly("PL-3");
	}

	@Test
	void filtersByFunderAndByTheFiscalYearAProjectWasActiveIn() {
		// the funder as recorded on a funding, case and spaces aside; with the other filters and the order
		assertThat(ids("funder=%20export-import%20bank%20of%20KOREA%20&sort=projectId,desc")).containsExactly("PL-4", "PL-2");
		assertThat(ids("funder=KOICA")).isEmpty();
		assertThat(ids("funder=Export-Import%20Bank%20of%20Korea&region=Andijan")).containsExactly("PL-4");
		// active in a fiscal year: proposed by its end (and not completed or cancelled before its start)
		assertThat(ids("fiscalYear=FY2023&sort=proposedOn,asc")).containsExactly("PL-4", "PL-2");
		assertThat(ids("fiscalYear=FY2022")).containsExactly("PL-4");
		assertThat(ids("fiscalYear=2024-Q2&sort=title")).containsExactly("PL-2", "PL-4", "PL-3", "PL-1");
		assertThat(ids("fiscalYear=fy2026&size=2&page=2")).containsExactly("PL-5");
		assertThat(ids("fiscalYear=FY2021")).isEmpty();
		Response page = expect(200, api.get("/api/projects?fiscalYear=FY2026&size=2"));
		assertThat(page.json().path("totalElements").asLong()).isEqualTo(5);
		assertThat(page.json().path("totalPages").asLong()).isEqualTo(3);
		// by money too
		assertThat(ids("fiscalYear=FY2023&sort=disbursed,desc")).containsExactly("PL-4", "PL-2");
	}

	@Test
	void aFiscalYearThatIsNoneIsA400NamingIt() {
		for (String year : List.of("2025", "FY25", "FY2025-Q5", "next")) {
			Response bad = expect(400, api.get("/api/projects?fiscalYear=" + year));
			assertThat(errorFields(bad)).containsExactly("fiscalYear");
			assertThat(bad.json().path("errors").get(0).path("reason").asString()).contains("not a fiscal year or quarter");
		}
		assertThat(errorFields(expect(400, api.get("/api/projects?funder=" + "x".repeat(201))))).containsExactly("funder");
	}

	@Test
	void aBadSortOrStatusIsA400NamingTheField() {
		for (String sort : List.of("colour", "title,sideways", "title,asc,again", "document", "search_text")) {
			assertThat(errorFields(expect(400, api.get("/api/projects?sort=" + sort)))).containsExactly("sort");
		}
		assertThat(errorFields(expect(400, api.get("/api/projects?iatiStatus=9")))).containsExactly("iatiStatus");
	}
}
