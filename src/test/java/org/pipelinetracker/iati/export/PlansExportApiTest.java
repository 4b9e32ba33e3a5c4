package org.pipelinetracker.iati.export;

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
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plans in the exports: a project with a budget of its own in UZS, a budget of its grant revised twice (the last
 * revision, 11 250 000 USD, is exported, as revision 3), and two planned disbursements. The statement's and the
 * transactions' workbooks have a sheet of plans (opened with POI: cell types and values), and transactions.csv has
 * a row of kind budget or planned_disbursement for each, with its period, type, status and revision.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "tracker.test.context=plans-export")
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlansExportApiTest {

	private static final String P = "/api/projects/PLX-1";

	@LocalServerPort
	int port;

	Api api;

	@BeforeAll
	void scenario() {
		api = new Api(port);
		ok(api.post("/api/projects", """
				{"projectId":"PLX-1","title":"Navoi water supply","sector":"14020","region":"Navoi",
				 "proposedOn":"2025-01-10","plannedStart":"2025-03-01","plannedEnd":"2028-12-31"}"""));
		ok(api.post(P + "/agreements", "{\"agreementId\":\"G1\",\"type\":\"GRANT\",\"signedOn\":\"2025-01-20\"}"));
		ok(api.post(P + "/fundings", """
				{"fundingId":"G-40","source":"KOICA_GRANT","funder":"KOICA",
				 "amount":{"amount":"40000000","currency":"USD"},"committedOn":"2025-01-25"}"""));
		ok(api.post(P + "/budgets", """
				{"fundingId":"G-40","periodStart":"2026-01-01","periodEnd":"2026-12-31",
				 "value":{"amount":"12000000","currency":"USD"},"recordedOn":"2025-02-01"}"""));
		ok(api.post(P + "/budgets", """
				{"fundingId":"G-40","periodStart":"2026-01-01","periodEnd":"2026-12-31","type":"2",
				 "value":{"amount":"9500000.50","currency":"USD"},"recordedOn":"2025-05-01","reason":"Tender savings"}"""));
		ok(api.post(P + "/budgets", """
				{"fundingId":"G-40","periodStart":"2026-01-01","periodEnd":"2026-12-31","type":"2","status":"2",
				 "value":{"amount":"11250000","currency":"USD"},"recordedOn":"2025-08-01"}"""));
		ok(api.post(P + "/budgets", """
				{"periodStart":"2025-01-01","periodEnd":"2025-12-31",
				 "value":{"amount":"3000000000","currency":"UZS"},"recordedOn":"2025-02-01"}"""));
		ok(api.post(P + "/planned-disbursements", """
				{"fundingId":"G-40","periodStart":"2025-07-01","periodEnd":"2025-09-30","type":"1",
				 "value":{"amount":"4000000","currency":"USD"},"provider":"KOICA",
				 "receiver":"Ministry of Water Resources","recordedOn":"2025-02-01"}"""));
		ok(api.post(P + "/planned-disbursements", """
				{"fundingId":"G-40","periodStart":"2025-10-01","periodEnd":"2025-12-31",
				 "value":{"amount":"6000000","currency":"USD"},"recordedOn":"2025-02-01"}"""));
		api.eventually("/api/export/transactions.csv", r -> r.body().contains("planned_disbursement")
				&& r.body().split("\r\n").length >= 6);
	}

	@Test
	void theStatementHasASheetOfPlansWithTypedCells() throws Exception {
		try (XSSFWorkbook book = open(P + "/statement.xlsx")) {
			XSSFSheet plans = book.getSheetAt(2);
			assertThat(plans.getSheetName()).isEqualTo("Plans");
			assertThat(plans.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Project statement: PLX-1 Navoi water supply");
			assertThat(headers(plans.getRow(1))).containsExactly("Kind", "Funding ID", "Period start", "Period end",
					"Plan type", "Budget status", "Currency", "Amount", "Value date", "Provider", "Receiver", "Revision",
					"Recorded on");
			assertThat(plans.getLastRowNum()).isEqualTo(5); // title, header, two budgets, two planned disbursements
			plan(plans.getRow(2), "budget", null, "2025-01-01", "2025-12-31", "Original", "Indicative", "UZS", "3000000000", 1, "2025-02-01");
			plan(plans.getRow(3), "budget", "G-40", "2026-01-01", "2026-12-31", "Revised", "Committed", "USD", "11250000", 3, "2025-08-01");
			plan(plans.getRow(4), "planned disbursement", "G-40", "2025-07-01", "2025-09-30", "Original", null, "USD", "4000000", 1, "2025-02-01");
			plan(plans.getRow(5), "planned disbursement", "G-40", "2025-10-01", "2025-12-31", null, null, "USD", "6000000", 1, "2025-02-01");
			assertThat(plans.getRow(4).getCell(9).getStringCellValue()).isEqualTo("KOICA");
			assertThat(plans.getRow(4).getCell(10).getStringCellValue()).isEqualTo("Ministry of Water Resources");
		}
	}

	@Test
	void theTransactionsWorkbookHasTheSamePlansWithTheProjectId() throws Exception {
		try (XSSFWorkbook book = open("/api/export/transactions.xlsx")) {
			XSSFSheet plans = book.getSheetAt(1);
			assertThat(plans.getSheetName()).isEqualTo("Plans");
			assertThat(plans.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Budgets and planned disbursements of the projects");
			assertThat(headers(plans.getRow(1))).startsWith("Project ID", "Kind", "Funding ID", "Period start");
			assertThat(plans.getLastRowNum()).isEqualTo(5);
			for (int r = 2; r <= 5; r++) {
				assertThat(plans.getRow(r).getCell(0).getStringCellValue()).isEqualTo("PLX-1");
			}
			Row revised = plans.getRow(3);
			assertThat(revised.getCell(1).getStringCellValue()).isEqualTo("budget");
			assertThat(revised.getCell(8).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(revised.getCell(8).getNumericCellValue()).isEqualTo(11250000.0);
			assertThat(revised.getCell(7).getStringCellValue()).isEqualTo("USD");
			assertThat(revised.getCell(8).getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
			assertThat(revised.getCell(3).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 1, 1));
		}
		try (XSSFWorkbook book = open("/api/export/transactions.xlsx?lang=ru")) {
			assertThat(book.getSheetAt(1).getSheetName()).isEqualTo("Планы");
			assertThat(book.getSheetAt(1).getRow(3).getCell(1).getStringCellValue()).isEqualTo("бюджет");
		}
	}

	@Test
	void transactionsCsvHasARowOfItsOwnKindPerPlan() {
		Response csv = api.get("/api/export/transactions.csv");
		assertThat(csv.status()).isEqualTo(200);
		List<String[]> rows = Arrays.stream(csv.body().split("\r\n")).filter(l -> l.startsWith("PLX-1,"))
				.map(l -> l.split(",", -1)).toList();
		assertThat(rows).hasSize(5);
		assertThat(rows.get(0)[3]).isEqualTo("commitment");
		assertThat(rows.get(0)).hasSize(19);
		assertThat(Arrays.copyOfRange(rows.get(0), 14, 19)).containsOnly("");
		String[] project = rows.get(1);
		assertThat(project[1]).isEmpty(); // the whole project's budget
		assertThat(project[2]).isEmpty(); // no IATI transaction type
		assertThat(project[3]).isEqualTo("budget");
		assertThat(new BigDecimal(project[5])).isEqualByComparingTo("3000000000");
		assertThat(project[6]).isEqualTo("UZS");
		assertThat(project[7]).isEmpty(); // a plan is not converted
		assertThat(Arrays.copyOfRange(project, 14, 19)).containsExactly("2025-01-01", "2025-12-31", "1", "1", "1");
		String[] revised = rows.get(2);
		assertThat(revised[1]).isEqualTo("G-40");
		assertThat(revised[10]).isEqualTo("KOICA_GRANT");
		assertThat(revised[11]).isEqualTo("KOICA");
		assertThat(new BigDecimal(revised[5])).isEqualByComparingTo("11250000");
		assertThat(Arrays.copyOfRange(revised, 14, 19)).containsExactly("2026-01-01", "2026-12-31", "2", "2", "3");
		String[] third = rows.get(3);
		assertThat(third[3]).isEqualTo("planned_disbursement");
		assertThat(third[12]).isEqualTo("KOICA");
		assertThat(third[13]).isEqualTo("Ministry of Water Resources");
		assertThat(new BigDecimal(third[5])).isEqualByComparingTo("4000000");
		assertThat(Arrays.copyOfRange(third, 14, 19)).containsExactly("2025-07-01", "2025-09-30", "1", "", "1");
		assertThat(Arrays.copyOfRange(rows.get(4), 14, 19)).containsExactly("2025-10-01", "2025-12-31", "", "", "1");
	}

	private static void plan(Row row, String kind, String fundingId, String start, String end, String type,
			String status, String currency, String amount, int revision, String recordedOn) {
		assertThat(row.getCell(0).getStringCellValue()).isEqualTo(kind);
		if (fundingId == null) {
			assertThat(row.getCell(1)).isNull();
		}
		else {
			assertThat(row.getCell(1).getStringCellValue()).isEqualTo(fundingId);
		}
		date(row, 2, start);
		date(row, 3, end);
		text(row, 4, type);
		text(row, 5, status);
		assertThat(row.getCell(6).getStringCellValue()).isEqualTo(currency);
		assertThat(row.getCell(7).getCellType()).isEqualTo(CellType.NUMERIC);
		assertThat(BigDecimal.valueOf(row.getCell(7).getNumericCellValue())).isEqualByComparingTo(amount);
		// the currency's own format: UZS without minor units
		assertThat(row.getCell(7).getCellStyle().getDataFormatString()).isEqualTo(currency.equals("UZS") ? "#,##0" : "#,##0.00");
		assertThat(row.getCell(11).getCellType()).isEqualTo(CellType.NUMERIC);
		assertThat(row.getCell(11).getNumericCellValue()).isEqualTo(revision);
		date(row, 12, recordedOn);
	}

	private static void date(Row row, int column, String iso) {
		assertThat(row.getCell(column).getCellType()).isEqualTo(CellType.NUMERIC);
		assertThat(DateUtil.isCellDateFormatted(row.getCell(column))).isTrue();
		assertThat(row.getCell(column).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.parse(iso));
	}

	private static void text(Row row, int column, String expected) {
		if (expected == null) {
			assertThat(row.getCell(column)).isNull();
		}
		else {
			assertThat(row.getCell(column).getStringCellValue()).isEqualTo(expected);
		}
	}

	private static List<String> headers(Row row) {
		return java.util.stream.IntStream.range(0, row.getLastCellNum()).mapToObj(i -> row.getCell(i).getStringCellValue())
				.toList();
	}

	private XSSFWorkbook open(String path) throws Exception {
		HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base() + path))
				.header("Authorization", Api.basic("finance", "finance-demo")).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return new XSSFWorkbook(new ByteArrayInputStream(response.body()));
	}

	private static void ok(Response response) {
		assertThat(response.status()).as(response.toString()).isBetween(200, 201);
	}
}
