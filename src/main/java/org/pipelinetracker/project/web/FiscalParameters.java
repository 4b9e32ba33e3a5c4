package org.pipelinetracker.project.web;

import org.pipelinetracker.kernel.FiscalCalendar;
import org.pipelinetracker.kernel.FiscalCalendar.Periodicity;
import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.kernel.Violations;

import java.util.Locale;

/**
 * The fiscal calendar and periodicity a utilisation request asks for ({@code fiscalYearStart} 1 to 12, default the
 * configured start month; {@code period} {@code quarter}, the default, or {@code year}), checked once for every
 * utilisation endpoint: a bad value is a 400 naming the parameter.
 */
record FiscalParameters(FiscalCalendar calendar, Periodicity periodicity) {

	static FiscalParameters of(Integer fiscalYearStart, String period, FiscalCalendar configured, Violations v) {
		v.check(fiscalYearStart == null || FiscalCalendar.isStartMonth(fiscalYearStart), "fiscalYearStart",
				Text.of("problem.field.fiscalYearStart"));
		String periodicity = period == null || period.isBlank() ? "quarter" : period.trim().toLowerCase(Locale.ROOT);
		v.check(periodicity.equals("quarter") || periodicity.equals("year"), "period",
				Text.of("problem.field.fiscalPeriodicity").with("quarter", "quarter").with("year", "year"));
		v.throwIfAny();
		FiscalCalendar calendar = fiscalYearStart == null ? configured : new FiscalCalendar(fiscalYearStart);
		return new FiscalParameters(calendar, periodicity.equals("year") ? Periodicity.YEAR : Periodicity.QUARTER);
	}
}
