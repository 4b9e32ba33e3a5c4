package org.pipelinetracker.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Rejects a pending money entry with a reason (required); the entry never counts.
 */
public record RejectMoneyEntryCommand(@TargetAggregateIdentifier ProjectId projectId, String entryId, String reason) {
}
