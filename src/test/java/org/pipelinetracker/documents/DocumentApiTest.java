package org.pipelinetracker.documents;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pipelinetracker.documents.Uploads.PDF;
import static org.pipelinetracker.documents.Uploads.fields;
import static org.pipelinetracker.documents.Uploads.sha256;

/**
 * Documents over real HTTP on the embedded H2: upload, list and download with the exact SHA-256; versions; refused
 * files and fields (nothing written); hostile file names; and the tamper test (bytes changed with SQL: verify names
 * the document, download refuses it). The document limit is 1 MB here, so that "too large" is quick to send.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = {"tracker.documents.max-size=1MB", "tracker.test.context=documents"})
@ActiveProfiles("test")
class DocumentApiTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	EventStore eventStore;

	Api api;
	Uploads recorder;
	Uploads finance;
	String projectId;

	@BeforeEach
	void financedProject() {
		api = new Api(port);
		recorder = new Uploads(port, "recorder");
		finance = new Uploads(port, "finance");
		projectId = financed(api);
	}

	static String financed(Api api) {
		String id = "DOC-" + UUID.randomUUID().toString().substring(0, 8);
		ok(api.post("/api/projects", """
				{"projectId":"%s","title":"Navoi substation","sector":"23630","region":"Navoi",
				 "partners":[{"name":"KOICA","country":"KR","role":"FUNDING"}],"proposedOn":"2024-01-10"}
				""".formatted(id)), 201);
		ok(api.post("/api/projects/" + id + "/agreements",
				"{\"agreementId\":\"LOAN-1\",\"type\":\"LOAN\",\"signedOn\":\"2024-03-01\"}"), 200);
		ok(api.post("/api/projects/" + id + "/fundings/eximbank", "{\"fundingId\":\"EDCF-1\",\"instrument\":\"EDCF_LOAN\","
				+ "\"amount\":{\"amount\":\"100000000\",\"currency\":\"USD\"},\"committedOn\":\"2024-04-01\"}"), 200);
		ok(api.post("/api/projects/" + id + "/disbursements", "{\"fundingId\":\"EDCF-1\","
				+ "\"amount\":{\"amount\":\"1000000\",\"currency\":\"USD\"},\"disbursedOn\":\"2024-05-01\"}"), 200);
		return id;
	}

	private static void ok(Response r, int status) {
		assertThat(r.status()).as(r.toString()).isEqualTo(status);
	}

	long events() {
		return eventStore.readEvents(projectId, 0).asStream().count();
	}

	long contentRows() {
		return jdbc.queryForObject("select count(*) from document_content", Long.class);
	}

	long fileRows() {
		return jdbc.queryForObject("select count(*) from document_file", Long.class);
	}

	static byte[] pdf(String marker) {
		byte[] tail = ("% " + marker + "\n").getBytes(StandardCharsets.US_ASCII);
		byte[] bytes = Arrays.copyOf(PDF, PDF.length + tail.length);
		System.arraycopy(tail, 0, bytes, PDF.length, tail.length);
		return bytes;
	}

	@Nested
	class UploadListDownload {

		@Test
		void keepsTheExactBytesUnderTheirHashAndServesThemBack() {
			byte[] bytes = pdf("loan agreement " + projectId);
			Uploads.Answer up = finance.upload(projectId, "Loan agreement.pdf", bytes, fields("title",
					"Loan agreement", "category", "A11", "language", "en", "documentDate", "2024-03-01",
					"attachedTo", "FUNDING:EDCF-1"));
			assertThat(up.status()).as(up.toString()).isEqualTo(201);
			JsonNode uploaded = up.json();
			String documentId = uploaded.get("documentId").asString();
			assertThat(uploaded.get("sha256").asString()).isEqualTo(sha256(bytes));
			assertThat(uploaded.get("size").asLong()).isEqualTo(bytes.length);
			assertThat(uploaded.get("mediaType").asString()).isEqualTo("application/pdf");
			assertThat(up.header("Location")).endsWith("/api/projects/" + projectId + "/documents/" + documentId
					+ "/content");

			// the list and the download through the shared client too: checked against the OpenAPI document
			Response listed0 = recorder.api().get("/api/projects/" + projectId + "/documents");
			assertThat(listed0.status()).isEqualTo(200);
			JsonNode list = listed0.json();
			assertThat(list).hasSize(1);
			JsonNode listed = list.get(0);
			assertThat(listed.get("documentId").asString()).isEqualTo(documentId);
			assertThat(listed.get("source").asString()).isEqualTo("UPLOAD");
			assertThat(listed.get("sha256").asString()).isEqualTo(sha256(bytes));
			assertThat(listed.get("size").asLong()).isEqualTo(bytes.length);
			assertThat(listed.get("mediaType").asString()).isEqualTo("application/pdf");
			assertThat(listed.get("categories").get(0).asString()).isEqualTo("A11");
			assertThat(listed.get("titles").get("en").asString()).isEqualTo("Loan agreement");
			assertThat(listed.get("documentDate").asString()).isEqualTo("2024-03-01");
			assertThat(listed.get("attachedTo").get("kind").asString()).isEqualTo("FUNDING");
			assertThat(listed.get("attachedTo").get("id").asString()).isEqualTo("EDCF-1");
			assertThat(listed.get("fileName").asString()).isEqualTo("Loan agreement.pdf");

			Response checked = recorder.api().get(listed.get("contentUrl").asString());
			assertThat(checked.status()).isEqualTo(200);
			assertThat(checked.body()).isEqualTo(new String(bytes, StandardCharsets.US_ASCII));
			Uploads.Answer down = recorder.get(listed.get("contentUrl").asString());
			assertThat(down.status()).isEqualTo(200);
			assertThat(down.bytes()).isEqualTo(bytes);
			assertThat(sha256(down.bytes())).isEqualTo(sha256(bytes));
			assertThat(down.header("Content-Type")).isEqualTo("application/pdf");
			assertThat(down.header("X-Content-Type-Options")).isEqualTo("nosniff");
			assertThat(down.header("Content-Disposition")).isEqualTo(
					"attachment; filename=\"Loan agreement.pdf\"; filename*=UTF-8''Loan%20agreement.pdf");
		}

		@Test
		void theSameContentTwiceIsStoredOnceAndListedTwice() {
			byte[] bytes = pdf("same " + projectId);
			long rows = contentRows();
			assertThat(recorder.upload(projectId, "a.pdf", bytes).status()).isEqualTo(201);
			assertThat(recorder.upload(projectId, "b.pdf", bytes).status()).isEqualTo(201);
			assertThat(contentRows()).isEqualTo(rows + 1);
			assertThat(recorder.get("/api/projects/" + projectId + "/documents").json()).hasSize(2);
		}

		@Test
		void aNewVersionSupersedesTheEarlierAndBothStay() {
			byte[] first = pdf("v1 " + projectId);
			byte[] second = pdf("v2 " + projectId);
			String v1 = recorder.upload(projectId, "plan.pdf", first).json().get("documentId").asString();
			Uploads.Answer up = recorder.upload(projectId, "plan-v2.pdf", second, fields("supersedes", v1));
			assertThat(up.status()).as(up.toString()).isEqualTo(201);
			String v2 = up.json().get("documentId").asString();

			JsonNode list = recorder.get("/api/projects/" + projectId + "/documents").json();
			assertThat(list).hasSize(2);
			JsonNode older = list.get(0);
			JsonNode newer = list.get(1);
			assertThat(older.get("documentId").asString()).isEqualTo(v1);
			assertThat(older.get("supersededBy").asString()).isEqualTo(v2);
			assertThat(newer.get("supersedes").asString()).isEqualTo(v1);
			assertThat(newer.get("versions").toString()).isEqualTo("[\"" + v1 + "\",\"" + v2 + "\"]");
			assertThat(older.get("versions").toString()).isEqualTo("[\"" + v1 + "\",\"" + v2 + "\"]");
			assertThat(recorder.get(older.get("contentUrl").asString()).bytes()).isEqualTo(first);
			assertThat(recorder.get(newer.get("contentUrl").asString()).bytes()).isEqualTo(second);
		}

		@Test
		void attachesToADisbursementAndAMilestoneOfTheProject() {
			assertThat(finance.upload(projectId, "receipt.pdf", pdf("r" + projectId),
					fields("attachedTo", "DISBURSEMENT:EDCF-1/2024-05-01")).status()).isEqualTo(201);
			assertThat(finance.upload(projectId, "loan.pdf", pdf("l" + projectId),
					fields("attachedTo", "AGREEMENT:LOAN-1")).status()).isEqualTo(201);
		}

		@Test
		void aProjectWithoutDocumentsListsNoneAndAnUnknownProjectIs404() {
			assertThat(recorder.get("/api/projects/" + projectId + "/documents").json()).isEmpty();
			Uploads.Answer unknown = recorder.get("/api/projects/NOPE-404/documents");
			assertThat(unknown.status()).isEqualTo(404);
			assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
			Uploads.Answer noDocument = recorder.get("/api/projects/" + projectId + "/documents/doc-x/content");
			assertThat(noDocument.status()).isEqualTo(404);
			assertThat(noDocument.header("Content-Type")).startsWith("application/problem+json");
		}
	}

	@Nested
	class Refusals {

		private void refused(Uploads.Answer answer, int status, String field) {
			assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
			assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
			if (field != null) {
				assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
			}
		}

		private void nothingWritten(Runnable attempt) {
			long events = events();
			long contents = contentRows();
			long files = fileRows();
			attempt.run();
			assertThat(events()).isEqualTo(events);
			assertThat(contentRows()).isEqualTo(contents);
			assertThat(fileRows()).isEqualTo(files);
		}

		@Test
		void refusesExecutablesScriptsAndUnknownBytes() {
			byte[] elf = new byte[256];
			elf[0] = 0x7f;
			elf[1] = 'E';
			elf[2] = 'L';
			elf[3] = 'F';
			elf[4] = 2;
			elf[5] = 1;
			elf[6] = 1;
			byte[] pe = new byte[512];
			pe[0] = 'M';
			pe[1] = 'Z';
			pe[0x3c] = (byte) 0x80;
			pe[0x80] = 'P';
			pe[0x81] = 'E';
			byte[] script = "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.US_ASCII);
			byte[] random = new byte[4096];
			new Random(22).nextBytes(random);
			nothingWritten(() -> {
				refused(recorder.upload(projectId, "report.pdf", elf), 400, "file");
				refused(recorder.upload(projectId, "report.pdf", pe), 400, "file");
				refused(recorder.upload(projectId, "setup.exe", pe), 400, "file");
				refused(recorder.upload(projectId, "notes.txt", script), 400, "file");
				refused(recorder.upload(projectId, "data.pdf", random), 400, "file");
			});
		}

		@Test
		void refusesAnEmptyFileAMissingFilePartAndAFileOverTheLimit() {
			byte[] over = Arrays.copyOf(PDF, 1024 * 1024 + 1);
			byte[] farOver = Arrays.copyOf(PDF, 3 * 1024 * 1024);
			nothingWritten(() -> {
				refused(recorder.upload(projectId, "empty.pdf", new byte[0]), 400, "file");
				refused(recorder.upload(projectId, null, null, fields("title", "No file")), 400, null);
				refused(recorder.upload(projectId, "big.pdf", over), 413, null);
				refused(recorder.upload(projectId, "huge.pdf", farOver), 413, null);
			});
		}

		@Test
		void refusesAnAttachmentOfAnotherProjectAndAnUnknownVersionWithNothingHalfWritten() {
			String other = financed(api);
			nothingWritten(() -> {
				// the other project's funding: this project has EDCF-1 too, so name one only the other has
				ok(api.post("/api/projects/" + other + "/fundings", "{\"fundingId\":\"K-OTHER\",\"source\":"
						+ "\"KOICA_GRANT\",\"funder\":\"KOICA\",\"amount\":{\"amount\":\"5000000\",\"currency\":\"USD\"},"
						+ "\"committedOn\":\"2024-04-02\"}"), 200);
				Uploads.Answer foreign = finance.upload(projectId, "a.pdf", pdf("foreign " + projectId),
						fields("attachedTo", "FUNDING:K-OTHER"));
				assertThat(foreign.status()).as(foreign.toString()).isEqualTo(409);
				assertThat(foreign.json().get("field").asString()).isEqualTo("attachedTo");
				Uploads.Answer version = finance.upload(projectId, "a.pdf", pdf("version " + projectId),
						fields("supersedes", "doc-missing"));
				assertThat(version.status()).as(version.toString()).isEqualTo(409);
				refused(finance.upload(projectId, "a.pdf", pdf("kind " + projectId),
						fields("attachedTo", "INVOICE:1")), 400, "attachedTo");
				refused(finance.upload(projectId, "a.pdf", pdf("cat " + projectId), fields("category", "Z99")), 400,
						"category");
				refused(finance.upload(projectId, "a.pdf", pdf("date " + projectId),
						fields("documentDate", "01.05.2024")), 400, "documentDate");
			});
		}

		@Test
		void anAuditorMayReadButNotUpload() {
			Uploads auditor = new Uploads(port, "auditor");
			nothingWritten(() -> refused(auditor.upload(projectId, "a.pdf", pdf("auditor")), 403, null));
			assertThat(new Uploads(port, null).upload(projectId, "a.pdf", pdf("anon")).status()).isEqualTo(401);
			assertThat(auditor.get("/api/projects/" + projectId + "/documents").status()).isEqualTo(200);
		}
	}

	@Nested
	class HostileFileNames {

		private String keptAs(String name) {
			Uploads.Answer up = recorder.upload(projectId, name, pdf(name + projectId));
			assertThat(up.status()).as(up.toString()).isEqualTo(201);
			String kept = up.json().get("fileName").asString();
			Uploads.Answer down = recorder.get(up.json().get("contentUrl").asString());
			String disposition = down.header("Content-Disposition");
			assertThat(disposition).matches("attachment; filename=\"[\\x20-\\x7e&&[^\"\\\\]]*\"; filename\\*=UTF-8''[A-Za-z0-9!#$&+\\-.^_`|~%]+");
			return kept;
		}

		@Test
		void keepsTheLastSegmentOnlyWithoutControlQuotesOrDirectionOverrides() {
			assertThat(keptAs("../../etc/passwd")).isEqualTo("passwd");
			assertThat(keptAs("..\\..\\windows\\win.ini")).isEqualTo("win.ini");
			assertThat(keptAs("a\\\"b")).isEqualTo("b");
			assertThat(keptAs("a\"b.pdf")).isEqualTo("ab.pdf");
			assertThat(keptAs("re\u0007port\u0001\t.pdf")).isEqualTo("report.pdf");
			assertThat(keptAs("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
			assertThat(keptAs("Ҳисобот 보고서.pdf")).isEqualTo("Ҳисобот 보고서.pdf");
			String longName = "x".repeat(300) + ".pdf";
			String kept = keptAs(longName);
			assertThat(kept).hasSize(SafeFileName.MAX_LENGTH).endsWith(".pdf");
		}
	}

	@Nested
	class Tampering {

		@Test
		void bytesChangedWithSqlAreNamedByVerifyAndNeverServed() {
			byte[] bytes = pdf("tamper " + projectId);
			JsonNode up = finance.upload(projectId, "payment order.pdf", bytes).json();
			String documentId = up.get("documentId").asString();
			String sha = up.get("sha256").asString();
			JsonNode before = api.get("/api/audit/verify").json();
			assertThat(before.get("filesValid").asBoolean()).as(before.toString()).isTrue();

			byte[] forged = pdf("forged " + projectId);
			assertThat(jdbc.update("update document_content set content = ? where sha256 = ?", forged, sha))
					.isEqualTo(1);

			JsonNode after = api.get("/api/audit/verify").json();
			assertThat(after.get("filesValid").asBoolean()).isFalse();
			assertThat(after.get("filesChecked").asLong()).isGreaterThanOrEqualTo(1);
			JsonNode mismatch = null;
			for (JsonNode m : after.get("fileMismatches")) {
				if (m.get("documentId").asString().equals(documentId)) {
					mismatch = m;
				}
			}
			assertThat(mismatch).as(after.toString()).isNotNull();
			assertThat(mismatch.get("projectId").asString()).isEqualTo(projectId);
			assertThat(mismatch.get("expectedSha256").asString()).isEqualTo(sha);
			assertThat(mismatch.get("actualSha256").asString()).isEqualTo(sha256(forged));

			assertThat(api.get(up.get("contentUrl").asString()).status()).isEqualTo(409);
			Uploads.Answer down = recorder.get(up.get("contentUrl").asString());
			assertThat(down.status()).isEqualTo(409);
			assertThat(down.header("Content-Type")).startsWith("application/problem+json");
			assertThat(down.json().get("type").asString()).isEqualTo("/problems/stored-file-fails-hash");
			assertThat(down.json().get("actualSha256").asString()).isEqualTo(sha256(forged));
			assertThat(down.text()).doesNotContain("forged");

			// put the bytes back: the other tests of this context share the database
			jdbc.update("update document_content set content = ? where sha256 = ?", bytes, sha);
			assertThat(api.get("/api/audit/verify").json().get("filesValid").asBoolean()).isTrue();
		}
	}
}
