package org.pipelinetracker.reporting;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What an upload recorded: the file's SHA-256, the quarter and the funder or project it is for, who uploaded it and
 * when, and per row what was recorded. {@code alreadyUploaded}: the same file was recorded before (when and by whom
 * are then that first upload's), and nothing was recorded this time.
 */
record UploadResult(String sha256, String period, String funder, String projectId, boolean alreadyUploaded,
		Instant uploadedAt, String uploadedBy, List<RowResult> rows) {

	/** One row of the workbook (its spreadsheet row number) and what was recorded from it. */
	record RowResult(int row, String projectId, String fundingId, List<Recorded> recorded) {
	}

	/**
	 * One write: {@code kind} disbursement, plannedDisbursement or milestone; the amount and currency, the date
	 * (disbursed on, milestone planned on), the quarter of a plan, the milestone id; {@code alreadyRecorded}: the
	 * tracker held exactly this already, so nothing was written.
	 */
	record Recorded(String kind, BigDecimal amount, String currency, LocalDate date, String period, String milestoneId,
			boolean alreadyRecorded) {
	}
}
