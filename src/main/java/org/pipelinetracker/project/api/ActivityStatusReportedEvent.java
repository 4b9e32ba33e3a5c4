package org.pipelinetracker.project.api;

import java.time.LocalDate;

/**
 * A publisher reported the project's IATI activity status ({@code status}, ActivityStatus 1-6): the status shown is
 * this one, and {@code stage} the stage it puts the project in (for status 1, the one the recorded facts give among
 * PROPOSED, AGREED and FINANCED). Followed by a {@link ProjectStageChangedEvent} when the stage moves. Who reported it
 * ({@code reportingOrgRef}, {@code reportingOrgName}) and in which file ({@code file}, its
 * {@code last-updated-datetime} {@code lastUpdated}, may be null) travel with it.
 */
public record ActivityStatusReportedEvent(ProjectId projectId, String status, Stage stage, LocalDate reportedOn,
		String reportingOrgRef, String reportingOrgName, String file, String lastUpdated) implements ProjectEvent {

	@Override
	public LocalDate effectiveDate() {
		return reportedOn;
	}
}
