package org.pipelinetracker.audit.upcasting;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.project.api.Partner;
import org.pipelinetracker.project.api.PartnerRole;
import org.pipelinetracker.project.api.ProjectId;
import org.pipelinetracker.project.api.ProjectProposedEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proposal upcaster's rule on a real stored row: the proposal of {@code legacy-edcf-project.json}, written by the
 * app before texts had a language, is read as English.
 */
class ProjectProposedEventUpcasterTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Jackson3Serializer serializer = Jackson3Serializer.builder().build();
	private final ProjectProposedEventUpcaster upcaster = new ProjectProposedEventUpcaster();
	private final LegacyRows legacy = LegacyRows.load();

	@Test
	void theFixtureHoldsAProposalWithoutRevisionOrLanguage() {
		LegacyRows.Row old = legacy.proposal();
		assertThat(old.payloadType()).isEqualTo(ProjectProposedEvent.class.getName());
		assertThat(old.payloadRevision()).isNull();
		assertThat(JSON.readTree(old.payload()).has("language")).isFalse();
	}

	@Test
	void aProposalStoredWithoutALanguageIsEnglishAtRevision2() {
		LegacyRows.Row old = legacy.proposal();
		IntermediateEventRepresentation upcasted = upcastOne(old);

		assertThat(upcasted.getType().getName()).isEqualTo(ProjectProposedEvent.class.getName());
		assertThat(upcasted.getType().getRevision()).isEqualTo("2");
		ObjectNode expected = (ObjectNode) JSON.readTree(old.payload());
		expected.put("language", "en");
		assertThat(payload(upcasted)).as("language added, every other property unchanged").isEqualTo(expected);
		assertThat(upcasted.getMessageIdentifier()).isEqualTo(old.eventIdentifier());
		assertThat(upcasted.getSequenceNumber()).contains(0L);
		assertThat(upcasted.getMetaData().getObject().get("actor")).isEqualTo("kexim.registry");

		ProjectProposedEvent event = serializer.deserialize(upcasted.getData());
		assertThat(event).isEqualTo(new ProjectProposedEvent(new ProjectId(LegacyRows.PROJECT_ID),
				"Bukhara water supply rehabilitation", null, "14020", "Bukhara Region",
				List.of(new Partner("Export-Import Bank of Korea", "KR", PartnerRole.FUNDING)),
				new Money(new BigDecimal("60000000.00"), "USD"), LocalDate.of(2024, 3, 1), null, null, "en"));
	}

	@Test
	void aLanguageAlreadyThereIsKept() {
		ObjectNode withLanguage = (ObjectNode) JSON.readTree(legacy.proposal().payload());
		withLanguage.put("language", "ru");
		IntermediateEventRepresentation upcasted = upcastOne(
				legacy.proposal().withPayload(JSON.writeValueAsString(withLanguage), null));
		assertThat(upcasted.getType().getRevision()).isEqualTo("2");
		assertThat(((ProjectProposedEvent) serializer.deserialize(upcasted.getData())).language()).isEqualTo("ru");
	}

	@Test
	void revision2AndOtherEventsAreLeftAlone() {
		ObjectNode current = (ObjectNode) JSON.readTree(legacy.proposal().payload());
		current.put("language", "ko");
		IntermediateEventRepresentation revision2 = representation(
				legacy.proposal().withPayload(JSON.writeValueAsString(current), "2"));
		assertThat(upcaster.upcast(Stream.of(revision2)).toList()).containsExactly(revision2);
		for (LegacyRows.Row other : legacy.rows().subList(1, legacy.rows().size())) {
			IntermediateEventRepresentation representation = representation(other);
			assertThat(upcaster.upcast(Stream.of(representation)).toList()).as(other.payloadType())
					.containsExactly(representation);
		}
	}

	private IntermediateEventRepresentation upcastOne(LegacyRows.Row row) {
		List<IntermediateEventRepresentation> result = upcaster.upcast(Stream.of(representation(row))).toList();
		assertThat(result).hasSize(1);
		return result.get(0);
	}

	private IntermediateEventRepresentation representation(LegacyRows.Row row) {
		return new InitialEventRepresentation(row.entry(), serializer);
	}

	private JsonNode payload(IntermediateEventRepresentation representation) {
		SerializedObject<JsonNode> data = representation.getData(JsonNode.class);
		return data.getData();
	}
}
