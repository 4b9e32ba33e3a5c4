package org.pipelinetracker.fx;

import org.pipelinetracker.fx.InvalidFxRatesException.Problem;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an FX rates file: RFC 4180 CSV with the header {@code date,currency,units_per_usd,source}, lines starting
 * with {@code #} ignored. Every problem is reported with its line number, all at once.
 */
final class FxRatesCsv {

	static final List<String> HEADER = List.of("date", "currency", "units_per_usd", "source");
	private static final String USD = "USD";

	/** One CSV record: its fields and the line it starts on. */
	private record Row(int line, List<String> fields) {
	}

	private FxRatesCsv() {
	}

	/**
	 * The rates in {@code text}, in file order.
	 *
	 * @param file the file's name, for error messages
	 * @throws InvalidFxRatesException listing every problem with its line number
	 */
	static List<FxRate> parse(String file, String text) {
		List<Problem> problems = new ArrayList<>();
		List<Row> rows = records(text, problems);
		List<FxRate> rates = new ArrayList<>();
		if (rows.isEmpty()) {
			problems.add(new Problem(1, "the header " + String.join(",", HEADER) + " is missing"));
		}
		else if (!isHeader(rows.get(0))) {
			problems.add(new Problem(rows.get(0).line(), "the first line that is not a comment must be the header "
					+ String.join(",", HEADER) + " (got '" + String.join(",", rows.get(0).fields()) + "')"));
		}
		else {
			Map<String, Integer> seen = new HashMap<>();
			for (Row row : rows.subList(1, rows.size())) {
				FxRate rate = rate(row, problems);
				if (rate != null) {
					Integer first = seen.putIfAbsent(rate.date() + "," + rate.currency(), row.line());
					if (first != null) {
						problems.add(new Problem(row.line(), "duplicate rate for " + rate.currency() + " on "
								+ rate.date() + " (already given on line " + first + ")"));
					}
					else {
						rates.add(rate);
					}
				}
			}
		}
		if (!problems.isEmpty()) {
			problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
			throw new InvalidFxRatesException(file, problems);
		}
		return rates;
	}

	private static boolean isHeader(Row row) {
		return row.fields().stream().map(f -> f.strip().toLowerCase(Locale.ROOT)).toList().equals(HEADER);
	}

	/** One data row as a rate, or null after adding its problems. */
	private static FxRate rate(Row row, List<Problem> problems) {
		List<String> fields = row.fields();
		if (fields.size() != HEADER.size()) {
			problems.add(new Problem(row.line(), "expected 4 columns (" + String.join(",", HEADER) + ") but found "
					+ fields.size()));
			return null;
		}
		int before = problems.size();
		String dateText = fields.get(0).strip();
		String currency = fields.get(1).strip();
		String rateText = fields.get(2).strip();
		String source = fields.get(3).strip();
		LocalDate date = null;
		try {
			date = LocalDate.parse(dateText);
		}
		catch (DateTimeParseException e) {
			problems.add(new Problem(row.line(), "date must be an ISO-8601 date YYYY-MM-DD (got '" + dateText + "')"));
		}
		if (!currency.matches("[A-Z]{3}")) {
			problems.add(new Problem(row.line(),
					"currency must be an ISO 4217 code of 3 upper-case letters such as UZS (got '" + currency + "')"));
		}
		else if (!IsoCurrencies.isCurrency(currency)) {
			problems.add(new Problem(row.line(), "currency '" + currency + "' is not an ISO 4217 currency code"));
		}
		else if (USD.equals(currency)) {
			problems.add(new Problem(row.line(), "USD needs no row: one US dollar is always 1 USD"));
		}
		BigDecimal unitsPerUsd = null;
		try {
			unitsPerUsd = new BigDecimal(rateText);
			if (unitsPerUsd.signum() <= 0) {
				problems.add(new Problem(row.line(),
						"units_per_usd must be greater than zero (got '" + rateText + "')"));
			}
		}
		catch (NumberFormatException e) {
			problems.add(new Problem(row.line(),
					"units_per_usd must be a decimal number such as 12355.14 (got '" + rateText + "')"));
		}
		if (source.isEmpty()) {
			problems.add(new Problem(row.line(), "source must name where the rate comes from"));
		}
		return problems.size() == before ? new FxRate(date, currency, unitsPerUsd, source) : null;
	}

	/**
	 * Splits RFC 4180 text into records. Comment lines ({@code #} at the start of a record) and blank lines are
	 * skipped; a quoted field may hold commas, doubled quotes and line breaks.
	 */
	private static List<Row> records(String text, List<Problem> problems) {
		List<Row> rows = new ArrayList<>();
		int length = text.length();
		int i = text.startsWith("\uFEFF") ? 1 : 0;
		int line = 1;
		while (i < length) {
			char c = text.charAt(i);
			if (c == '#') {
				while (i < length && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
					i++;
				}
			}
			if (i < length && (text.charAt(i) == '\n' || text.charAt(i) == '\r')) {
				i = skipLineBreak(text, i);
				line++;
				continue;
			}
			if (i >= length) {
				break;
			}
			int start = line;
			List<String> fields = new ArrayList<>();
			String problem = null;
			boolean endOfRecord = false;
			while (!endOfRecord) {
				StringBuilder field = new StringBuilder();
				int quote = i;
				while (quote < length && (text.charAt(quote) == ' ' || text.charAt(quote) == '\t')) {
					quote++;
				}
				if (quote < length && text.charAt(quote) == '"') {
					i = quote + 1;
					boolean closed = false;
					while (i < length && !closed) {
						char q = text.charAt(i);
						if (q == '"' && i + 1 < length && text.charAt(i + 1) == '"') {
							field.append('"');
							i += 2;
						}
						else if (q == '"') {
							closed = true;
							i++;
						}
						else {
							if (q == '\n' || (q == '\r' && (i + 1 >= length || text.charAt(i + 1) != '\n'))) {
								line++;
							}
							field.append(q);
							i++;
						}
					}
					if (!closed && problem == null) {
						problem = "a quoted field is not closed (a \" is missing)";
					}
					while (i < length && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
						i++;
					}
					if (i < length && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
						if (problem == null) {
							problem = "unexpected text after a closing quote; write a quote inside a quoted field as \"\"";
						}
						while (i < length && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
							i++;
						}
					}
				}
				else {
					while (i < length && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
						char u = text.charAt(i);
						if (u == '"' && problem == null) {
							problem = "a field containing \" must be enclosed in quotes, with the quote doubled (\"\")";
						}
						field.append(u);
						i++;
					}
				}
				fields.add(field.toString());
				if (i < length && text.charAt(i) == ',') {
					i++;
				}
				else {
					endOfRecord = true;
				}
			}
			if (problem != null) {
				problems.add(new Problem(start, problem));
			}
			else if (!(fields.size() == 1 && fields.get(0).isBlank())) {
				rows.add(new Row(start, List.copyOf(fields)));
			}
		}
		return rows;
	}

	private static int skipLineBreak(String text, int i) {
		if (text.charAt(i) == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
			return i + 2;
		}
		return i + 1;
	}
}
