package org.pipelinetracker.reporting;

import java.util.Arrays;
import java.util.List;

/**
 * The columns of a reporting workbook, in order: each with a stable id (written in the workbook's hidden id row, which
 * the upload checks), its header's catalogue key, whether it is an input (else informative: locked and grey), and its
 * width in characters.
 */
enum ReportColumn {
	PROJECT_ID("projectId", "ui.reporting.col.projectId", false, 16),
	PROJECT_TITLE("projectTitle", "ui.reporting.col.projectTitle", false, 36),
	FUNDING_ID("fundingId", "ui.reporting.col.fundingId", false, 16),
	CURRENCY("currency", "ui.reporting.col.currency", false, 9),
	COMMITTED("committed", "ui.reporting.col.committed", false, 16),
	DISBURSED_TO_DATE("disbursedToDate", "ui.reporting.col.disbursedToDate", false, 16),
	DISBURSEMENT_AMOUNT("disbursementAmount", "ui.reporting.col.disbursementAmount", true, 16),
	DISBURSEMENT_DATE("disbursementDate", "ui.reporting.col.disbursementDate", true, 14),
	PLANNED_1("planned1", "ui.reporting.col.planned", true, 16),
	PLANNED_2("planned2", "ui.reporting.col.planned", true, 16),
	PLANNED_3("planned3", "ui.reporting.col.planned", true, 16),
	PLANNED_4("planned4", "ui.reporting.col.planned", true, 16),
	MILESTONE_ID("milestoneId", "ui.reporting.col.milestoneId", true, 14),
	MILESTONE_NAME("milestoneName", "ui.reporting.col.milestoneName", true, 28),
	MILESTONE_DATE("milestoneDate", "ui.reporting.col.milestoneDate", true, 14),
	COMMENT("comment", "ui.reporting.col.comment", true, 40);

	static final List<ReportColumn> ALL = List.of(values());
	static final List<ReportColumn> PLANNED = List.of(PLANNED_1, PLANNED_2, PLANNED_3, PLANNED_4);

	final String id;
	private final String headerKey;
	final boolean input;
	final int width;

	ReportColumn(String id, String headerKey, boolean input, int width) {
		this.id = id;
		this.headerKey = headerKey;
		this.input = input;
		this.width = width;
	}

	/** The header's catalogue key (each named in full, so the catalogue's check finds every key the code uses). */
	String headerKey() {
		return headerKey;
	}

	int index() {
		return ordinal();
	}

	static List<String> ids() {
		return Arrays.stream(values()).map(c -> c.id).toList();
	}
}
