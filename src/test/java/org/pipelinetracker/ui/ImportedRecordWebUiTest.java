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
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an IATI import records, in a real browser: the board's FINALISATION column and its data-quality filter and
 * badges; on the project page the status as its publisher reported it, the data-quality flags with their reasons,
 * the participating organisations, the documents in their languages, its plans beside what was disbursed and the
 * import's notes (never the description);
 * a recorder moves the imported project to finalisation with the stage form. Screenshots in target/screenshots/import/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tracker.test.context=imported-record")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportedRecordWebUiTest {

	static final String ANNOTATED = "AA-AAA-123456789-ABC123";
	static final String UNOPS = "41AAA-22482-001";

	@LocalServerPort
	int port;

	Browser browser;

	@RegisterExtension
	final TestWatcher onFailure = Browser.screenshotOnFailure("import/FAILED-", () -> browser);

	@BeforeAll
	void importTwoExampleFiles() throws IOException {
		Api api = new Api(port);
		for (String file : new String[] {"activity-standard-example-annotated.xml", "unops-at-activity.xml"}) {
			Api.Response r = api.postRaw("/api/import/iati?fileName=" + file, "application/xml", example(file));
			assertThat(r.status()).as(r.toString()).isEqualTo(200);
		}
		api.eventually("/api/projects?size=200", r -> r.body().contains(ANNOTATED) && r.body().contains(UNOPS));
		// listed with every event of its import (the board's stages and data-quality badges), not just the first
		api.awaitListed(ANNOTATED);
		api.awaitListed(UNOPS);
		browser = Browser.open("http://localhost:" + port);
		browser.login("ops", Api.TEST_PASSWORD);
	}

	@AfterAll
	void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void theBoardHasAFinalisationColumnAndFiltersByDataQuality() {
		browser.go("/#/board");
		browser.find("li.card[data-project-id='" + UNOPS + "']");
		assertThat(browser.text("section.column[data-stage='FINALISATION'] h2")).startsWith("Finalisation");
		assertThat(browser.text("li.card[data-project-id='" + UNOPS + "'] .badge.data-quality")).isEqualTo("Status without funding");
		assertThat(browser.all("li.card[data-project-id='" + ANNOTATED + "'] .badge.data-quality")).isEmpty();
		new Select(browser.find("#board-flag")).selectByValue("STATUS_WITHOUT_FUNDING");
		browser.wait.until(d -> browser.all("li.card[data-project-id='" + ANNOTATED + "']").isEmpty());
		assertThat(browser.all("li.card")).hasSize(3);
		browser.find("#board-clear").click();
		// the partner search finds a participating organisation by its name in another language
		browser.find("#board-search").sendKeys("Nom de l'agence");
		browser.wait.until(d -> browser.all("li.card[data-project-id='" + UNOPS + "']").isEmpty());
		assertThat(browser.all("li.card[data-project-id='" + ANNOTATED + "']")).hasSize(1);
		browser.screenshot("import/board");
	}

	@Test
	void theProjectPageShowsTheReportedStatusFlagsOrganisationsDocumentsAndNotes() {
		browser.go("/#/projects/" + UNOPS);
		assertThat(browser.text("#data-quality")).contains("reported as 2 Implementation, but no commitment or incoming funds"
				+ " are recorded");
		assertThat(browser.text("#reported-status")).contains("United Nations Office for Project Services",
				"unops-at-activity.xml");
		assertThat(browser.text("#partners")).contains("41AAA", "Implementing", "Accountable");
		assertThat(browser.text("#import-notes")).contains("Adjusted", "region recorded as Multiple regions");
		browser.screenshot("import/unops");

		browser.go("/#/projects/" + ANNOTATED);
		assertThat(browser.text("#documents")).contains("Project Report 2013", "A01", "2014-02-05");
		assertThat(browser.text("#partners")).contains("Name of Agency A", "Nom de l'agence A", "AA-AAA-123456789");
		assertThat(browser.text("#import-notes")).contains("DAC category 111 mapped to its first purpose code 11110");
		assertThat(browser.text(".description")).doesNotContain("IATI import notes");
		assertThat(browser.all("#data-quality")).isEmpty();
		// its budget and two planned disbursements (EUR 3,000 each for 2014), beside what was disbursed: nothing
		assertThat(browser.text("#plans")).contains("Planned to date", "EUR", "FY2014 Q4", "Current budgets", "Original",
				"Indicative", "2014-01-01 – 2014-12-31");
		assertThat(browser.text("#plans")).containsPattern("EUR.6,000");
		// and in the history, each plan with its budget type, value and period
		assertThat(browser.text("section.history")).doesNotContain("ref.agreementType").contains("type Original",
				"2014-01-01 – 2014-12-31");

		// a recorder moves it to finalisation: complete, its accounts still open
		browser.find("#command-stage summary").click();
		new Select(browser.find("#form-stage-action")).selectByValue("finalise");
		browser.find("#form-stage button[type=submit]").click();
		browser.wait.until(d -> browser.text(".project-status .badge").equals("Finalisation"));
		assertThat(browser.text("#iati-status")).contains("3");
		browser.screenshot("import/annotated-finalised");
	}

	private static String example(String name) throws IOException {
		try (InputStream in = ImportedRecordWebUiTest.class.getResourceAsStream("/iati/examples/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}
}
