package org.pipelinetracker.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Records the IATI activity status a publisher reported for the project ({@code status}, ActivityStatus 1-6), in the
 * file {@code file} whose {@code last-updated-datetime} is {@code lastUpdated}, effective on {@code reportedOn}; the
 * project's stage follows it. {@code startedOn} (optional): the activity's actual start, when the publisher gives one,
 * so that a project that never was in implementation passes through IMPLEMENTATION on that date on its way to a later
 * stage (finalisation, closed, cancelled, suspended). Sent only by the IATI import: the lifecycle rules of the typed
 * commands do not apply to what a publisher reported.
 */
public record ReportActivityStatusCommand(@TargetAggregateIdentifier ProjectId projectId, String status,
		LocalDate reportedOn, LocalDate startedOn, String reportingOrgRef, String reportingOrgName, String file,
		String lastUpdated) {
}
