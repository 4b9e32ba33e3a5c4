package org.pipelinetracker.project.web;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pipelinetracker.project.web.ProjectApiTest.errorFields;
import static org.pipelinetracker.project.web.ProjectApiTest.expect;

/**
 * Incoming funds ({@code POST /api/projects/{id}/incoming-funds}, IATI type 1) and expenditure
 * ({@code POST /api/projects/{id}/expenditures}, IATI type 4) over real HTTP: the project view and its USD
 * summary, the list summary, the history, valid-time and transaction-time cuts, every kind of refusal, what the
 * pipeline and the funding series deliberately leave out, and a token reset of every projection involved giving
 * identical answers. (Incoming funds clearing a stalled project: {@code AlertsApiTest}.)
 * <p>
 * MIO-1: proposed 2025-01-10; a feasibility study paid 2025-01-20 (before any agreement); LOAN 2025-02-01; USD 2
 * million received 2025-03-01 (AGREED → FINANCED without a commitment); EDCF USD 100 million committed 2025-03-15;
 * USD 10 million received under it 2025-04-01; UZS 12,355,140,000 (USD 1 million at 12,355.14) spent from it
 * 2025-09-15.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"tracker.test.context=incoming-funds-and-expenditure",
		// the scenario is dated 2025: with the default 180 days its stall checks would fall due at once and append
		// events at moments the test does not control (stalled projects are AlertsApiTest's subject)
		"tracker.alerts.no-funding-days=36500", "tracker.alerts.no-disbursement-days=36500"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IncomingFundsAndExpenditureApiTest {

	private static final String P = "/api/projects/MIO-1";

	@LocalServerPort
	int port;

	@Autowired
	EventStore eventStore;

	@Autowired
	EventProcessingConfiguration processing;

	Api api;
	Instant beforeTheUzsExpenditure;

	@BeforeAll
	void scenario() throws InterruptedException {
		api = new Api(port).as("finance-officer");
		expect(201, api.post("/api/projects", """
				{"projectId":"MIO-1","title":"Urgench bus depot","sector":"21020","region":"Khorezm","proposedOn":"2025-01-10"}"""));
		Response study = expect(200, api.post(P + "/expenditures", """
				{"amount":{"amount":"50000","currency":"USD"},"spentOn":"2025-01-20","provider":"Ministry of Transport",
				 "receiver":"Dohwa Engineering","description":"Feasibility study","reason":"Invoice 17",
				 "sourceUrl":"https://example.org/invoices/17.pdf"}"""));
		assertThat(study.json().path("version").asLong()).isEqualTo(1);
		expect(200, api.post(P + "/agreements", "{\"agreementId\":\"LOAN-1\",\"type\":\"LOAN\",\"signedOn\":\"2025-02-01\"}"));
		Response received = expect(200, api.post(P + "/incoming-funds", """
				{"amount":{"amount":"2000000","currency":"USD"},"receivedOn":"2025-03-01","provider":"Export-Import Bank of Korea",
				 "receiver":"Ministry of Transport","description":"Project preparation advance"}"""));
		assertThat(received.json().path("version").asLong()).as("the receipt and the stage change it causes").isEqualTo(5);
		expect(200, api.post(P + "/fundings/eximbank", """
				{"fundingId":"EDCF-1","instrument":"EDCF_LOAN","amount":{"amount":"100000000","currency":"USD"},"committedOn":"2025-03-15"}"""));
		expect(200, api.post(P + "/incoming-funds", """
				{"fundingId":"EDCF-1","amount":{"amount":"10000000","currency":"USD"},"receivedOn":"2025-04-01",
				 "provider":"Export-Import Bank of Korea"}"""));
		Thread.sleep(20);
		beforeTheUzsExpenditure = Instant.now();
		Thread.sleep(20);
		expect(200, api.post(P + "/expenditures", """
				{"fundingId":"EDCF-1","amount":{"amount":"12355140000","currency":"UZS"},"spentOn":"2025-09-15",
				 "receiver":"Khorezm Avtotrans"}"""));
	}

	@Test
	void theProjectShowsWhatWasReceivedAndSpentApartFromItsCommitments() {
		Response read = expect(200, api.get(P));
		JsonNode p = read.json();
		assertThat(p.path("stage").asString()).isEqualTo("FINANCED");
		assertThat(p.path("stageSince").asString()).isEqualTo("2025-03-01"); // financed by the first receipt
		assertThat(read.header("ETag")).isEqualTo("\"8\"");

		assertThat(p.path("incomingFunds")).hasSize(2);
		JsonNode advance = p.path("incomingFunds").get(0);
		assertThat(advance.path("amount").path("amount").decimalValue()).isEqualByComparingTo("2000000.00");
		assertThat(read.body()).as("exact, at the currency's scale").contains("{\"amount\":2000000.00,\"currency\":\"USD\"}");
		assertThat(advance.path("receivedOn").asString()).isEqualTo("2025-03-01");
		assertThat(advance.path("provider").asString()).isEqualTo("Export-Import Bank of Korea");
		assertThat(advance.path("receiver").asString()).isEqualTo("Ministry of Transport");
		assertThat(advance.path("description").asString()).isEqualTo("Project preparation advance");
		assertThat(advance.path("fundingId").isNull()).isTrue();
		assertThat(p.path("incomingFunds").get(1).path("fundingId").asString()).isEqualTo("EDCF-1");

		assertThat(p.path("expenditures")).hasSize(2);
		JsonNode study = p.path("expenditures").get(0);
		assertThat(study.path("spentOn").asString()).isEqualTo("2025-01-20");
		assertThat(study.path("provider").asString()).isEqualTo("Ministry of Transport");
		assertThat(study.path("receiver").asString()).isEqualTo("Dohwa Engineering");
		assertThat(study.path("description").asString()).isEqualTo("Feasibility study");
		JsonNode uzs = p.path("expenditures").get(1);
		assertThat(uzs.path("fundingId").asString()).isEqualTo("EDCF-1");
		assertThat(uzs.path("amount").path("currency").asString()).isEqualTo("UZS");
		assertThat(uzs.path("provider").isNull()).isTrue();

		assertThat(p.path("receivedByCurrency").path("USD").decimalValue()).isEqualByComparingTo("12000000.00");
		assertThat(p.path("expendedByCurrency").path("USD").decimalValue()).isEqualByComparingTo("50000.00");
		assertThat(p.path("expendedByCurrency").path("UZS").decimalValue()).isEqualByComparingTo("12355140000.00");
		assertThat(p.path("committedByCurrency").path("USD").decimalValue()).isEqualByComparingTo("100000000.00");
		assertThat(p.path("disbursedByCurrency").size()).isZero();
		// neither receipts nor spending draw the commitment down
		assertThat(p.path("fundings").get(0).path("disbursed").path("amount").decimalValue()).isEqualByComparingTo("0");
		assertThat(p.path("fundings").get(0).path("undisbursed").path("amount").decimalValue())
				.isEqualByComparingTo("100000000.00");

		JsonNode usd = p.path("usd");
		assertThat(usd.path("committed").decimalValue()).isEqualByComparingTo("100000000.00");
		assertThat(usd.path("disbursed").decimalValue()).isEqualByComparingTo("0.00");
		assertThat(usd.path("received").decimalValue()).isEqualByComparingTo("12000000.00");
		assertThat(usd.path("expended").decimalValue()).isEqualByComparingTo("1050000.00"); // 50,000 + UZS at 12,355.14
		assertThat(usd.path("unconverted")).isEmpty();
		assertThat(usd.path("ratesUsed").get(0).path("currency").asString()).isEqualTo("UZS");

		// the list's summary carries the same totals
		Response list = api.eventually("/api/projects?size=200", r -> r.body().contains("\"version\":8"));
		JsonNode summary = list.json().path("content").get(0);
		assertThat(summary.path("projectId").asString()).isEqualTo("MIO-1");
		assertThat(summary.path("receivedUsd").decimalValue()).isEqualByComparingTo("12000000.00");
		assertThat(summary.path("expendedUsd").decimalValue()).isEqualByComparingTo("1050000.00");
		assertThat(summary.path("committedUsd").decimalValue()).isEqualByComparingTo("100000000.00");
		assertThat(summary.path("disbursedUsd").decimalValue()).isEqualByComparingTo("0.00");
		assertThat(summary.path("receivedByCurrency").path("USD").decimalValue()).isEqualByComparingTo("12000000.00");
		assertThat(summary.path("expendedByCurrency").path("UZS").decimalValue()).isEqualByComparingTo("12355140000.00");
	}

	@Test
	void theHistoryListsBothEventsWithTheirAuditMetadata() {
		Response response = expect(200, api.as("auditor", "auditor-demo").get(P + "/history"));
		JsonNode history = response.json();
		List<String> types = new ArrayList<>();
		history.forEach(e -> types.add(e.path("type").asString()));
		assertThat(types).containsExactly("ProjectProposedEvent", "ExpenditureRecordedEvent", "AgreementSignedEvent",
				"ProjectStageChangedEvent", "IncomingFundsRecordedEvent", "ProjectStageChangedEvent",
				"FundingCommittedEvent", "IncomingFundsRecordedEvent", "ExpenditureRecordedEvent");
		JsonNode study = history.get(1);
		assertThat(study.path("effectiveDate").asString()).isEqualTo("2025-01-20");
		assertThat(study.path("actor").asString()).isEqualTo("finance-officer");
		assertThat(study.path("reason").asString()).isEqualTo("Invoice 17");
		assertThat(study.path("sourceUrl").asString()).isEqualTo("https://example.org/invoices/17.pdf");
		assertThat(study.path("payload").path("amount").path("amount").decimalValue()).isEqualByComparingTo("50000.00");
		assertThat(response.body()).contains("{\"amount\":50000.00,\"currency\":\"USD\"}");
		assertThat(study.path("payload").path("receiver").asString()).isEqualTo("Dohwa Engineering");
		JsonNode received = history.get(4);
		assertThat(received.path("effectiveDate").asString()).isEqualTo("2025-03-01");
		assertThat(received.path("payload").path("provider").asString()).isEqualTo("Export-Import Bank of Korea");
		// one command, one correlation id: the receipt and the stage change it caused
		assertThat(history.get(5).path("payload").path("to").asString()).isEqualTo("FINANCED");
		assertThat(history.get(5).path("correlationId").asString()).isEqualTo(received.path("correlationId").asString());
		JsonNode events = expect(200, api.get("/api/audit/events?type=IncomingFundsRecordedEvent&size=50")).json();
		assertThat(events.path("content")).hasSize(2);
	}

	@Test
	void cutsInValidAndTransactionTimeShowWhatWasTrueAndKnownThen() {
		JsonNode agreed = expect(200, api.get(P + "?asOf=2025-02-28")).json();
		assertThat(agreed.path("stage").asString()).isEqualTo("AGREED");
		assertThat(agreed.path("incomingFunds")).isEmpty();
		assertThat(agreed.path("expenditures")).hasSize(1);
		assertThat(agreed.path("usd").path("expended").decimalValue()).isEqualByComparingTo("50000.00");

		JsonNode march = expect(200, api.get(P + "?asOf=2025-03-10")).json();
		assertThat(march.path("stage").asString()).isEqualTo("FINANCED");
		assertThat(march.path("incomingFunds")).hasSize(1);
		assertThat(march.path("receivedByCurrency").path("USD").decimalValue()).isEqualByComparingTo("2000000.00");
		assertThat(march.path("fundings")).isEmpty();

		JsonNode known = expect(200, api.get(P + "?knownAt=" + beforeTheUzsExpenditure)).json();
		assertThat(known.path("expenditures")).hasSize(1);
		assertThat(known.path("incomingFunds")).hasSize(2);
		assertThat(known.path("expendedByCurrency").has("UZS")).isFalse();
		assertThat(known.path("version").asLong()).isEqualTo(7);
	}

	@Test
	void everyBadFieldIsNamedInOneProblem() {
		Response empty = expect(400, api.post(P + "/incoming-funds", "{}"));
		assertThat(errorFields(empty)).containsExactlyInAnyOrder("amount", "receivedOn", "provider");
		assertThat(empty.json().path("type").asString()).isEqualTo("/problems/invalid-request");

		Response bad = expect(400, api.post(P + "/incoming-funds", """
				{"fundingId":"bad id!","amount":{"amount":"10.001","currency":"USD"},"receivedOn":"2025-04-01",
				 "provider":"%s","receiver":"%s","description":"%s","sourceUrl":"ftp://example.org/x"}"""
				.formatted("P".repeat(201), "R".repeat(201), "D".repeat(2001))));
		assertThat(errorFields(bad)).containsExactlyInAnyOrder("fundingId", "amount.amount", "provider", "receiver",
				"description", "sourceUrl");

		Response spentEmpty = expect(400, api.post(P + "/expenditures", "{}"));
		assertThat(errorFields(spentEmpty)).containsExactlyInAnyOrder("amount", "spentOn");
		Response spentBad = expect(400, api.post(P + "/expenditures", """
				{"amount":{"amount":"-5","currency":"XYZ"},"spentOn":"2025-04-01","receiver":"%s"}""".formatted("R".repeat(201))));
		assertThat(errorFields(spentBad)).containsExactlyInAnyOrder("amount.amount", "amount.currency", "receiver");
		Response impossible = expect(400, api.post(P + "/expenditures",
				"{\"amount\":{\"amount\":\"5\",\"currency\":\"USD\"},\"spentOn\":\"2025-02-30\"}"));
		assertThat(errorFields(impossible)).containsExactly("spentOn");
		Response future = expect(400, api.post(P + "/expenditures",
				"{\"amount\":{\"amount\":\"5\",\"currency\":\"USD\"},\"spentOn\":\"2150-01-01\"}"));
		assertThat(errorFields(future)).containsExactly("spentOn");
		assertThat(future.json().path("detail").asString()).contains("future");

		expect(404, api.post("/api/projects/NO-SUCH-PROJECT/expenditures",
				"{\"amount\":{\"amount\":\"5\",\"currency\":\"USD\"},\"spentOn\":\"2025-04-01\"}"));
		expect(404, api.post("/api/projects/NO-SUCH-PROJECT/incoming-funds",
				"{\"amount\":{\"amount\":\"5\",\"currency\":\"USD\"},\"receivedOn\":\"2025-04-01\",\"provider\":\"KOICA\"}"));
		assertThat(eventStore.readEvents("MIO-1", 0).asStream().count()).as("nothing appended").isEqualTo(9);
	}

	@Test
	void ruleViolationsAreConflictsInPlainWordsAndAppendNothing() {
		expect(201, api.post("/api/projects", """
				{"projectId":"MIO-2","title":"Khiva water tower","sector":"14020","region":"Khorezm","proposedOn":"2025-01-10"}"""));
		Response unfunded = expect(409, api.post("/api/projects/MIO-2/incoming-funds",
				"{\"amount\":{\"amount\":\"5\",\"currency\":\"USD\"},\"receivedOn\":\"2025-04-01\",\"provider\":\"KOICA\"}"));
		assertThat(unfunded.json().path("type").asString()).isEqualTo("/problems/rule-violation");
		assertThat(unfunded.json().path("detail").asString()).contains("binding agreement").contains("PROPOSED");

		Response tooMuch = expect(409, api.post(P + "/incoming-funds", """
				{"fundingId":"EDCF-1","amount":{"amount":"90000000.01","currency":"USD"},"receivedOn":"2025-09-01",
				 "provider":"Export-Import Bank of Korea"}"""));
		assertThat(tooMuch.json().path("field").asString()).isEqualTo("amount.amount");
		assertThat(tooMuch.json().path("detail").asString()).contains("at most USD 90000000.00 remains");

		Response otherCurrency = expect(409, api.post(P + "/incoming-funds", """
				{"fundingId":"EDCF-1","amount":{"amount":"5","currency":"EUR"},"receivedOn":"2025-09-01","provider":"KEXIM"}"""));
		assertThat(otherCurrency.json().path("field").asString()).isEqualTo("amount.currency");

		Response unknownFunding = expect(409, api.post(P + "/expenditures", """
				{"fundingId":"NOPE","amount":{"amount":"5","currency":"USD"},"spentOn":"2025-09-01"}"""));
		assertThat(unknownFunding.json().path("field").asString()).isEqualTo("fundingId");
		assertThat(unknownFunding.json().path("detail").asString()).contains("has no funding 'NOPE'");

		Response beforeTheCommitment = expect(409, api.post(P + "/expenditures", """
				{"fundingId":"EDCF-1","amount":{"amount":"5","currency":"USD"},"spentOn":"2025-03-14"}"""));
		assertThat(beforeTheCommitment.json().path("field").asString()).isEqualTo("spentOn");

		expect(200, api.post("/api/projects/MIO-2/suspend", "{\"on\":\"2025-02-01\",\"reason\":\"Design review\"}"));
		Response suspended = expect(409, api.post("/api/projects/MIO-2/expenditures",
				"{\"amount\":{\"amount\":\"5\",\"currency\":\"USD\"},\"spentOn\":\"2025-02-02\"}"));
		assertThat(suspended.json().path("detail").asString()).contains("is suspended; resume it before you record an expenditure");
		assertThat(eventStore.readEvents("MIO-2", 0).asStream().count()).isEqualTo(2);
		assertThat(eventStore.readEvents("MIO-1", 0).asStream().count()).isEqualTo(9);
	}

	@Test
	void theSeriesAndThePipelineStayCommittedVersusDisbursed() {
		// the funding series is committed vs disbursed: MIO-1's receipts and spending are in neither column
		Response series = api.eventually("/api/funding/timeseries?interval=YEAR&from=2025-01-01&to=2025-12-31&groupBy=PROJECT",
				r -> r.body().contains("MIO-1"));
		JsonNode mio1 = null;
		for (JsonNode point : series.json()) {
			if (point.path("group").asString().equals("MIO-1")) {
				mio1 = point;
			}
		}
		assertThat(mio1).isNotNull();
		assertThat(mio1.path("committed").decimalValue()).isEqualByComparingTo("100000000.00");
		assertThat(mio1.path("disbursed").decimalValue()).isEqualByComparingTo("0");
		// the pipeline files MIO-1 under FINANCED (the stage its first receipt caused)
		JsonNode pipeline = api.eventually("/api/pipeline", r -> r.body().contains("FINANCED")).json();
		for (JsonNode line : pipeline.path("byStage")) {
			if (line.path("stage").asString().equals("FINANCED")) {
				assertThat(line.path("projects").asLong()).isEqualTo(1); // MIO-1
				assertThat(line.path("committedUsd").decimalValue()).isEqualByComparingTo("100000000.00");
				assertThat(line.path("disbursedUsd").decimalValue()).isEqualByComparingTo("0");
			}
		}
	}

	@Test
	void everyProjectionInvolvedRebuildsToIdenticalAnswers() {
		List<String> queries = List.of("/api/projects?size=200", "/api/pipeline", "/api/alerts?includeResolved=true",
				"/api/funding/timeseries?interval=MONTH&from=2025-01-01&to=2025-12-31&groupBy=PROJECT",
				"/api/projects/MIO-1", "/api/projects/MIO-1?asOf=2025-03-10");
		api.eventually("/api/projects?size=200", r -> r.body().contains("\"version\":8"));
		Map<String, String> before = new HashMap<>();
		queries.forEach(q -> before.put(q, api.get(q).body()));
		assertThat(before.get("/api/projects?size=200")).contains("\"receivedUsd\":12000000.00");
		for (String name : List.of("project-status", "pipeline", "alerts")) {
			StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
			processor.shutDown();
			processor.resetTokens();
			processor.start();
		}
		for (String q : queries) {
			api.eventually(q, r -> r.body().equals(before.get(q)));
		}
	}
}
