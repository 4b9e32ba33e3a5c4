package org.pipelinetracker.facility.web;

import org.pipelinetracker.facility.app.FacilityReservations;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.pipelinetracker.facility.api.FacilityHeadroomReservedEvent;
import org.pipelinetracker.project.api.CommandRejectedException;
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.kernel.AuditMetadata;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * {@code /api/facilities} over a real port: create, read at once, list, every error response; and the
 * reservations the project write path makes through {@link FacilityReservations}, as the read model shows them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FacilityApiTest {

	private static final Map<String, Object> META = Map.of(AuditMetadata.ACTOR, "project-write-path");

	@LocalServerPort
	int port;

	@Autowired
	EventStore eventStore;

	@Autowired
	FacilityReservations reservations;

	Api api() {
		return new Api(port);
	}

	static String uniqueId(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static String edcf(String id) {
		return """
				{"facilityId":"%s","name":"EDCF framework arrangement 2024-2027","lender":"Export-Import Bank of Korea",
				 "limit":{"amount":2000000000,"currency":"usd"},"validFrom":"2024-01-01","validTo":"2027-12-31",
				 "reason":"Framework arrangement signed","sourceUrl":"https://example.org/edcf-framework"}
				""".formatted(id);
	}

	String created() {
		String id = uniqueId("EDCF");
		expect(201, api().post("/api/facilities", edcf(id)));
		return id;
	}

	static Response expect(int status, Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		if (status >= 400) {
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
			assertThat(response.json().path("status").asInt()).isEqualTo(status);
			assertThat(response.json().path("detail").asString()).isNotBlank();
		}
		return response;
	}

	static List<String> errorFields(Response response) {
		List<String> fields = new ArrayList<>();
		for (JsonNode error : response.json().path("errors")) {
			fields.add(error.path("field").asString());
		}
		return fields;
	}

	static Money usd(String amount) {
		return Money.of(amount, "USD");
	}

	@Test
	void createsAFacilityThatCanBeReadAtOnce() {
		String id = uniqueId("EDCF");
		Response created = expect(201, api().as("alice").post("/api/facilities", edcf(id)));
		assertThat(created.header("Location")).endsWith("/api/facilities/" + id);
		assertThat(created.json().path("facilityId").asString()).isEqualTo(id);
		assertThat(created.json().path("version").asLong()).isZero();

		// no polling: the create answered only once the read model had the facility
		Response read = expect(200, api().get("/api/facilities/" + id));
		JsonNode f = read.json();
		// money as exact decimals at the currency's scale
		assertThat(read.body()).contains("\"limit\":{\"amount\":2000000000.00,\"currency\":\"USD\"}")
				.contains("\"committed\":{\"amount\":0.00,\"currency\":\"USD\"}");
		assertThat(f.path("facilityId").asString()).isEqualTo(id);
		assertThat(f.path("name").asString()).isEqualTo("EDCF framework arrangement 2024-2027");
		assertThat(f.path("lender").asString()).isEqualTo("Export-Import Bank of Korea");
		assertThat(f.path("limit").path("amount").decimalValue()).isEqualByComparingTo("2000000000.00");
		assertThat(f.path("limit").path("currency").asString()).isEqualTo("USD");
		assertThat(f.path("committed").path("amount").decimalValue()).isEqualByComparingTo("0.00");
		assertThat(f.path("remaining").path("amount").decimalValue()).isEqualByComparingTo("2000000000.00");
		assertThat(f.path("validFrom").asString()).isEqualTo("2024-01-01");
		assertThat(f.path("validTo").asString()).isEqualTo("2027-12-31");
		assertThat(f.path("projects").isArray()).isTrue();
		assertThat(f.path("projects")).isEmpty();
		assertThat(f.path("version").asLong()).isZero();

		DomainEventMessage<?> event = eventStore.readEvents(id).next();
		assertThat(event.getMetaData()).containsEntry(AuditMetadata.ACTOR, "alice")
				.containsEntry(AuditMetadata.REASON, "Framework arrangement signed")
				.containsEntry(AuditMetadata.SOURCE_URL, "https://example.org/edcf-framework");
	}

	@Test
	void theActorIsTheSignedInUserWhateverAnXActorHeaderSays() {
		String id = created();
		assertThat(eventStore.readEvents(id).next().getMetaData()).containsEntry(AuditMetadata.ACTOR, "admin");
		String forged = uniqueId("EDCF");
		expect(201, api().as("dave").header("X-Actor", "mallory").post("/api/facilities", edcf(forged)));
		assertThat(eventStore.readEvents(forged).next().getMetaData()).containsEntry(AuditMetadata.ACTOR, "dave");
	}

	@Test
	void listsFacilitiesById() {
		String a = created();
		String b = created();
		JsonNode list = expect(200, api().get("/api/facilities")).json();
		List<String> ids = new ArrayList<>();
		list.forEach(f -> ids.add(f.path("facilityId").asString()));
		assertThat(ids).contains(a, b).isSorted();
	}

	@Test
	void listsEveryBadFieldAtOnce() {
		Response bad = expect(400, api().post("/api/facilities", """
				{"facilityId":"x","name":" ","limit":{"amount":"-5","currency":"XYZ"},
				 "validFrom":"2027-01-01","validTo":"2024-01-01","sourceUrl":"ftp://example.org/x"}
				"""));
		assertThat(bad.json().path("type").asString()).isEqualTo("/problems/invalid-request");
		assertThat(errorFields(bad)).containsExactlyInAnyOrder("facilityId", "name", "lender", "limit.amount",
				"limit.currency", "validTo", "sourceUrl");
	}

	@Test
	void refusesMissingFieldsAndTooManyDecimals() {
		assertThat(errorFields(expect(400, api().post("/api/facilities", "{}"))))
				.containsExactlyInAnyOrder("facilityId", "name", "lender", "limit", "validFrom", "validTo");
		Response decimals = expect(400, api().post("/api/facilities", edcf(uniqueId("EDCF"))
				.replace("\"amount\":2000000000,\"currency\":\"usd\"", "\"amount\":\"1000.5\",\"currency\":\"KRW\"")));
		assertThat(errorFields(decimals)).containsExactly("limit.amount");
		assertThat(decimals.json().path("errors").get(0).path("reason").asString())
				.isEqualTo("KRW amounts have at most 0 decimal places");
		Response date = expect(400, api().post("/api/facilities", edcf(uniqueId("EDCF"))
				.replace("\"2024-01-01\"", "\"2024-02-30\"")));
		assertThat(errorFields(date)).containsExactly("validFrom");
	}

	@Test
	void anUnknownFacilityIsNotFound() {
		Response missing = expect(404, api().get("/api/facilities/NO-SUCH-FACILITY"));
		assertThat(missing.json().path("type").asString()).isEqualTo("/problems/not-found");
		assertThat(missing.json().path("detail").asString()).isEqualTo("There is no facility with id 'NO-SUCH-FACILITY'");
		expect(404, api().get("/api/facilities/x"));
	}

	@Test
	void refusesAnIdThatIsAlreadyUsed() {
		String id = created();
		Response again = expect(409, api().post("/api/facilities", edcf(id)));
		assertThat(again.json().path("type").asString()).isEqualTo("/problems/duplicate");
		assertThat(again.json().path("field").asString()).isEqualTo("facilityId");
		assertThat(again.json().path("detail").asString()).isEqualTo("a facility with id '" + id + "' already exists");

		String projectId = uniqueId("P");
		expect(201, api().post("/api/projects", """
				{"projectId":"%s","title":"Samarkand district heating","sector":"23620","region":"Samarkand","proposedOn":"2025-03-01"}
				""".formatted(projectId)));
		Response taken = expect(409, api().post("/api/facilities", edcf(projectId)));
		assertThat(taken.json().path("detail").asString()).contains("is already used by a project");
	}

	@Test
	void reservationsAndReleasesShowInTheView() {
		String id = created();
		assertThat(reservations.reserve(id, "KR-UZ-TRAINS", "EDCF-1", usd("250000000.00"), LocalDate.of(2024, 12, 31), META))
				.isEqualTo(1);
		assertThat(reservations.reserve(id, "KR-UZ-CLINIC", "EDCF-2", usd("90000000.00"), LocalDate.of(2025, 3, 1), META))
				.isEqualTo(2);
		// an upward correction of the trains' commitment reserves the difference
		assertThat(reservations.reserve(id, "KR-UZ-TRAINS", "EDCF-1", usd("10000000.00"), LocalDate.of(2025, 6, 1), META))
				.isEqualTo(3);
		// the clinic's commitment was refused by the project: everything is given back
		reservations.release(id, "KR-UZ-CLINIC", "EDCF-2", usd("90000000.00"), "the project refused the commitment", META);

		Response read = api().eventually("/api/facilities/" + id, r -> r.json().path("version").asLong() == 4);
		assertThat(read.body()).contains("\"remaining\":{\"amount\":1740000000.00,\"currency\":\"USD\"}");
		JsonNode f = read.json();
		assertThat(f.path("committed").path("amount").decimalValue()).isEqualByComparingTo("260000000.00");
		assertThat(f.path("remaining").path("amount").decimalValue()).isEqualByComparingTo("1740000000.00");
		assertThat(f.path("projects")).hasSize(1);
		JsonNode trains = f.path("projects").get(0);
		assertThat(trains.path("projectId").asString()).isEqualTo("KR-UZ-TRAINS");
		assertThat(trains.path("fundingId").asString()).isEqualTo("EDCF-1");
		assertThat(trains.path("amount").path("amount").decimalValue()).isEqualByComparingTo("260000000.00");
		assertThat(trains.path("amount").path("currency").asString()).isEqualTo("USD");
		assertThat(trains.path("committedOn").asString()).isEqualTo("2024-12-31");

		DomainEventMessage<?> last = eventStore.readEvents(id, 3).next();
		assertThat(last.getMetaData()).containsEntry(AuditMetadata.ACTOR, "project-write-path");
		assertThat(eventStore.readEvents(id, 1).next().getPayload()).isInstanceOf(FacilityHeadroomReservedEvent.class);
	}

	@Test
	void reservationRefusalsAreRuleViolations() {
		String id = created();
		CommandRejectedException over = catchThrowableOfType(CommandRejectedException.class, () -> reservations.reserve(
				id, "KR-UZ-TRAINS", "EDCF-1", usd("2000000000.01"), LocalDate.of(2025, 1, 1), META));
		assertThat(over.kind()).isEqualTo(CommandRejectedException.Kind.RULE_VIOLATION);
		assertThat(over.field()).isEqualTo("amount.amount");
		assertThat(over.getMessage()).contains("the limit is USD 2000000000.00, USD 0.00 is already committed and "
				+ "USD 2000000000.00 remains");

		CommandRejectedException currency = catchThrowableOfType(CommandRejectedException.class, () -> reservations
				.reserve(id, "KR-UZ-TRAINS", "EDCF-1", Money.of("1000", "KRW"), LocalDate.of(2025, 1, 1), META));
		assertThat(currency.kind()).isEqualTo(CommandRejectedException.Kind.RULE_VIOLATION);
		assertThat(currency.getMessage()).contains("facility " + id + " lends in USD");

		CommandRejectedException late = catchThrowableOfType(CommandRejectedException.class, () -> reservations
				.reserve(id, "KR-UZ-TRAINS", "EDCF-1", usd("1.00"), LocalDate.of(2028, 1, 1), META));
		assertThat(late.kind()).isEqualTo(CommandRejectedException.Kind.RULE_VIOLATION);
		assertThat(late.field()).isEqualTo("committedOn");

		CommandRejectedException release = catchThrowableOfType(CommandRejectedException.class, () -> reservations
				.release(id, "KR-UZ-TRAINS", "EDCF-1", usd("1.00"), null, META));
		assertThat(release.kind()).isEqualTo(CommandRejectedException.Kind.RULE_VIOLATION);
		assertThat(release.getMessage()).contains("nothing is reserved for it");
	}

	@Test
	void anUnknownFacilityIsARuleViolationForTheProjectWritePath() {
		for (String unknown : List.of("NO-SUCH-FACILITY", "x")) {
			CommandRejectedException rejected = catchThrowableOfType(CommandRejectedException.class, () -> reservations
					.reserve(unknown, "KR-UZ-TRAINS", "EDCF-1", usd("1.00"), LocalDate.of(2025, 1, 1), META));
			assertThat(rejected.kind()).isEqualTo(CommandRejectedException.Kind.RULE_VIOLATION);
			assertThat(rejected.field()).isEqualTo("facilityId");
			assertThat(rejected.getMessage()).isEqualTo("there is no facility '" + unknown + "'");
			CommandRejectedException release = catchThrowableOfType(CommandRejectedException.class, () -> reservations
					.release(unknown, "KR-UZ-TRAINS", "EDCF-1", usd("1.00"), "refused", META));
			assertThat(release.getMessage()).isEqualTo("there is no facility '" + unknown + "'");
		}

		// a project's id names an event stream, but not a facility's: refused the same way, and nothing is appended
		String projectId = uniqueId("P");
		expect(201, api().post("/api/projects", """
				{"projectId":"%s","title":"Samarkand district heating","sector":"23620","region":"Samarkand","proposedOn":"2025-03-01"}
				""".formatted(projectId)));
		CommandRejectedException project = catchThrowableOfType(CommandRejectedException.class, () -> reservations
				.reserve(projectId, "KR-UZ-TRAINS", "EDCF-1", usd("1.00"), LocalDate.of(2025, 4, 1), META));
		assertThat(project.kind()).isEqualTo(CommandRejectedException.Kind.RULE_VIOLATION);
		assertThat(project.getMessage()).isEqualTo("there is no facility '" + projectId + "'");
		assertThat(eventStore.lastSequenceNumberFor(projectId)).contains(0L);
		expect(200, api().get("/api/projects/" + projectId));
	}
}
