package org.pipelinetracker.project.command;

import org.pipelinetracker.kernel.Text;
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
			throw invalid("title", Text.of("problem.field.textRequired"));
		}
		if (command.title() != null && command.title().isBlank()) {
			throw invalid("title", Text.of("problem.field.titleBlank"));
		}
		if (command.description() != null && command.description().isBlank()) {
			throw invalid("description", Text.of("problem.field.descriptionBlank"));
		}
		return new ProjectText(command.title() != null ? command.title() : previous == null ? null : previous.title,
				command.description() != null ? command.description() : previous == null ? null : previous.description);
	}
}
