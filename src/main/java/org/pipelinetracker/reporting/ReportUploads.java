package org.pipelinetracker.reporting;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.pipelinetracker.kernel.FiscalCalendar.FiscalPeriod;
import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.project.query.ProjectView;
import org.pipelinetracker.project.query.ProjectView.FundingView;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an uploaded reporting workbook and checks every row before anything is recorded. Formulas are refused (a
 * cell that computes its value is not a reported figure, and its cached value may be stale); so are macro-enabled
 * workbooks. A blank input cell means "nothing reported": it never overwrites anything.
 */
final class ReportUploads {

	private static final Pattern AMOUNT = Pattern.compile("(?:([A-Za-z]{3})\\s*)?([0-9][0-9 ,]*(?:\\.[0-9]+)?)(?:\\s*([A-Za-z]{3}))?");
	private static final int MAX_COMMENT = 2000;

	/** The workbook's quarter, funder or project, and its rows, each checked. */
	record Parsed(String periodLabel, String funder, String projectId, List<ReportRow> rows) {
	}

	/** One valid row: what to record (nulls: blank cells, nothing to record). */
	record ReportRow(int row, ProjectView project, FundingView funding, BigDecimal disbursement, LocalDate disbursedOn,
			List<BigDecimal> planned, String milestoneId, String milestoneName, LocalDate milestoneOn, String comment) {
	}

	private ReportUploads() {
	}

	/** Reads the workbook's quarter label from its hidden sheet; errors go to {@code errors}. */
	static Optional<XSSFWorkbook> open(byte[] bytes, List<RowError> errors) {
		if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K') {
			errors.add(new RowError(null, null, Text.of("problem.reporting.notWorkbook")));
			return Optional.empty();
		}
		try {
			XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes));
			if (book.isMacroEnabled()) {
				errors.add(new RowError(null, null, Text.of("problem.reporting.macros")));
				book.close();
				return Optional.empty();
			}
			return Optional.of(book);
		}
		catch (Exception | LinkageError notXlsx) {
			errors.add(new RowError(null, null, Text.of("problem.reporting.notWorkbook")));
			return Optional.empty();
		}
	}

	static Map<String, String> meta(XSSFWorkbook book, List<RowError> errors) {
		Map<String, String> meta = new HashMap<>();
		Sheet sheet = book.getSheet(ReportTemplate.META);
		if (sheet != null) {
			for (Row row : sheet) {
				Cell k = row.getCell(0);
				Cell v = row.getCell(1);
				if (k != null && k.getCellType() == CellType.STRING && v != null && v.getCellType() == CellType.STRING) {
					meta.put(k.getStringCellValue(), v.getStringCellValue());
				}
			}
		}
		if (!ReportTemplate.FORMAT.equals(meta.get("format")) || meta.get("period") == null) {
			errors.add(new RowError(null, null, Text.of("problem.reporting.notTemplate")));
		}
		return meta;
	}

	/** Checks the column ids of the report sheet: every one, in order, none missing, none extra. */
	static void checkColumns(Sheet sheet, List<RowError> errors) {
		Row ids = sheet.getRow(ReportTemplate.ID_ROW);
		List<String> found = new ArrayList<>();
		if (ids != null) {
			for (int c = 0; c < Math.max(0, ids.getLastCellNum()); c++) {
				Cell cell = ids.getCell(c);
				found.add(cell == null || cell.getCellType() != CellType.STRING ? "" : cell.getStringCellValue().trim());
			}
		}
		while (!found.isEmpty() && found.get(found.size() - 1).isEmpty()) {
			found.remove(found.size() - 1);
		}
		List<String> expected = ReportColumn.ids();
		for (String id : expected) {
			if (!found.contains(id)) {
				errors.add(new RowError(ReportTemplate.ID_ROW + 1, id, Text.of("problem.reporting.missingColumn").with("column", id)));
			}
		}
		for (int c = 0; c < found.size(); c++) {
			String id = found.get(c);
			if (!expected.contains(id)) {
				errors.add(new RowError(ReportTemplate.ID_ROW + 1, id.isEmpty() ? column(c) : id,
						Text.of("problem.reporting.extraColumn").with("column", id.isEmpty() ? column(c) : id)));
			}
			else if (expected.indexOf(id) != c) {
				errors.add(new RowError(ReportTemplate.ID_ROW + 1, id, Text.of("problem.reporting.movedColumn").with("column", id)));
			}
		}
		// a value in a column right of the last one is an extra column without an id
		for (int r = ReportTemplate.FIRST_DATA_ROW; r <= sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			if (row != null && row.getLastCellNum() > expected.size()) {
				for (int c = expected.size(); c < row.getLastCellNum(); c++) {
					if (!blank(row.getCell(c))) {
						errors.add(new RowError(r + 1, column(c), Text.of("problem.reporting.extraColumn").with("column", column(c))));
						return;
					}
				}
			}
		}
	}

	/** Checks every data row; {@code projects} gives a project as it stands now. */
	static List<ReportRow> rows(Sheet sheet, FiscalPeriod period, Function<String, Optional<ProjectView>> projects,
			List<RowError> errors) {
		List<ReportRow> rows = new ArrayList<>();
		Map<String, BigDecimal> reported = new HashMap<>();
		for (int r = ReportTemplate.FIRST_DATA_ROW; r <= sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			if (row == null || ReportColumn.ALL.stream().allMatch(c -> blank(row.getCell(c.index())))) {
				continue;
			}
			int n = r + 1;
			int before = errors.size();
			for (ReportColumn c : ReportColumn.ALL) {
				Cell cell = row.getCell(c.index());
				if (cell != null && cell.getCellType() == CellType.FORMULA) {
					errors.add(new RowError(n, c.id, Text.of("problem.reporting.formula")));
				}
			}
			if (errors.size() > before) {
				continue;
			}
			String projectId = text(row, ReportColumn.PROJECT_ID);
			String fundingId = text(row, ReportColumn.FUNDING_ID);
			ProjectView project = projectId == null ? null : projects.apply(projectId).orElse(null);
			if (project == null) {
				errors.add(new RowError(n, ReportColumn.PROJECT_ID.id, Text.of("problem.reporting.unknownProject")
						.with("projectId", String.valueOf(projectId))));
				continue;
			}
			FundingView funding = fundingId == null ? null : project.fundings.stream()
					.filter(f -> fundingId.equals(f.fundingId)).findFirst().orElse(null);
			if (funding == null) {
				errors.add(new RowError(n, ReportColumn.FUNDING_ID.id, Text.of("problem.reporting.unknownFunding")
						.with("fundingId", String.valueOf(fundingId)).with("projectId", projectId)));
				continue;
			}
			String currency = funding.amount.currency();
			String given = text(row, ReportColumn.CURRENCY);
			if (given != null && !given.equalsIgnoreCase(currency)) {
				errors.add(new RowError(n, ReportColumn.CURRENCY.id, Text.of("problem.reporting.wrongCurrency")
						.with("given", given).with("currency", currency)));
			}
			BigDecimal amount = amount(row, ReportColumn.DISBURSEMENT_AMOUNT, currency, false, n, errors);
			LocalDate on = date(row, ReportColumn.DISBURSEMENT_DATE, n, errors);
			if (amount != null && on == null && !errors.stream().anyMatch(e -> e.row() != null && e.row() == n
					&& ReportColumn.DISBURSEMENT_DATE.id.equals(e.column()))) {
				errors.add(new RowError(n, ReportColumn.DISBURSEMENT_DATE.id, Text.of("problem.reporting.dateRequired")));
			}
			if (on != null && amount == null && blank(row.getCell(ReportColumn.DISBURSEMENT_AMOUNT.index()))) {
				errors.add(new RowError(n, ReportColumn.DISBURSEMENT_AMOUNT.id, Text.of("problem.reporting.amountRequired")));
			}
			if (on != null && !period.contains(on)) {
				errors.add(new RowError(n, ReportColumn.DISBURSEMENT_DATE.id, Text.of("problem.reporting.dateOutsidePeriod")
						.with("date", on.toString()).with("period", period.label()).with("start", period.start().toString())
						.with("end", period.end().toString())));
			}
			if (amount != null) {
				String key = projectId + "\u0000" + fundingId;
				BigDecimal undisbursed = (funding.undisbursed == null ? funding.amount.amount() : funding.undisbursed.amount())
						.subtract(reported.getOrDefault(key, BigDecimal.ZERO));
				if (amount.compareTo(undisbursed) > 0) {
					errors.add(new RowError(n, ReportColumn.DISBURSEMENT_AMOUNT.id, Text.of("problem.reporting.overUndisbursed")
							.with("amount", amount.toPlainString()).with("undisbursed", undisbursed.toPlainString())
							.with("currency", currency)));
				}
				reported.merge(key, amount, BigDecimal::add);
			}
			List<BigDecimal> planned = new ArrayList<>();
			for (ReportColumn c : ReportColumn.PLANNED) {
				planned.add(amount(row, c, currency, true, n, errors));
			}
			String milestoneId = text(row, ReportColumn.MILESTONE_ID);
			String milestoneName = text(row, ReportColumn.MILESTONE_NAME);
			LocalDate milestoneOn = date(row, ReportColumn.MILESTONE_DATE, n, errors);
			if (milestoneId == null && (milestoneName != null || milestoneOn != null)) {
				errors.add(new RowError(n, ReportColumn.MILESTONE_ID.id, Text.of("problem.reporting.milestoneIdRequired")));
			}
			if (milestoneId != null && !milestoneId.matches("[A-Za-z0-9._-]{1,64}")) {
				errors.add(new RowError(n, ReportColumn.MILESTONE_ID.id, Text.of("problem.reporting.milestoneId")));
			}
			if (milestoneName != null && milestoneName.length() > 300) {
				errors.add(new RowError(n, ReportColumn.MILESTONE_NAME.id, Text.of("problem.reporting.tooLong").with("max", 300)));
			}
			String comment = text(row, ReportColumn.COMMENT);
			if (comment != null && comment.length() > MAX_COMMENT) {
				errors.add(new RowError(n, ReportColumn.COMMENT.id, Text.of("problem.reporting.tooLong").with("max", MAX_COMMENT)));
			}
			if (errors.size() == before) {
				rows.add(new ReportRow(n, project, funding, amount, on, planned, milestoneId, milestoneName, milestoneOn,
						comment));
			}
		}
		return rows;
	}

	private static String text(Row row, ReportColumn column) {
		Cell cell = row.getCell(column.index());
		if (cell == null) {
			return null;
		}
		String value = switch (cell.getCellType()) {
			case STRING -> cell.getStringCellValue();
			case NUMERIC -> BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
			case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
			default -> null;
		};
		return value == null || value.isBlank() ? null : value.trim();
	}

	/** An amount: a number cell, or a text of a plain decimal (with the funding's currency code, if any). */
	private static BigDecimal amount(Row row, ReportColumn column, String currency, boolean zeroAllowed, int n,
			List<RowError> errors) {
		Cell cell = row.getCell(column.index());
		if (blank(cell)) {
			return null;
		}
		BigDecimal value;
		if (cell.getCellType() == CellType.NUMERIC) {
			value = BigDecimal.valueOf(cell.getNumericCellValue());
		}
		else if (cell.getCellType() == CellType.STRING) {
			Matcher m = AMOUNT.matcher(cell.getStringCellValue().trim());
			if (!m.matches()) {
				errors.add(new RowError(n, column.id, Text.of("problem.reporting.notAmount")));
				return null;
			}
			String code = m.group(1) != null ? m.group(1) : m.group(3);
			if (code != null && !code.equalsIgnoreCase(currency)) {
				errors.add(new RowError(n, column.id, Text.of("problem.reporting.wrongCurrency")
						.with("given", code.toUpperCase(Locale.ROOT)).with("currency", currency)));
				return null;
			}
			value = new BigDecimal(m.group(2).replace(",", "").replace(" ", ""));
		}
		else {
			errors.add(new RowError(n, column.id, Text.of("problem.reporting.notAmount")));
			return null;
		}
		value = value.stripTrailingZeros();
		if (value.scale() < 0) {
			value = value.setScale(0);
		}
		if (value.signum() < 0 || value.signum() == 0 && !zeroAllowed) {
			errors.add(new RowError(n, column.id, Text.of(zeroAllowed ? "problem.reporting.negative" : "problem.reporting.notPositive")));
			return null;
		}
		if (value.compareTo(new BigDecimal("1000000000000000")) > 0) {
			errors.add(new RowError(n, column.id, Text.of("problem.reporting.notAmount")));
			return null;
		}
		return value;
	}

	/** A date: a date cell, or an ISO date as text. */
	private static LocalDate date(Row row, ReportColumn column, int n, List<RowError> errors) {
		Cell cell = row.getCell(column.index());
		if (blank(cell)) {
			return null;
		}
		if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
			return cell.getLocalDateTimeCellValue().toLocalDate();
		}
		if (cell.getCellType() == CellType.STRING) {
			try {
				return LocalDate.parse(cell.getStringCellValue().trim());
			}
			catch (DateTimeParseException notIso) {
				// below
			}
		}
		errors.add(new RowError(n, column.id, Text.of("problem.reporting.notDate")));
		return null;
	}

	static boolean blank(Cell cell) {
		return cell == null || cell.getCellType() == CellType.BLANK
				|| cell.getCellType() == CellType.STRING && cell.getStringCellValue().isBlank();
	}

	/** The spreadsheet letter of a column index (0: A). */
	static String column(int index) {
		StringBuilder s = new StringBuilder();
		for (int i = index + 1; i > 0; i = (i - 1) / 26) {
			s.insert(0, (char) ('A' + (i - 1) % 26));
		}
		return s.toString();
	}

	static boolean sameMoney(Money money, BigDecimal amount) {
		return money != null && money.amount().compareTo(amount) == 0;
	}
}
