package org.pipelinetracker.audit.replay;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.pipelinetracker.project.api.AgreementSignedEvent;
import org.pipelinetracker.project.api.AgreementType;
import org.pipelinetracker.project.api.FundingCommittedEvent;
import org.pipelinetracker.project.api.FundingSource;
import org.pipelinetracker.project.api.LoanTerms;
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.project.api.ProjectId;
import org.pipelinetracker.project.api.ProjectProposedEvent;
import org.pipelinetracker.project.api.ProjectStageChangedEvent;
import org.pipelinetracker.project.api.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
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
		appendEvents();
		log.info("Appended {} events in {} ms", PROJECTS * 5, (System.nanoTime() - appendStart) / 1_000_000);

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

	private void appendEvents() {
		LocalDate proposed = LocalDate.of(2024, 1, 10);
		MetaData meta = MetaData.with("actor", "replay-test");
		for (int from = 0; from < PROJECTS; from += 1000) {
			int start = from;
			tx.executeWithoutResult(s -> {
				List<DomainEventMessage<?>> batch = new ArrayList<>();
				for (int i = start; i < start + 1000; i++) {
					ProjectId id = ProjectId.of("BULK-" + i);
					batch.add(event(id, 0, new ProjectProposedEvent(id, "Bulk " + i, null, "21030", "Navoiy Region",
							List.of(), null, proposed, null, null), meta));
					batch.add(event(id, 1, new AgreementSignedEvent(id, "L", AgreementType.LOAN, proposed.plusDays(1),
							List.of(), null), meta));
					batch.add(event(id, 2, new ProjectStageChangedEvent(id, Stage.PROPOSED, Stage.AGREED, proposed.plusDays(1)), meta));
					batch.add(event(id, 3, new FundingCommittedEvent(id, "K", FundingSource.KOICA_GRANT, null, "KOICA",
							Money.of("1000.00", "USD"), proposed.plusDays(2), LoanTerms.NONE, "110", "10", null), meta));
					batch.add(event(id, 4, new ProjectStageChangedEvent(id, Stage.AGREED, Stage.FINANCED, proposed.plusDays(2)), meta));
				}
				storage.appendEvents(batch);
			});
		}
	}

	private static DomainEventMessage<?> event(ProjectId id, long sequence, Object payload, MetaData meta) {
		return new GenericDomainEventMessage<>("Project", id.value(), sequence, payload, meta);
	}
}
