package org.pipelinetracker.sheets;

/**
 * OWASP's rule against formula injection (CSV injection): a text cell that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return could be run by a spreadsheet as a formula. In CSV such a text
 * gets a leading {@code '} (which spreadsheets take as "this is text"); in XLSX it is stored as a text cell with
 * the quote-prefix flag (the same apostrophe, as Excel keeps it, without altering the value). Numbers and dates are
 * never passed through this rule: they are written as numbers, so a negative amount ({@code -1000.00}) stays a
 * number.
 */
public final class CellText {

	private CellText() {
	}

	/** Whether a spreadsheet could take the text as a formula. */
	public static boolean risky(String text) {
		if (text == null || text.isEmpty()) {
			return false;
		}
		char first = text.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
	}

	/** The text as a CSV cell may hold it: with a leading {@code '} when {@link #risky(String) risky}. */
	public static String neutralise(String text) {
		return risky(text) ? "'" + text : text;
	}
}
