package org.pipelinetracker.audit.upcasting;

import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database written before texts had a language: the stream of {@code legacy-edcf-project.json} (its proposal stored
 * without {@code language} and without a revision) is appended to {@code domain_event_entry}; the new version reads
 * that proposal as English everywhere, through the upcaster: the project view and the list (with its search text),
 * the aggregate (a Korean text is accepted, an English one is the original's language and refused), and the audit
 * trail. The stored bytes are not touched. The upcaster bean is wrapped in a recording subclass, so each read is seen
 * to pass through it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tracker.test.context=legacy-proposal")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LegacyProposalTest {

	private static final String ID = LegacyRows.PROJECT_ID;
	private static final String TITLE = "Bukhara water supply rehabilitation";

	/** One upcast: which event, and whether it was read by a tracking stream (a processor, the history). */
	record Upcast(String aggregateId, long sequence, boolean tracked) {
	}

	/** The application's proposal upcaster, recording each event it upcasts. */
	static final class RecordingUpcaster extends ProjectProposedEventUpcaster {

		final List<Upcast> upcasts = new CopyOnWriteArrayList<>();

		@Override
		protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
			upcasts.add(new Upcast(representation.getAggregateIdentifier().orElse(null),
					representation.getSequenceNumber().orElse(-1L), representation.getTrackingToken().isPresent()));
			return super.doUpcast(representation);
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Recording {

		@Bean
		static BeanPostProcessor recordingProposalUpcaster() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessBeforeInitialization(Object bean, String beanName) {
					return bean instanceof ProjectProposedEventUpcaster && !(bean instanceof RecordingUpcaster)
							? new RecordingUpcaster() : bean;
				}
			};
		}
	}

	@LocalServerPort
	int port;

	@Autowired
	ProjectProposedEventUpcaster upcaster;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate tx;

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
	void theOldProposalIsReadAsEnglishByTheViewTheListTheAggregateAndTheHistory() {
		// the project-status projection reads the proposal through the upcaster, and searches it in every script
		api.eventually("/api/projects?q=" + URLEncoder.encode("Бухара", StandardCharsets.UTF_8),
				r -> r.body().contains(ID));
		assertThat(upcasts).anyMatch(u -> isOldProposal(u) && u.tracked());
		JsonNode listed = api.get("/api/projects?q=bukhara").json().path("content").get(0);
		assertThat(listed.path("language").asString()).isEqualTo("en");
		assertThat(listed.path("titles").path("en").asString()).isEqualTo(TITLE);

		JsonNode project = ok(api.get("/api/projects/" + ID)).json();
		assertThat(project.path("title").asString()).isEqualTo(TITLE);
		assertThat(project.path("language").asString()).isEqualTo("en");
		assertThat(project.path("texts").propertyNames()).containsExactly("en");
		assertThat(project.path("texts").path("en").path("title").asString()).isEqualTo(TITLE);
		assertThat(project.path("texts").path("en").path("description").isNull()).isTrue();
		JsonNode asOf = ok(api.get("/api/projects/" + ID + "?asOf=2024-03-01")).json();
		assertThat(asOf.path("language").asString()).isEqualTo("en");

		// the aggregate loads the old proposal through the upcaster: English is the original's language
		int before = upcasts.size();
		Response korean = api.as("bob").post("/api/projects/" + ID + "/texts",
				"{\"language\":\"ko\",\"title\":\"부하라 상수도 복구\",\"on\":\"2024-09-01\"}");
		assertThat(ok(korean).json().path("version").asLong()).isEqualTo(5);
		assertThat(upcasts.subList(before, upcasts.size())).as("the command's aggregate load")
				.anyMatch(u -> isOldProposal(u) && !u.tracked());
		Response english = api.as("bob").post("/api/projects/" + ID + "/texts", "{\"language\":\"en\",\"title\":\"Other\"}");
		assertThat(english.status()).isEqualTo(409);
		assertThat(english.json().path("detail").asString()).contains("original title and description are in 'en'");
		api.eventually("/api/projects?q=" + URLEncoder.encode("부하라 상수도", StandardCharsets.UTF_8),
				r -> r.body().contains(ID));

		// the audit trail shows the upcast payload
		JsonNode history = ok(api.as("auditor").get("/api/projects/" + ID + "/history")).json();
		assertThat(history.get(0).path("type").asString()).isEqualTo("ProjectProposedEvent");
		assertThat(history.get(0).path("payload").path("language").asString()).isEqualTo("en");
		assertThat(history.get(0).path("actor").asString()).isEqualTo("kexim.registry");

		// the stored bytes of the old proposal are as they were (the hash chain covers them); a new one is revision 3
		Map<String, Object> stored = jdbc.queryForMap("select payload, payload_revision from domain_event_entry"
				+ " where aggregate_identifier = ? and sequence_number = 0", ID);
		assertThat(new String((byte[]) stored.get("payload"), StandardCharsets.UTF_8))
				.isEqualTo(LegacyRows.load().proposal().payload()).doesNotContain("language");
		assertThat(stored.get("payload_revision")).isNull();
		ok(api.as("bob").post("/api/projects", """
				{"projectId":"NEW-PROPOSAL","title":"Новый проект","language":"ru","sector":"14020","region":"Bukhara",
				 "proposedOn":"2024-09-01"}"""));
		Map<String, Object> fresh = jdbc.queryForMap("select payload, payload_revision from domain_event_entry"
				+ " where aggregate_identifier = 'NEW-PROPOSAL' and sequence_number = 0");
		assertThat(fresh.get("payload_revision")).isEqualTo("3");
		assertThat(new String((byte[]) fresh.get("payload"), StandardCharsets.UTF_8)).contains("\"language\":\"ru\"");
		assertThat(upcasts).as("only the old proposal was ever upcast").allMatch(this::isOldProposal);
	}

	private boolean isOldProposal(Upcast upcast) {
		return ID.equals(upcast.aggregateId()) && upcast.sequence() == 0;
	}

	private static Response ok(Response response) {
		assertThat(response.status()).as(response.toString()).isBetween(200, 201);
		return response;
	}
}
