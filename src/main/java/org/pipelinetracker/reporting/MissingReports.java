package org.pipelinetracker.reporting;

import java.time.LocalDate;
import java.util.List;

/**
 * The quarterly reports that are missing (the module's API for notifications): for the last fiscal quarter whose
 * reports were due before {@code today} ({@code tracker.reporting.due-days} after its end), each funder with no
 * upload covering one of its fundings, as {@code GET /api/reporting/status} says MISSING, if one of its fundings was
 * committed by that quarter's end (a funder that came later had nothing to report for it).
 */
public interface MissingReports {

	/** A funder that has not reported {@code period} (a label such as {@code 2026-Q3}), due on {@code dueOn}. */
	record MissingReport(String period, String funder, LocalDate dueOn) {
	}

	List<MissingReport> missingOn(LocalDate today);
}
