package org.pipelinetracker.iati.imports;

import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An import by ADMIN follows the approval policy: with commitments needing approval, the World Bank example's
 * commitment waits (reported in the import's notes with its entry id, listed under the project's pending approvals)
 * and counts nowhere until another person approves it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"tracker.test.context=iati-import-approvals", "tracker.approvals.required-for=COMMITMENT"})
@ActiveProfiles("test")
class IatiImportApprovalTest {

	@LocalServerPort
	int port;

	@Test
	void anImportedCommitmentThatNeedsApprovalWaitsAndIsReported() {
		Api importer = new Api(port).as("iati-tester");
		Api.Response imported = importer.postRaw("/api/import/iati?fileName=wb.xml", "application/xml",
				IatiImportApiTest.example("worldbank-activity.xml"));
		assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
		List<String> notes = new ArrayList<>();
		imported.json().path("notes").forEach(n -> notes.add(n.path("reason").asString()));
		assertThat(notes).anyMatch(n -> n.startsWith("submitted for approval as entry ")
				&& n.endsWith(": it counts once another person approves it (GET /api/approvals)"));

		JsonNode project = new Api(port).get("/api/projects/44000-P175662").json();
		assertThat(project.path("fundings")).isEmpty();
		assertThat(project.path("committedByCurrency")).isEmpty();
		assertThat(project.path("pendingApprovals")).isNotEmpty();
		JsonNode pending = project.path("pendingApprovals").get(0);
		assertThat(pending.path("kind").asString()).isEqualTo("COMMITMENT");
		assertThat(pending.path("submittedBy").asString()).isEqualTo("iati-tester");
	}
}
