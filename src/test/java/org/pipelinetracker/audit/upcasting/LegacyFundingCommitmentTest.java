package org.pipelinetracker.audit.upcasting;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database written before {@code FundingCommittedEvent} had a revision: the stream of one project, copied row by
 * row from what the app wrote then (payload without {@code facilityId}, {@code payload_revision} null), is appended to
 * {@code domain_event_entry}; the new version then reads it everywhere through the upcaster: the project view, the
 * aggregate (a disbursement against the old commitment is accepted), a rebuild of the project list by a token reset,
 * and the audit trail. The upcaster bean is wrapped in a recording subclass, so each read is seen to pass through
 * it: adding a null property is otherwise indistinguishable from Jackson's default for a missing one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tracker.test.context=upcasting")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LegacyFundingCommitmentTest {

	private static final String ID = LegacyRows.PROJECT_ID;

	/** One call of the upcaster on an event it upcasts: where it was read (thread) and whether by a tracking stream. */
	record Upcast(String aggregateId, long sequence, boolean tracked, String thread) {
	}

	/** The application's upcaster, recording each event it upcasts. */
	static final class RecordingUpcaster extends FundingCommittedEventUpcaster {

		final List<Upcast> upcasts = new CopyOnWriteArrayList<>();

		@Override
		protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
			upcasts.add(new Upcast(representation.getAggregateIdentifier().orElse(null),
					representation.getSequenceNumber().orElse(-1L), representation.getTrackingToken().isPresent(),
					Thread.currentThread().getName()));
			return super.doUpcast(representation);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Recording {

		/** Replaces the upcaster bean (the one Axon registers) by its recording subclass. */
		@Bean
		static BeanPostProcessor recordingUpcaster() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessBeforeInitialization(Object bean, String beanName) {
					return bean instanceof FundingCommittedEventUpcaster && !(bean instanceof RecordingUpcaster)
							? new RecordingUpcaster() : bean;
				}
			};
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	FundingCommittedEventUpcaster upcaster;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	EventProcessingConfiguration processing;

	List<Upcast> upcasts;
	Api api;

	@BeforeAll
	void anOldDatabase() {
		assertThat(upcaster).isInstanceOf(RecordingUpcaster.class);
		upcasts = ((RecordingUpcaster) upcaster).upcasts;
		tx.executeWithoutResult(status -> LegacyRows.load().insertInto(jdbc));
		api = new Api(port);
	}

	@Test
	void theOldCommitmentIsReadThroughTheUpcasterByTheViewTheAggregateTheProjectionAndTheHistory() {
		// the project-status projection picks the rows up like events written by another node
		api.eventually("/api/projects?stage=FINANCED", r -> r.body().contains(ID));
		assertThat(upcasts).as("the processors' event stream read the old commitment through the upcaster")
				.anyMatch(u -> isOldCommitment(u) && u.tracked());

		// GET /api/projects/{id}: the funding, facilityId null
		JsonNode project = ok(api.get("/api/projects/" + ID)).json();
		assertThat(project.path("stage").asString()).isEqualTo("FINANCED");
		assertThat(project.path("version").asLong()).isEqualTo(4);
		JsonNode funding = project.path("fundings").get(0);
		assertThat(funding.path("fundingId").asString()).isEqualTo("EDCF-1");
		assertThat(funding.path("amount").path("amount").decimalValue()).isEqualByComparingTo("50000000.00");
		assertThat(funding.path("terms").path("interestRate").decimalValue()).isEqualByComparingTo("0.15");
		assertThat(funding.has("facilityId")).isTrue();
		assertThat(funding.path("facilityId").isNull()).isTrue();

		// a new command: the aggregate loads the old commitment through the upcaster and accepts a disbursement
		int before = upcasts.size();
		Response disbursed = api.as("uzb.mof").post("/api/projects/" + ID + "/disbursements", """
				{"fundingId":"EDCF-1","amount":{"amount":"12500000","currency":"USD"},"disbursedOn":"2024-09-30",
				 "reason":"First tranche"}""");
		assertThat(ok(disbursed).json().path("version").asLong()).isEqualTo(5);
		assertThat(upcasts.subList(before, upcasts.size())).as("the command's aggregate load (not tracked)")
				.anyMatch(u -> isOldCommitment(u) && !u.tracked());
		// and, being revision 2, a new commitment is stored as such and never upcast
		ok(api.as("uzb.mof").post("/api/projects/" + ID + "/fundings/eximbank", """
				{"fundingId":"EDCF-2","instrument":"EDCF_LOAN","amount":{"amount":"5000000","currency":"USD"},
				 "committedOn":"2024-10-15"}"""));
		assertThat(jdbc.queryForList("select payload_revision from domain_event_entry where aggregate_identifier = ? "
				+ "and payload_type like '%.FundingCommittedEvent' order by sequence_number", String.class, ID))
				.containsExactly(null, "2");
		api.eventually("/api/projects?stage=FINANCED", r -> r.body().contains("\"version\":6"));

		// a token reset of project-status rebuilds the list over the mixed history, reading the old event again
		JsonNode listed = summary(ok(api.get("/api/projects?stage=FINANCED")).json());
		assertThat(listed.path("committedByCurrency").path("USD").decimalValue()).isEqualByComparingTo("55000000");
		assertThat(listed.path("disbursedByCurrency").path("USD").decimalValue()).isEqualByComparingTo("12500000");
		String listBefore = api.get("/api/projects?size=200").body();
		awaitEveryProcessorAtTheHead(); // so no other processor is still reading the old commitment
		int beforeReset = upcasts.size();
		StreamingEventProcessor processor = processing.eventProcessor("project-status", StreamingEventProcessor.class)
				.orElseThrow();
		processor.shutDown();
		processor.resetTokens();
		assertThat(jdbc.queryForObject("select count(*) from project_view", Long.class)).isZero();
		processor.start();
		api.eventually("/api/projects?size=200", r -> r.body().equals(listBefore));
		assertThat(processor.processingStatus().values()).noneMatch(EventTrackerStatus::isErrorState);
		assertThat(upcasts.subList(beforeReset, upcasts.size())).as("the replay read the old commitment again")
				.anyMatch(u -> isOldCommitment(u) && u.tracked());
		JsonNode rebuilt = ok(api.get("/api/projects/" + ID)).json();
		assertThat(rebuilt.path("fundings").get(0).path("disbursed").path("amount").decimalValue())
				.isEqualByComparingTo("12500000");
		assertThat(rebuilt.path("fundings").get(0).path("facilityId").isNull()).isTrue();

		// the audit trail shows the upcasted payload with the old metadata
		int beforeHistory = upcasts.size();
		JsonNode history = ok(api.get("/api/projects/" + ID + "/history")).json();
		assertThat(upcasts.subList(beforeHistory, upcasts.size())).as("the history read it through the upcaster")
				.anyMatch(u -> isOldCommitment(u) && u.tracked() && u.thread().startsWith("http-"));
		assertThat(history.size()).isEqualTo(7);
		JsonNode old = history.get(3);
		assertThat(old.path("type").asString()).isEqualTo("FundingCommittedEvent");
		assertThat(old.path("actor").asString()).isEqualTo("kexim.registry");
		assertThat(old.path("reason").asString()).isEqualTo("Commitment letter");
		assertThat(old.path("sourceUrl").asString()).isEqualTo("https://example.org/edcf/commitment");
		assertThat(old.path("correlationId").asString()).isEqualTo("27095d26-5b70-49f4-b8b0-bc177c945114");
		assertThat(old.path("correlationId")).isEqualTo(history.get(4).path("correlationId"));
		assertThat(old.path("recordedAt").asString()).isEqualTo("2026-11-23T03:27:36.964Z");
		assertThat(old.path("effectiveDate").asString()).isEqualTo("2024-07-01");
		assertThat(old.path("payload").has("facilityId")).isTrue();
		assertThat(old.path("payload").path("facilityId").isNull()).isTrue();
		assertThat(old.path("payload").path("instrument").asString()).isEqualTo("EDCF_LOAN");
		assertThat(old.path("payload").path("amount").path("amount").decimalValue()).isEqualByComparingTo("50000000.00");
		assertThat(history.get(5).path("type").asString()).isEqualTo("DisbursementRecordedEvent");
		assertThat(history.get(5).path("actor").asString()).isEqualTo("uzb.mof");
		assertThat(history.get(6).path("payload").path("fundingId").asString()).isEqualTo("EDCF-2");
		assertThat(upcasts).as("only the old-revision commitment was ever upcast")
				.allMatch(u -> ID.equals(u.aggregateId()) && u.sequence() == LegacyRows.COMMITMENT);
	}

	private void awaitEveryProcessorAtTheHead() {
		long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
		long deadline = System.currentTimeMillis() + 30_000;
		while (!processing.eventProcessors().values().stream()
				.filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
				.filter(StreamingEventProcessor::isRunning)
				.allMatch(p -> !p.processingStatus().isEmpty() && p.processingStatus().values().stream()
						.allMatch(s -> s.getCurrentPosition().orElse(-1) >= head))) {
			assertThat(System.currentTimeMillis()).as("every processor reaches global index " + head).isLessThan(deadline);
			pause(); // not a busy spin: on two loaded cores it would take the processors' time
		}
	}

	private static boolean isOldCommitment(Upcast upcast) {
		return ID.equals(upcast.aggregateId()) && upcast.sequence() == LegacyRows.COMMITMENT;
	}

	private static JsonNode summary(JsonNode page) {
		for (JsonNode row : page.path("content")) {
			if (ID.equals(row.path("projectId").asString())) {
				return row;
			}
		}
		throw new AssertionError(ID + " not listed: " + page);
	}

	private static Response ok(Response response) {
		assertThat(response.status()).as(response.toString()).isBetween(200, 201);
		return response;
	}

	private static void pause() {
		try {
			Thread.sleep(20);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new AssertionError(e);
		}
	}
}
