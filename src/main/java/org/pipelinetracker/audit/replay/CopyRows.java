package org.pipelinetracker.audit.replay;

import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * Rows of a result set sent to PostgreSQL's {@code COPY … FROM STDIN} in its text format: columns separated by tabs,
 * one row per line, null as {@code \N}, backslash, tab, newline and carriage return escaped; numbers in plain notation,
 * dates and instants in ISO 8601, booleans as {@code t}/{@code f}, bytes as {@code \\x} and hex.
 */
final class CopyRows {

	/** Bytes sent to the server at a time. */
	private static final int CHUNK = 64 * 1024;

	private CopyRows() {
	}

	/** Sends every row of {@code rows} ({@code columns} columns) with {@code copy}; returns the rows the server took. */
	static long copy(CopyManager copyApi, String copy, ResultSet rows, int columns) throws SQLException, IOException {
		CopyIn in = copyApi.copyIn(copy);
		try {
			StringBuilder text = new StringBuilder(CHUNK + 8192);
			while (rows.next()) {
				for (int i = 1; i <= columns; i++) {
					if (i > 1) {
						text.append('\t');
					}
					append(text, rows.getObject(i));
				}
				text.append('\n');
				if (text.length() >= CHUNK) {
					send(in, text);
				}
			}
			send(in, text);
			return in.endCopy();
		}
		finally {
			if (in.isActive()) {
				in.cancelCopy();
			}
		}
	}

	private static void send(CopyIn in, StringBuilder text) throws SQLException {
		byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
		in.writeToCopy(bytes, 0, bytes.length);
		text.setLength(0);
	}

	static void append(StringBuilder text, Object value) throws SQLException {
		if (value == null) {
			text.append("\\N");
		}
		else if (value instanceof BigDecimal number) {
			text.append(number.toPlainString());
		}
		else if (value instanceof Boolean flag) {
			text.append(flag ? 't' : 'f');
		}
		else if (value instanceof byte[] bytes) {
			text.append("\\\\x").append(HexFormat.of().formatHex(bytes));
		}
		else if (value instanceof Blob blob) {
			append(text, blob.getBytes(1, (int) blob.length()));
		}
		else if (value instanceof Clob clob) {
			escape(text, clob.getSubString(1, (int) clob.length()));
		}
		else {
			// strings, whole numbers, java.sql.Date (yyyy-mm-dd), OffsetDateTime / Timestamp (ISO 8601, which
			// PostgreSQL reads), whatever else prints itself as PostgreSQL reads it
			escape(text, value.toString());
		}
	}

	private static void escape(StringBuilder text, String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> text.append("\\\\");
				case '\t' -> text.append("\\t");
				case '\n' -> text.append("\\n");
				case '\r' -> text.append("\\r");
				default -> text.append(c);
			}
		}
	}
}
