package org.pipelinetracker.audit.upcasting;

import org.pipelinetracker.project.api.ProjectProposedEvent;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code ProjectProposedEvent} revision "2" → revision "3".
 * <p>
 * The change: a partner is kept as IATI's {@code participating-org} describes it, with its organisation identifier
 * ({@code ref}), OrganisationType ({@code type}), name in each language ({@code names}), own activity identifier
 * ({@code activityId}) and CRS channel code ({@code crsChannelCode}), and its country became optional. A partner of a
 * revision "2" proposal has a name, a country and a role only: this upcaster gives it {@code "ref": null,
 * "type": null, "names": {}, "activityId": null, "crsChannelCode": null} (nothing more was known). Every other
 * property is unchanged; the stored bytes never change. Ordered after {@link ProjectProposedEventUpcaster}, so a
 * proposal stored without a revision reaches "3" through "2".
 */
@Component
@Order(ProposedPartnersUpcaster.ORDER)
class ProposedPartnersUpcaster extends RevisionStepUpcaster {

	static final int ORDER = ProjectProposedEventUpcaster.ORDER + 1;
	static final String PAYLOAD_TYPE = ProjectProposedEvent.class.getName();
	static final String FROM_REVISION = "2";
	static final String TO_REVISION = "3";

	ProposedPartnersUpcaster() {
		super(PAYLOAD_TYPE, FROM_REVISION, TO_REVISION);
	}

	@Override
	ObjectNode upcast(ObjectNode payload) {
		if (payload.get("partners") instanceof ArrayNode partners) {
			for (JsonNode partner : partners) {
				if (partner instanceof ObjectNode p) {
					for (String field : new String[] {"ref", "type", "activityId", "crsChannelCode"}) {
						withNullIfAbsent(p, field);
					}
					if (!p.hasNonNull("names")) {
						p.putObject("names");
					}
				}
			}
		}
		return payload;
	}
}
