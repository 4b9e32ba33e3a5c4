package org.pipelinetracker.iati.export;

import org.pipelinetracker.sheets.CellText;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * RFC 4180 CSV in UTF-8 with a byte-order mark (so a spreadsheet in any locale reads it as UTF-8): records end with
 * CRLF; a field holding a comma, a double quote, CR or LF is enclosed in double quotes, and each double quote inside
 * it is doubled. A null field is written empty. Text fields ({@link String}) that a spreadsheet could run as a
 * formula are neutralised ({@link CellText#neutralise(String)}); numbers ({@link BigDecimal}, other {@link Number}s)
 * and dates are written as they are, so a negative amount stays a number.
 */
final class CsvWriter implements AutoCloseable {

	static final char BYTE_ORDER_MARK = '\uFEFF';

	private final Writer out;

	CsvWriter(OutputStream out) throws IOException {
		this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
		this.out.write(BYTE_ORDER_MARK);
	}

	void row(Object... fields) throws IOException {
		for (int i = 0; i < fields.length; i++) {
			if (i > 0) {
				out.write(',');
			}
			out.write(escape(field(fields[i])));
		}
		out.write("\r\n");
	}

	private static String field(Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof BigDecimal number) {
			return number.toPlainString();
		}
		if (value instanceof String text) {
			return CellText.neutralise(text);
		}
		return value.toString();
	}

	static String escape(String field) {
		if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\r') < 0 && field.indexOf('\n') < 0) {
			return field;
		}
		return '"' + field.replace("\"", "\"\"") + '"';
	}

	void flush() throws IOException {
		out.flush();
	}

	@Override
	public void close() throws IOException {
		out.close();
	}
}
