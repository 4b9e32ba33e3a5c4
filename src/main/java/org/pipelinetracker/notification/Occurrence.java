package org.pipelinetracker.notification;

import java.util.Map;

/**
 * Something users should be told of once: its kind, its identity ({@code sourceKey}: the same occurrence always has the
 * same key, also when found again after a rebuild), the project, and what happened as a catalogue key with its
 * arguments. {@code notTold} (may be null) is the user who caused it and is not told (the submitter of an entry
 * waiting for approval).
 */
record Occurrence(NotificationKind kind, String sourceKey, String projectId, String projectTitle, String textKey,
		Map<String, String> arguments, String notTold) {

	Occurrence {
		arguments = Map.copyOf(arguments);
	}

	Occurrence(NotificationKind kind, String sourceKey, String projectId, String projectTitle, String textKey,
			Map<String, String> arguments) {
		this(kind, sourceKey, projectId, projectTitle, textKey, arguments, null);
	}
}
