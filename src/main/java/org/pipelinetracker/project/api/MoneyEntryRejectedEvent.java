package org.pipelinetracker.project.api;

import java.time.LocalDate;

/**
 * A pending money entry was rejected, with the reason: it never counts. {@code effectiveOn} is the entry's.
 */
public record MoneyEntryRejectedEvent(ProjectId projectId, String entryId, MoneyEntryKind kind, String submittedBy,
		String rejectedBy, String reason, LocalDate effectiveOn) implements ProjectEvent {

	@Override
	public LocalDate effectiveDate() {
		return effectiveOn;
	}
}
