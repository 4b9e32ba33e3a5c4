package org.pipelinetracker.ui;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.support.ui.Select;
import org.pipelinetracker.Api;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documents section of the project page in a real browser, as a recorder: a PDF uploaded with the form (title,
 * category, evidence of a funding) appears in the list with its size and type beside the IATI links' columns; a
 * shell script is refused with the server's reason beside the file field. Screenshots in target/screenshots/documents/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tracker.test.context=documents-ui")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentsWebUiTest {

	static final String PROJECT = "DOC-UI-1";

	@LocalServerPort
	int port;

	Browser browser;

	@RegisterExtension
	final TestWatcher onFailure = Browser.screenshotOnFailure("documents/FAILED-", () -> browser);

	@BeforeAll
	void financedProjectAndARecorder() {
		Api api = new Api(port);
		assertThat(api.post("/api/projects", """
				{"projectId":"%s","title":"Navoi substation","sector":"23630","region":"Navoi",
				 "partners":[{"name":"KOICA","country":"KR","role":"FUNDING"}],"proposedOn":"2024-01-10"}
				""".formatted(PROJECT)).status()).isEqualTo(201);
		assertThat(api.post("/api/projects/" + PROJECT + "/agreements",
				"{\"agreementId\":\"LOAN-1\",\"type\":\"LOAN\",\"signedOn\":\"2024-03-01\"}").status()).isEqualTo(200);
		assertThat(api.post("/api/projects/" + PROJECT + "/fundings/eximbank", "{\"fundingId\":\"EDCF-1\","
				+ "\"instrument\":\"EDCF_LOAN\",\"amount\":{\"amount\":\"100000000\",\"currency\":\"USD\"},"
				+ "\"committedOn\":\"2024-04-01\"}").status()).isEqualTo(200);
		browser = Browser.open("http://localhost:" + port);
		browser.login("recorder", "recorder-demo");
	}

	@AfterAll
	void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void aRecorderUploadsAPdfAndSeesAScriptRefusedBesideTheFileField() throws IOException {
		Path dir = Files.createTempDirectory("documents-ui");
		byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n".getBytes(StandardCharsets.US_ASCII);
		byte[] bytes = Arrays.copyOf(pdf, 300 * 1024); // 300 KB, padded with zeros
		Path file = Files.write(dir.resolve("Loan agreement.pdf"), bytes);
		Path script = Files.write(dir.resolve("notes.txt"), "#!/bin/sh\necho hi\n".getBytes(StandardCharsets.US_ASCII));

		browser.go("/#/projects/" + PROJECT);
		browser.find("#documents");
		browser.find("#upload-document summary").click();
		browser.find("#form-upload-document-file").sendKeys(file.toString());
		browser.find("#form-upload-document-title").sendKeys("Loan agreement EDCF");
		new Select(browser.find("#form-upload-document-category")).selectByValue("A11");
		new Select(browser.find("#form-upload-document-attachedTo")).selectByValue("FUNDING:EDCF-1");
		browser.find("#form-upload-document-documentDate").sendKeys("2024-03-01");
		browser.screenshot("documents/upload-form");
		browser.find("#form-upload-document button[type=submit]").click();
		browser.wait.until(d -> browser.all("#documents a.document-download").size() == 1);
		String row = browser.text("#documents table.documents tbody tr");
		assertThat(row).contains("Loan agreement EDCF", "Loan agreement.pdf", "A11", "2024-03-01", "300 KB",
				"application/pdf", "funding EDCF-1");
		assertThat(browser.attribute("#documents a.document-download", "href"))
				.contains("/api/projects/" + PROJECT + "/documents/doc-");
		browser.screenshot("documents/uploaded");
		// a recorder may not read the history (403, shown on the page as such); nothing else went wrong
		assertThat(browser.severeConsoleMessages()).allMatch(m -> m.contains("/history"));

		browser.find("#upload-document summary").click();
		browser.find("#form-upload-document-file").sendKeys(script.toString());
		browser.find("#form-upload-document button[type=submit]").click();
		browser.wait.until(d -> !browser.text("#form-upload-document-file-error").isEmpty());
		assertThat(browser.text("#form-upload-document-file-error")).contains("application/x-sh", "not accepted");
		assertThat(browser.attribute("#form-upload-document-file", "aria-invalid")).isEqualTo("true");
		assertThat(browser.all("#documents a.document-download")).hasSize(1);
		browser.screenshot("documents/script-refused");
	}
}
