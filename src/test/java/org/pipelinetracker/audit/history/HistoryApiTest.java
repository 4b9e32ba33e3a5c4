package org.pipelinetracker.audit.history;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail over a real port: one project's exact history (order, global indexes, who, why, source,
 * correlation per command, effective dates and payloads) and the search across the store with every filter, paging
 * and the 400s and 404s. The scenario is written through the API by signed-in test users, in a context of its
 * own, so every count is exact.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tracker.test.context=history")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HistoryApiTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String SOURCE = "https://example.org/announcement";
	private static final String SEED_SOURCE = "/sources/000_070e66bfff429817.txt";

	@LocalServerPort
	int port;

	Api api;
	Instant beforeEverything;
	Instant afterFirstProject;
	Instant end;

	@BeforeAll
	void scenario() throws InterruptedException {
		api = new Api(port);
		beforeEverything = Instant.now();
		Thread.sleep(5);
		// H-1: proposed by alice, agreement by bob, EDCF commitment by alice, disbursement by carol, started by bob
		ok(api.as("alice").post("/api/projects", """
				{"projectId":"H-1","title":"Samarkand district heating","sector":"23620","region":"Samarkand",
				 "partners":[{"name":"KOICA","country":"KR","role":"FUNDING"}],
				 "estimatedCost":{"amount":"12000000","currency":"USD"},"proposedOn":"2024-01-10",
				 "reason":"Announced by the ministry","sourceUrl":"%s"}""".formatted(SOURCE)));
		ok(api.as("bob").post("/api/projects/H-1/agreements", """
				{"agreementId":"LOAN-1","type":"LOAN","signedOn":"2024-03-01","parties":["MoF","KEXIM"],
				 "reason":"Loan agreement signed","sourceUrl":"%s"}""".formatted(SEED_SOURCE)));
		ok(api.as("alice").post("/api/projects/H-1/fundings/eximbank", """
				{"fundingId":"EDCF-1","instrument":"EDCF_LOAN","amount":{"amount":"10000000","currency":"USD"},
				 "committedOn":"2024-04-01","interestRate":0.1,"maturityYears":40,"graceYears":10}"""));
		ok(api.as("carol").post("/api/projects/H-1/disbursements", """
				{"fundingId":"EDCF-1","amount":{"amount":"2500000.50","currency":"USD"},"disbursedOn":"2024-06-01",
				 "reason":"First tranche"}"""));
		ok(api.as("bob").post("/api/projects/H-1/start", "{\"on\":\"2024-09-01\"}"));
		Thread.sleep(5);
		afterFirstProject = Instant.now();
		Thread.sleep(5);
		// a facility by dave, then H-2 proposed by carol
		ok(api.as("dave").post("/api/facilities", """
				{"facilityId":"H-FAC","name":"EDCF framework","lender":"Export-Import Bank of Korea",
				 "limit":{"amount":"2000000000","currency":"USD"},"validFrom":"2024-01-01","validTo":"2027-12-31",
				 "reason":"Framework arrangement"}"""));
		ok(api.as("carol").post("/api/projects", """
				{"projectId":"H-2","title":"Navoi substation","sector":"23630","region":"Navoi","proposedOn":"2025-11-01"}"""));
		Thread.sleep(5);
		end = Instant.now();
	}

	@Test
	void theHistoryOfAProjectIsEveryEventInOrderWithWhoWhyWhereFromAndWhen() {
		Response response = api.get("/api/projects/H-1/history");
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode history = response.json();
		assertThat(history.isArray()).isTrue();
		assertThat(values(history, e -> e.path("type").asString())).containsExactly("ProjectProposedEvent",
				"AgreementSignedEvent", "ProjectStageChangedEvent", "FundingCommittedEvent", "ProjectStageChangedEvent",
				"DisbursementRecordedEvent", "ImplementationStartedEvent");
		assertThat(values(history, e -> e.path("sequence").asLong())).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L);
		List<Long> globalIndexes = values(history, e -> e.path("globalIndex").asLong());
		assertThat(globalIndexes).isSorted().doesNotHaveDuplicates();
		assertThat(values(history, e -> e.path("aggregateType").asString())).containsOnly("Project");
		assertThat(values(history, e -> e.path("aggregateId").asString())).containsOnly("H-1");
		assertThat(values(history, e -> e.path("actor").asString())).containsExactly("alice", "bob", "bob", "alice",
				"alice", "carol", "bob");
		assertThat(values(history, e -> text(e.path("reason")))).containsExactly("Announced by the ministry",
				"Loan agreement signed", "Loan agreement signed", null, null, "First tranche", null);
		assertThat(values(history, e -> text(e.path("sourceUrl")))).containsExactly(SOURCE, SEED_SOURCE, SEED_SOURCE,
				null, null, null, null);
		assertThat(values(history, e -> e.path("effectiveDate").asString())).containsExactly("2024-01-10",
				"2024-03-01", "2024-03-01", "2024-04-01", "2024-04-01", "2024-06-01", "2024-09-01");
		List<Instant> recordedAt = values(history, e -> Instant.parse(e.path("recordedAt").asString()));
		assertThat(recordedAt).isSorted().allSatisfy(t -> assertThat(t).isBetween(
				beforeEverything.minusMillis(1), afterFirstProject));

		// one command, one correlation id: agreement + stage change, commitment + stage change
		List<String> correlation = values(history, e -> e.path("correlationId").asString());
		assertThat(correlation).allSatisfy(id -> assertThat(id).isNotBlank());
		assertThat(correlation.get(1)).isEqualTo(correlation.get(2));
		assertThat(correlation.get(3)).isEqualTo(correlation.get(4));
		assertThat(new HashSet<>(correlation)).hasSize(5);

		// payloads are JSON objects: the events as the API writes them
		assertThat(history).allSatisfy(e -> assertThat(e.path("payload").isObject()).isTrue());
		assertThat(history.get(0).path("payload")).isEqualTo(tree("""
				{"projectId":"H-1","title":"Samarkand district heating","description":null,"sector":"23620",
				 "region":"Samarkand Region","partners":[{"name":"KOICA","country":"KR","role":"FUNDING","ref":null,
				 "type":null,"names":{},"activityId":null,"crsChannelCode":null}],
				 "estimatedCost":{"amount":12000000.00,"currency":"USD"},"proposedOn":"2024-01-10",
				 "plannedStart":null,"plannedEnd":null,"language":"en"}"""));
		assertThat(history.get(2).path("payload")).isEqualTo(tree("""
				{"projectId":"H-1","from":"PROPOSED","to":"AGREED","changedOn":"2024-03-01"}"""));
		assertThat(history.get(3).path("payload")).isEqualTo(tree("""
				{"projectId":"H-1","fundingId":"EDCF-1","source":"EXIMBANK","instrument":"EDCF_LOAN",
				 "funder":"Export-Import Bank of Korea","amount":{"amount":10000000.00,"currency":"USD"},
				 "committedOn":"2024-04-01","terms":{"interestRate":0.1,"maturityYears":40,"graceYears":10,"convention":null},
				 "financeType":"421","flowType":"10","facilityId":null,"dates":null}"""));
		assertThat(history.get(5).path("payload")).isEqualTo(tree("""
				{"projectId":"H-1","fundingId":"EDCF-1","amount":{"amount":2500000.50,"currency":"USD"},
				 "disbursedOn":"2024-06-01"}"""));
		assertThat(response.body()).as("money keeps its exact decimals")
				.contains("\"amount\":{\"amount\":2500000.50,\"currency\":\"USD\"},\"disbursedOn\":\"2024-06-01\"");
	}

	@Test
	void theHistoryOfAnUnknownProjectOrOfAFacilityIsNotFound() {
		for (String id : List.of("NO-SUCH-PROJECT", "H-FAC")) {
			Response response = api.get("/api/projects/" + id + "/history");
			assertThat(response.status()).as(response.toString()).isEqualTo(404);
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
			assertThat(response.json().path("type").asString()).isEqualTo("/problems/not-found");
			assertThat(response.json().path("detail").asString()).contains(id);
		}
	}

	@Test
	void theSearchWithoutFiltersListsEveryEventOfEveryProjectAndFacilityInGlobalOrder() {
		JsonNode page = ok(api.get("/api/audit/events?size=200")).json();
		assertThat(page.path("totalElements").asLong()).isEqualTo(9);
		assertThat(page.path("totalPages").asInt()).isEqualTo(1);
		assertThat(page.path("page").asInt()).isZero();
		assertThat(page.path("size").asInt()).isEqualTo(200);
		JsonNode content = page.path("content");
		assertThat(values(content, e -> e.path("globalIndex").asLong())).isSorted().doesNotHaveDuplicates();
		assertThat(values(content, e -> e.path("aggregateId").asString() + "#" + e.path("sequence").asLong()))
				.containsExactly("H-1#0", "H-1#1", "H-1#2", "H-1#3", "H-1#4", "H-1#5", "H-1#6", "H-FAC#0", "H-2#0");
		JsonNode facility = content.get(7);
		assertThat(facility.path("type").asString()).isEqualTo("FacilityCreatedEvent");
		assertThat(facility.path("aggregateType").asString()).isEqualTo("Facility");
		assertThat(facility.path("effectiveDate").isNull()).as("facility events have no effective date").isTrue();
		assertThat(facility.path("actor").asString()).isEqualTo("dave");
		assertThat(facility.path("reason").asString()).isEqualTo("Framework arrangement");
		assertThat(facility.path("payload").path("facilityId").asString()).isEqualTo("H-FAC");
		// the same entries as the project's own history
		JsonNode history = api.get("/api/projects/H-1/history").json();
		for (int i = 0; i < history.size(); i++) {
			assertThat(content.get(i)).isEqualTo(history.get(i));
		}
	}

	@Test
	void theSearchFiltersByActorTypeAndRecordingTime() {
		assertThat(keys("actor=alice")).containsExactly("H-1#0", "H-1#3", "H-1#4");
		assertThat(keys("actor=carol")).containsExactly("H-1#5", "H-2#0");
		assertThat(keys("actor=Alice")).as("the actor matches exactly").isEmpty();
		assertThat(keys("type=ProjectStageChangedEvent")).containsExactly("H-1#2", "H-1#4");
		assertThat(keys("type=FacilityCreatedEvent")).containsExactly("H-FAC#0");
		assertThat(keys("type=ProjectCancelledEvent")).as("a known type with no events").isEmpty();
		assertThat(keys("from=" + afterFirstProject)).containsExactly("H-FAC#0", "H-2#0");
		assertThat(keys("to=" + afterFirstProject)).containsExactly("H-1#0", "H-1#1", "H-1#2", "H-1#3", "H-1#4",
				"H-1#5", "H-1#6");
		assertThat(keys("from=" + beforeEverything + "&to=" + end)).hasSize(9);
		assertThat(keys("to=" + beforeEverything)).isEmpty();
		assertThat(keys("from=" + end)).isEmpty();
		assertThat(keys("actor=carol&type=ProjectProposedEvent")).containsExactly("H-2#0");
		assertThat(keys("actor=carol&from=" + afterFirstProject)).containsExactly("H-2#0");
		assertThat(keys("actor=bob&type=ProjectStageChangedEvent&to=" + afterFirstProject)).containsExactly("H-1#2");
		assertThat(keys("actor=nobody")).isEmpty();

		// an exact instant bounds inclusively on both sides
		JsonNode disbursement = api.get("/api/audit/events?type=DisbursementRecordedEvent").json().path("content").get(0);
		String at = disbursement.path("recordedAt").asString();
		assertThat(keys("type=DisbursementRecordedEvent&from=" + at + "&to=" + at)).containsExactly("H-1#5");
		Instant justAfter = Instant.parse(at).plusNanos(1);
		assertThat(keys("type=DisbursementRecordedEvent&from=" + justAfter)).isEmpty();
	}

	@Test
	void theSearchPagesInGlobalOrderWithAndWithoutAnActor() {
		List<String> all = keys("size=200");
		List<String> paged = new ArrayList<>();
		for (int p = 0; p < 5; p++) {
			JsonNode page = ok(api.get("/api/audit/events?size=2&page=" + p)).json();
			assertThat(page.path("totalElements").asLong()).isEqualTo(9);
			assertThat(page.path("totalPages").asInt()).isEqualTo(5);
			assertThat(page.path("page").asInt()).isEqualTo(p);
			assertThat(page.path("size").asInt()).isEqualTo(2);
			assertThat(page.path("content").size()).isEqualTo(p < 4 ? 2 : 1);
			paged.addAll(values(page.path("content"), e -> e.path("aggregateId").asString() + "#" + e.path("sequence").asLong()));
		}
		assertThat(paged).isEqualTo(all);
		JsonNode beyond = ok(api.get("/api/audit/events?size=2&page=5")).json();
		assertThat(beyond.path("content").size()).isZero();
		assertThat(beyond.path("totalElements").asLong()).isEqualTo(9);

		JsonNode alice0 = ok(api.get("/api/audit/events?actor=alice&size=2&page=0")).json();
		JsonNode alice1 = ok(api.get("/api/audit/events?actor=alice&size=2&page=1")).json();
		assertThat(alice0.path("totalElements").asLong()).isEqualTo(3);
		assertThat(alice0.path("totalPages").asInt()).isEqualTo(2);
		assertThat(values(alice0.path("content"), e -> e.path("sequence").asLong())).containsExactly(0L, 3L);
		assertThat(values(alice1.path("content"), e -> e.path("sequence").asLong())).containsExactly(4L);
		assertThat(alice1.path("totalElements").asLong()).isEqualTo(3);

		JsonNode defaults = ok(api.get("/api/audit/events")).json();
		assertThat(defaults.path("page").asInt()).isZero();
		assertThat(defaults.path("size").asInt()).isEqualTo(20);
	}

	@Test
	void badSearchParametersAreAnsweredWith400ListingEveryBadField() {
		Response unknownType = api.get("/api/audit/events?type=FundingCommitted");
		assertThat(fields(unknownType)).containsExactly("type");
		String reason = unknownType.json().path("errors").get(0).path("reason").asString();
		assertThat(reason).contains("'FundingCommitted' is not an event type").contains("FundingCommittedEvent",
				"ProjectProposedEvent", "DisbursementRecordedEvent", "FacilityCreatedEvent",
				"FacilityHeadroomReservedEvent", "FacilityHeadroomReleasedEvent", "ProjectStalledEvent");

		assertThat(fields(api.get("/api/audit/events?size=0&page=-1&type=Nope"))).containsExactlyInAnyOrder(
				"size", "page", "type");
		assertThat(fields(api.get("/api/audit/events?size=201"))).containsExactly("size");
		assertThat(fields(api.get("/api/audit/events?from=2026-01-01T00:00:00Z&to=2025-01-01T00:00:00Z")))
				.containsExactly("to");
		assertThat(fields(api.get("/api/audit/events?from=yesterday"))).containsExactly("from");
		assertThat(fields(api.get("/api/audit/events?to=2025-13-01T00:00:00Z"))).containsExactly("to");
		assertThat(fields(api.get("/api/audit/events?size=ten"))).containsExactly("size");
	}

	// --- helpers

	private List<String> keys(String query) {
		JsonNode page = ok(api.get("/api/audit/events?size=200&" + query)).json();
		List<String> keys = values(page.path("content"), e -> e.path("aggregateId").asString() + "#" + e.path("sequence").asLong());
		assertThat(page.path("totalElements").asLong()).as(query).isEqualTo(keys.size());
		return keys;
	}

	private static List<String> fields(Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().path("type").asString()).isEqualTo("/problems/invalid-request");
		return values(response.json().path("errors"), e -> e.path("field").asString());
	}

	private static <T> List<T> values(JsonNode array, Function<JsonNode, T> value) {
		List<T> values = new ArrayList<>();
		array.forEach(e -> values.add(value.apply(e)));
		return values;
	}

	private static String text(JsonNode node) {
		return node.isNull() || node.isMissingNode() ? null : node.asString();
	}

	private static JsonNode tree(String json) {
		return JSON.readTree(json);
	}

	private static Response ok(Response response) {
		assertThat(response.status()).as(response.toString()).isBetween(200, 201);
		return response;
	}
}
