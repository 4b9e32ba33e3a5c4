package org.pipelinetracker.audit.replay;

import org.axonframework.config.EventProcessingConfiguration;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replay of 100,000 events whose progress is watched over HTTP from 0 to 100%, with reads flagged as rebuilding
 * and a second replay refused while it runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tracker.test.context=replay-100k")
@ActiveProfiles("test")
class ReplayProgressTest {

	private static final Logger log = LoggerFactory.getLogger(ReplayProgressTest.class);
	static final int PROJECTS = 20_000; // five events each

	@LocalServerPort
	int port;

	@Autowired
	EventStorageEngine storage;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	EventProcessingConfiguration processing;

	@Test
	void replaysOneHundredThousandEventsWithVisibleProgress() throws InterruptedException {
		Api api = new Api(port);
		// only the read model under test follows the store; the others would just add load to this machine
		for (String name : List.of("project-status", "pipeline", "milestones", "alerts", "facility-usage")) {
			processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow().shutDown();
		}
		long appendStart = System.nanoTime();
		BulkProjects.append(storage, tx, "BULK-", PROJECTS, "replay-test");
		log.info("Appended {} events in {} ms", PROJECTS * 5, (System.nanoTime() - appendStart) / 1_000_000);

		// the status and read paths answered once before (a first request pays for lazy initialisation, during which
		// the rebuild of 100,000 events got halfway before the first progress was read)
		assertThat(api.get("/api/admin/replay").status()).isEqualTo(200);
		assertThat(api.get("/api/pipeline").status()).isEqualTo(200);
		Response started = api.post("/api/admin/replay?processor=pipeline", "");
		assertThat(started.status()).as(started.body()).isEqualTo(202);
		assertThat(started.json().path("total").asLong()).isGreaterThanOrEqualTo(PROJECTS * 5L);

		List<Double> percents = new ArrayList<>();
		boolean flagged = false;
		boolean refused = false;
		Response status = api.get("/api/admin/replay");
		long deadline = System.currentTimeMillis() + 240_000;
		while (!status.json().path("state").asString().equals("COMPLETED") && System.currentTimeMillis() < deadline) {
			percents.add(status.json().path("percent").asDouble());
			if (!flagged) {
				Response read = api.get("/api/pipeline");
				flagged = "rebuilding".equals(read.header("X-Read-Model-Status"))
						&& "pipeline".equals(read.header("X-Rebuilding"));
			}
			if (!refused) {
				refused = api.post("/api/admin/replay", "").status() == 409;
			}
			Thread.sleep(50);
			status = api.get("/api/admin/replay");
		}
		percents.add(status.json().path("percent").asDouble());
		log.info("Replay of {} events: {} events/s, progress seen {}", status.json().path("total").asLong(),
				status.json().path("eventsPerSecond").asDouble(), percents);

		assertThat(status.json().path("state").asString()).isEqualTo("COMPLETED");
		assertThat(status.json().path("processed").asLong()).isEqualTo(status.json().path("total").asLong());
		assertThat(percents.get(0)).as("progress starts near 0").isLessThan(50.0);
		assertThat(percents.get(percents.size() - 1)).isEqualTo(100.0);
		assertThat(percents).isSorted();
		assertThat(percents.stream().filter(p -> p > 0 && p < 100).count()).as("intermediate progress").isPositive();
		assertThat(flagged).as("reads flagged while rebuilding").isTrue();
		assertThat(refused).as("a second replay refused while one runs").isTrue();
		assertThat(status.json().path("eventsPerSecond").asDouble()).isPositive();

		Response pipeline = api.get("/api/pipeline");
		assertThat(pipeline.header("X-Read-Model-Status")).isNull();
		assertThat(pipeline.json().path("projects").asLong()).isEqualTo(PROJECTS);
		assertThat(pipeline.json().path("committedUsd").decimalValue())
				.isEqualByComparingTo(new BigDecimal("1000.00").multiply(BigDecimal.valueOf(PROJECTS)));
	}

}
