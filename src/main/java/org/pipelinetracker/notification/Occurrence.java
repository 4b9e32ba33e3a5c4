package org.pipelinetracker.notification;

import java.util.Map;

/**
 * Something users should be told of once: its kind, its identity ({@code sourceKey}: the same occurrence always has the
 * same key, also when found again after a rebuild), the project, and what happened as a catalogue key with its
 * arguments.
 */
record Occurrence(NotificationKind kind, String sourceKey, String projectId, String projectTitle, String textKey,
		Map<String, String> arguments) {

	Occurrence {
		arguments = Map.copyOf(arguments);
	}
}
