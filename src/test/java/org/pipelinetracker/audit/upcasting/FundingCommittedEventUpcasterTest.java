package org.pipelinetracker.audit.upcasting;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.project.api.EximbankInstrument;
import org.pipelinetracker.project.api.FundingCommittedEvent;
import org.pipelinetracker.project.api.FundingSource;
import org.pipelinetracker.project.api.LoanDates;
import org.pipelinetracker.project.api.LoanTerms;
import org.pipelinetracker.project.api.RepaymentConvention;
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.project.api.ProjectId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upcaster's rule on real stored rows (the fixture was written by the app before the revision existed).
 */
class FundingCommittedEventUpcasterTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Jackson3Serializer serializer = Jackson3Serializer.builder().build();
	private final FundingCommittedEventUpcaster upcaster = new FundingCommittedEventUpcaster();
	private final LegacyRows legacy = LegacyRows.load();

	@Test
	void theFixtureHoldsTheOldShapeWithoutRevisionOrFacility() {
		LegacyRows.Row old = legacy.commitment();
		assertThat(old.payloadType()).isEqualTo(FundingCommittedEvent.class.getName());
		assertThat(old.payloadRevision()).isNull();
		assertThat(JSON.readTree(old.payload()).has("facilityId")).isFalse();
	}

	@Test
	void aCommitmentStoredWithoutRevisionOrFacilityGetsAnExplicitNullFacilityAndRevision2() {
		LegacyRows.Row old = legacy.commitment();
		IntermediateEventRepresentation upcasted = upcastOne(old);

		assertThat(upcasted.getType().getName()).isEqualTo(FundingCommittedEvent.class.getName());
		assertThat(upcasted.getType().getRevision()).isEqualTo("2");
		JsonNode payload = payload(upcasted);
		assertThat(payload.has("facilityId")).as("present, not just missing").isTrue();
		assertThat(payload.get("facilityId").isNull()).isTrue();
		ObjectNode expected = (ObjectNode) JSON.readTree(old.payload());
		expected.putNull("facilityId");
		assertThat(payload).as("every other property unchanged").isEqualTo(expected);
		// the rest of the message is untouched
		assertThat(upcasted.getMessageIdentifier()).isEqualTo(old.eventIdentifier());
		assertThat(upcasted.getAggregateIdentifier()).contains(LegacyRows.PROJECT_ID);
		assertThat(upcasted.getSequenceNumber()).contains(3L);
		assertThat(upcasted.getMetaData().getObject().get("actor")).isEqualTo("kexim.registry");

		FundingCommittedEvent event = serializer.deserialize(upcasted.getData());
		assertThat(event).isEqualTo(new FundingCommittedEvent(new ProjectId(LegacyRows.PROJECT_ID), "EDCF-1",
				FundingSource.EXIMBANK, EximbankInstrument.EDCF_LOAN, "Export-Import Bank of Korea",
				new Money(new BigDecimal("50000000.00"), "USD"), LocalDate.of(2024, 7, 1),
				new LoanTerms(new BigDecimal("0.15"), 40, 10), "421", "10", null));
		assertThat(event.dates()).as("stored before loan dates: none known").isNull();
		assertThat(event.datesOrNone()).isEqualTo(LoanDates.NONE);
		assertThat(event.terms().convention()).as("stored before the convention was chosen").isNull();
		assertThat(event.terms().conventionOrDefault()).isEqualTo(RepaymentConvention.EQUAL_SEMI_ANNUAL_PRINCIPAL);
	}

	@Test
	void aCommitmentStoredWithoutRevisionButWithAFacilityKeepsItsFacility() {
		ObjectNode withFacility = (ObjectNode) JSON.readTree(legacy.commitment().payload());
		withFacility.put("facilityId", "EDCF-2024-2027");
		IntermediateEventRepresentation upcasted = upcastOne(
				legacy.commitment().withPayload(JSON.writeValueAsString(withFacility), null));

		assertThat(upcasted.getType().getRevision()).isEqualTo("2");
		assertThat(payload(upcasted)).isEqualTo(withFacility);
		assertThat(((FundingCommittedEvent) serializer.deserialize(upcasted.getData())).facilityId())
				.isEqualTo("EDCF-2024-2027");
	}

	@Test
	void revision2AndOtherEventsAreLeftAlone() {
		ObjectNode current = (ObjectNode) JSON.readTree(legacy.commitment().payload());
		current.putNull("facilityId");
		IntermediateEventRepresentation revision2 = representation(
				legacy.commitment().withPayload(JSON.writeValueAsString(current), "2"));
		assertThat(upcaster.upcast(Stream.of(revision2)).toList()).containsExactly(revision2);

		for (LegacyRows.Row other : List.of(legacy.rows().get(0), legacy.rows().get(1), legacy.rows().get(2),
				legacy.rows().get(4))) {
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
