package org.pipelinetracker.reporting;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The uploaded workbook back with its faulty cells marked: a red fill and a comment giving the reason (each reason of
 * a cell, one per line). Only errors of a row and column can be marked; empty when none can (the file is not a
 * workbook, or every error is of the file as a whole).
 */
final class ReportMarks {

	private ReportMarks() {
	}

	static Optional<byte[]> mark(byte[] upload, List<RowError> errors, Function<RowError, String> reason) {
		if (errors.stream().noneMatch(e -> e.row() != null && e.column() != null)) {
			return Optional.empty();
		}
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(upload))) {
			XSSFSheet sheet = book.getSheetAt(0);
			Drawing<?> drawing = sheet.createDrawingPatriarch();
			Map<CellStyle, CellStyle> red = new HashMap<>();
			Map<Cell, StringBuilder> reasons = new HashMap<>();
			for (RowError e : errors) {
				if (e.row() == null || e.column() == null) {
					continue;
				}
				int c = columnIndex(sheet, e.column());
				if (c < 0) {
					continue;
				}
				Row row = sheet.getRow(e.row() - 1) != null ? sheet.getRow(e.row() - 1) : sheet.createRow(e.row() - 1);
				Cell cell = row.getCell(c) != null ? row.getCell(c) : row.createCell(c);
				cell.setCellStyle(red.computeIfAbsent(cell.getCellStyle(), style -> {
					CellStyle marked = book.createCellStyle();
					marked.cloneStyleFrom(style);
					marked.setFillForegroundColor(IndexedColors.RED.getIndex());
					marked.setFillPattern(FillPatternType.SOLID_FOREGROUND);
					return marked;
				}));
				StringBuilder text = reasons.computeIfAbsent(cell, k -> new StringBuilder());
				text.append(text.isEmpty() ? "" : "\n").append(reason.apply(e));
			}
			reasons.forEach((cell, text) -> {
				cell.removeCellComment();
				ClientAnchor anchor = book.getCreationHelper().createClientAnchor();
				anchor.setCol1(cell.getColumnIndex());
				anchor.setCol2(cell.getColumnIndex() + 4);
				anchor.setRow1(cell.getRowIndex());
				anchor.setRow2(cell.getRowIndex() + 4);
				Comment comment = drawing.createCellComment(anchor);
				comment.setString(book.getCreationHelper().createRichTextString(text.toString()));
				comment.setAuthor("pipeline-tracker");
				cell.setCellComment(comment);
			});
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			book.write(out);
			return Optional.of(out.toByteArray());
		}
		catch (IOException | RuntimeException unreadable) {
			return Optional.empty();
		}
	}

	/** A column id of the template, or a spreadsheet letter (an extra column); -1 if neither. */
	private static int columnIndex(XSSFSheet sheet, String column) {
		for (ReportColumn c : ReportColumn.ALL) {
			if (c.id.equals(column)) {
				return c.index();
			}
		}
		Row ids = sheet.getRow(ReportTemplate.ID_ROW);
		if (ids != null) {
			for (Cell cell : ids) {
				if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
						&& column.equals(cell.getStringCellValue().trim())) {
					return cell.getColumnIndex();
				}
			}
		}
		if (column.matches("[A-Z]{1,3}")) {
			int index = 0;
			for (char ch : column.toCharArray()) {
				index = index * 26 + (ch - 'A' + 1);
			}
			return index - 1;
		}
		return -1;
	}
}
