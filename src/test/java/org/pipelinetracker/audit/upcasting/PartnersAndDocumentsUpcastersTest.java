package org.pipelinetracker.audit.upcasting;

import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.project.api.AgreementSignedEvent;
import org.pipelinetracker.project.api.AgreementType;
import org.pipelinetracker.project.api.Partner;
import org.pipelinetracker.project.api.PartnerRole;
import org.pipelinetracker.project.api.ProjectId;
import org.pipelinetracker.project.api.ProjectProposedEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20's upcasters on the real stored rows of {@code legacy-edcf-project.json}: a proposal stored before partners
 * were kept as IATI's participating-org reaches revision 3 through revision 2 (its partner with nothing more known of
 * it); an agreement stored before documents were kept reaches revision 2 naming no document. Revision 3 and 2 payloads,
 * and every other event, are left alone; every other property is unchanged.
 */
class PartnersAndDocumentsUpcastersTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Jackson3Serializer serializer = Jackson3Serializer.builder().build();
	private final LegacyRows legacy = LegacyRows.load();

	@Test
	void aProposalWithoutRevisionReachesRevision3ThroughRevision2() {
		LegacyRows.Row old = legacy.proposal();
		IntermediateEventRepresentation upcasted = upcastOne(new ProposedPartnersUpcaster(),
				upcastOne(new ProjectProposedEventUpcaster(), representation(old)));

		assertThat(upcasted.getType().getRevision()).isEqualTo("3");
		ObjectNode expected = (ObjectNode) JSON.readTree(old.payload());
		expected.put("language", "en");
		ObjectNode partner = (ObjectNode) expected.path("partners").get(0);
		partner.putNull("ref");
		partner.putNull("type");
		partner.putNull("activityId");
		partner.putNull("crsChannelCode");
		partner.putObject("names");
		assertThat(payload(upcasted)).as("partner fields added, every other property unchanged").isEqualTo(expected);
		ProjectProposedEvent event = serializer.deserialize(upcasted.getData());
		assertThat(event.partners()).containsExactly(new Partner("Export-Import Bank of Korea", "KR", PartnerRole.FUNDING,
				null, null, Map.of(), null, null));
	}

	@Test
	void aRevision3ProposalAndOtherEventsAreLeftAlone() {
		ObjectNode current = (ObjectNode) JSON.readTree(legacy.proposal().payload());
		current.put("language", "ko");
		ObjectNode partner = (ObjectNode) current.path("partners").get(0);
		partner.put("ref", "XM-DAC-41114");
		partner.putObject("names").put("ko", "한국수출입은행");
		IntermediateEventRepresentation revision3 = representation(
				legacy.proposal().withPayload(JSON.writeValueAsString(current), "3"));
		ProposedPartnersUpcaster upcaster = new ProposedPartnersUpcaster();
		assertThat(upcaster.upcast(Stream.of(revision3)).toList()).containsExactly(revision3);
		for (LegacyRows.Row other : legacy.rows().subList(1, legacy.rows().size())) {
			IntermediateEventRepresentation representation = representation(other);
			assertThat(upcaster.upcast(Stream.of(representation)).toList()).as(other.payloadType())
					.containsExactly(representation);
		}
	}

	@Test
	void anAgreementWithoutRevisionNamesNoDocument() {
		LegacyRows.Row old = legacy.rows().get(1);
		assertThat(old.payloadType()).isEqualTo(AgreementSignedEvent.class.getName());
		assertThat(old.payloadRevision()).isNull();
		IntermediateEventRepresentation upcasted = upcastOne(new AgreementSignedEventUpcaster(), representation(old));

		assertThat(upcasted.getType().getRevision()).isEqualTo("2");
		ObjectNode expected = (ObjectNode) JSON.readTree(old.payload());
		expected.putNull("documentId");
		assertThat(payload(upcasted)).isEqualTo(expected);
		AgreementSignedEvent event = serializer.deserialize(upcasted.getData());
		assertThat(event.documentId()).isNull();
		assertThat(event.agreementId()).isEqualTo("EDCF-LA-1");
		assertThat(event.type()).isEqualTo(AgreementType.LOAN);
		assertThat(event.signedOn()).isEqualTo(LocalDate.of(2024, 6, 15));
		assertThat(event.projectId()).isEqualTo(new ProjectId(LegacyRows.PROJECT_ID));
	}

	@Test
	void aRevision2AgreementIsLeftAlone() {
		ObjectNode current = (ObjectNode) JSON.readTree(legacy.rows().get(1).payload());
		current.put("documentId", "D-1");
		IntermediateEventRepresentation revision2 = representation(
				legacy.rows().get(1).withPayload(JSON.writeValueAsString(current), "2"));
		AgreementSignedEventUpcaster upcaster = new AgreementSignedEventUpcaster();
		assertThat(upcaster.upcast(Stream.of(revision2)).toList()).containsExactly(revision2);
		IntermediateEventRepresentation proposal = representation(legacy.proposal());
		assertThat(upcaster.upcast(Stream.of(proposal)).toList()).containsExactly(proposal);
	}

	private static IntermediateEventRepresentation upcastOne(
			org.axonframework.serialization.upcasting.event.SingleEventUpcaster upcaster,
			IntermediateEventRepresentation representation) {
		List<IntermediateEventRepresentation> result = upcaster.upcast(Stream.of(representation)).toList();
		assertThat(result).hasSize(1);
		return result.get(0);
	}

	private IntermediateEventRepresentation representation(LegacyRows.Row row) {
		return new InitialEventRepresentation(row.entry(), serializer);
	}

	private static JsonNode payload(IntermediateEventRepresentation representation) {
		return representation.getData(JsonNode.class).getData();
	}
}
