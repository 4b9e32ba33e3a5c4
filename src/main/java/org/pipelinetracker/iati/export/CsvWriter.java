package org.pipelinetracker.iati.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * RFC 4180 CSV in UTF-8: records end with CRLF; a field holding a comma, a double quote, CR or LF is enclosed in
 * double quotes, and each double quote inside it is doubled. A null field is written empty.
 */
final class CsvWriter implements AutoCloseable {

	private final Writer out;

	CsvWriter(OutputStream out) {
		this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
	}

	void row(Object... fields) throws IOException {
		for (int i = 0; i < fields.length; i++) {
			if (i > 0) {
				out.write(',');
			}
			out.write(escape(fields[i] == null ? "" : fields[i].toString()));
		}
		out.write("\r\n");
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
