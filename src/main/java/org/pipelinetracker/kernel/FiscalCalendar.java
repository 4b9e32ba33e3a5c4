package org.pipelinetracker.kernel;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fiscal calendar: the fiscal year starts on the first day of {@code startMonth} (1 January to 12 December) and is
 * named by the calendar year in which it ends, so with a July start FY2025 runs from 2024-07-01 to 2025-06-30, and with
 * a January start (Uzbekistan's and Korea's) FY2025 is the calendar year 2025. Quarters are the fiscal year's
 * three-month quarters, Q1 first. Plain Java, for every module: a period is labelled {@code FY2025} or
 * {@code FY2025 Q3}, and {@link #parse} reads those labels back as well as {@code FY2025-Q3} and {@code 2025-Q3}
 * (the fiscal year's number and quarter).
 */
public record FiscalCalendar(int startMonth) {

	/** The calendar year as fiscal year (a January start). */
	public static final FiscalCalendar CALENDAR_YEAR = new FiscalCalendar(1);

	private static final Pattern LABEL = Pattern.compile("(?:FY)?\\s*(\\d{4})(?:\\s*[- ]?\\s*Q([1-4]))?");

	public FiscalCalendar {
		if (startMonth < 1 || startMonth > 12) {
			throw new IllegalArgumentException("a fiscal year starts in month 1 to 12, not " + startMonth);
		}
	}

	/** Whether {@code month} can start a fiscal year (1 to 12). */
	public static boolean isStartMonth(int month) {
		return month >= 1 && month <= 12;
	}

	/** Fiscal years or fiscal quarters. */
	public enum Periodicity {
		YEAR, QUARTER
	}

	/**
	 * A fiscal year ({@code quarter} 0) or quarter of one, from {@code start} to {@code end} (both included), with its
	 * label ({@code FY2025}, {@code FY2025 Q3}).
	 */
	public record FiscalPeriod(int fiscalYear, int quarter, LocalDate start, LocalDate end) {

		public String label() {
			return quarter == 0 ? "FY" + fiscalYear : "FY" + fiscalYear + " Q" + quarter;
		}

		public boolean contains(LocalDate date) {
			return !date.isBefore(start) && !date.isAfter(end);
		}

		@Override
		public String toString() {
			return label();
		}
	}

	/** The number of the fiscal year {@code date} falls in (the calendar year in which that fiscal year ends). */
	public int fiscalYearOf(LocalDate date) {
		return startMonth == 1 || date.getMonthValue() < startMonth ? date.getYear() : date.getYear() + 1;
	}

	/** The fiscal quarter (1 to 4) {@code date} falls in. */
	public int quarterOf(LocalDate date) {
		return (date.getMonthValue() - startMonth + 12) % 12 / 3 + 1;
	}

	/** The fiscal year {@code fiscalYear}. */
	public FiscalPeriod year(int fiscalYear) {
		LocalDate start = LocalDate.of(startMonth == 1 ? fiscalYear : fiscalYear - 1, startMonth, 1);
		return new FiscalPeriod(fiscalYear, 0, start, start.plusYears(1).minusDays(1));
	}

	/** Quarter {@code quarter} (1 to 4) of the fiscal year {@code fiscalYear}. */
	public FiscalPeriod quarter(int fiscalYear, int quarter) {
		if (quarter < 1 || quarter > 4) {
			throw new IllegalArgumentException("a quarter is 1 to 4, not " + quarter);
		}
		LocalDate start = year(fiscalYear).start().plusMonths(3L * (quarter - 1));
		return new FiscalPeriod(fiscalYear, quarter, start, start.plusMonths(3).minusDays(1));
	}

	/** The fiscal year or quarter {@code date} falls in. */
	public FiscalPeriod periodOf(LocalDate date, Periodicity periodicity) {
		return periodicity == Periodicity.YEAR ? year(fiscalYearOf(date)) : quarter(fiscalYearOf(date), quarterOf(date));
	}

	/** The period after {@code period}, of the same kind. */
	public FiscalPeriod next(FiscalPeriod period) {
		if (period.quarter() == 0) {
			return year(period.fiscalYear() + 1);
		}
		return period.quarter() == 4 ? quarter(period.fiscalYear() + 1, 1)
				: quarter(period.fiscalYear(), period.quarter() + 1);
	}

	/**
	 * The period a label names: {@code FY2024} (a fiscal year), {@code FY2024 Q4}, {@code FY2024-Q4} or {@code 2024-Q4}
	 * (a quarter of fiscal year 2024), case and spaces aside; empty when it names none.
	 */
	public Optional<FiscalPeriod> parse(String label) {
		if (label == null) {
			return Optional.empty();
		}
		Matcher m = LABEL.matcher(label.trim().toUpperCase(Locale.ROOT));
		if (!m.matches() || !label.trim().toUpperCase(Locale.ROOT).startsWith("FY") && m.group(2) == null) {
			return Optional.empty();
		}
		int year = Integer.parseInt(m.group(1));
		return Optional.of(m.group(2) == null ? year(year) : quarter(year, Integer.parseInt(m.group(2))));
	}
}
