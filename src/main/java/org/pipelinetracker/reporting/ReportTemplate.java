package org.pipelinetracker.reporting;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.pipelinetracker.i18n.Translations;
import org.pipelinetracker.kernel.FiscalCalendar.FiscalPeriod;
import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.reporting.ReportScope.Funded;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * Writes the reporting workbook. Sheet 1: row 1 the title (funder or project, and the quarter), row 2 the stable
 * column ids (hidden; the upload checks them), row 3 the headers in the caller's language (frozen), then one row per
 * funding: the informative columns pre-filled, grey and locked (the sheet is protected without a password, so they
 * are not typed over by mistake), the input columns empty and unlocked. A hidden sheet {@value #META} says which
 * quarter, funder or project the workbook is for.
 */
@Component
class ReportTemplate {

	static final String META = "meta";
	static final String FORMAT = "pipeline-tracker/quarterly-report/1";
	static final int ID_ROW = 1;
	static final int HEADER_ROW = 2;
	static final int FIRST_DATA_ROW = 3;
	private static final Set<String> WHOLE = Set.of("UZS", "KRW", "JPY", "VND", "IDR", "CLP", "ISK");

	private final Translations translations;

	ReportTemplate(Translations translations) {
		this.translations = translations;
	}

	void write(OutputStream out, List<Funded> rows, FiscalPeriod period, List<FiscalPeriod> next, String funder,
			String projectId, String language) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook()) {
			String who = funder != null ? funder : projectId;
			XSSFSheet sheet = book.createSheet(translations.text("ui.reporting.sheet", language));
			CellStyle title = book.createCellStyle();
			Font big = book.createFont();
			big.setBold(true);
			big.setFontHeightInPoints((short) 13);
			title.setFont(big);
			CellStyle header = book.createCellStyle();
			Font bold = book.createFont();
			bold.setBold(true);
			header.setFont(bold);
			header.setWrapText(true);
			header.setBorderBottom(BorderStyle.THIN);
			CellStyle info = grey(book, null);
			CellStyle infoWhole = grey(book, "#,##0");
			CellStyle infoDecimal = grey(book, "#,##0.00");
			CellStyle input = book.createCellStyle();
			input.setLocked(false);
			CellStyle inputDate = book.createCellStyle();
			inputDate.setLocked(false);
			inputDate.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
			CellStyle inputAmount = book.createCellStyle();
			inputAmount.setLocked(false);
			inputAmount.setDataFormat(book.createDataFormat().getFormat("#,##0.00"));

			Cell t = sheet.createRow(0).createCell(0);
			t.setCellValue(translations.render(Text.of("ui.reporting.title").with("who", who)
					.with("period", period.label()), language));
			t.setCellStyle(title);
			Row ids = sheet.createRow(ID_ROW);
			ids.setZeroHeight(true);
			Row headers = sheet.createRow(HEADER_ROW);
			for (ReportColumn c : ReportColumn.ALL) {
				ids.createCell(c.index()).setCellValue(c.id);
				Cell h = headers.createCell(c.index());
				Text text = ReportColumn.PLANNED.contains(c)
						? Text.of(c.headerKey()).with("period", next.get(ReportColumn.PLANNED.indexOf(c)).label())
						: Text.of(c.headerKey()).with("period", period.label());
				h.setCellValue(translations.render(text, language));
				h.setCellStyle(header);
				sheet.setColumnWidth(c.index(), c.width * 256);
			}
			int r = FIRST_DATA_ROW;
			for (Funded f : rows) {
				Row row = sheet.createRow(r++);
				String currency = f.funding().amount == null ? null : f.funding().amount.currency();
				CellStyle money = currency != null && WHOLE.contains(currency) ? infoWhole : infoDecimal;
				text(row, ReportColumn.PROJECT_ID, f.project().projectId, info);
				text(row, ReportColumn.PROJECT_TITLE, f.project().title, info);
				text(row, ReportColumn.FUNDING_ID, f.funding().fundingId, info);
				text(row, ReportColumn.CURRENCY, currency, info);
				amount(row, ReportColumn.COMMITTED, f.funding().amount, money);
				amount(row, ReportColumn.DISBURSED_TO_DATE, f.funding().disbursed, money);
				for (ReportColumn c : ReportColumn.ALL) {
					if (c.input) {
						row.createCell(c.index()).setCellStyle(c == ReportColumn.DISBURSEMENT_DATE
								|| c == ReportColumn.MILESTONE_DATE ? inputDate
								: c == ReportColumn.DISBURSEMENT_AMOUNT || ReportColumn.PLANNED.contains(c)
										? inputAmount : input);
					}
				}
			}
			sheet.createFreezePane(0, FIRST_DATA_ROW);
			sheet.lockFormatColumns(false);
			sheet.lockFormatRows(false);
			sheet.enableLocking();

			XSSFSheet meta = book.createSheet(META);
			meta(meta, 0, "format", FORMAT);
			meta(meta, 1, "period", ReportPeriods.label(period));
			meta(meta, 2, "funder", funder);
			meta(meta, 3, "projectId", projectId);
			book.setSheetVisibility(book.getSheetIndex(meta), SheetVisibility.VERY_HIDDEN);
			book.write(out);
		}
	}

	private static CellStyle grey(XSSFWorkbook book, String format) {
		CellStyle style = book.createCellStyle();
		style.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
		style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		style.setLocked(true);
		if (format != null) {
			style.setDataFormat(book.createDataFormat().getFormat(format));
		}
		return style;
	}

	private static void text(Row row, ReportColumn column, String value, CellStyle style) {
		Cell cell = row.createCell(column.index());
		cell.setCellStyle(style);
		if (value != null) {
			cell.setCellValue(value);
		}
	}

	private static void amount(Row row, ReportColumn column, Money money, CellStyle style) {
		Cell cell = row.createCell(column.index());
		cell.setCellStyle(style);
		cell.setCellValue((money == null ? BigDecimal.ZERO : money.amount()).doubleValue());
	}

	private static void meta(XSSFSheet meta, int r, String key, String value) {
		Row row = meta.createRow(r);
		row.createCell(0).setCellValue(key);
		if (value != null) {
			row.createCell(1).setCellValue(value);
		}
	}
}
