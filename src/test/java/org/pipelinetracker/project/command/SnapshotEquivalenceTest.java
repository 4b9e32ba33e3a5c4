package org.pipelinetracker.project.command;

import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The aggregate loaded the way the repository loads it (latest snapshot plus the events after it) has exactly the
 * state of the aggregate rebuilt from the whole stream.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tracker.snapshot.threshold=3")
@ActiveProfiles("test")
class SnapshotEquivalenceTest {

	@LocalServerPort
	int port;

	@Autowired
	EventStore eventStore;

	@Autowired
	@Qualifier("serializer")
	Serializer serializer;

	@Test
	void snapshotPlusLaterEventsEqualsTheFullReplay() {
		Api api = new Api(port);
		String base = "/api/projects/SNAP-EQ";
		assertThat(api.post("/api/projects", """
				{"projectId":"SNAP-EQ","title":"Urgench bypass","sector":"21020","region":"Khorezm","proposedOn":"2024-01-01"}
				""").status()).isEqualTo(201);
		assertThat(api.post(base + "/agreements", "{\"agreementId\":\"L1\",\"type\":\"LOAN\",\"signedOn\":\"2024-02-01\"}").status()).isEqualTo(200);
		assertThat(api.post(base + "/fundings/eximbank", "{\"fundingId\":\"E1\",\"instrument\":\"EDCF_LOAN\","
				+ "\"amount\":{\"amount\":\"900.00\",\"currency\":\"USD\"},\"committedOn\":\"2024-03-01\"}").status()).isEqualTo(200);
		assertThat(api.post(base + "/suspend", "{\"on\":\"2024-04-01\",\"reason\":\"Review\"}").status()).isEqualTo(200);
		assertThat(api.post(base + "/resume", "{\"on\":\"2024-05-01\"}").status()).isEqualTo(200);
		// incoming funds under E1 (capped by it, so the snapshot must carry them) and an expenditure
		assertThat(api.post(base + "/incoming-funds", "{\"fundingId\":\"E1\",\"amount\":{\"amount\":\"250\",\"currency\":\"USD\"},"
				+ "\"receivedOn\":\"2024-05-10\",\"provider\":\"KEXIM\"}").status()).isEqualTo(200);
		assertThat(api.post(base + "/expenditures", "{\"amount\":{\"amount\":\"40\",\"currency\":\"USD\"},"
				+ "\"spentOn\":\"2024-05-15\"}").status()).isEqualTo(200);
		for (int month = 6; month <= 9; month++) {
			assertThat(api.post(base + "/disbursements", "{\"fundingId\":\"E1\",\"amount\":{\"amount\":\"100\",\"currency\":\"USD\"},"
					+ "\"disbursedOn\":\"2024-0" + month + "-01\"}").status()).isEqualTo(200);
		}
		assertThat(api.post(base + "/milestones", "{\"milestoneId\":\"M\",\"name\":\"Design\",\"plannedOn\":\"2024-06-01\","
				+ "\"achievedOn\":\"2024-06-20\"}").status()).isEqualTo(200);
		assertThat(api.post(base + "/fundings/E1/corrections", "{\"amount\":{\"amount\":\"800\",\"currency\":\"USD\"},"
				+ "\"reason\":\"Reduced\",\"on\":\"2024-10-01\"}").status()).isEqualTo(200);

		AggregateModel<Project> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(Project.class);
		DomainEventStream fromSnapshot = eventStore.readEvents("SNAP-EQ");
		assertThat(fromSnapshot.peek().getPayload()).as("the stream starts with a snapshot").isInstanceOf(Project.class);
		Project root = new GenericAggregateFactory<>(Project.class).createAggregateRoot("SNAP-EQ", fromSnapshot.peek());
		EventSourcedAggregate<Project> viaSnapshot = EventSourcedAggregate.initialize(root, model,
				SimpleEventBus.builder().build(), NoSnapshotTriggerDefinition.TRIGGER);
		viaSnapshot.initializeState(fromSnapshot);

		EventSourcedAggregate<Project> full = EventSourcedAggregate.initialize(new Project(), model,
				SimpleEventBus.builder().build(), NoSnapshotTriggerDefinition.TRIGGER);
		full.initializeState(eventStore.readEvents("SNAP-EQ", 0));

		assertThat(viaSnapshot.version()).isEqualTo(full.version()).isEqualTo(14L);
		assertThat(json(viaSnapshot.getAggregateRoot())).isEqualTo(json(full.getAggregateRoot()))
				.contains("\"stage\":\"FINANCED\"", "\"fundsReceived\":true", "\"lastMoneyDate\":\"2024-10-01\"")
				.containsPattern("\"receivedPerDay\":\\{\"2024-05-10\":\"?250(\\.00)?\"?\\}");
	}

	private String json(Project project) {
		return new String(serializer.serialize(project, byte[].class).getData(), StandardCharsets.UTF_8);
	}
}
