package org.pipelinetracker.period.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fiscal quarter ({@code 2024-Q4}) or a fiscal year ({@code FY2024}): the span of effective dates a close covers.
 * <p>
 * The fiscal year is the calendar year for now: FY2024 is 2024-01-01 to 2024-12-31 and 2024-Q4 is October to
 * December. Every rule about which dates a period covers is here, so a configurable start month changes this class
 * only ({@link #START_MONTH}).
 */
public record FiscalPeriod(String label, LocalDate startsOn, LocalDate endsOn) {

	/** The month a fiscal year starts in (1 = January: the calendar year). */
	static final int START_MONTH = 1;
	private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
	private static final Pattern YEAR = Pattern.compile("FY(\\d{4})");

	/** The period a label names, or empty when it is neither {@code yyyy-Qn} (n 1 to 4) nor {@code FYyyyy}. */
	public static Optional<FiscalPeriod> parse(String label) {
		if (label == null) {
			return Optional.empty();
		}
		String text = label.strip();
		Matcher quarter = QUARTER.matcher(text);
		if (quarter.matches()) {
			return Optional.of(quarter(Integer.parseInt(quarter.group(1)), Integer.parseInt(quarter.group(2))));
		}
		Matcher year = YEAR.matcher(text);
		if (year.matches()) {
			return Optional.of(year(Integer.parseInt(year.group(1))));
		}
		return Optional.empty();
	}

	/** Quarter {@code q} (1 to 4) of fiscal year {@code fiscalYear}. */
	public static FiscalPeriod quarter(int fiscalYear, int q) {
		LocalDate start = yearStart(fiscalYear).plusMonths(3L * (q - 1));
		return new FiscalPeriod(fiscalYear + "-Q" + q, start, start.plusMonths(3).minusDays(1));
	}

	/** Fiscal year {@code fiscalYear}. */
	public static FiscalPeriod year(int fiscalYear) {
		LocalDate start = yearStart(fiscalYear);
		return new FiscalPeriod("FY" + fiscalYear, start, start.plusYears(1).minusDays(1));
	}

	/** The two periods a date falls in: its fiscal quarter, then its fiscal year. */
	public static List<FiscalPeriod> containing(LocalDate date) {
		int fiscalYear = fiscalYearOf(date);
		LocalDate start = yearStart(fiscalYear);
		int q = (int) (java.time.temporal.ChronoUnit.MONTHS.between(start.withDayOfMonth(1), date.withDayOfMonth(1)) / 3) + 1;
		return List.of(quarter(fiscalYear, q), year(fiscalYear));
	}

	public boolean contains(LocalDate date) {
		return date != null && !date.isBefore(startsOn) && !date.isAfter(endsOn);
	}

	/** The id of the event stream that records closing and reopening this period. */
	public String streamId() {
		return "period:" + label;
	}

	/** The fiscal year a date belongs to: named after the calendar year it starts in. */
	private static int fiscalYearOf(LocalDate date) {
		return date.getMonthValue() >= START_MONTH ? date.getYear() : date.getYear() - 1;
	}

	private static LocalDate yearStart(int fiscalYear) {
		return LocalDate.of(fiscalYear, START_MONTH, 1);
	}

	@Override
	public String toString() {
		return label;
	}
}
