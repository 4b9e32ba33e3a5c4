package org.pipelinetracker.postgres;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.pipelinetracker.documents.Uploads;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one PostgreSQL database: a document uploaded through node A is listed and downloaded, byte for byte,
 * from node B (the file is in the shared database, not on A's disk); the bytes are a {@code bytea}, never an oid; and
 * when they are changed with SQL, node B's verify names the document and its download refuses them.
 */
class TwoNodeDocumentsTest {

	private final SharedDatabaseNodes cluster = new SharedDatabaseNodes();

	@AfterEach
	void stopNodes() {
		cluster.stopAll();
	}

	@Test
	void aDocumentUploadedThroughOneNodeDownloadsFromTheOtherAndTamperingIsNamedThere() {
		String url = cluster.createDatabase();
		JdbcTemplate db = new JdbcTemplate(EmbeddedPostgresServer.server().getDatabase(EmbeddedPostgresServer.USER,
				cluster.database()));
		ConfigurableApplicationContext nodeA = cluster.start("A", url, List.of());
		ConfigurableApplicationContext nodeB = cluster.start("B", url, List.of());
		Api a = new Api(SharedDatabaseNodes.port(nodeA));
		Api b = new Api(SharedDatabaseNodes.port(nodeB));

		assertThat(db.queryForObject("select data_type from information_schema.columns where table_name = "
				+ "'document_content' and column_name = 'content'", String.class)).isEqualTo("bytea");

		String projectId = "TWO-NODE-DOC";
		assertThat(a.post("/api/projects", """
				{"projectId":"%s","title":"Navoi substation","sector":"23630","region":"Navoi",
				 "partners":[{"name":"KOICA","country":"KR","role":"FUNDING"}],"proposedOn":"2024-01-10"}
				""".formatted(projectId)).status()).isEqualTo(201);

		byte[] bytes = pdf("uploaded through node A");
		Uploads.Answer up = new Uploads(SharedDatabaseNodes.port(nodeA), "recorder").upload(projectId, "study.pdf",
				bytes, Uploads.fields("title", "Feasibility study", "category", "A01"));
		assertThat(up.status()).as(up.toString()).isEqualTo(201);
		String sha = up.json().get("sha256").asString();
		assertThat(sha).isEqualTo(Uploads.sha256(bytes));

		Uploads fromB = new Uploads(SharedDatabaseNodes.port(nodeB), "auditor");
		JsonNode listed = fromB.get("/api/projects/" + projectId + "/documents").json();
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).get("sha256").asString()).isEqualTo(sha);
		Uploads.Answer down = fromB.get(listed.get(0).get("contentUrl").asString());
		assertThat(down.status()).isEqualTo(200);
		assertThat(down.bytes()).isEqualTo(bytes);

		assertThat(b.get("/api/audit/verify").json().get("filesValid").asBoolean()).isTrue();
		byte[] forged = pdf("changed with SQL");
		assertThat(db.update("update document_content set content = ? where sha256 = ?", forged, sha)).isEqualTo(1);
		JsonNode verify = b.get("/api/audit/verify").json();
		assertThat(verify.get("filesValid").asBoolean()).isFalse();
		JsonNode mismatch = verify.get("fileMismatches").get(0);
		assertThat(mismatch.get("projectId").asString()).isEqualTo(projectId);
		assertThat(mismatch.get("documentId").asString()).isEqualTo(listed.get(0).get("documentId").asString());
		assertThat(mismatch.get("expectedSha256").asString()).isEqualTo(sha);
		assertThat(mismatch.get("actualSha256").asString()).isEqualTo(Uploads.sha256(forged));
		assertThat(fromB.get(listed.get(0).get("contentUrl").asString()).status()).isEqualTo(409);
		assertThat(new Uploads(SharedDatabaseNodes.port(nodeA), "auditor")
				.get(listed.get(0).get("contentUrl").asString()).status()).isEqualTo(409);
	}

	private static byte[] pdf(String marker) {
		byte[] tail = ("% " + marker + "\n").getBytes(StandardCharsets.US_ASCII);
		byte[] bytes = Arrays.copyOf(Uploads.PDF, Uploads.PDF.length + tail.length);
		System.arraycopy(tail, 0, bytes, Uploads.PDF.length, tail.length);
		return bytes;
	}
}
