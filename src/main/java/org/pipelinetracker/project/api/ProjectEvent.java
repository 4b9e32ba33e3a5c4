package org.pipelinetracker.project.api;

import java.time.LocalDate;

/**
 * Every event of a project: which project, and the real-world date it is effective on (valid time).
 * The instant it was recorded (transaction time) is the event message's timestamp; who recorded it,
 * why and from which source travel as message metadata ({@code org.pipelinetracker.kernel.AuditMetadata}).
 */
public interface ProjectEvent {

	ProjectId projectId();

	LocalDate effectiveDate();
}
