package org.pipelinetracker.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Approves a pending money entry; the approver is the command's actor (metadata), who must not be its submitter.
 * The project checks the entry against its rules again, as they stand now, and records it.
 */
public record ApproveMoneyEntryCommand(@TargetAggregateIdentifier ProjectId projectId, String entryId) {
}
