package org.pipelinetracker.project.command;

/**
 * The IATI activity status a publisher last reported: the code, who reported it ({@code reportingOrgRef}) and the
 * {@code last-updated-datetime} of the file it was in. Part of the {@link Project} snapshot.
 */
record StatusReport(String status, String reportingOrgRef, String lastUpdated) {
}
