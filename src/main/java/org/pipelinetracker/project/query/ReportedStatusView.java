package org.pipelinetracker.project.query;

import java.time.LocalDate;

/**
 * The IATI activity status a publisher last reported for the project: the code, since when, who reported it and in
 * which file (with its {@code last-updated-datetime}, may be null).
 */
public record ReportedStatusView(String status, LocalDate reportedOn, String reportingOrgRef, String reportingOrgName,
		String file, String lastUpdated) {
}
