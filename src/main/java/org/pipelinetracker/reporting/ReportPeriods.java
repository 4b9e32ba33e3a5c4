package org.pipelinetracker.reporting;

import org.pipelinetracker.kernel.FiscalCalendar;
import org.pipelinetracker.kernel.FiscalCalendar.FiscalPeriod;
import org.pipelinetracker.kernel.FiscalCalendar.Periodicity;
import org.pipelinetracker.kernel.InvalidRequestException;
import org.pipelinetracker.kernel.Text;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The fiscal quarters of reporting ({@code tracker.fiscal-year.start-month}), read from labels such as {@code 2026-Q1}. */
@Component
class ReportPeriods {

	private final FiscalCalendar calendar;

	ReportPeriods(@Value("${tracker.fiscal-year.start-month:1}") int startMonth) {
		this.calendar = new FiscalCalendar(startMonth);
	}

	/** The quarter {@code label} names; 400 on {@code field} when it names none (or a whole year). */
	FiscalPeriod quarter(String label, String field) {
		if (label == null || label.isBlank()) {
			throw InvalidRequestException.of(field, Text.of("problem.field.required").with("field", field));
		}
		FiscalPeriod period = calendar.parse(label).orElse(null);
		if (period == null || period.quarter() == 0) {
			throw InvalidRequestException.of(field, Text.of("problem.reporting.periodLabel").with("value", label.trim()));
		}
		return period;
	}

	/** The quarter {@code date} falls in. */
	FiscalPeriod quarterOf(LocalDate date) {
		return calendar.periodOf(date, Periodicity.QUARTER);
	}

	/** The four quarters after {@code period}. */
	List<FiscalPeriod> nextFour(FiscalPeriod period) {
		List<FiscalPeriod> next = new ArrayList<>();
		FiscalPeriod p = period;
		for (int i = 0; i < 4; i++) {
			p = calendar.next(p);
			next.add(p);
		}
		return next;
	}

	/** The stable label of a quarter: {@code 2026-Q1}. */
	static String label(FiscalPeriod period) {
		return period.fiscalYear() + "-Q" + period.quarter();
	}
}
