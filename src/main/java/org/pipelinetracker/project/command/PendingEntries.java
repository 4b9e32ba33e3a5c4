package org.pipelinetracker.project.command;

import org.pipelinetracker.project.api.MoneyEntryKind;
import org.pipelinetracker.project.api.MoneyEntrySubmittedEvent;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A project's money entries waiting for a second person's approval (four-eyes approval), by entry id, and the ids of
 * those approved or rejected. Part of the project's state and of its snapshot (through its fields).
 */
final class PendingEntries {

	private Map<String, MoneyEntrySubmittedEvent> pending = new HashMap<>();
	private Set<String> decided = new HashSet<>();

	/** The money entry waiting for approval under this id, null when none does. */
	MoneyEntrySubmittedEvent pending(String entryId) {
		return entryId == null ? null : pending.get(entryId);
	}

	/** Whether the entry was approved or rejected. */
	boolean isDecided(String entryId) {
		return decided.contains(entryId);
	}

	/** Whether a commitment under this funding id waits for approval. */
	boolean hasPendingCommitment(String fundingId) {
		return pending.values().stream()
				.anyMatch(e -> e.kind() == MoneyEntryKind.COMMITMENT && e.fundingId().equals(fundingId));
	}

	void submitted(MoneyEntrySubmittedEvent event) {
		pending.put(event.entryId(), event);
	}

	void decided(String entryId) {
		pending.remove(entryId);
		decided.add(entryId);
	}
}
