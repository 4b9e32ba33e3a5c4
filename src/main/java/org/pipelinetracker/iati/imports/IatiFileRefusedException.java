package org.pipelinetracker.iati.imports;

import org.pipelinetracker.kernel.Text;

/**
 * An IATI file refused whole, before anything was imported: why, and where (line and column, when known). Answered
 * 400, a problem naming the field {@code file}, with {@code line} and {@code column}.
 */
class IatiFileRefusedException extends RuntimeException {

	private final transient Text reason;
	private final Integer line;
	private final Integer column;

	IatiFileRefusedException(Text reason, Integer line, Integer column) {
		super(where(line, column) + reason.english(), null, false, false);
		this.reason = reason;
		this.line = line;
		this.column = column;
	}

	Text reason() {
		return line == null ? reason : Text.of("problem.field.iatiAt").with("line", line)
				.with("column", column == null ? "?" : String.valueOf(column)).with("reason", reason);
	}

	Integer line() {
		return line;
	}

	Integer column() {
		return column;
	}

	private static String where(Integer line, Integer column) {
		return line == null ? "" : "line " + line + (column == null ? "" : ", column " + column) + ": ";
	}
}
