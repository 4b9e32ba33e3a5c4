package org.pipelinetracker.period.api;

import org.pipelinetracker.kernel.FiscalCalendar;
import org.pipelinetracker.kernel.FiscalCalendar.Periodicity;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fiscal quarter ({@code 2024-Q4}) or a fiscal year ({@code FY2024}): the span of effective dates a close covers.
 * <p>
 * Which dates a period covers is the deployment's {@link FiscalCalendar} ({@code tracker.fiscal-year.start-month},
 * January by default): a fiscal year is named by the calendar year in which it ends, so with a July start FY2025 is
 * 2024-07-01 to 2025-06-30 and 2025-Q1 is July to September 2024; with January, FY2024 is the calendar year 2024 and
 * 2024-Q4 is October to December. The forms without a calendar use January.
 */
public record FiscalPeriod(String label, LocalDate startsOn, LocalDate endsOn) {

	private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
	private static final Pattern YEAR = Pattern.compile("FY(\\d{4})");

	/** {@link #parse(String, FiscalCalendar)} with a January start. */
	public static Optional<FiscalPeriod> parse(String label) {
		return parse(label, FiscalCalendar.CALENDAR_YEAR);
	}

	/** The period a label names, or empty when it is neither {@code yyyy-Qn} (n 1 to 4) nor {@code FYyyyy}. */
	public static Optional<FiscalPeriod> parse(String label, FiscalCalendar calendar) {
		if (label == null) {
			return Optional.empty();
		}
		String text = label.strip();
		Matcher quarter = QUARTER.matcher(text);
		if (quarter.matches()) {
			return Optional.of(of(calendar.quarter(Integer.parseInt(quarter.group(1)),
					Integer.parseInt(quarter.group(2)))));
		}
		Matcher year = YEAR.matcher(text);
		if (year.matches()) {
			return Optional.of(of(calendar.year(Integer.parseInt(year.group(1)))));
		}
		return Optional.empty();
	}

	/** Quarter {@code q} (1 to 4) of fiscal year {@code fiscalYear}, January start. */
	public static FiscalPeriod quarter(int fiscalYear, int q) {
		return of(FiscalCalendar.CALENDAR_YEAR.quarter(fiscalYear, q));
	}

	/** Fiscal year {@code fiscalYear}, January start. */
	public static FiscalPeriod year(int fiscalYear) {
		return of(FiscalCalendar.CALENDAR_YEAR.year(fiscalYear));
	}

	/** {@link #containing(LocalDate, FiscalCalendar)} with a January start. */
	public static List<FiscalPeriod> containing(LocalDate date) {
		return containing(date, FiscalCalendar.CALENDAR_YEAR);
	}

	/** The two periods a date falls in: its fiscal quarter, then its fiscal year. */
	public static List<FiscalPeriod> containing(LocalDate date, FiscalCalendar calendar) {
		return List.of(of(calendar.periodOf(date, Periodicity.QUARTER)), of(calendar.periodOf(date, Periodicity.YEAR)));
	}

	private static FiscalPeriod of(FiscalCalendar.FiscalPeriod period) {
		String label = period.quarter() == 0 ? "FY" + period.fiscalYear()
				: period.fiscalYear() + "-Q" + period.quarter();
		return new FiscalPeriod(label, period.start(), period.end());
	}

	public boolean contains(LocalDate date) {
		return date != null && !date.isBefore(startsOn) && !date.isAfter(endsOn);
	}

	/** The id of the event stream that records closing and reopening this period. */
	public String streamId() {
		return "period:" + label;
	}

	@Override
	public String toString() {
		return label;
	}
}
