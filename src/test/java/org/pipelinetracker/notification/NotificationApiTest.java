package org.pipelinetracker.notification;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notifications of an overdue milestone and a stalled project, through the real stall check (db-scheduler), the
 * read models and the poller (run by hand here: {@code poll-interval=0}); no SMTP, so no e-mail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"tracker.test.context=notifications", "tracker.alerts.no-funding-days=30",
		"tracker.alerts.no-disbursement-days=30", "tracker.alerts.backfill-settle=1s",
		"tracker.deadlines.polling-interval=200ms", "tracker.notifications.poll-interval=0"})
@ActiveProfiles("test")
class NotificationApiTest {

	@LocalServerPort
	int port;

	@Autowired
	NotificationPoller poller;

	@Autowired
	EventProcessingConfiguration processing;

	@Test
	void tellsRecordersAndFinanceOnceOfAnOverdueMilestoneAndAStallInTheirLanguage() {
		Api api = new Api(port);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Tashkent"));
		LocalDate signedOn = today.minusDays(90);
		LocalDate plannedOn = today.minusDays(10);
		// carol wants to hear of stalls only
		assertThat(put(api.as("carol"), "/api/me/notification-settings", "{\"kinds\":[\"project_stalled\"]}").status())
				.isEqualTo(200);
		assertThat(api.post("/api/projects", """
				{"projectId":"NOTE-1","title":"Namangan water supply","sector":"14030","region":"Namangan",
				 "proposedOn":"%s"}""".formatted(today.minusDays(120))).status()).isEqualTo(201);
		assertThat(api.post("/api/projects/NOTE-1/agreements",
				"{\"agreementId\":\"L1\",\"type\":\"LOAN\",\"signedOn\":\"" + signedOn + "\"}").status()).isEqualTo(200);
		assertThat(api.post("/api/projects/NOTE-1/milestones", """
				{"milestoneId":"M1","name":"Feasibility study","plannedOn":"%s"}""".formatted(plannedOn)).status())
				.isEqualTo(200);
		api.eventually("/api/alerts", r -> r.body().contains("Namangan water supply"));
		api.eventually("/api/milestones?overdue=true", r -> r.body().contains("Namangan water supply"));

		assertThat(poller.pollNow()).as("the stall and the overdue milestone").isEqualTo(2);
		assertThat(poller.pollNow()).as("found again: nobody is told twice").isZero();

		Api bob = api.as("bob");
		JsonNode page = bob.get("/api/notifications").json();
		assertThat(page.path("unread").asLong()).isEqualTo(2);
		assertThat(page.path("total").asLong()).isEqualTo(2);
		List<String> texts = new ArrayList<>();
		page.path("items").forEach(n -> texts.add(n.path("kind").asString() + ": " + n.path("text").asString()));
		assertThat(texts).containsExactlyInAnyOrder(
				"MILESTONE_OVERDUE: Milestone “Feasibility study” of Namangan water supply was planned for " + plannedOn
						+ " and is not achieved yet",
				"PROJECT_STALLED: Namangan water supply has been waiting for funding since " + signedOn.plusDays(30));
		JsonNode first = page.path("items").get(0);
		assertThat(first.path("projectId").asString()).isEqualTo("NOTE-1");
		assertThat(first.path("link").asString()).isEqualTo("/#/projects/NOTE-1");
		assertThat(first.path("readAt").isNull()).isTrue();
		assertThat(first.path("email").asString()).isEqualTo("NONE");

		// in the reader's language
		JsonNode russian = bob.header("Accept-Language", "ru").get("/api/notifications?size=50").json();
		List<String> kindNames = new ArrayList<>();
		russian.path("items").forEach(n -> kindNames.add(n.path("kindName").asString()));
		assertThat(kindNames).containsExactlyInAnyOrder("Веха просрочена", "Проект застопорился");
		assertThat(russian.toString()).contains("Проект Namangan water supply ждёт финансирования с " + signedOn.plusDays(30));

		// finance is told too; carol only of the stall; auditors are not told
		assertThat(api.as("dave").get("/api/notifications").json().path("total").asLong()).isEqualTo(2);
		JsonNode carol = api.as("carol").get("/api/notifications").json();
		assertThat(carol.path("total").asLong()).isEqualTo(1);
		assertThat(carol.path("items").get(0).path("kind").asString()).isEqualTo("PROJECT_STALLED");
		assertThat(api.as("auditor").get("/api/notifications").json().path("total").asLong()).isZero();

		// paged, newest first
		JsonNode one = bob.get("/api/notifications?size=1&page=1").json();
		assertThat(one.path("items").size()).isEqualTo(1);
		assertThat(one.path("page").asInt()).isEqualTo(1);

		// mark one read; another user's is not found; then all
		String id = first.path("id").asString();
		Response notMine = api.as("dave").post("/api/notifications/" + id + "/read", "");
		assertThat(notMine.status()).isEqualTo(404);
		assertThat(notMine.json().path("detail").asString()).contains(id);
		Response read = bob.post("/api/notifications/" + id + "/read", "");
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().path("readAt").isNull()).isFalse();
		assertThat(bob.get("/api/notifications").json().path("unread").asLong()).isEqualTo(1);
		assertThat(api.as("dave").get("/api/notifications").json().path("unread").asLong()).isEqualTo(2);
		JsonNode all = bob.post("/api/notifications/read-all", "").json();
		assertThat(all.path("marked").asInt()).isEqualTo(1);
		assertThat(all.path("unread").asLong()).isZero();

		// the read models rebuilt from the events: the same alerts and milestones, nobody told again
		for (String group : List.of("alerts", "milestones")) {
			StreamingEventProcessor processor = processing.eventProcessor(group, StreamingEventProcessor.class)
					.orElseThrow();
			processor.shutDown();
			processor.resetTokens();
			processor.start();
		}
		api.eventually("/api/alerts", r -> r.body().contains("Namangan water supply"));
		api.eventually("/api/milestones?overdue=true", r -> r.body().contains("Namangan water supply"));
		assertThat(poller.pollNow()).isZero();
		assertThat(bob.get("/api/notifications").json().path("total").asLong()).isEqualTo(2);
	}

	@Test
	void refusesAnInvalidAddressEmailWithoutAddressAndAnUnknownKind() {
		Api erin = new Api(port).as("alice");
		JsonNode defaults = erin.get("/api/me/notification-settings").json();
		assertThat(defaults.path("email").asBoolean()).isFalse();
		assertThat(defaults.path("address").isNull()).isTrue();
		assertThat(defaults.path("emailAvailable").asBoolean()).as("no SMTP configured").isFalse();
		assertThat(defaults.path("kinds").toString()).isEqualTo("[\"MILESTONE_OVERDUE\",\"PROJECT_STALLED\",\"APPROVAL_WAITING\",\"QUARTERLY_REPORT_MISSING\"]");

		Response invalid = put(erin, "/api/me/notification-settings", "{\"email\":true,\"address\":\"alice at example\"}");
		assertThat(invalid.status()).isEqualTo(400);
		assertThat(invalid.header("Content-Type")).startsWith("application/problem+json");
		assertThat(invalid.json().path("errors").get(0).path("field").asString()).isEqualTo("address");
		assertThat(invalid.json().path("errors").get(0).path("reason").asString())
				.isEqualTo("'alice at example' is not an e-mail address");

		Response noAddress = put(erin, "/api/me/notification-settings", "{\"email\":true}");
		assertThat(noAddress.status()).isEqualTo(400);
		assertThat(noAddress.json().path("errors").get(0).path("field").asString()).isEqualTo("address");

		Response unknown = put(erin, "/api/me/notification-settings", "{\"kinds\":[\"BUDGET_OVERRUN\"]}");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.json().path("errors").get(0).path("field").asString()).isEqualTo("kinds");
		assertThat(unknown.json().path("errors").get(0).path("reason").asString()).contains("'BUDGET_OVERRUN'");

		// a header smuggled into the address, an overlong one, a list, wrong JSON types: each a 400 naming its field
		for (String[] bad : new String[][] {
				{"{\"email\":true,\"address\":\"alice@example.uz\\r\\nBcc: all@example.uz\"}", "address"},
				{"{\"email\":true,\"address\":\"" + "a".repeat(320) + "@example.uz\"}", "address"},
				{"{\"email\":true,\"address\":\"alice@example.uz, bob@example.uz\"}", "address"},
				{"{\"email\":\"maybe\"}", "email"},
				{"{\"kinds\":\"MILESTONE_OVERDUE\"}", "kinds"}}) {
			Response refused = put(erin, "/api/me/notification-settings", bad[0]);
			assertThat(refused.status()).as(bad[0]).isEqualTo(400);
			assertThat(refused.json().path("errors").get(0).path("field").asString()).as(bad[0]).isEqualTo(bad[1]);
		}

		Response paging = erin.get("/api/notifications?size=1000");
		assertThat(paging.status()).isEqualTo(400);
		assertThat(paging.json().path("errors").get(0).path("field").asString()).isEqualTo("size");

		assertThat(erin.get("/api/me/notification-settings").json()).as("nothing stored by a refusal").isEqualTo(defaults);
		JsonNode saved = put(erin, "/api/me/notification-settings",
				"{\"email\":true,\"address\":\"alice@example.uz\",\"kinds\":[\"MILESTONE_OVERDUE\"]}").json();
		assertThat(saved.path("email").asBoolean()).isTrue();
		assertThat(saved.path("address").asString()).isEqualTo("alice@example.uz");
		assertThat(saved.path("kinds").toString()).isEqualTo("[\"MILESTONE_OVERDUE\"]");
		assertThat(erin.get("/api/me/notification-settings").json()).isEqualTo(saved);
		assertThat(new Api(port).anonymous().get("/api/notifications").status()).isEqualTo(401);
	}

	static Response put(Api api, String path, String json) {
		return api.send(HttpRequest.newBuilder(URI.create(api.base() + path)).header("Content-Type", "application/json")
				.PUT(HttpRequest.BodyPublishers.ofString(json)));
	}
}
