package org.pipelinetracker.project.web;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP API over a real port: the whole lifecycle, reads, filters and every kind of error response.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ProjectApiTest {

	@LocalServerPort
	int port;

	@Autowired
	EventStore eventStore;

	Api api() {
		return new Api(port);
	}

	static String uniqueId(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static String proposal(String id) {
		return """
				{"projectId":"%s","title":"Tashkent–Urgench–Khiva high-speed trains",
				 "description":"Six Hyundai Rotem trains","sector":"21030","region":"khorezm",
				 "partners":[{"name":"Hyundai Rotem","country":"kr","role":"IMPLEMENTING"},
				             {"name":"Export-Import Bank of Korea","country":"KR","role":"FUNDING"}],
				 "estimatedCost":{"amount":"250000000","currency":"USD"},
				 "proposedOn":"2024-01-10","plannedStart":"2025-01-01","plannedEnd":"2027-12-31",
				 "reason":"Reported by UzDaily","sourceUrl":"https://uzdaily.uz/en/article"}
				""".formatted(id);
	}

	String proposed() {
		String id = uniqueId("P");
		assertThat(api().post("/api/projects", proposal(id)).status()).isEqualTo(201);
		return id;
	}

	String financed() {
		String id = proposed();
		expect(200, api().post("/api/projects/" + id + "/agreements",
				"{\"agreementId\":\"LOAN-1\",\"type\":\"LOAN\",\"signedOn\":\"2024-03-01\",\"parties\":[\"MoF\",\"KEXIM\"]}"));
		expect(200, api().post("/api/projects/" + id + "/fundings/eximbank",
				"{\"fundingId\":\"EDCF-1\",\"instrument\":\"EDCF_LOAN\",\"amount\":{\"amount\":100000000,\"currency\":\"USD\"},"
						+ "\"committedOn\":\"2024-04-01\",\"interestRate\":0.1,\"maturityYears\":40,\"graceYears\":10}"));
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

	@Nested
	class Writing {

		@Test
		void proposesAProjectAndReadsItBack() {
			String id = uniqueId("KR-UZ");
			Response created = expect(201, api().post("/api/projects", proposal(id)));
			assertThat(created.header("Location")).endsWith("/api/projects/" + id);
			assertThat(created.json().path("projectId").asString()).isEqualTo(id);
			assertThat(created.json().path("version").asLong()).isZero();

			Response read = expect(200, api().get("/api/projects/" + id));
			JsonNode p = read.json();
			assertThat(p.path("title").asString()).isEqualTo("Tashkent–Urgench–Khiva high-speed trains");
			assertThat(p.path("sector").asString()).isEqualTo("21030");
			assertThat(p.path("sectorName").asString()).isEqualTo("Rail transport");
			assertThat(p.path("region").asString()).isEqualTo("Khorezm Region");
			assertThat(p.path("stage").asString()).isEqualTo("PROPOSED");
			assertThat(p.path("iatiStatus").asString()).isEqualTo("1");
			assertThat(p.path("partners").get(0).path("country").asString()).isEqualTo("KR");
			assertThat(p.path("estimatedCost").path("amount").decimalValue()).isEqualByComparingTo("250000000");
			assertThat(p.path("estimatedCost").path("currency").asString()).isEqualTo("USD");
			assertThat(p.path("version").asLong()).isZero();
			assertThat(Instant.parse(p.path("lastEventAt").asString())).isBefore(Instant.now().plusSeconds(1));
			assertThat(read.header("ETag")).isEqualTo("\"0\"");
		}

		@Test
		void generatesAnIdWhenNoneIsGiven() {
			Response created = expect(201, api().post("/api/projects",
					"{\"title\":\"Jizzakh waste recycling plant\",\"sector\":\"14050\",\"region\":\"Jizzakh\",\"proposedOn\":\"2024-06-01\"}"));
			String id = created.json().path("projectId").asString();
			assertThat(id).matches("PRJ-[0-9A-F]{12}");
			expect(200, api().get("/api/projects/" + id));
		}

		@Test
		void drivesAProjectThroughItsWholeLifecycle() {
			String id = proposed();
			String base = "/api/projects/" + id;

			expect(200, api().post(base + "/agreements",
					"{\"agreementId\":\"MOU-1\",\"type\":\"MOU\",\"signedOn\":\"2024-02-01\",\"parties\":[\"MIIT\",\"Hyundai Rotem\"]}"));
			assertThat(api().get(base).json().path("stage").asString()).isEqualTo("PROPOSED");

			Response agreed = expect(200, api().post(base + "/agreements",
					"{\"agreementId\":\"LOAN-1\",\"type\":\"LOAN\",\"signedOn\":\"2024-03-01\",\"parties\":[\"MoF\",\"KEXIM\"],"
							+ "\"documentUrl\":\"https://example.org/loan.pdf\"}"));
			assertThat(agreed.json().path("version").asLong()).isEqualTo(3);
			assertThat(api().get(base).json().path("stage").asString()).isEqualTo("AGREED");

			expect(200, api().post(base + "/fundings/eximbank",
					"{\"fundingId\":\"EDCF-1\",\"instrument\":\"EDCF_LOAN\",\"amount\":{\"amount\":\"100000000.00\",\"currency\":\"USD\"},"
							+ "\"committedOn\":\"2024-04-01\",\"interestRate\":\"0.10\",\"maturityYears\":40,\"graceYears\":10}"));
			expect(200, api().post(base + "/fundings",
					"{\"fundingId\":\"KOICA-1\",\"source\":\"KOICA_GRANT\",\"funder\":\"KOICA\",\"amount\":{\"amount\":5000000,\"currency\":\"USD\"},\"committedOn\":\"2024-05-01\"}"));
			expect(200, api().post(base + "/fundings",
					"{\"fundingId\":\"UZ-1\",\"source\":\"UZBEK_BUDGET\",\"funder\":\"Ministry of Economy and Finance\",\"amount\":{\"amount\":\"61775700000\",\"currency\":\"UZS\"},\"committedOn\":\"2024-05-02\"}"));
			JsonNode financed = api().get(base).json();
			assertThat(financed.path("stage").asString()).isEqualTo("FINANCED");
			assertThat(financed.path("committedByCurrency").path("USD").decimalValue()).isEqualByComparingTo("105000000");
			assertThat(financed.path("committedByCurrency").path("UZS").decimalValue()).isEqualByComparingTo("61775700000");
			JsonNode edcf = financed.path("fundings").get(0);
			assertThat(edcf.path("source").asString()).isEqualTo("EXIMBANK");
			assertThat(edcf.path("instrument").asString()).isEqualTo("EDCF_LOAN");
			assertThat(edcf.path("financeType").asString()).isEqualTo("421");
			assertThat(edcf.path("flowType").asString()).isEqualTo("10");
			assertThat(edcf.path("terms").path("maturityYears").asInt()).isEqualTo(40);
			assertThat(financed.path("fundings").get(1).path("financeType").asString()).isEqualTo("110");

			expect(200, api().post(base + "/disbursements",
					"{\"fundingId\":\"EDCF-1\",\"amount\":{\"amount\":\"20000000.50\",\"currency\":\"USD\"},\"disbursedOn\":\"2024-07-01\"}"));
			expect(200, api().post(base + "/milestones",
					"{\"milestoneId\":\"M1\",\"name\":\"First train delivered\",\"plannedOn\":\"2024-09-01\",\"on\":\"2024-05-10\"}"));
			expect(200, api().post(base + "/milestones", "{\"milestoneId\":\"M1\",\"achievedOn\":\"2024-09-15\"}"));
			expect(200, api().post(base + "/start", "{\"on\":\"2024-06-01\",\"reason\":\"Contractor mobilised\"}"));
			expect(200, api().post(base + "/suspend", "{\"on\":\"2024-10-01\",\"reason\":\"Procurement review\"}"));
			JsonNode suspended = api().get(base).json();
			assertThat(suspended.path("stage").asString()).isEqualTo("SUSPENDED");
			assertThat(suspended.path("iatiStatus").asString()).isEqualTo("6");
			expect(409, api().post(base + "/disbursements",
					"{\"fundingId\":\"EDCF-1\",\"amount\":{\"amount\":1,\"currency\":\"USD\"},\"disbursedOn\":\"2024-10-02\"}"));
			expect(200, api().post(base + "/resume", "{\"on\":\"2024-11-01\"}"));
			assertThat(api().get(base).json().path("stage").asString()).isEqualTo("IMPLEMENTATION");
			expect(200, api().post(base + "/fundings/KOICA-1/corrections",
					"{\"amount\":{\"amount\":4500000,\"currency\":\"USD\"},\"reason\":\"Grant agreement amended\",\"on\":\"2024-12-01\"}"));
			Response completed = expect(200, api().post(base + "/complete", "{\"on\":\"2025-06-30\"}"));

			Response read = expect(200, api().get(base));
			JsonNode p = read.json();
			assertThat(p.path("stage").asString()).isEqualTo("COMPLETED");
			assertThat(p.path("iatiStatus").asString()).isEqualTo("4");
			assertThat(p.path("version").asLong()).isEqualTo(completed.json().path("version").asLong());
			assertThat(read.header("ETag")).isEqualTo("\"" + p.path("version").asLong() + "\"");
			assertThat(p.path("committedByCurrency").path("USD").decimalValue()).isEqualByComparingTo("104500000");
			assertThat(p.path("disbursedByCurrency").path("USD").decimalValue()).isEqualByComparingTo("20000000.50");
			JsonNode edcfAfter = p.path("fundings").get(0);
			assertThat(edcfAfter.path("disbursed").path("amount").decimalValue()).isEqualByComparingTo("20000000.50");
			assertThat(edcfAfter.path("undisbursed").path("amount").decimalValue()).isEqualByComparingTo("79999999.50");
			JsonNode koica = p.path("fundings").get(1);
			assertThat(koica.path("amount").path("amount").decimalValue()).isEqualByComparingTo("4500000");
			assertThat(koica.path("originalAmount").path("amount").decimalValue()).isEqualByComparingTo("5000000");
			assertThat(koica.path("corrections").get(0).path("reason").asString()).isEqualTo("Grant agreement amended");
			JsonNode milestone = p.path("milestones").get(0);
			assertThat(milestone.path("name").asString()).isEqualTo("First train delivered");
			assertThat(milestone.path("plannedOn").asString()).isEqualTo("2024-09-01");
			assertThat(milestone.path("achievedOn").asString()).isEqualTo("2024-09-15");
			assertThat(milestone.path("slippageDays").asLong()).isEqualTo(14);
			List<String> stages = new ArrayList<>();
			p.path("stageHistory").forEach(s -> stages.add(s.path("stage").asString()));
			assertThat(stages).containsExactly("PROPOSED", "AGREED", "FINANCED", "IMPLEMENTATION", "SUSPENDED",
					"IMPLEMENTATION", "COMPLETED");

			Response refused = expect(409, api().post(base + "/milestones",
					"{\"milestoneId\":\"M2\",\"name\":\"Late\",\"plannedOn\":\"2025-09-01\"}"));
			assertThat(refused.json().path("detail").asString()).contains("COMPLETED").contains("only funding corrections");
			expect(200, api().post(base + "/fundings/EDCF-1/corrections",
					"{\"amount\":{\"amount\":\"90000000\",\"currency\":\"USD\"},\"reason\":\"Loan cancelled in part\",\"on\":\"2025-07-01\"}"));
		}

		@Test
		void keepsMoneyExactToTheCent() {
			String id = financed();
			expect(200, api().post("/api/projects/" + id + "/fundings",
					"{\"fundingId\":\"BIG\",\"source\":\"OTHER\",\"funder\":\"Consortium\",\"amount\":{\"amount\":\"123456789012345.67\",\"currency\":\"USD\"},\"committedOn\":\"2024-04-02\"}"));
			String body = api().get("/api/projects/" + id).body();
			assertThat(body).contains("\"amount\":123456789012345.67");
			assertThat(body).contains("\"USD\":123456889012345.67");
		}

		@Test
		void recordsActorReasonAndSourceInEveryEvent() {
			String id = uniqueId("META");
			expect(201, api().as("recorder.alice").post("/api/projects", proposal(id)));
			expect(200, api().as("recorder.alice").post("/api/projects/" + id + "/agreements",
					"{\"agreementId\":\"A1\",\"type\":\"GRANT\",\"signedOn\":\"2024-02-01\",\"reason\":\"Signed in Seoul\","
							+ "\"sourceUrl\":\"https://example.org/grant\"}"));
			List<? extends DomainEventMessage<?>> events = eventStore.readEvents(id, 0).asStream().toList();
			assertThat(events).hasSize(3); // proposed, agreement signed, stage changed
			assertThat(events.get(0).getMetaData()).containsEntry("actor", "recorder.alice")
					.containsEntry("reason", "Reported by UzDaily").containsEntry("sourceUrl", "https://uzdaily.uz/en/article")
					.containsKey("correlationId");
			for (DomainEventMessage<?> event : events.subList(1, 3)) {
				assertThat(event.getMetaData()).containsEntry("actor", "recorder.alice")
						.containsEntry("reason", "Signed in Seoul").containsEntry("sourceUrl", "https://example.org/grant");
			}
			assertThat(events.get(1).getMetaData().get("correlationId"))
					.isEqualTo(events.get(2).getMetaData().get("correlationId"));
		}

		@Test
		void recordsTheSignedInUserAndIgnoresAnXActorHeader() {
			String id = proposed();
			assertThat(eventStore.readEvents(id, 0).next().getMetaData()).containsEntry("actor", "admin");
			String forged = uniqueId("FORGED");
			expect(201, api().as("recorder").header("X-Actor", "mallory").post("/api/projects", proposal(forged)));
			assertThat(eventStore.readEvents(forged, 0).next().getMetaData()).containsEntry("actor", "recorder");
		}

		@Test
		void stageChangeWithoutBodyTakesToday() {
			String id = financed();
			expect(200, api().post("/api/projects/" + id + "/start", ""));
			JsonNode p = api().get("/api/projects/" + id).json();
			assertThat(p.path("stage").asString()).isEqualTo("IMPLEMENTATION");
			assertThat(p.path("stageSince").asString()).isEqualTo(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tashkent")).toString());
		}
	}

	@Nested
	class Reading {

		@Test
		void listsProjectsFilteredByStageSectorAndRegionAndPaged() {
			String marker = uniqueId("L");
			for (int i = 0; i < 3; i++) {
				expect(201, api().post("/api/projects", """
						{"projectId":"%s-%d","title":"Clinic %d","sector":"12191","region":"Samarkand","proposedOn":"2024-01-01"}
						""".formatted(marker, i, i)));
			}
			String financed = financed(); // rail, Khorezm
			Response samarkand = api().eventually("/api/projects?region=Samarkand%20Region&sector=12191&size=100",
					r -> r.json().path("totalElements").asLong() >= 3);
			for (JsonNode s : samarkand.json().path("content")) {
				assertThat(s.path("region").asString()).isEqualTo("Samarkand Region");
				assertThat(s.path("sector").asString()).isEqualTo("12191");
			}
			Response stageFinanced = api().eventually("/api/projects?stage=FINANCED&size=200",
					r -> r.body().contains(financed));
			for (JsonNode s : stageFinanced.json().path("content")) {
				assertThat(s.path("stage").asString()).isEqualTo("FINANCED");
			}
			JsonNode line = null;
			for (JsonNode s : stageFinanced.json().path("content")) {
				if (s.path("projectId").asString().equals(financed)) {
					line = s;
				}
			}
			assertThat(line).isNotNull();
			assertThat(line.path("committedByCurrency").path("USD").decimalValue()).isEqualByComparingTo("100000000");
			assertThat(line.path("iatiStatus").asString()).isEqualTo("1");

			Response firstPage = expect(200, api().get("/api/projects?region=samarkand&size=2&page=0"));
			assertThat(firstPage.json().path("content").size()).isEqualTo(2);
			assertThat(firstPage.json().path("size").asInt()).isEqualTo(2);
			assertThat(firstPage.json().path("totalPages").asInt())
					.isEqualTo((int) Math.ceil(firstPage.json().path("totalElements").asLong() / 2.0));
		}

		@Test
		void answersAsOfADateAndAsKnownAtAnInstant() throws InterruptedException {
			String id = proposed(); // proposed 2024-01-10
			Thread.sleep(20);
			Instant beforeBackdatedEntry = Instant.now();
			Thread.sleep(20);
			// recorded now, effective in 2024: a backdated agreement
			expect(200, api().post("/api/projects/" + id + "/agreements",
					"{\"agreementId\":\"LOAN-1\",\"type\":\"LOAN\",\"signedOn\":\"2024-03-01\"}"));

			assertThat(api().get("/api/projects/" + id + "?asOf=2024-02-29").json().path("stage").asString()).isEqualTo("PROPOSED");
			assertThat(api().get("/api/projects/" + id + "?asOf=2024-03-01").json().path("stage").asString()).isEqualTo("AGREED");
			assertThat(api().get("/api/projects/" + id + "?knownAt=" + beforeBackdatedEntry).json().path("stage").asString())
					.isEqualTo("PROPOSED");
			JsonNode both = api().get("/api/projects/" + id + "?asOf=2024-06-30&knownAt=" + beforeBackdatedEntry).json();
			assertThat(both.path("stage").asString()).isEqualTo("PROPOSED");
			assertThat(both.path("agreements").size()).isZero();
			expect(404, api().get("/api/projects/" + id + "?asOf=2023-12-31"));
		}
	}

	@Nested
	@ExtendWith(OutputCaptureExtension.class)
	class Errors {

		@Test
		void aRefusedCommandIsAnAnswerNotAWarningInTheLog(CapturedOutput output) {
			String id = proposed();
			expect(404, api().post("/api/projects/NO-SUCH-PROJECT/agreements",
					"{\"agreementId\":\"A1\",\"type\":\"LOAN\",\"signedOn\":\"2024-02-01\"}"));
			Response refused = api().post("/api/projects/" + id + "/disbursements",
					"{\"fundingId\":\"NO-SUCH-FUNDING\",\"amount\":{\"amount\":5,\"currency\":\"USD\"},"
							+ "\"disbursedOn\":\"2024-07-01\"}");
			assertThat(refused.status()).as(refused.toString()).isIn(409, 422);
			// Axon's repository logs each of these at WARN (the unknown id with a stack trace) before it rethrows;
			// the caller got its answer, so the operators' log stays quiet (application.properties)
			assertThat(output.getAll()).doesNotContain("AbstractRepository").doesNotContain("AggregateNotFoundException");
		}

		@Test
		void malformedJsonIsABadRequestNamingTheBody() {
			Response r = expect(400, api().post("/api/projects", "{\"title\": \"x\",,}"));
			assertThat(errorFields(r)).containsExactly("body");
			assertThat(r.json().path("errors").get(0).path("reason").asString()).startsWith("malformed JSON");
		}

		@Test
		void missingBodyIsABadRequest() {
			expect(400, api().post("/api/projects", ""));
		}

		@Test
		void listsEveryMissingField() {
			Response r = expect(400, api().post("/api/projects", "{}"));
			assertThat(errorFields(r)).contains("title", "sector", "region", "proposedOn");
			assertThat(r.json().path("type").asString()).isEqualTo("/problems/invalid-request");
		}

		@Test
		void listsEveryInvalidCodelistValue() {
			Response r = expect(400, api().post("/api/projects", """
					{"title":"T","sector":"99999","region":"Atlantis","proposedOn":"2024-01-01",
					 "partners":[{"name":"X","country":"XX","role":"FUNDING"}],
					 "estimatedCost":{"amount":"1.234","currency":"ABC"}}
					"""));
			assertThat(errorFields(r)).containsExactlyInAnyOrder("sector", "region", "partners[0].country",
					"estimatedCost.currency");
		}

		@Test
		void refusesMoreDecimalsThanTheCurrencyHas() {
			Response usd = expect(400, api().post("/api/projects", """
					{"title":"T","sector":"21030","region":"Tashkent City","proposedOn":"2024-01-01",
					 "estimatedCost":{"amount":"10.001","currency":"USD"}}"""));
			assertThat(errorFields(usd)).containsExactly("estimatedCost.amount");
			Response krw = expect(400, api().post("/api/projects", """
					{"title":"T","sector":"21030","region":"Tashkent City","proposedOn":"2024-01-01",
					 "estimatedCost":{"amount":"10.5","currency":"KRW"}}"""));
			assertThat(krw.json().path("errors").get(0).path("reason").asString()).contains("KRW").contains("0 decimal");
		}

		@Test
		void refusesZeroNegativeAndAbsurdAmounts() {
			String id = financed();
			for (String amount : List.of("0", "-5", "1e20", "\"NaN\"", "\"abc\"")) {
				Response r = expect(400, api().post("/api/projects/" + id + "/disbursements",
						"{\"fundingId\":\"EDCF-1\",\"amount\":{\"amount\":" + amount + ",\"currency\":\"USD\"},\"disbursedOn\":\"2024-07-01\"}"));
				assertThat(errorFields(r)).as(amount).containsExactly("amount.amount");
			}
		}

		@Test
		void unknownEnumValueNamesTheAllowedValues() {
			String id = proposed();
			Response r = expect(400, api().post("/api/projects/" + id + "/agreements",
					"{\"agreementId\":\"A1\",\"type\":\"TREATY\",\"signedOn\":\"2024-02-01\"}"));
			assertThat(errorFields(r)).containsExactly("type");
			assertThat(r.json().path("errors").get(0).path("reason").asString()).contains("MOU").contains("LOAN")
					.contains("TREATY");
		}

		@Test
		void impossibleDateNamesTheField() {
			String id = proposed();
			Response r = expect(400, api().post("/api/projects/" + id + "/agreements",
					"{\"agreementId\":\"A1\",\"type\":\"LOAN\",\"signedOn\":\"2024-02-30\"}"));
			assertThat(errorFields(r)).containsExactly("signedOn");
			assertThat(r.json().path("errors").get(0).path("reason").asString()).contains("YYYY-MM-DD");
		}

		@Test
		void wrongTypeNamesTheNestedField() {
			Response r = expect(400, api().post("/api/projects",
					"{\"title\":\"T\",\"sector\":\"21030\",\"region\":\"Bukhara\",\"proposedOn\":\"2024-01-01\",\"partners\":[{\"name\":\"X\",\"country\":\"UZ\",\"role\":[1]}]}"));
			assertThat(errorFields(r)).containsExactly("partners[0].role");
		}

		@Test
		void futureDateIsABadRequest() {
			Response r = expect(400, api().post("/api/projects", """
					{"title":"T","sector":"21030","region":"Bukhara","proposedOn":"2150-01-01"}"""));
			assertThat(errorFields(r)).containsExactly("proposedOn");
			assertThat(r.json().path("detail").asString()).contains("future");
		}

		@Test
		void unknownProjectIsNotFound() {
			expect(404, api().get("/api/projects/NO-SUCH-PROJECT"));
			Response write = expect(404, api().post("/api/projects/NO-SUCH-PROJECT/agreements",
					"{\"agreementId\":\"A1\",\"type\":\"LOAN\",\"signedOn\":\"2024-02-01\"}"));
			assertThat(write.json().path("detail").asString()).contains("NO-SUCH-PROJECT");
			expect(404, api().post("/api/projects/bad%20id!/start", "{}"));
		}

		@Test
		void duplicateIdsAreConflicts() {
			String id = proposed();
			Response project = expect(409, api().post("/api/projects", proposal(id)));
			assertThat(project.json().path("detail").asString()).contains("already exists");
			expect(200, api().post("/api/projects/" + id + "/agreements",
					"{\"agreementId\":\"A1\",\"type\":\"MOU\",\"signedOn\":\"2024-02-01\"}"));
			Response agreement = expect(409, api().post("/api/projects/" + id + "/agreements",
					"{\"agreementId\":\"A1\",\"type\":\"LOAN\",\"signedOn\":\"2024-02-02\"}"));
			assertThat(agreement.json().path("type").asString()).isEqualTo("/problems/duplicate");
			assertThat(agreement.json().path("field").asString()).isEqualTo("agreementId");
		}

		@Test
		void fundingBeforeAgreementIsARuleViolationExplainedInPlainWords() {
			String id = proposed();
			Response r = expect(409, api().post("/api/projects/" + id + "/fundings/eximbank",
					"{\"fundingId\":\"F1\",\"instrument\":\"EDCF_LOAN\",\"amount\":{\"amount\":1000,\"currency\":\"USD\"},\"committedOn\":\"2024-02-01\"}"));
			assertThat(r.json().path("type").asString()).isEqualTo("/problems/rule-violation");
			assertThat(r.json().path("detail").asString()).contains("binding agreement").contains("PROPOSED");
			assertThat(eventStore.readEvents(id, 0).asStream().count()).isEqualTo(1);
		}

		@Test
		void disbursingMoreThanCommittedIsRefusedWithTheRemainingBalance() {
			String id = financed();
			Response r = expect(409, api().post("/api/projects/" + id + "/disbursements",
					"{\"fundingId\":\"EDCF-1\",\"amount\":{\"amount\":\"100000000.01\",\"currency\":\"USD\"},\"disbursedOn\":\"2024-07-01\"}"));
			assertThat(r.json().path("detail").asString()).contains("USD 100000000.00 remains");
			assertThat(r.json().path("field").asString()).isEqualTo("amount.amount");
		}

		@Test
		void anUnknownUserIsUnauthorizedAndNothingIsRecorded() {
			String id = uniqueId("X");
			Response r = expect(401, api().as("<script>").post("/api/projects", proposal(id)));
			assertThat(r.json().path("type").asString()).isEqualTo("/problems/unauthorized");
			assertThat(eventStore.readEvents(id, 0).hasNext()).isFalse();
		}

		@Test
		void wrongContentTypeIsUnsupported() {
			Response r = api().postRaw("/api/projects", "text/plain", "hello");
			assertThat(r.status()).isEqualTo(415);
			assertThat(r.header("Content-Type")).startsWith("application/problem+json");
		}

		@Test
		void badListParametersAreBadRequests() {
			assertThat(errorFields(expect(400, api().get("/api/projects?stage=SOMEWHERE")))).containsExactly("stage");
			assertThat(errorFields(expect(400, api().get("/api/projects?size=0&page=-1")))).containsExactlyInAnyOrder("size", "page");
			assertThat(errorFields(expect(400, api().get("/api/projects?region=Mars")))).containsExactly("region");
			assertThat(errorFields(expect(400, api().get("/api/projects/X-1?asOf=yesterday")))).containsExactly("asOf");
		}

		@Test
		void unknownPathIsNotFoundAsProblem() {
			expect(404, api().get("/api/nothing-here"));
		}
	}

	@Test
	void publishesOpenApi() {
		Response docs = expect(200, api().get("/v3/api-docs"));
		assertThat(docs.json().path("paths").has("/api/projects")).isTrue();
		assertThat(docs.json().path("paths").has("/api/projects/{id}/fundings/eximbank")).isTrue();
		assertThat(api().get("/swagger-ui/index.html").status()).isEqualTo(200);
	}
}
