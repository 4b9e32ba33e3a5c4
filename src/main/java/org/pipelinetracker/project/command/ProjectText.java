package org.pipelinetracker.project.command;

import org.pipelinetracker.project.api.RecordProjectTextCommand;

import static org.pipelinetracker.project.api.CommandRejectedException.invalid;

/** The project's title and description in one language other than the original's, as last recorded. */
record ProjectText(String title, String description) {

	/**
	 * The text after {@code command}: what the command leaves out (null) stays as {@code previous} recorded it (null: no
	 * text in that language yet). A command gives a title, a description or both, and neither blank.
	 */
	static ProjectText recorded(ProjectText previous, RecordProjectTextCommand command) {
		if (command.title() == null && command.description() == null) {
			throw invalid("title", "give a title, a description or both");
		}
		if (command.title() != null && command.title().isBlank()) {
			throw invalid("title", "a title cannot be blank");
		}
		if (command.description() != null && command.description().isBlank()) {
			throw invalid("description", "a description cannot be blank");
		}
		return new ProjectText(command.title() != null ? command.title() : previous == null ? null : previous.title,
				command.description() != null ? command.description() : previous == null ? null : previous.description);
	}
}
