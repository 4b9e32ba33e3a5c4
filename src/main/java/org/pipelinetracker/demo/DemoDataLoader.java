package org.pipelinetracker.demo;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.pipelinetracker.facility.app.CreateFacilityRequest;
import org.pipelinetracker.facility.app.FacilityWriteService;
import org.pipelinetracker.kernel.AuditContext;
import org.pipelinetracker.project.app.ProjectWriteService;
import org.pipelinetracker.project.app.Requests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Loads {@code seed/demo-projects.json} on start-up through {@link ProjectWriteService}, exactly as a user would
 * through the API, each entry citing its source article. Idempotent: a project that already exists is left alone
 * (users may have changed it since), so a restart adds nothing. Demo data never stops the application: a refused
 * entry is logged and skipped. Off unless {@code tracker.seed.enabled=true}.
 */
@Component
@ConditionalOnProperty(name = "tracker.seed.enabled", havingValue = "true")
class DemoDataLoader implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
	static final String ACTOR = "demo-data-loader";

	private final ProjectWriteService writes;
	private final FacilityWriteService facilities;
	private final EventStore eventStore;
	private final JsonMapper json;
	private final Resource seed;

	DemoDataLoader(ProjectWriteService writes, FacilityWriteService facilities, EventStore eventStore, JsonMapper json, ResourceLoader resources,
			@org.springframework.beans.factory.annotation.Value("${tracker.seed.location:classpath:seed/demo-projects.json}") String location) {
		this.writes = writes;
		this.facilities = facilities;
		this.eventStore = eventStore;
		this.json = json;
		this.seed = resources.getResource(location);
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		JsonNode root;
		try (InputStream in = seed.getInputStream()) {
			root = json.readTree(in);
		}
		JsonNode sources = root.path("sources");
		for (JsonNode facility : root.path("facilities")) {
			String sourceUrl = sources.path(facility.path("source").asString()).path("url").asString(null);
			ObjectNode body = withAudit(facility, facility.path("reason").asString(null), sourceUrl);
			body.remove("source");
			String facilityId = body.path("facilityId").asString();
			if (eventStore.lastSequenceNumberFor(facilityId).isEmpty()) {
				apply(facilityId, "facility",
						() -> facilities.create(json.treeToValue(body, CreateFacilityRequest.class), ACTOR));
			}
		}
		int total = root.path("projects").size();
		int written = 0;
		int skipped = 0;
		int index = 0;
		for (JsonNode project : root.path("projects")) {
			index++;
			String sourceUrl = sources.path(project.path("source").asString()).path("url").asString(null);
			String projectReason = project.path("reason").asString(null);
			ObjectNode propose = withAudit(project.path("propose"), projectReason, sourceUrl);
			String projectId = propose.path("projectId").asString();
			if (eventStore.lastSequenceNumberFor(projectId).isPresent()) {
				skipped++;
				continue;
			}
			AuditContext audit = new AuditContext(ACTOR, null, null);
			if (!apply(projectId, "propose",
					() -> writes.propose(json.treeToValue(propose, Requests.ProposeProjectRequest.class), audit))) {
				continue;
			}
			written++;
			for (JsonNode step : project.path("steps")) {
				ObjectNode body = withAudit(step.path("body"), step.path("reason").asString(projectReason), sourceUrl);
				String action = step.path("action").asString();
				if (apply(projectId, action, () -> dispatch(action).apply(projectId, body))) {
					written++;
				}
			}
			log.info("Demo data: {}/{} projects ({})", index, total, projectId);
		}
		log.info("Demo data loaded: {} commands recorded, {} projects already present", written, skipped);
	}

	private BiFunction<String, ObjectNode, Object> dispatch(String action) {
		AuditContext audit = new AuditContext(ACTOR, null, null);
		return switch (action) {
			case "agreements" -> (id, b) -> writes.signAgreement(id, json.treeToValue(b, Requests.SignAgreementRequest.class), audit);
			case "fundings/eximbank" -> (id, b) -> writes.fundViaEximbank(id, json.treeToValue(b, Requests.EximbankFundingRequest.class), audit);
			case "fundings" -> (id, b) -> writes.commitFunding(id, json.treeToValue(b, Requests.FundingRequest.class), audit);
			case "disbursements" -> (id, b) -> writes.recordDisbursement(id, json.treeToValue(b, Requests.DisbursementRequest.class), audit);
			case "milestones" -> (id, b) -> writes.recordMilestone(id, json.treeToValue(b, Requests.MilestoneRequest.class), audit);
			case "start" -> (id, b) -> writes.start(id, json.treeToValue(b, Requests.StageChangeRequest.class), audit);
			default -> throw new IllegalStateException("unknown demo-data action '" + action + "'");
		};
	}

	/** Runs one write; false (with a warning) when it was refused. */
	private static boolean apply(String projectId, String action, Supplier<Object> write) {
		try {
			write.get();
			return true;
		}
		catch (RuntimeException e) {
			log.warn("Demo data: {} of {} skipped: {}", action, projectId, e.getMessage());
			return false;
		}
	}

	private static ObjectNode withAudit(JsonNode body, String reason, String sourceUrl) {
		ObjectNode copy = ((ObjectNode) body).deepCopy();
		if (reason != null) {
			copy.put("reason", reason);
		}
		if (sourceUrl != null) {
			copy.put("sourceUrl", sourceUrl);
		}
		return copy;
	}
}
