package org.pipelinetracker.reporting;

import java.util.Arrays;
import java.util.List;

/**
 * The columns of a reporting workbook, in order: each with a stable id (written in the workbook's hidden id row, which
 * the upload checks), its header's catalogue key, whether it is an input (else informative: locked and grey), and its
 * width in characters.
 */
enum ReportColumn {
	PROJECT_ID("projectId", false, 16),
	PROJECT_TITLE("projectTitle", false, 36),
	FUNDING_ID("fundingId", false, 16),
	CURRENCY("currency", false, 9),
	COMMITTED("committed", false, 16),
	DISBURSED_TO_DATE("disbursedToDate", false, 16),
	DISBURSEMENT_AMOUNT("disbursementAmount", true, 16),
	DISBURSEMENT_DATE("disbursementDate", true, 14),
	PLANNED_1("planned1", true, 16),
	PLANNED_2("planned2", true, 16),
	PLANNED_3("planned3", true, 16),
	PLANNED_4("planned4", true, 16),
	MILESTONE_ID("milestoneId", true, 14),
	MILESTONE_NAME("milestoneName", true, 28),
	MILESTONE_DATE("milestoneDate", true, 14),
	COMMENT("comment", true, 40);

	static final List<ReportColumn> ALL = List.of(values());
	static final List<ReportColumn> PLANNED = List.of(PLANNED_1, PLANNED_2, PLANNED_3, PLANNED_4);

	final String id;
	final boolean input;
	final int width;

	ReportColumn(String id, boolean input, int width) {
		this.id = id;
		this.input = input;
		this.width = width;
	}

	String headerKey() {
		return PLANNED.contains(this) ? "ui.reporting.col.planned" : "ui.reporting.col." + id;
	}

	int index() {
		return ordinal();
	}

	static List<String> ids() {
		return Arrays.stream(values()).map(c -> c.id).toList();
	}
}
