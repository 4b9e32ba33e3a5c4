package org.pipelinetracker.facility.web;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pipelinetracker.facility.web.FacilityApiTest.expect;

/**
 * The lender's view of a facility, {@code GET /api/facilities/{id}/loans}: an EDCF loan of USD 1,000,000 with a year
 * of grace and two years' maturity at 2% (two instalments of USD 500,000, due 2025-01-01 and 2025-07-01), disbursed
 * whole and repaid USD 300,000 on the first due date, beside a loan of USD 3,000,000 without terms, USD 1,000,000
 * disbursed and USD 500,000 cancelled, effective 2024-06-15 and closing 2026-06-30, read on dates before, between and
 * after.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"tracker.test.context=lender-view",
		"tracker.alerts.no-funding-days=36500", "tracker.alerts.no-disbursement-days=36500"})
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LenderViewApiTest {

	private static final String LOANS = "/api/facilities/EDCF-LV/loans";

	@LocalServerPort
	int port;

	Api api;

	@BeforeAll
	void twoLoansOnOneFacility() {
		api = new Api(port);
		expect(201, api.post("/api/facilities", """
				{"facilityId":"EDCF-LV","name":"EDCF framework 2024-2027","lender":"Export-Import Bank of Korea",
				 "limit":{"amount":"2000000000","currency":"USD"},"validFrom":"2024-01-01","validTo":"2027-12-31"}"""));
		project("LV-A", "Termez bridge", "2023-11-01", "2023-12-01");
		expect(200, api.post("/api/projects/LV-A/fundings/eximbank", """
				{"fundingId":"EDCF-A","instrument":"EDCF_LOAN","amount":{"amount":"1000000","currency":"USD"},
				 "committedOn":"2024-01-01","interestRate":"2","maturityYears":2,"graceYears":1,"facilityId":"EDCF-LV"}"""));
		expect(200, api.post("/api/projects/LV-A/disbursements", """
				{"fundingId":"EDCF-A","amount":{"amount":"1000000","currency":"USD"},"disbursedOn":"2024-01-01"}"""));
		expect(200, api.post("/api/projects/LV-A/fundings/EDCF-A/repayments", """
				{"amount":{"amount":"300000","currency":"USD"},"on":"2025-01-01"}"""));
		project("LV-B", "Navoi hospital", "2024-02-01", "2024-05-01");
		expect(200, api.post("/api/projects/LV-B/fundings/eximbank", """
				{"fundingId":"EDCF-B","instrument":"EDCF_LOAN","amount":{"amount":"3000000","currency":"USD"},
				 "committedOn":"2024-06-01","facilityId":"EDCF-LV",
				 "effectiveOn":"2024-06-15","closingOn":"2026-06-30"}"""));
		expect(200, api.post("/api/projects/LV-B/disbursements", """
				{"fundingId":"EDCF-B","amount":{"amount":"1000000","currency":"USD"},"disbursedOn":"2024-07-01"}"""));
		expect(200, api.post("/api/projects/LV-B/fundings/EDCF-B/cancellations", """
				{"amount":{"amount":"500000","currency":"USD"},"on":"2024-09-01","reason":"Scope reduced"}"""));
		// the facility-usage read model follows the event store: wait for both reservations
		api.eventually("/api/facilities/EDCF-LV", r -> r.json().path("projects").size() == 2);
	}

	private void project(String id, String title, String proposedOn, String signedOn) {
		expect(201, api.post("/api/projects", """
				{"projectId":"%s","title":"%s","sector":"21020","region":"Surxondaryo","proposedOn":"%s"}"""
				.formatted(id, title, proposedOn)));
		expect(200, api.post("/api/projects/" + id + "/agreements",
				"{\"agreementId\":\"LA-%s\",\"type\":\"LOAN\",\"signedOn\":\"%s\"}".formatted(id, signedOn)));
	}

	@Test
	void showsEachLoanAndTheTotalsWithTheArrearsOfTheScheduledLoanOnly() {
		JsonNode view = expect(200, api.get(LOANS + "?asOf=2025-03-01")).json();
		assertThat(view.path("asOf").asString()).isEqualTo("2025-03-01");
		assertThat(view.path("lender").asString()).isEqualTo("Export-Import Bank of Korea");
		JsonNode a = loan(view, "EDCF-A");
		assertThat(a.path("projectId").asString()).isEqualTo("LV-A");
		assertThat(a.path("scheduled").asBoolean()).isTrue();
		assertAmount(a, "committed", "1000000");
		assertAmount(a, "disbursed", "1000000");
		assertAmount(a, "undisbursed", "0");
		assertAmount(a, "repaid", "300000");
		assertAmount(a, "outstanding", "700000");
		assertAmount(a, "due", "500000");
		assertAmount(a, "arrears", "200000");
		JsonNode b = loan(view, "EDCF-B");
		assertThat(b.path("scheduled").asBoolean()).isFalse();
		assertThat(b.has("arrears")).as("no schedule, no arrears: never shown as zero").isFalse();
		assertThat(b.path("effectiveOn").asString()).isEqualTo("2024-06-15");
		assertThat(b.path("closingOn").asString()).isEqualTo("2026-06-30");
		assertThat(a.has("effectiveOn")).as("no effectiveness date recorded: none shown").isFalse();
		assertAmount(b, "committed", "2500000");
		assertAmount(b, "cancelled", "500000");
		assertAmount(b, "disbursed", "1000000");
		assertAmount(b, "undisbursed", "1500000");
		assertAmount(b, "outstanding", "1000000");
		JsonNode usd = view.path("totals").get(0);
		assertThat(view.path("totals")).hasSize(1);
		assertThat(usd.path("currency").asString()).isEqualTo("USD");
		assertThat(usd.path("loans").asInt()).isEqualTo(2);
		assertThat(usd.path("scheduled").asInt()).isEqualTo(1);
		assertAmount(usd, "committed", "3500000");
		assertAmount(usd, "disbursed", "2000000");
		assertAmount(usd, "undisbursed", "1500000");
		assertAmount(usd, "cancelled", "500000");
		assertAmount(usd, "repaid", "300000");
		assertAmount(usd, "outstanding", "1700000");
		assertAmount(usd, "due", "500000");
		assertAmount(usd, "arrears", "200000");
		assertThat(view.path("unmatched")).isEmpty();
	}

	@Test
	void onAnEarlierDateShowsOnlyWhatWasEffectiveThen() {
		JsonNode view = expect(200, api.get(LOANS + "?asOf=2024-03-01")).json();
		assertThat(view.path("loans")).hasSize(1);
		JsonNode a = loan(view, "EDCF-A");
		assertAmount(a, "outstanding", "1000000");
		assertAmount(a, "repaid", "0");
		assertAmount(a, "arrears", "0");
		JsonNode later = expect(200, api.get(LOANS + "?asOf=2025-07-01")).json();
		assertAmount(loan(later, "EDCF-A"), "arrears", "700000");
	}

	@Test
	void theFacilitiesWorkbookHasTheFacilitiesAndEveryLoanAsNumbersInTheReadersLanguage() throws Exception {
		HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
				URI.create(api.base() + "/api/export/facilities.xlsx?asOf=2025-03-01"))
				.header("Authorization", Api.basic("finance", "finance-demo")).header("Accept-Language", "ru").build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith(
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(answer.body()))) {
			XSSFSheet facilities = book.getSheet("Кредитные линии");
			Row facility = rowOf(facilities, "EDCF-LV");
			assertThat(facility.getCell(4).getNumericCellValue()).isEqualTo(2_000_000_000d);
			assertThat(facility.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(facility.getCell(5).getNumericCellValue()).as("the cancellation released USD 500,000").isEqualTo(3_500_000d);
			XSSFSheet loans = book.getSheet("Займы");
			assertThat(loans.getRow(0).getCell(0).getStringCellValue()).contains("2025-03-01");
			assertThat(loans.getRow(1).getCell(4).getStringCellValue()).isEqualTo("Вступил в силу");
			assertThat(loans.getRow(1).getCell(5).getStringCellValue()).isEqualTo("Дата закрытия");
			assertThat(loans.getRow(1).getCell(14).getStringCellValue()).isEqualTo("Просрочено");
			Row a = rowOf(loans, "EDCF-LV", "EDCF-A");
			assertThat(a.getCell(4)).as("no effectiveness date: an empty cell").isNull();
			assertThat(a.getCell(12).getNumericCellValue()).isEqualTo(700_000d);
			assertThat(a.getCell(14).getNumericCellValue()).isEqualTo(200_000d);
			Row b = rowOf(loans, "EDCF-LV", "EDCF-B");
			assertThat(b.getCell(4).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(java.time.LocalDate.of(2024, 6, 15));
			assertThat(b.getCell(5).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(java.time.LocalDate.of(2026, 6, 30));
			assertThat(b.getCell(10).getNumericCellValue()).isEqualTo(500_000d);
			assertThat(b.getCell(14)).as("no schedule: an empty cell, not a zero").isNull();
		}
		assertThat(api.get("/api/export/facilities.xlsx?asOf=2025-13-01").status()).isEqualTo(400);
	}

	private static Row rowOf(XSSFSheet sheet, String facilityId, String... fundingId) {
		for (Row row : sheet) {
			if (row.getRowNum() > 1 && row.getCell(0).getStringCellValue().equals(facilityId)
					&& (fundingId.length == 0 || row.getCell(2).getStringCellValue().equals(fundingId[0]))) {
				return row;
			}
		}
		throw new AssertionError("no row " + facilityId);
	}

	@Test
	void anUnknownFacilityIsNotFoundAndABadDateABadRequest() {
		expect(404, api.get("/api/facilities/EDCF-NOPE/loans"));
		Response bad = expect(400, api.get(LOANS + "?asOf=2025-02-30"));
		assertThat(bad.json().toString()).contains("asOf");
	}

	private static JsonNode loan(JsonNode view, String fundingId) {
		for (JsonNode loan : view.path("loans")) {
			if (loan.path("fundingId").asString().equals(fundingId)) {
				return loan;
			}
		}
		throw new AssertionError("no loan " + fundingId + " in " + view);
	}

	private static void assertAmount(JsonNode node, String field, String expected) {
		assertThat(node.path(field).path("currency").asString()).as(field).isEqualTo("USD");
		assertThat(node.path(field).path("amount").decimalValue()).as(field + " of " + node)
				.isEqualByComparingTo(new BigDecimal(expected));
	}
}
