package org.pipelinetracker.fx;

import java.util.List;

/**
 * An FX rates file that cannot be used: each problem with its line number, so the user can fix the file.
 */
class InvalidFxRatesException extends IllegalStateException {

	/** One problem, on the line where its record starts (1-based, counting comment and blank lines). */
	record Problem(int line, String message) {

		@Override
		public String toString() {
			return "line " + line + ": " + message;
		}
	}

	private final String file;
	private final List<Problem> problems;

	InvalidFxRatesException(String file, List<Problem> problems) {
		super(summary(file, problems));
		this.file = file;
		this.problems = List.copyOf(problems);
	}

	String file() {
		return file;
	}

	List<Problem> problems() {
		return problems;
	}

	private static String summary(String file, List<Problem> problems) {
		StringBuilder message = new StringBuilder("The FX rates file ").append(file)
				.append(" cannot be used; fix it and start again:");
		for (Problem problem : problems) {
			message.append(System.lineSeparator()).append("  ").append(problem);
		}
		return message.toString();
	}
}
