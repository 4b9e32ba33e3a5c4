package org.pipelinetracker.ui;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.pipelinetracker.Api;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quarterly reporting section of the funding page, in Russian for a finance user: the due date, each funder's
 * status in the page's language, and a link to the funder's template in that language
 * (target/screenshots/reporting-status.png); the upload form: a faulty workbook refused with each row, column and
 * reason and the marked workbook offered, then a valid one recorded row by row and the funder's project shown as
 * reported (reporting-upload-refused.png, reporting-upload-recorded.png, and at phone width
 * reporting-upload-phone-status.png and reporting-upload-phone-form.png).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = {"tracker.reporting.max-size=200KB", "tracker.reporting.due-days=100000",
				"tracker.test.context=reporting"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportingWebUiTest {

	@LocalServerPort
	int port;

	Browser browser;

	@RegisterExtension
	final TestWatcher onFailure = Browser.screenshotOnFailure("FAILED-", () -> browser);

	@BeforeAll
	void openBrowser() {
		browser = Browser.open("http://localhost:" + port, "ru");
		browser.login("finance", "finance-demo");
	}

	@AfterAll
	void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void theFundingPageTellsWhoReportedAQuarter() {
		String id = "UI-REP-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		String funder = "Funder " + id;
		Api api = new Api(port);
		ok(api.post("/api/projects", """
				{"projectId":"%s","title":"Reporting page","sector":"15110","region":"Tashkent","proposedOn":"2024-01-10"}"""
				.formatted(id)));
		ok(api.post("/api/projects/" + id + "/agreements",
				"{\"agreementId\":\"G1\",\"type\":\"GRANT\",\"signedOn\":\"2024-02-01\"}"));
		ok(api.post("/api/projects/" + id + "/fundings", """
				{"fundingId":"F1","source":"OTHER","funder":"%s","amount":{"amount":"1000000","currency":"USD"},
				 "committedOn":"2024-03-01"}""".formatted(funder)));
		api.eventually("/api/reporting/status?period=2026-Q1", r -> r.body().contains(funder));
		browser.go("/#/funding");
		browser.wait.until(d -> !browser.all("#reporting-status table").isEmpty());
		browser.find("#reporting-period").clear();
		browser.find("#reporting-period").sendKeys("2026-Q1");
		browser.find("#reporting-show").click();
		browser.wait.until(d -> browser.text("#reporting-status").contains(funder));
		assertThat(browser.text("#reporting-heading")).isEqualTo("Квартальная отчётность");
		assertThat(browser.text("#reporting-status")).contains("2026-Q1").contains("Срок не наступил");
		String href = (String) browser.js("""
				return [...document.querySelectorAll('#reporting-status a.download')].map(a => a.href)
				  .find(h => h.includes(arguments[0])) || null""", id);
		assertThat(href).contains("/api/reporting/template.xlsx").contains("period=2026-Q1").contains("lang=ru");
		assertThat(browser.severeConsoleMessages()).isEmpty();
		browser.screenshot("reporting-status");
	}

	@Test
	void financeUploadsAFaultyThenAValidWorkbookFromThePage() throws IOException {
		String id = "UI-UPL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		String funder = "Upload funder " + id;
		Api api = new Api(port);
		ok(api.post("/api/projects", """
				{"projectId":"%s","title":"Upload page","sector":"15110","region":"Tashkent","proposedOn":"2024-01-10"}"""
				.formatted(id)));
		ok(api.post("/api/projects/" + id + "/agreements",
				"{\"agreementId\":\"G1\",\"type\":\"GRANT\",\"signedOn\":\"2024-02-01\"}"));
		ok(api.post("/api/projects/" + id + "/fundings", """
				{"fundingId":"F1","source":"OTHER","funder":"%s","amount":{"amount":"1000000","currency":"USD"},
				 "committedOn":"2024-03-01"}""".formatted(funder)));
		api.eventually("/api/reporting/status?period=2026-Q1", r -> r.body().contains(funder));

		browser.go("/#/funding");
		browser.find("#reporting-period").clear();
		browser.find("#reporting-period").sendKeys("2026-Q1");
		browser.find("#reporting-show").click();
		browser.wait.until(d -> browser.all("#reporting-upload-funder option").stream()
				.anyMatch(o -> funder.equals(o.getAttribute("value"))));
		// a live update may draw the list again meanwhile: select until it holds
		browser.wait.until(d -> {
			new Select(browser.find("#reporting-upload-funder")).selectByValue(funder);
			return funder.equals(browser.find("#reporting-upload-funder").getAttribute("value"));
		});
		String template = browser.attribute("#reporting-upload-template", "href");
		assertThat(template).contains("/api/reporting/template.xlsx").contains("period=2026-Q1").contains("lang=ru")
				.contains("funder=Upload+funder+" + id);
		browser.find("#reporting-upload-template").click();
		byte[] blank = browser.downloadedBytes("report-2026-Q1.xlsx");

		// a faulty workbook: more than the undisbursed 1 000 000, on a date outside the quarter; nothing is recorded
		Path faulty = write("faulty.xlsx", fill(blank, id, new BigDecimal("1500000"), LocalDate.of(2026, 5, 1), null));
		browser.find("#reporting-upload-file").sendKeys(faulty.toAbsolutePath().toString());
		browser.find("#reporting-upload-submit").sendKeys(Keys.ENTER);
		browser.wait.until(d -> !browser.all("#reporting-upload-outcome table.reporting-errors").isEmpty());
		String errors = browser.text("#reporting-upload-outcome");
		assertThat(browser.text("#reporting-upload-status")).startsWith("Ничего не записано. Найдено ошибок: 2.");
		int row = dataRow(blank, id) + 1;
		assertThat(errors).contains(String.valueOf(row)).contains("G · Выплачено в 2026-Q1: сумма")
				.contains("H · Выплачено в 2026-Q1: дата");
		assertThat(browser.all("#reporting-upload-outcome tbody tr")).hasSize(2);
		assertThat(api.get("/api/projects/" + id).json().path("fundings").get(0).path("disbursements")).isEmpty();
		browser.screenshot("reporting-upload-refused");

		browser.find("#reporting-upload-marked").click();
		byte[] marked = browser.downloadedBytes("faulty-errors.xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(marked))) {
			Row r = book.getSheetAt(0).getRow(row - 1);
			assertThat(r.getCell(6).getCellStyle().getFillForegroundColor()).isEqualTo(IndexedColors.RED.getIndex());
			assertThat(r.getCell(7).getCellComment()).isNotNull();
			assertThat(r.getCell(8).getCellComment()).isNull();
		}

		// the same row filled right: recorded, and said so row by row
		Path valid = write("valid.xlsx", fill(blank, id, new BigDecimal("250000.50"), LocalDate.of(2026, 2, 15),
				new BigDecimal("300000")));
		browser.find("#reporting-upload-file").sendKeys(valid.toAbsolutePath().toString());
		browser.find("#reporting-upload-submit").click();
		browser.wait.until(d -> browser.text("#reporting-upload-status").contains("Прочитано строк: 1"));
		assertThat(browser.text("#reporting-upload-status")).isEqualTo("Записано за 2026-Q1. Прочитано строк: 1.");
		String recorded = browser.text("#reporting-upload-outcome");
		assertThat(recorded).contains(id).contains("F1").contains("Выплата").contains("250 000,50")
				.contains("2026-02-15").contains("Плановая выплата").contains("300 000").contains("2026-Q2");
		var funding = api.get("/api/projects/" + id).json().path("fundings").get(0);
		assertThat(new BigDecimal(funding.path("disbursed").path("amount").asString())).isEqualByComparingTo("250000.50");

		// the status follows: the funder and its project reported on time, by finance
		browser.wait.until(d -> browser.all("#reporting-projects summary").stream()
				.anyMatch(s -> s.getText().contains(funder) && s.getText().contains("1 из 1")));
		// the funder's fold opened with the keyboard (found again if a live update drew the section anew)
		String projects = browser.wait.until(d -> {
			WebElement fold = browser.all("#reporting-projects details").stream()
					.filter(f -> f.findElement(By.tagName("summary")).getText().contains(funder)).findFirst().orElse(null);
			if (fold == null) {
				return null;
			}
			if (fold.getAttribute("open") == null) {
				fold.findElement(By.tagName("summary")).sendKeys(Keys.ENTER);
			}
			String text = fold.getText();
			return text.contains(id) && text.contains("Вовремя") ? text : null;
		});
		assertThat(projects).contains("Upload page").contains("finance").contains("1 / 1");
		// the browser logs the two refusals (400) it was sent; nothing else went wrong
		assertThat(browser.severeConsoleMessages()).allMatch(m -> m.contains("/api/reporting/uploads") && m.contains("400"));
		browser.screenshot("reporting-upload-recorded");
		// at phone width the tables become one block per row and nothing is wider than the screen
		browser.resize(390, 844);
		browser.wait.until(d -> ((Number) browser.js("return document.getElementById('reporting-upload').scrollWidth")).intValue() <= 390);
		browser.js("document.getElementById('reporting-projects').scrollIntoView()");
		browser.screenshotViewport("reporting-upload-phone-status");
		browser.js("document.getElementById('reporting-upload').scrollIntoView()");
		browser.screenshotViewport("reporting-upload-phone-form");
		browser.resize(1366, 900);
	}

	/** The template with the project's row filled: disbursed amount and date, the next quarter's plan. */
	private static byte[] fill(byte[] template, String projectId, BigDecimal amount, LocalDate on, BigDecimal planned)
			throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(template))) {
			CellStyle date = book.createCellStyle();
			date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
			Row row = book.getSheetAt(0).getRow(dataRow(book, projectId));
			row.getCell(6).setCellValue(amount.doubleValue());
			row.getCell(7).setCellValue(on);
			row.getCell(7).setCellStyle(date);
			if (planned != null) {
				row.getCell(8).setCellValue(planned.doubleValue());
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			book.write(out);
			return out.toByteArray();
		}
	}

	private static int dataRow(byte[] workbook, String projectId) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
			return dataRow(book, projectId);
		}
	}

	private static int dataRow(XSSFWorkbook book, String projectId) {
		for (Row row : book.getSheetAt(0)) {
			if (row.getRowNum() >= 3 && row.getCell(0) != null && projectId.equals(row.getCell(0).getStringCellValue())) {
				return row.getRowNum();
			}
		}
		throw new AssertionError("no row of " + projectId);
	}

	private static Path write(String name, byte[] bytes) throws IOException {
		Path dir = Files.createTempDirectory("reporting-upload-");
		return Files.write(dir.resolve(name), bytes);
	}

	private static void ok(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isBetween(200, 201);
	}
}
