package org.pipelinetracker.sheets;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.pipelinetracker.kernel.Text;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One XLSX workbook, written as a stream ({@link SXSSFWorkbook}: 100 rows in memory, the rest flushed to a temporary
 * file that {@link #close()} deletes). Each {@link Sheet} has a title row (row 1), a header row (row 2, frozen, with an
 * autofilter over the whole table) and then one row per record. Cell types follow the {@link Column}s:
 * <ul>
 * <li>{@link Kind#TEXT}: a text cell, never a formula; a text {@link CellText#risky(String) a spreadsheet could take for
 * a formula} gets the quote-prefix flag (Excel's leading apostrophe), its value unchanged.</li>
 * <li>{@link Kind#MONEY}: an {@link Amount}, a numeric cell formatted for its currency ({@code #,##0.00}; {@code #,##0}
 * for currencies written without minor units: UZS, KRW, JPY …), next to a currency column in every table.</li>
 * <li>{@link Kind#NUMBER}: a numeric cell ({@code 0.######}); {@link Kind#INTEGER} without decimals.</li>
 * <li>{@link Kind#DATE}: a date cell shown as {@code yyyy-mm-dd}; {@link Kind#INSTANT} a date-time cell in UTC
 * ({@code yyyy-mm-dd hh:mm:ss}).</li>
 * </ul>
 * A spreadsheet keeps numbers as IEEE doubles (15 significant digits): an amount is exact up to 15 digits, which covers
 * every amount the tracker holds to the minor unit below 10^13.
 */
public final class Workbook implements AutoCloseable {

	/** Currencies shown without decimals (amounts in them are whole in practice). */
	static final Set<String> WHOLE_CURRENCIES = Set.of("UZS", "KRW", "JPY", "VND", "IDR", "CLP", "ISK");

	public enum Kind {
		TEXT, MONEY, NUMBER, INTEGER, DATE, INSTANT
	}

	/** A column: its header (a catalogue key), what it holds, and its width in characters. */
	public record Column(String headerKey, Kind kind, int width) {
	}

	/** An amount in its currency (either may be null: an empty cell). */
	public record Amount(BigDecimal value, String currency) {
	}

	private final SXSSFWorkbook workbook = new SXSSFWorkbook(100);
	private final UnaryOperator<String> keys;
	private final Function<Text, String> texts;
	private final String language;
	private final DataFormat formats;
	private final CellStyle title;
	private final CellStyle header;
	private final CellStyle date;
	private final CellStyle instant;
	private final CellStyle number;
	private final CellStyle integer;
	private final CellStyle quoted;
	private final Map<String, CellStyle> money = new HashMap<>();
	private final List<Sheet> sheets = new ArrayList<>();

	Workbook(UnaryOperator<String> keys, Function<Text, String> texts, String language) {
		this.keys = keys;
		this.texts = texts;
		this.language = language;
		this.formats = workbook.createDataFormat();
		Font bold = workbook.createFont();
		bold.setBold(true);
		Font big = workbook.createFont();
		big.setBold(true);
		big.setFontHeightInPoints((short) 13);
		title = workbook.createCellStyle();
		title.setFont(big);
		header = workbook.createCellStyle();
		header.setFont(bold);
		header.setBorderBottom(BorderStyle.THIN);
		header.setWrapText(true);
		date = style("yyyy-mm-dd");
		instant = style("yyyy-mm-dd hh:mm:ss");
		number = style("0.######");
		integer = style("0");
		quoted = workbook.createCellStyle();
		quoted.setQuotePrefixed(true);
	}

	/** The language the workbook's texts are in. */
	public String language() {
		return language;
	}

	/** A catalogue text in the workbook's language. */
	public String text(Text text) {
		return texts.apply(text);
	}

	/**
	 * A new sheet named by a catalogue key, with a title row and the header row of {@code columns}.
	 */
	public Sheet sheet(String nameKey, Text titleText, List<Column> columns) {
		String name = WorkbookUtil.createSafeSheetName(keys.apply(nameKey));
		SXSSFSheet sheet = workbook.createSheet(uniqueName(name));
		Row titleRow = sheet.createRow(0);
		Cell titleCell = titleRow.createCell(0);
		titleCell.setCellValue(texts.apply(titleText));
		titleCell.setCellStyle(title);
		Row headerRow = sheet.createRow(1);
		for (int i = 0; i < columns.size(); i++) {
			Cell cell = headerRow.createCell(i);
			cell.setCellValue(keys.apply(columns.get(i).headerKey()));
			cell.setCellStyle(header);
			sheet.setColumnWidth(i, Math.min(255, columns.get(i).width()) * 256);
		}
		sheet.createFreezePane(0, 2);
		Sheet written = new Sheet(sheet, columns);
		sheets.add(written);
		return written;
	}

	private String uniqueName(String name) {
		String unique = name;
		for (int n = 2; workbook.getSheet(unique) != null; n++) {
			String suffix = " (" + n + ")";
			unique = name.substring(0, Math.min(name.length(), 31 - suffix.length())) + suffix;
		}
		return unique;
	}

	/** Finishes every sheet and writes the workbook. */
	public void write(OutputStream out) throws IOException {
		sheets.forEach(Sheet::finish);
		workbook.write(out);
	}

	/** Answers with the workbook: the XLSX media type, as an attachment named {@code fileName}. */
	public void send(HttpServletResponse response, String fileName) throws IOException {
		response.setContentType(Workbooks.XLSX);
		response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
		write(response.getOutputStream());
	}

	@Override
	public void close() throws IOException {
		// deletes the temporary files of the streamed rows (first: close() would shut their streams before)
		workbook.dispose();
		workbook.close();
	}

	private CellStyle style(String format) {
		CellStyle style = workbook.createCellStyle();
		style.setDataFormat(formats.getFormat(format));
		return style;
	}

	private CellStyle money(String currency) {
		String code = currency == null ? "" : currency;
		return money.computeIfAbsent(code, c -> style(WHOLE_CURRENCIES.contains(c) ? "#,##0" : "#,##0.00"));
	}

	/** One sheet being written: {@link #row(Object...)} per record, then {@link #finish()} (done by the workbook's write too). */
	public final class Sheet {

		private final SXSSFSheet sheet;
		private final List<Column> columns;
		private int next = 2;
		private boolean finished;

		private Sheet(SXSSFSheet sheet, List<Column> columns) {
			this.sheet = sheet;
			this.columns = columns;
		}

		/** A row of values in column order: String or {@link Text} (TEXT), {@link Amount} (MONEY), numbers, dates. */
		public void row(Object... values) {
			if (values.length != columns.size()) {
				throw new IllegalArgumentException(values.length + " values for " + columns.size() + " columns");
			}
			Row row = sheet.createRow(next++);
			for (int i = 0; i < values.length; i++) {
				if (values[i] != null) {
					cell(row.createCell(i), columns.get(i).kind(), values[i]);
				}
			}
		}

		/** Sets the autofilter over the header and every row written. */
		public void finish() {
			if (!finished) {
				sheet.setAutoFilter(new CellRangeAddress(1, Math.max(1, next - 1), 0, columns.size() - 1));
				finished = true;
			}
		}

		private void cell(Cell cell, Kind kind, Object value) {
			switch (kind) {
				case MONEY -> {
					Amount amount = (Amount) value;
					if (amount.value() != null) {
						cell.setCellValue(amount.value().doubleValue());
						cell.setCellStyle(money(amount.currency()));
					}
				}
				case NUMBER, INTEGER -> {
					cell.setCellValue(value instanceof BigDecimal d ? d.doubleValue() : ((Number) value).doubleValue());
					cell.setCellStyle(kind == Kind.INTEGER ? integer : number);
				}
				case DATE -> {
					cell.setCellValue((LocalDate) value);
					cell.setCellStyle(date);
				}
				case INSTANT -> {
					cell.setCellValue(LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
					cell.setCellStyle(instant);
				}
				case TEXT -> {
					String text = value instanceof Text t ? texts.apply(t) : value.toString();
					cell.setCellValue(text);
					if (CellText.risky(text)) {
						cell.setCellStyle(quoted);
					}
				}
			}
		}
	}
}
