package org.pipelinetracker.iati.export;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The XLSX exports, opened with Apache POI: cell types and values (numbers, dates, text), the title row, the frozen
 * header row, the autofilter, localised headers, and hostile text stored as text (never a formula) in XLSX and
 * neutralised in CSV. A KOICA grant in UZS (USD 1 = 12,355.14 UZS on 10 Sep 2025) with a disbursement, a downward
 * correction and an expenditure, and a project whose texts look like formulas.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tracker.test.context=xlsx-export")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class XlsxExportApiTest {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
	static final String HYPERLINK = "=HYPERLINK(\"http://evil.example\",\"click\")";

	@LocalServerPort
	int port;

	Api api;

	@BeforeAll
	void scenario() {
		api = new Api(port);
		ok(api.post("/api/projects", """
				{"projectId":"XL-A","title":"Samarkand district heating","sector":"23620","region":"Samarkand",
				 "proposedOn":"2025-03-01"}"""));
		ok(api.post("/api/projects/XL-A/agreements", "{\"agreementId\":\"G1\",\"type\":\"GRANT\",\"signedOn\":\"2025-09-15\"}"));
		ok(api.post("/api/projects/XL-A/fundings", """
				{"fundingId":"KOICA-1","source":"KOICA_GRANT","funder":"KOICA",
				 "amount":{"amount":"61775700000","currency":"UZS"},"committedOn":"2025-09-20"}"""));
		ok(api.post("/api/projects/XL-A/disbursements", """
				{"fundingId":"KOICA-1","amount":{"amount":"12355140000","currency":"UZS"},"disbursedOn":"2025-10-05"}"""));
		ok(api.post("/api/projects/XL-A/start", "{\"on\":\"2025-10-10\"}"));
		ok(api.post("/api/projects/XL-A/fundings/KOICA-1/corrections", """
				{"amount":{"amount":"49420560000","currency":"UZS"},"reason":"-2+3 scope reduced","on":"2025-11-01"}"""));
		ok(api.post("/api/projects/XL-A/expenditures", """
				{"amount":{"amount":"2471028000","currency":"UZS"},"spentOn":"2025-10-20","provider":"@SUM(A1:A2)",
				 "receiver":"+1 contractor","description":"-2+3"}"""));

		ok(api.post("/api/projects", """
				{"projectId":"XL-H","title":"=HYPERLINK(\\"http://evil.example\\",\\"click\\")","sector":"21030",
				 "region":"Khorezm","proposedOn":"2025-01-10"}"""));
		ok(api.post("/api/projects/XL-H/milestones", """
				{"milestoneId":"M1","name":"@SUM(1+1)","plannedOn":"2025-02-01"}"""));
		api.eventually("/api/projects?size=50", r -> r.json().path("totalElements").asLong() == 2);
	}

	@Test
	void projectsWorkbookHasATitleAFrozenFilteredHeaderAndTypedCells() throws Exception {
		HttpResponse<byte[]> response = get("/api/export/projects.xlsx", null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue(XLSX);
		assertThat(response.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"projects.xlsx\"");
		try (XSSFWorkbook book = open(response)) {
			XSSFSheet sheet = book.getSheet("Projects");
			assertThat(sheet).isNotNull();
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Projects (amounts in USD)");
			assertThat(texts(sheet.getRow(1))).containsExactly("Project ID", "Title", "Sector code", "Sector", "Region",
					"Stage", "IATI status", "Proposed on", "Currency", "Committed", "Disbursed", "Undisbursed", "Received",
					"Expended", "Committed without an exchange rate");
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
			assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A2:O4");

			Row a = sheet.getRow(2);
			assertThat(a.getCell(0).getStringCellValue()).isEqualTo("XL-A");
			assertThat(a.getCell(5).getStringCellValue()).isEqualTo("Implementation");
			assertThat(DateUtil.isCellDateFormatted(a.getCell(7))).isTrue();
			assertThat(a.getCell(7).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2025, 3, 1));
			assertThat(a.getCell(8).getStringCellValue()).isEqualTo("USD");
			assertThat(a.getCell(9).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(a.getCell(9).getNumericCellValue()).isEqualTo(4_000_000.00);
			assertThat(a.getCell(9).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
			assertThat(a.getCell(10).getNumericCellValue()).isEqualTo(1_000_000.00);
			assertThat(a.getCell(11).getNumericCellValue()).isEqualTo(3_000_000.00);
			assertThat(a.getCell(13).getNumericCellValue()).isEqualTo(200_000.00);

			Cell hostile = sheet.getRow(3).getCell(1);
			assertThat(hostile.getCellType()).isEqualTo(CellType.STRING);
			assertThat(hostile.getStringCellValue()).isEqualTo(HYPERLINK);
			assertThat(hostile.getCellStyle().getQuotePrefixed()).isTrue();
			assertThat(a.getCell(1).getCellStyle().getQuotePrefixed()).isFalse();
		}
	}

	@Test
	void theTitleSaysAsOfAndAsKnownAtAndTheFiltersApply() throws Exception {
		try (XSSFWorkbook book = open(get("/api/export/projects.xlsx?asOf=2025-10-01&sector=23620", null))) {
			XSSFSheet sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Projects (amounts in USD), as of 2025-10-01");
			assertThat(sheet.getLastRowNum()).isEqualTo(2);
			assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("XL-A");
			assertThat(sheet.getRow(2).getCell(5).getStringCellValue()).as("not started yet on 1 Oct").isEqualTo("Financed");
		}
		try (XSSFWorkbook book = open(get("/api/export/transactions.xlsx?asOf=2025-12-31&knownAt=2030-01-01T00:00:00Z", null))) {
			assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
					.isEqualTo("Transactions of the projects, as of 2025-12-31, as known at 2030-01-01T00:00:00Z");
		}
	}

	@Test
	void sheetNamesHeadersAndTitlesFollowTheLanguage() throws Exception {
		try (XSSFWorkbook book = open(get("/api/export/projects.xlsx?lang=ru", null))) {
			XSSFSheet sheet = book.getSheet("Проекты");
			assertThat(sheet).isNotNull();
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Проекты (суммы в долларах США)");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("ID проекта");
			assertThat(sheet.getRow(2).getCell(5).getStringCellValue()).isEqualTo("Реализация");
		}
		try (XSSFWorkbook book = open(get("/api/export/transactions.xlsx", "ko-KR,ko;q=0.9"))) {
			XSSFSheet sheet = book.getSheet("거래");
			assertThat(sheet).isNotNull();
			assertThat(sheet.getRow(1).getCell(5).getStringCellValue()).isEqualTo("금액");
		}
	}

	@Test
	void transactionsAreNumbersInTheirCurrencyNegativeCorrectionsIncluded() throws Exception {
		try (XSSFWorkbook book = open(get("/api/export/transactions.xlsx?sector=23620", null))) {
			XSSFSheet sheet = book.getSheet("Transactions");
			List<String> kinds = new ArrayList<>();
			for (int r = 2; r <= sheet.getLastRowNum(); r++) {
				kinds.add(sheet.getRow(r).getCell(3).getStringCellValue());
			}
			assertThat(kinds).containsExactly("commitment", "disbursement", "correction", "expenditure");
			Row correction = sheet.getRow(4);
			Cell amount = correction.getCell(5);
			assertThat(amount.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(amount.getNumericCellValue()).isEqualTo(-12_355_140_000.00);
			assertThat(amount.getCellStyle().getDataFormatString()).as("UZS without decimals").isEqualTo("#,##0");
			assertThat(correction.getCell(6).getStringCellValue()).isEqualTo("UZS");
			assertThat(correction.getCell(7).getNumericCellValue()).isEqualTo(-1_000_000.00);
			assertThat(correction.getCell(8).getNumericCellValue()).isEqualTo(12355.14);
			assertThat(correction.getCell(9).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2025, 9, 10));
			Row expenditure = sheet.getRow(5);
			assertThat(expenditure.getCell(12).getStringCellValue()).isEqualTo("@SUM(A1:A2)");
			assertThat(expenditure.getCell(12).getCellStyle().getQuotePrefixed()).isTrue();
			assertThat(expenditure.getCell(13).getStringCellValue()).isEqualTo("+1 contractor");
			assertThat(expenditure.getCell(13).getCellStyle().getQuotePrefixed()).isTrue();
		}
	}

	@Test
	void aProjectsStatementHoldsItsFundingsAndEveryMovementOfMoney() throws Exception {
		HttpResponse<byte[]> response = get("/api/projects/XL-A/statement.xlsx", null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Disposition"))
				.hasValue("attachment; filename=\"statement-XL-A.xlsx\"");
		try (XSSFWorkbook book = open(response)) {
			XSSFSheet fundings = book.getSheet("Fundings");
			assertThat(fundings.getRow(0).getCell(0).getStringCellValue())
					.isEqualTo("Project statement: XL-A Samarkand district heating");
			Row koica = fundings.getRow(2);
			assertThat(koica.getCell(0).getStringCellValue()).isEqualTo("KOICA-1");
			assertThat(koica.getCell(3).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2025, 9, 20));
			assertThat(koica.getCell(4).getStringCellValue()).isEqualTo("UZS");
			assertThat(koica.getCell(5).getNumericCellValue()).isEqualTo(61_775_700_000.0);
			assertThat(koica.getCell(6).getNumericCellValue()).isEqualTo(49_420_560_000.0);
			assertThat(koica.getCell(7).getNumericCellValue()).isEqualTo(12_355_140_000.0);
			assertThat(koica.getCell(8).getNumericCellValue()).isEqualTo(37_065_420_000.0);
			XSSFSheet movements = book.getSheet("Movements of money");
			assertThat(movements.getLastRowNum()).isEqualTo(5);
			Row correction = movements.getRow(4);
			assertThat(correction.getCell(0).getStringCellValue()).isEqualTo("correction");
			assertThat(correction.getCell(4).getNumericCellValue()).isEqualTo(-12_355_140_000.0);
			assertThat(correction.getCell(5).getStringCellValue()).isEqualTo("-2+3 scope reduced");
			assertThat(correction.getCell(5).getCellStyle().getQuotePrefixed()).isTrue();
			assertThat(movements.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A2:H6");
		}
		try (XSSFWorkbook book = open(get("/api/projects/XL-A/statement.xlsx?asOf=2025-09-30", null))) {
			assertThat(book.getSheet("Movements of money").getLastRowNum()).as("only the commitment by then").isEqualTo(2);
		}
	}

	@Test
	void thePortfolioTablesAreWorkbooksToo() throws Exception {
		try (XSSFWorkbook book = open(get("/api/export/pipeline.xlsx", null))) {
			assertThat(List.of(book.getSheetName(0), book.getSheetName(1), book.getSheetName(2)))
					.containsExactly("By stage", "By sector", "By funding source");
			XSSFSheet stages = book.getSheet("By stage");
			assertThat(stages.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Pipeline");
			boolean implementation = false;
			for (int r = 2; r <= stages.getLastRowNum(); r++) {
				Row row = stages.getRow(r);
				if (row.getCell(0).getStringCellValue().equals("Implementation")) {
					implementation = true;
					assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(1);
					assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(4_000_000.00);
				}
			}
			assertThat(implementation).isTrue();
		}
		try (XSSFWorkbook book = open(get("/api/export/timeseries.xlsx?interval=YEAR&from=2025-01-01&to=2025-12-31", null))) {
			XSSFSheet sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Period");
			Row year = sheet.getRow(2);
			assertThat(year.getCell(0).getStringCellValue()).isEqualTo("2025");
			assertThat(DateUtil.isCellDateFormatted(year.getCell(1))).isTrue();
			assertThat(year.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
		}
		try (XSSFWorkbook book = open(get("/api/export/milestones.xlsx", null))) {
			Row m1 = book.getSheetAt(0).getRow(2);
			assertThat(m1.getCell(0).getStringCellValue()).isEqualTo("XL-H");
			assertThat(m1.getCell(1).getStringCellValue()).isEqualTo(HYPERLINK);
			assertThat(m1.getCell(1).getCellStyle().getQuotePrefixed()).isTrue();
			assertThat(m1.getCell(3).getStringCellValue()).isEqualTo("@SUM(1+1)");
			assertThat(m1.getCell(4).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2025, 2, 1));
			assertThat(m1.getCell(7).getCellType()).isEqualTo(CellType.NUMERIC);
		}
		try (XSSFWorkbook book = open(get("/api/export/alerts.xlsx?includeResolved=true", null))) {
			assertThat(book.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("Project ID");
		}
	}

	@Test
	void badParametersAre400AndAnUnknownProject404AsProblems() throws Exception {
		for (String path : List.of("/api/export/projects.xlsx?sector=99999", "/api/export/transactions.xlsx?asOf=2025-02-30",
				"/api/export/pipeline.xlsx?displayCurrency=XYZ", "/api/export/timeseries.xlsx?currency=NOPE",
				"/api/projects/XL-A/statement.xlsx?knownAt=noon")) {
			Response response = api.get(path);
			assertThat(response.status()).as(path + " → " + response).isEqualTo(400);
			assertThat(response.header("Content-Type")).as(path).startsWith("application/problem+json");
		}
		Response unknown = api.get("/api/projects/NO-SUCH/statement.xlsx");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
		assertThat(api.get("/api/projects/XL-A/statement.xlsx?asOf=2024-01-01").status()).isEqualTo(404);
	}

	@Test
	void theCsvNeutralisesFormulasAndKeepsNegativeAmountsAsNumbers() {
		Response projects = api.get("/api/export/projects.csv");
		assertThat(projects.body()).startsWith("\uFEFFproject_id,");
		assertThat(projects.body()).contains("\r\nXL-H,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",21030,");
		Response transactions = api.get("/api/export/transactions.csv?sector=23620");
		assertThat(transactions.body())
				.contains("\r\nXL-A,KOICA-1,2,correction,2025-11-01,-12355140000.00,UZS,-1000000.00,12355.14,2025-09-10,")
				.contains(",'@SUM(A1:A2),'+1 contractor,,,,,\r\n");
	}

	// --- helpers

	private HttpResponse<byte[]> get(String path, String acceptLanguage) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.base() + path))
				.header("Authorization", Api.basic("admin", "admin-demo"));
		if (acceptLanguage != null) {
			request.header("Accept-Language", acceptLanguage);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static XSSFWorkbook open(HttpResponse<byte[]> response) throws Exception {
		assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
		return new XSSFWorkbook(new ByteArrayInputStream(response.body()));
	}

	private static List<String> texts(Row row) {
		List<String> texts = new ArrayList<>();
		for (Cell cell : row) {
			texts.add(cell.getStringCellValue());
		}
		return texts;
	}

	private static void ok(Response response) {
		assertThat(response.status()).as(response.toString()).isBetween(200, 201);
	}
}
