package org.pipelinetracker.reporting;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.Api;
import org.pipelinetracker.Api.Response;
import org.pipelinetracker.documents.Uploads;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quarterly reporting round trip over real HTTP on H2: the template opened with POI (figures, cell types, locked
 * and input cells, the hidden ids and meta sheet), a filled template recorded exactly, the same file again recording
 * nothing, every row checked before anything is recorded (400 with row and column), a refusal in row 3 leaving rows 1
 * and 2 unrecorded, and the status of the quarter. Uploads over 200 KB are refused here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = {"tracker.reporting.max-size=200KB", "tracker.reporting.due-days=100000",
				"tracker.test.context=reporting"})
@ActiveProfiles("test")
class ReportingApiTest {

	@LocalServerPort
	int port;

	@Autowired
	EventStore eventStore;

	@Autowired
	JdbcTemplate jdbc;

	Api api;
	Uploads finance;
	String funder;
	String first;
	String second;

	@BeforeEach
	void twoFundedProjects() {
		api = new Api(port);
		finance = new Uploads(port, "finance");
		funder = "Fund " + UUID.randomUUID().toString().substring(0, 8);
		first = funded("FUND-1", "1000000", "USD", "100000");
		second = funded("FUND-2", "500000", "USD", null);
	}

	String funded(String fundingId, String committed, String currency, String disbursed) {
		String id = "REP-" + UUID.randomUUID().toString().substring(0, 8);
		ok(api.post("/api/projects", """
				{"projectId":"%s","title":"Navoi substation","sector":"23630","region":"Navoi",
				 "partners":[{"name":"KOICA","country":"KR","role":"FUNDING"}],"proposedOn":"2024-01-10"}
				""".formatted(id)), 201);
		ok(api.post("/api/projects/" + id + "/agreements",
				"{\"agreementId\":\"G-1\",\"type\":\"GRANT\",\"signedOn\":\"2024-03-01\"}"), 200);
		ok(api.post("/api/projects/" + id + "/fundings", "{\"fundingId\":\"" + fundingId + "\",\"source\":\"OTHER\","
				+ "\"funder\":\"" + funder + "\",\"amount\":{\"amount\":\"" + committed + "\",\"currency\":\"" + currency
				+ "\"},\"committedOn\":\"2024-04-01\"}"), 200);
		if (disbursed != null) {
			ok(api.post("/api/projects/" + id + "/disbursements", "{\"fundingId\":\"" + fundingId + "\","
					+ "\"amount\":{\"amount\":\"" + disbursed + "\",\"currency\":\"" + currency + "\"},\"disbursedOn\":\"2025-12-01\"}"), 200);
		}
		// the template lists the fundings of the read model, which follows the events within moments
		long version = eventStore.readEvents(id, 0).asStream().count() - 1;
		long deadline = System.currentTimeMillis() + Api.EVENTUALLY_SECONDS * 1000L;
		while (!visible(id, version) && System.currentTimeMillis() < deadline) {
			sleep();
		}
		assertThat(visible(id, version)).as(id + " listed at version " + version).isTrue();
		return id;
	}

	@Test
	void templateHoldsTheFundersFundingsWithLockedFiguresAndEmptyInputs() throws IOException {
		Uploads.Answer answer = finance.get("/api/reporting/template.xlsx?funder=" + funder.replace(" ", "%20")
				+ "&period=2026-Q1&lang=ru");
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.header("Content-Type")).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(answer.bytes()))) {
			XSSFSheet sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains(funder).contains("FY2026 Q1")
					.startsWith("Квартальный отчёт");
			assertThat(sheet.getRow(1).getZeroHeight()).isTrue();
			List<String> ids = new ArrayList<>();
			sheet.getRow(1).forEach(c -> ids.add(c.getStringCellValue()));
			assertThat(ids).containsExactly("projectId", "projectTitle", "fundingId", "currency", "committed",
					"disbursedToDate", "disbursementAmount", "disbursementDate", "planned1", "planned2", "planned3",
					"planned4", "milestoneId", "milestoneName", "milestoneDate", "comment");
			assertThat(sheet.getRow(2).getCell(8).getStringCellValue()).isEqualTo("Плановая выплата FY2026 Q2");
			assertThat(sheet.getRow(2).getCell(11).getStringCellValue()).isEqualTo("Плановая выплата FY2027 Q1");
			Row row = row(sheet, first);
			assertThat(row.getCell(2).getStringCellValue()).isEqualTo("FUND-1");
			assertThat(row.getCell(3).getStringCellValue()).isEqualTo("USD");
			assertThat(row.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(1000000.0);
			assertThat(row.getCell(5).getNumericCellValue()).isEqualTo(100000.0);
			assertThat(row.getCell(4).getCellStyle().getLocked()).isTrue();
			assertThat(row.getCell(6).getCellStyle().getLocked()).isFalse();
			assertThat(row.getCell(6).getCellType()).isEqualTo(CellType.BLANK);
			assertThat(row(sheet, second).getCell(4).getNumericCellValue()).isEqualTo(500000.0);
			assertThat(sheet.getPhysicalNumberOfRows()).isEqualTo(5);
			assertThat(sheet.getProtect()).isTrue();
			assertThat(book.getSheetVisibility(1)).isEqualTo(SheetVisibility.VERY_HIDDEN);
		}
	}

	@Test
	void templateParametersAreChecked() {
		assertThat(api.get("/api/reporting/template.xlsx?period=2026-Q1").json().path("errors").get(0).path("field")
				.asString()).isEqualTo("funder");
		Response badPeriod = api.get("/api/reporting/template.xlsx?funder=x&period=2026-Q5");
		assertThat(badPeriod.status()).isEqualTo(400);
		assertThat(badPeriod.json().path("errors").get(0).path("field").asString()).isEqualTo("period");
		assertThat(api.get("/api/reporting/template.xlsx?projectId=NO-SUCH&period=2026-Q1").json().path("errors")
				.get(0).path("field").asString()).isEqualTo("projectId");
	}

	@Test
	void filledTemplateIsRecordedExactlyAndTheSameFileAgainRecordsNothing() throws IOException {
		byte[] filled = fill(template(), sheet -> {
			Row a = row(sheet, first);
			a.getCell(6).setCellValue(250000.5);
			a.getCell(7).setCellValue(LocalDate.of(2026, 2, 15));
			a.getCell(8).setCellValue(300000);
			a.getCell(12).setCellValue("M-1");
			a.getCell(13).setCellValue("Turbines delivered");
			a.getCell(14).setCellValue("2026-06-30");
			a.getCell(15).setCellValue("=HYPERLINK(\"http://evil\")");
			Row b = row(sheet, second);
			b.getCell(9).setCellValue("120000 USD");
		});
		Response answer = upload(filled);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		JsonNode result = answer.json();
		assertThat(result.path("alreadyUploaded").asBoolean()).isFalse();
		assertThat(result.path("uploadedBy").asString()).isEqualTo("finance");
		assertThat(result.path("rows")).hasSize(2);

		JsonNode project = api.get("/api/projects/" + first).json();
		JsonNode funding = project.path("fundings").get(0);
		assertThat(new BigDecimal(funding.path("disbursed").path("amount").asString())).isEqualByComparingTo("350000.5");
		assertThat(funding.path("disbursements").get(1).path("disbursedOn").asString()).isEqualTo("2026-02-15");
		JsonNode plan = project.path("plannedDisbursements").get(0);
		assertThat(plan.path("periodStart").asString()).isEqualTo("2026-04-01");
		assertThat(plan.path("periodEnd").asString()).isEqualTo("2026-06-30");
		assertThat(new BigDecimal(plan.path("value").path("amount").asString())).isEqualByComparingTo("300000");
		assertThat(project.path("milestones").get(0).path("milestoneId").asString()).isEqualTo("M-1");
		assertThat(project.path("milestones").get(0).path("plannedOn").asString()).isEqualTo("2026-06-30");
		JsonNode other = api.get("/api/projects/" + second).json();
		assertThat(other.path("plannedDisbursements").get(0).path("periodStart").asString()).isEqualTo("2026-07-01");
		assertThat(new BigDecimal(other.path("plannedDisbursements").get(0).path("value").path("amount").asString()))
				.isEqualByComparingTo("120000");
		assertThat(other.path("fundings").get(0).path("disbursements")).isEmpty();

		long before = events(first) + events(second);
		Response again = upload(filled);
		assertThat(again.status()).as(again.toString()).isEqualTo(200);
		assertThat(again.json().path("alreadyUploaded").asBoolean()).isTrue();
		assertThat(again.json().path("sha256").asString()).isEqualTo(result.path("sha256").asString());
		assertThat(events(first) + events(second)).isEqualTo(before);

		// the same rows in another file (a comment changed): what is already held is not written again
		byte[] edited = fill(filled, sheet -> row(sheet, second).getCell(15).setCellValue("as agreed"));
		Response rows = upload(edited);
		assertThat(rows.status()).as(rows.toString()).isEqualTo(200);
		assertThat(rows.json().path("rows").get(0).path("recorded").get(0).path("alreadyRecorded").asBoolean()).isTrue();
		assertThat(events(first) + events(second)).isEqualTo(before);

		JsonNode status = api.get("/api/reporting/status?period=2026-Q1").json();
		JsonNode mine = null;
		for (JsonNode f : status.path("funders")) {
			if (f.path("funder").asString().equals(funder)) {
				mine = f;
			}
		}
		assertThat(mine).isNotNull();
		assertThat(mine.path("status").asString()).isEqualTo("ON_TIME");
		assertThat(mine.path("reportedBy").asString()).isEqualTo("finance");
		assertThat(mine.path("fundingsReported").asInt()).isEqualTo(2);
		JsonNode notYet = api.get("/api/reporting/status?period=2026-Q2").json();
		for (JsonNode f : notYet.path("funders")) {
			if (f.path("funder").asString().equals(funder)) {
				assertThat(f.path("status").asString()).isEqualTo("PENDING");
			}
		}
	}

	@Test
	void statusNamesEachProjectOfAFunderReportedOrNot() throws IOException {
		byte[] onlyFirst = fill(template(), sheet -> {
			sheet.removeRow(row(sheet, second));
			row(sheet, first).getCell(8).setCellValue(75000);
		});
		Response answer = upload(onlyFirst);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		String at = answer.json().path("uploadedAt").asString();

		JsonNode mine = null;
		for (JsonNode f : api.get("/api/reporting/status?period=2026-Q1").json().path("funders")) {
			if (f.path("funder").asString().equals(funder)) {
				mine = f;
			}
		}
		assertThat(mine).isNotNull();
		assertThat(mine.path("status").asString()).isEqualTo("ON_TIME");
		assertThat(mine.path("fundings").asInt()).isEqualTo(2);
		assertThat(mine.path("fundingsReported").asInt()).isEqualTo(1);
		Map<String, JsonNode> projects = new HashMap<>();
		mine.path("projects").forEach(p -> projects.put(p.path("projectId").asString(), p));
		assertThat(projects).containsOnlyKeys(first, second);
		JsonNode reported = projects.get(first);
		assertThat(reported.path("title").asString()).isEqualTo("Navoi substation");
		assertThat(reported.path("status").asString()).isEqualTo("ON_TIME");
		assertThat(reported.path("reportedBy").asString()).isEqualTo("finance");
		// the database keeps microseconds
		assertThat(Duration.between(Instant.parse(at), Instant.parse(reported.path("reportedAt").asString())).abs())
				.isLessThan(Duration.ofMillis(1));
		assertThat(reported.path("fundingsReported").asInt()).isEqualTo(1);
		JsonNode notReported = projects.get(second);
		assertThat(notReported.path("status").asString()).isEqualTo("PENDING"); // due 100000 days after the quarter
		assertThat(notReported.path("reportedAt").isNull()).isTrue();
		assertThat(notReported.path("fundings").asInt()).isEqualTo(1);
		assertThat(notReported.path("fundingsReported").asInt()).isEqualTo(0);
	}

	@Test
	void everyRowIsCheckedBeforeAnythingIsRecorded() throws IOException {
		String third = funded("FUND-3", "800000", "USD", null);
		byte[] template = template();
		byte[] faulty = fill(template, sheet -> {
			Row a = row(sheet, first);
			a.getCell(6).setCellValue(1000);
			a.getCell(7).setCellValue(LocalDate.of(2026, 5, 1)); // outside 2026-Q1
			Row b = row(sheet, second);
			b.getCell(6).setCellValue(500001); // over the 500000 undisbursed
			b.getCell(7).setCellValue(LocalDate.of(2026, 3, 1));
			b.getCell(8).setCellValue("100 EUR"); // wrong currency
			Row c = row(sheet, third);
			c.getCell(2).setCellValue("FUND-X"); // unknown funding
			c.getCell(9).setCellFormula("1+1");
		});
		long before = events(first) + events(second) + events(third);
		Response refused = upload(faulty);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		List<String> errors = new ArrayList<>();
		refused.json().path("errors").forEach(e -> errors.add(e.path("row").asInt() + " " + e.path("column").asString()));
		int r1 = row(template, first) + 1;
		int r2 = row(template, second) + 1;
		int r3 = row(template, third) + 1;
		assertThat(errors).containsExactlyInAnyOrder(r1 + " disbursementDate", r2 + " disbursementAmount",
				r2 + " planned1", r3 + " planned2");
		assertThat(events(first) + events(second) + events(third)).isEqualTo(before);

		Response marked = upload(faulty, "?marked=true");
		assertThat(marked.status()).isEqualTo(400);
		assertThat(marked.header("Content-Type")).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(marked.header("X-Errors")).isEqualTo("4");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(rawUpload(faulty, "?marked=true")))) {
			XSSFSheet sheet = book.getSheetAt(0);
			Cell date = row(sheet, first).getCell(7);
			assertThat(date.getCellStyle().getFillForegroundColor()).isEqualTo(IndexedColors.RED.getIndex());
			assertThat(date.getCellComment().getString().getString()).contains("2026-05-01 is outside FY2026 Q1");
			Cell currency = row(sheet, second).getCell(8);
			assertThat(currency.getCellComment().getString().getString()).contains("in EUR, but this funding is in USD");
			assertThat(row(sheet, second).getCell(7).getCellComment()).isNull();
		}
		assertThat(events(first) + events(second) + events(third)).isEqualTo(before);

		byte[] unknown = fill(template, sheet -> row(sheet, third).getCell(2).setCellValue("FUND-X"));
		Response noFunding = upload(unknown);
		assertThat(noFunding.status()).isEqualTo(400);
		assertThat(noFunding.json().path("errors").get(0).path("column").asString()).isEqualTo("fundingId");
		assertThat(noFunding.json().path("errors").get(0).path("reason").asString()).contains("never creates a funding");

		byte[] columns = fill(template, sheet -> {
			sheet.getRow(1).getCell(13).setCellValue("");
			sheet.getRow(1).createCell(16).setCellValue("bonus");
		});
		Response badColumns = upload(columns);
		assertThat(badColumns.status()).isEqualTo(400);
		List<String> columnErrors = new ArrayList<>();
		badColumns.json().path("errors").forEach(e -> columnErrors.add(e.path("column").asString()));
		assertThat(columnErrors).contains("milestoneName", "bonus");

		Response notWorkbook = upload("just text".getBytes(StandardCharsets.UTF_8));
		assertThat(notWorkbook.status()).isEqualTo(400);
		assertThat(notWorkbook.json().path("errors").get(0).path("reason").asString()).contains("not an XLSX workbook");
		Response tooLarge = upload(new byte[300 * 1024]);
		assertThat(tooLarge.status()).isEqualTo(400);
		assertThat(tooLarge.json().path("errors").get(0).path("reason").asString()).contains("larger than 200 KB");
		assertThat(jdbc.queryForObject("select count(*) from reporting_upload_funding where project_id in (?, ?, ?)",
				Long.class, first, second, third)).isZero();
	}

	@Test
	void aRefusalInRowThreeLeavesRowsOneAndTwoUnrecorded() throws IOException {
		String third = funded("FUND-3", "800000", "USD", null);
		ok(api.post("/api/projects/" + third + "/cancel", "{\"on\":\"2026-01-10\",\"reason\":\"withdrawn\"}"), 200);
		byte[] template = template();
		byte[] filled = fill(template, sheet -> {
			for (String id : List.of(first, second, third)) {
				Row r = row(sheet, id);
				r.getCell(6).setCellValue(1000);
				r.getCell(7).setCellValue(LocalDate.of(2026, 3, 2));
			}
		});
		long before = events(first) + events(second) + events(third);
		Response refused = upload(filled);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
		JsonNode error = refused.json().path("errors").get(0);
		assertThat(error.path("row").asInt()).isEqualTo(row(template, third) + 1);
		assertThat(error.path("column").asString()).isEqualTo("disbursementAmount");
		assertThat(events(first) + events(second) + events(third)).isEqualTo(before);
		assertThat(api.get("/api/projects/" + first).json().path("fundings").get(0).path("disbursements")).hasSize(1);
		assertThat(api.get("/api/projects/" + second).json().path("fundings").get(0).path("disbursements")).isEmpty();
		assertThat(jdbc.queryForObject("select count(*) from reporting_upload where sha256 = ?", Long.class,
				Reporting.sha256(filled))).isZero();
	}

	@Test
	void aRowInAClosedPeriodIsReportedAndNothingIsRecorded() throws IOException {
		byte[] template = template("2025-Q3");
		byte[] filled = fill(template, sheet -> {
			Row a = row(sheet, first);
			a.getCell(6).setCellValue(5000);
			a.getCell(7).setCellValue(LocalDate.of(2025, 8, 1));
		});
		ok(api.post("/api/periods/2025-Q3/close", "{}"), 200);
		try {
			long before = events(first);
			Response refused = upload(filled);
			assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
			assertThat(refused.json().path("errors").get(0).path("row").asInt()).isEqualTo(row(template, first) + 1);
			assertThat(refused.json().path("errors").get(0).path("reason").asString()).contains("2025-Q3 is closed");
			assertThat(events(first)).isEqualTo(before);
		}
		finally {
			ok(api.post("/api/periods/2025-Q3/reopen", "{\"reason\":\"test done\"}"), 200);
		}
	}

	private byte[] template() {
		return template("2026-Q1");
	}

	private byte[] template(String period) {
		Uploads.Answer answer = finance.get("/api/reporting/template.xlsx?funder=" + funder.replace(" ", "%20")
				+ "&period=" + period);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		return answer.bytes();
	}

	private static byte[] fill(byte[] workbook, Consumer<XSSFSheet> change) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
			CellStyle date = book.createCellStyle();
			date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
			XSSFSheet sheet = book.getSheetAt(0);
			change.accept(sheet);
			for (Row row : sheet) {
				for (Cell cell : row) {
					if (cell.getCellType() == CellType.NUMERIC && cell.getColumnIndex() == 7) {
						cell.setCellStyle(date);
					}
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			book.write(out);
			return out.toByteArray();
		}
	}

	private static Row row(XSSFSheet sheet, String projectId) {
		for (Row row : sheet) {
			if (row.getRowNum() >= 3 && row.getCell(0) != null && projectId.equals(row.getCell(0).getStringCellValue())) {
				return row;
			}
		}
		throw new AssertionError("no row of " + projectId);
	}

	private static int row(byte[] workbook, String projectId) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
			return row(book.getSheetAt(0), projectId).getRowNum();
		}
	}

	private Response upload(byte[] bytes) {
		return upload(bytes, "");
	}

	private Response upload(byte[] bytes, String query) {
		String boundary = "----pt" + UUID.randomUUID().toString().replace("-", "");
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"report.xlsx\"\r\n"
				+ "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
				.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(bytes);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return finance.api().send(HttpRequest.newBuilder(URI.create(api.base() + "/api/reporting/uploads" + query))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	private boolean visible(String projectId, long version) {
		Long stored = jdbc.query("select version from project_view where project_id = ?",
				(rs, i) -> rs.getLong(1), projectId).stream().findFirst().orElse(-1L);
		return stored >= version;
	}

	private static void sleep() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** The same upload, its answer's bytes as they came (a marked workbook). */
	private byte[] rawUpload(byte[] bytes, String query) {
		String boundary = "----pt" + UUID.randomUUID().toString().replace("-", "");
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"report.xlsx\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(bytes);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		try {
			return java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api.base()
							+ "/api/reporting/uploads" + query)).header("Authorization", Api.basic("finance", "finance-demo"))
					.header("Content-Type", "multipart/form-data; boundary=" + boundary)
					.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
					java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
		}
		catch (IOException | InterruptedException e) {
			throw new AssertionError(e);
		}
	}

	private long events(String projectId) {
		return eventStore.readEvents(projectId, 0).asStream().count();
	}

	private static void ok(Response r, int status) {
		assertThat(r.status()).as(r.toString()).isEqualTo(status);
	}
}
