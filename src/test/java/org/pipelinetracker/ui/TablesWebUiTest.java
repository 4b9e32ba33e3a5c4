package org.pipelinetracker.ui;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.Keys;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.pipelinetracker.Api;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tables in the browser: a workbook downloaded from the project page's Download button (Chromium's download
 * directory) and opened with POI; the project brief printed to PDF (Chrome DevTools' printToPDF through Selenium),
 * at most two A4 pages, without the page's navigation and forms (target/screenshots/project-brief.pdf).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TablesWebUiTest {

	@LocalServerPort
	int port;

	Browser browser;
	String projectId;

	@RegisterExtension
	final TestWatcher onFailure = Browser.screenshotOnFailure("FAILED-", () -> browser);

	@BeforeAll
	void openBrowser() {
		projectId = "UI-TBL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		Api recorder = new Api(port).as("recorder");
		Api finance = new Api(port).as("finance");
		ok(recorder.post("/api/projects", """
				{"projectId":"%s","title":"Tashkent metro depot","sector":"21030","region":"Tashkent",
				 "partners":[{"name":"Hyundai Rotem","country":"KR","role":"IMPLEMENTING"}],"proposedOn":"2024-02-01"}"""
				.formatted(projectId)));
		ok(recorder.post("/api/projects/" + projectId + "/agreements",
				"{\"agreementId\":\"L1\",\"type\":\"LOAN\",\"signedOn\":\"2024-03-01\"}"));
		ok(finance.post("/api/projects/" + projectId + "/fundings/eximbank", """
				{"fundingId":"EDCF-T1","instrument":"EDCF_LOAN","amount":{"amount":"25000000","currency":"USD"},
				 "committedOn":"2024-03-15"}"""));
		ok(finance.post("/api/projects/" + projectId + "/disbursements", """
				{"fundingId":"EDCF-T1","amount":{"amount":"5000000","currency":"USD"},"disbursedOn":"2024-06-10"}"""));
		browser = Browser.open("http://localhost:" + port);
		browser.login("admin", "admin-demo");
	}

	@AfterAll
	void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@BeforeEach
	void wideWindow() {
		browser.resize(1366, 900);
		browser.severeConsoleMessages();
	}

	@AfterEach
	void noScriptErrors() {
		assertThat(browser.severeConsoleMessages().stream().filter(m -> m.contains("Uncaught") || m.contains("Refused")
				|| m.contains("Content Security Policy") || m.contains("Error:")).toList()).isEmpty();
	}

	@Test
	void downloadsTheProjectsStatementAsAWorkbookFromTheProjectPage() throws Exception {
		browser.go("/#/projects/" + projectId);
		browser.wait.until(d -> browser.text("#project-title").contains("Tashkent metro depot"));
		browser.find("#project-statement-xlsx").click();
		byte[] bytes = browser.downloadedBytes("statement-" + projectId + ".xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			XSSFSheet fundings = book.getSheet("Fundings");
			assertThat(fundings.getRow(0).getCell(0).getStringCellValue())
					.isEqualTo("Project statement: " + projectId + " Tashkent metro depot");
			Row loan = fundings.getRow(2);
			assertThat(loan.getCell(0).getStringCellValue()).isEqualTo("EDCF-T1");
			assertThat(loan.getCell(3).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2024, 3, 15));
			assertThat(loan.getCell(6).getNumericCellValue()).isEqualTo(25_000_000.0);
			assertThat(loan.getCell(7).getNumericCellValue()).isEqualTo(5_000_000.0);
			assertThat(book.getSheet("Movements of money").getRow(3).getCell(0).getStringCellValue())
					.isEqualTo("disbursement");
		}
	}

	@Test
	void printsTheProjectBriefOnAtMostTwoA4PagesWithoutNavigationOrForms() throws Exception {
		browser.go("/#/projects/" + projectId);
		browser.wait.until(d -> browser.text("#project-title").contains("Tashkent metro depot"));
		assertThat(browser.find("#print-brief").isDisplayed()).isTrue();
		PrintOptions options = new PrintOptions();
		options.setPageSize(new PageSize(29.7, 21.0)); // A4 portrait: height, width in cm
		options.setBackground(true);
		byte[] pdf = Base64.getDecoder().decode(((PrintsPage) browser.driver).print(options).getContent());
		Path file = Browser.SCREENSHOTS.resolve("project-brief.pdf");
		Files.createDirectories(file.getParent());
		Files.write(file, pdf);
		assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		assertThat(pages(pdf)).isBetween(1, 2);
		String text = new String(pdf, StandardCharsets.ISO_8859_1);
		assertThat(text).doesNotContain("/Subtype /Widget");
		// the print stylesheet hides the header's navigation and the recording forms
		assertThat(browser.js("""
				const hidden = (css) => [...document.querySelectorAll(css)].every((e) => {
				  const rules = [...document.styleSheets].flatMap((s) => [...s.cssRules]).filter((r) => r.media
				    && r.media.mediaText === 'print');
				  return rules.some((r) => [...r.cssRules].some((c) => c.style && c.style.display === 'none'
				    && e.matches(c.selectorText)));
				});
				return hidden('.topbar') && hidden('.panel.record') && hidden('#print-brief') && hidden('.footer');""")).isEqualTo(true);
	}

	@Test
	void usesTheListWithTheKeyboardSharesItsViewInTheAddressAndDownloadsItsWorkbook() throws Exception {
		browser.go("/#/list?size=20");
		browser.wait.until(d -> !browser.all("#list-table tbody tr").isEmpty());
		assertThat(browser.attribute("th[data-column='projectId']", "aria-sort")).isEqualTo("ascending");
		assertThat(browser.attribute("th[data-column='title']", "aria-sort")).isEqualTo("none");
		// a sortable header is a button: Enter sorts, Enter again reverses, and the focus stays on it
		browser.find("#sort-title").sendKeys(Keys.ENTER);
		browser.wait.until(d -> "ascending".equals(browser.attribute("th[data-column='title']", "aria-sort")));
		assertThat(browser.driver.getCurrentUrl()).contains("sort=title%2Casc");
		browser.wait.until(d -> "sort-title".equals(browser.js("return document.activeElement.id")));
		new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
		browser.wait.until(d -> "descending".equals(browser.attribute("th[data-column='title']", "aria-sort")));
		assertThat(browser.driver.getCurrentUrl()).contains("sort=title%2Cdesc");
		// the filters: the stage by keyboard, remembered in the address
		browser.find("#list-stage").sendKeys("Financed");
		browser.wait.until(d -> browser.driver.getCurrentUrl().contains("stage=FINANCED"));
		browser.wait.until(d -> browser.all("#list-table tbody tr").stream()
				.anyMatch(r -> projectId.equals(r.getAttribute("data-project-id"))));
		String shared = browser.driver.getCurrentUrl();
		browser.go("/#/board").go(shared.substring(shared.indexOf("/#/")));
		browser.wait.until(d -> !browser.all("#list-table tbody tr").isEmpty());
		assertThat(browser.find("#list-stage").getAttribute("value")).isEqualTo("FINANCED");
		assertThat(browser.attribute("th[data-column='title']", "aria-sort")).isEqualTo("descending");
		browser.screenshot("list-laptop-en");
		browser.resize(375, 800);
		browser.wait.until(d -> ((Number) browser.js("return document.documentElement.scrollWidth")).intValue() <= 375);
		browser.screenshot("list-375-en");
		browser.resize(1366, 900);
		// committed sorts too (as converted to the display currency), and the line above the table says where the
		// amounts without a rate go
		browser.find("#sort-committed").sendKeys(Keys.ENTER);
		browser.wait.until(d -> "ascending".equals(browser.attribute("th[data-column='committed']", "aria-sort")));
		assertThat(browser.driver.getCurrentUrl()).contains("sort=committed%2Casc");
		assertThat(browser.text("#list-summary"))
				.endsWith("Ordered by the amount in USD; projects with an amount without an exchange rate come last.");
		assertThat(browser.attribute("th[data-column='title']", "aria-sort")).isEqualTo("none");

		browser.find("#list-download").click();
		byte[] bytes = browser.downloadedBytes("projects.xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
			XSSFSheet sheet = book.getSheet("Projects");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Project ID");
			boolean found = false;
			for (int r = 2; r <= sheet.getLastRowNum(); r++) {
				assertThat(sheet.getRow(r).getCell(5).getStringCellValue()).isEqualTo("Financed");
				found |= sheet.getRow(r).getCell(0).getStringCellValue().equals(projectId);
			}
			assertThat(found).isTrue();
		}
	}

	@Test
	void showsTheListInRussianAtPhoneAndLaptopWidth() {
		try (Browser russian = Browser.open("http://localhost:" + port, "ru")) {
			russian.login("carol", Api.TEST_PASSWORD);
			russian.go("/#/list");
			russian.wait.until(d -> !russian.all("#list-table tbody tr").isEmpty());
			assertThat(russian.text("main h1")).isEqualTo("Список проектов");
			assertThat(russian.find("#sort-title").getText()).startsWith("Название");
			russian.screenshot("list-laptop-ru");
			russian.resize(375, 800);
			russian.wait.until(d -> ((Number) russian.js("return document.documentElement.scrollWidth")).intValue() <= 375);
			russian.screenshot("list-375-ru");
		}
	}

	/** The pages of a PDF: its page objects ({@code /Type /Page}, not {@code /Pages}). */
	static int pages(byte[] pdf) {
		Matcher m = Pattern.compile("/Type\\s*/Page(?![s\\w])").matcher(new String(pdf, StandardCharsets.ISO_8859_1));
		int count = 0;
		while (m.find()) {
			count++;
		}
		return count;
	}

	private static Api.Response ok(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isBetween(200, 201);
		return response;
	}
}
