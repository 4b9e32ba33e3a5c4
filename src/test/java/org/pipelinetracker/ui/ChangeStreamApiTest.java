package org.pipelinetracker.ui;

import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/stream} over a real port with a real HTTP client: a write is announced with its project and version,
 * a reconnect gets what it missed, heartbeats flow, connections are bounded and a closed one is dropped.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"tracker.ui.stream.heartbeat=300ms", "tracker.ui.stream.max-clients=3", "tracker.ui.stream.poll-interval=100ms"})
@ActiveProfiles("test")
class ChangeStreamApiTest {

	@LocalServerPort
	int port;

	@Autowired
	ChangeStream stream;

	Api api() {
		return new Api(port).as("recorder");
	}

	String propose() {
		String id = "SSE-" + UUID.randomUUID().toString().substring(0, 8);
		Api.Response response = api().post("/api/projects", """
				{"projectId":"%s","title":"Live","sector":"21030","region":"Khorezm","proposedOn":"2025-01-10"}
				""".formatted(id));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return id;
	}

	@Test
	void announcesAWriteWithTheProjectAndItsVersion() {
		try (SseClient client = SseClient.connect(port)) {
			assertThat(client.status()).isEqualTo(200);
			assertThat(client.header("Content-Type")).startsWith("text/event-stream");
			SseClient.Event hello = client.await(e -> e.name().equals("hello"), 10, "hello event");
			long head = hello.json().path("head").asLong();

			String id = propose();
			SseClient.Event change = client.await(e -> e.name().equals("change")
					&& e.json().path("projects").toString().contains(id), 10, "change naming " + id);
			assertThat(change.json().path("versions").path(id).asLong()).isZero();
			assertThat(change.json().path("head").asLong()).isGreaterThan(head);
			assertThat(change.id()).isEqualTo(change.json().path("head").asString());

			assertThat(api().post("/api/projects/" + id + "/milestones",
					"{\"milestoneId\":\"M1\",\"name\":\"Design\",\"plannedOn\":\"2025-06-30\"}").status()).isEqualTo(200);
			SseClient.Event next = client.await(e -> e.name().equals("change")
					&& e.json().path("versions").path(id).asLong(-1) == 1, 10, "change with version 1 of " + id);
			assertThat(next.json().path("reload").asBoolean()).isFalse();
		}
	}

	@Test
	void tellsAReconnectingClientWhatItMissed() {
		long head;
		try (SseClient client = SseClient.connect(port)) {
			head = client.await(e -> e.name().equals("hello"), 10, "hello event").json().path("head").asLong();
		}
		String missed = propose();
		try (SseClient again = SseClient.connect(port, Long.toString(head))) {
			SseClient.Event change = again.await(e -> e.name().equals("change"), 10, "the missed change");
			assertThat(change.json().path("projects").toString()).contains(missed);
		}
	}

	@Test
	void keepsTheConnectionAliveWithHeartbeats() {
		try (SseClient client = SseClient.connect(port)) {
			client.await(e -> e.name().equals("comment") && e.data().equals("keep-alive"), 5, "heartbeat");
			client.await(e -> e.name().equals("comment"), 5, "second heartbeat");
		}
	}

	@Test
	void refusesConnectionsBeyondTheLimitAndDropsClosedOnes() {
		List<SseClient> open = new ArrayList<>();
		try {
			awaitClients(0);
			for (int i = 0; i < 3; i++) {
				SseClient client = SseClient.connect(port);
				client.await(e -> e.name().equals("hello"), 10, "hello event");
				open.add(client);
			}
			assertThat(stream.clients()).isEqualTo(3);
			try (SseClient refused = SseClient.connect(port)) {
				assertThat(refused.status()).isEqualTo(503);
				assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
				assertThat(refused.header("Retry-After")).isEqualTo("10");
				assertThat(refused.errorBody()).contains("Too many live connections");
			}

			// a page that goes away: its connection is dropped at the next heartbeat, and the place is free again
			open.remove(0).close();
			awaitClients(2);
			SseClient replacement = SseClient.connect(port);
			open.add(replacement);
			assertThat(replacement.status()).isEqualTo(200);
			replacement.await(e -> e.name().equals("hello"), 10, "hello event");
		}
		finally {
			open.forEach(SseClient::close);
		}
		awaitClients(0);
	}

	void awaitClients(int expected) {
		long deadline = System.currentTimeMillis() + 10_000;
		while (stream.clients() != expected) {
			if (System.currentTimeMillis() > deadline) {
				throw new AssertionError("expected " + expected + " open connections, have " + stream.clients());
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new AssertionError(e);
			}
		}
	}
}
