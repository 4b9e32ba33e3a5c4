package org.pipelinetracker.pipeline;

import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stalled projects through the real, persisted deadline manager (db-scheduler on the application database); a check
 * due in the past runs {@value #SETTLE_SECONDS} s after it was scheduled. More in {@link AlertsInValidTimeApiTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"tracker.test.context=alerts", "tracker.alerts.no-funding-days=30", "tracker.alerts.no-disbursement-days=30",
		"tracker.alerts.backfill-settle=" + AlertsApiTest.SETTLE_SECONDS + "s", "tracker.deadlines.polling-interval=200ms"})
@ActiveProfiles("test")
class AlertsApiTest {

	static final int SETTLE_SECONDS = 2;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.axonframework.config.EventProcessingConfiguration processing;

	@Test
	void incomingFundsClearANoFundingAlertAndAnExpenditureDoesNot() {
		Api api = new Api(port);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Tashkent"));
		LocalDate signedOn = today.minusDays(90);
		assertThat(api.post("/api/projects", """
				{"projectId":"STALL-IN","title":"Fergana clinic","sector":"12230","region":"Fergana","proposedOn":"%s"}"""
				.formatted(today.minusDays(120))).status()).isEqualTo(201);
		assertThat(api.post("/api/projects/STALL-IN/agreements",
				"{\"agreementId\":\"G1\",\"type\":\"GRANT\",\"signedOn\":\"" + signedOn + "\"}").status()).isEqualTo(200);
		api.eventually("/api/alerts", r -> r.body().contains("STALL-IN"));
		// spending is no funding: the alert stays
		assertThat(api.post("/api/projects/STALL-IN/expenditures",
				"{\"amount\":{\"amount\":\"1000\",\"currency\":\"USD\"},\"spentOn\":\"" + today.minusDays(10) + "\"}")
				.status()).isEqualTo(200);
		assertThat(api.get("/api/projects/STALL-IN").json().path("alerts").get(0).path("kind").asString())
				.isEqualTo("NO_FUNDING");
		assertThat(api.post("/api/projects/STALL-IN/incoming-funds", """
				{"amount":{"amount":"3000000","currency":"USD"},"receivedOn":"%s","provider":"KOICA"}""".formatted(today))
				.status()).isEqualTo(200);
		api.eventually("/api/alerts", r -> !r.body().contains("STALL-IN"));
		JsonNode resolved = null;
		for (JsonNode alert : api.get("/api/alerts?includeResolved=true").json()) {
			if (alert.path("projectId").asString().equals("STALL-IN")) {
				resolved = alert;
			}
		}
		assertThat(resolved).isNotNull();
		assertThat(resolved.path("kind").asString()).isEqualTo("NO_FUNDING");
		assertThat(resolved.path("since").asString()).isEqualTo(signedOn.plusDays(30).toString());
		assertThat(resolved.path("resolvedOn").asString()).isEqualTo(today.toString());
		JsonNode project = api.get("/api/projects/STALL-IN").json();
		assertThat(project.path("alerts")).isEmpty();
		assertThat(project.path("stage").asString()).isEqualTo("FINANCED");
	}

	@Test
	void flagsAnAgreementWithoutFundingAndClearsItWhenFundingArrives() {
		Api api = new Api(port);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Tashkent"));
		LocalDate signedOn = today.minusDays(90);
		assertThat(api.post("/api/projects", """
				{"projectId":"STALL-1","title":"Fergana valley irrigation","sector":"31140","region":"Fergana",
				 "proposedOn":"%s"}""".formatted(today.minusDays(120))).status()).isEqualTo(201);
		assertThat(api.post("/api/projects/STALL-1/agreements",
				"{\"agreementId\":\"L1\",\"type\":\"LOAN\",\"signedOn\":\"" + signedOn + "\"}").status()).isEqualTo(200);

		// the check fell due 60 days ago: the deadline fires at once and the project is flagged
		// the title comes from the pipeline's project rows, a read model of its own that may follow a moment later
		Response open = api.eventually("/api/alerts", r -> r.body().contains("Fergana valley irrigation"));
		JsonNode alert = open.json().get(0);
		assertThat(alert.path("kind").asString()).isEqualTo("NO_FUNDING");
		assertThat(alert.path("since").asString()).isEqualTo(signedOn.plusDays(30).toString());
		assertThat(alert.path("daysStalled").asLong()).isEqualTo(60);
		assertThat(alert.path("projectTitle").asString()).isEqualTo("Fergana valley irrigation");
		assertThat(api.get("/api/projects/STALL-1").json().path("alerts").get(0).path("kind").asString())
				.isEqualTo("NO_FUNDING");
		JsonNode stalled = null;
		for (JsonNode entry : api.get("/api/projects/STALL-1/history").json()) {
			if (entry.path("type").asString().equals("ProjectStalledEvent")) {
				stalled = entry;
			}
		}
		assertThat(stalled).as("the stall is in the project's history").isNotNull();
		assertThat(stalled.path("actor").asString()).as("written by the stall check, not by a user")
				.isEqualTo("system:stall-check");
		assertThat(stalled.path("reason").asString()).contains("check due " + signedOn.plusDays(30));

		assertThat(api.post("/api/projects/STALL-1/fundings", """
				{"fundingId":"KOICA-1","source":"KOICA_GRANT","funder":"KOICA","amount":{"amount":"3000000","currency":"USD"},
				 "committedOn":"%s"}""".formatted(today)).status()).isEqualTo(200);
		api.eventually("/api/alerts", r -> !r.body().contains("STALL-1"));
		JsonNode resolved = api.get("/api/alerts?includeResolved=true").json().get(0);
		assertThat(resolved.path("resolvedOn").asString()).isEqualTo(today.toString());
		assertThat(resolved.path("daysStalled").asLong()).isEqualTo(ChronoUnit.DAYS.between(signedOn.plusDays(30), today));
		assertThat(api.get("/api/projects/STALL-1").json().path("alerts").size()).isZero();

		// the alerts read model rebuilds from the events to the same answer
		String before = api.get("/api/alerts?includeResolved=true").body();
		org.axonframework.eventhandling.StreamingEventProcessor processor = processing
				.eventProcessor(AlertsProjection.PROCESSING_GROUP, org.axonframework.eventhandling.StreamingEventProcessor.class)
				.orElseThrow();
		processor.shutDown();
		processor.resetTokens();
		processor.start();
		AlertsInValidTimeApiTest.awaitReplayed(processor);
		api.eventually("/api/alerts?includeResolved=true", r -> r.body().equals(before));

		// the disbursement check falls due in 30 days: it waits in the database, so it survives a restart
		List<Timestamp> pending = jdbc.queryForList(
				"select execution_time from scheduled_tasks where picked = false", Timestamp.class);
		assertThat(pending).isNotEmpty();
		assertThat(pending).anySatisfy(t -> assertThat(t.toInstant()).isAfter(Instant.now().plus(29, ChronoUnit.DAYS)));
	}
}
