package org.pipelinetracker.sheets;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.sheets.Workbook.Amount;
import org.pipelinetracker.sheets.Workbook.Column;
import org.pipelinetracker.sheets.Workbook.Kind;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The workbook writer without Spring: what a spreadsheet finds in the cells it writes. */
class WorkbookTest {

	private static final Map<String, String> CATALOGUE = Map.of("t.sheet", "Figures", "t.title", "Figures of {what}",
			"t.text", "Text", "t.money", "Amount", "t.currency", "Currency", "t.number", "Rate", "t.integer", "Days",
			"t.date", "Date", "t.instant", "At");

	private static final List<Column> COLUMNS = List.of(new Column("t.text", Kind.TEXT, 30),
			new Column("t.currency", Kind.TEXT, 8), new Column("t.money", Kind.MONEY, 20),
			new Column("t.number", Kind.NUMBER, 12), new Column("t.integer", Kind.INTEGER, 8),
			new Column("t.date", Kind.DATE, 12), new Column("t.instant", Kind.INSTANT, 20));

	private static Workbook book() {
		return new Workbook(CATALOGUE::get, text -> text.render(CATALOGUE::get, Text.Formats.API), "en");
	}

	private static XSSFWorkbook written(Object[]... rows) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (Workbook book = book()) {
			Workbook.Sheet sheet = book.sheet("t.sheet", Text.of("t.title").with("what", "2025"), COLUMNS);
			for (Object[] row : rows) {
				sheet.row(row);
			}
			book.write(out);
		}
		return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
	}

	@Test
	void writesATitleRowAFrozenHeaderRowAndAnAutofilterOverTheTable() throws Exception {
		try (XSSFWorkbook read = written(new Object[] {"a", "USD", new Amount(BigDecimal.ONE, "USD"), null, null, null,
				null}, new Object[] {"b", null, null, null, null, null, null})) {
			XSSFSheet sheet = read.getSheet("Figures");
			assertThat(sheet).isNotNull();
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Figures of 2025");
			Row header = sheet.getRow(1);
			assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Text");
			assertThat(header.getCell(6).getStringCellValue()).isEqualTo("At");
			PaneInformation pane = sheet.getPaneInformation();
			assertThat(pane.isFreezePane()).isTrue();
			assertThat(pane.getHorizontalSplitPosition()).isEqualTo((short) 2);
			assertThat(pane.getVerticalSplitPosition()).isEqualTo((short) 0);
			assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A2:G4");
			assertThat(sheet.getColumnWidth(0)).isEqualTo(30 * 256);
		}
	}

	@Test
	void amountsAreNumbersFormattedPerCurrencyAndDatesAreDates() throws Exception {
		Instant at = Instant.parse("2025-10-05T08:30:00Z");
		try (XSSFWorkbook read = written(
				new Object[] {"uzs", "UZS", new Amount(new BigDecimal("-12355140000.00"), "UZS"), new BigDecimal("12355.14"),
						42L, LocalDate.of(2025, 10, 5), at},
				new Object[] {"usd", "USD", new Amount(new BigDecimal("1000000.50"), "USD"), 1, 0, null, null},
				new Object[] {"krw", "KRW", new Amount(new BigDecimal("1300000"), "KRW"), null, null, null, null})) {
			XSSFSheet sheet = read.getSheetAt(0);
			Cell uzs = sheet.getRow(2).getCell(2);
			assertThat(uzs.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(uzs.getNumericCellValue()).isEqualTo(-12355140000.00);
			assertThat(uzs.getCellStyle().getDataFormatString()).isEqualTo("#,##0");
			Cell usd = sheet.getRow(3).getCell(2);
			assertThat(usd.getNumericCellValue()).isEqualTo(1000000.5);
			assertThat(usd.getCellStyle().getDataFormatString()).isEqualTo("#,##0.00");
			assertThat(sheet.getRow(4).getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
			Cell rate = sheet.getRow(2).getCell(3);
			assertThat(rate.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(rate.getNumericCellValue()).isEqualTo(12355.14);
			assertThat(sheet.getRow(2).getCell(4).getNumericCellValue()).isEqualTo(42);
			Cell date = sheet.getRow(2).getCell(5);
			assertThat(date.getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(DateUtil.isCellDateFormatted(date)).isTrue();
			assertThat(date.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2025, 10, 5));
			assertThat(date.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
			Cell instant = sheet.getRow(2).getCell(6);
			assertThat(DateUtil.isCellDateFormatted(instant)).isTrue();
			assertThat(instant.getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2025, 10, 5, 8, 30));
			assertThat(sheet.getRow(3).getCell(5)).as("a null value is an empty cell").isNull();
		}
	}

	@Test
	void textIsStoredAsTextNeverAsAFormulaAndRiskyTextIsQuotePrefixed() throws Exception {
		List<String> hostile = List.of("=HYPERLINK(\"http://evil.example\",\"x\")", "+1", "-2+3", "@SUM(A1:A2)", "\tcmd",
				"\rcmd");
		Object[][] rows = hostile.stream().map(t -> new Object[] {t, null, null, null, null, null, null})
				.toArray(Object[][]::new);
		try (XSSFWorkbook read = written(rows)) {
			XSSFSheet sheet = read.getSheetAt(0);
			for (int i = 0; i < hostile.size(); i++) {
				Cell cell = sheet.getRow(2 + i).getCell(0);
				assertThat(cell.getCellType()).as(hostile.get(i)).isEqualTo(CellType.STRING);
				assertThat(cell.getStringCellValue()).isEqualTo(hostile.get(i));
				assertThat(cell.getCellStyle().getQuotePrefixed()).as(hostile.get(i)).isTrue();
			}
		}
		try (XSSFWorkbook read = written(new Object[] {"plain", null, null, null, null, null, null})) {
			assertThat(read.getSheetAt(0).getRow(2).getCell(0).getCellStyle().getQuotePrefixed()).isFalse();
		}
	}

	@Test
	void refusesARowOfTheWrongWidth() throws Exception {
		try (Workbook book = book()) {
			Workbook.Sheet sheet = book.sheet("t.sheet", Text.of("t.title"), COLUMNS);
			assertThatThrownBy(() -> sheet.row("only one")).isInstanceOf(IllegalArgumentException.class);
		}
	}

	@Test
	void cellTextFollowsOwaspsRule() {
		assertThat(List.of("=1", "+1", "-1", "@x", "\tx", "\rx")).allMatch(CellText::risky);
		assertThat(List.of("", "a=1", "1-2", " =1", "'=1")).noneMatch(CellText::risky);
		assertThat(CellText.neutralise("-2+3")).isEqualTo("'-2+3");
		assertThat(CellText.neutralise("abc")).isEqualTo("abc");
	}
}
