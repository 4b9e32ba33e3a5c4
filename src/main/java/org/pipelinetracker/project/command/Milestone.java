package org.pipelinetracker.project.command;

import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.project.api.RecordMilestoneCommand;

import java.time.LocalDate;

import static org.pipelinetracker.project.api.CommandRejectedException.invalid;

/** A milestone as last recorded: its name, its planned date and the date it was achieved (either may be null). */
record Milestone(String name, LocalDate plannedOn, LocalDate achievedOn) {

	/**
	 * The milestone after {@code command}: what the command leaves out stays as {@code previous} recorded it (null:
	 * a new milestone). A milestone needs a name, and a planned date, an achieved date or both.
	 */
	static Milestone recorded(Milestone previous, RecordMilestoneCommand command) {
		String name = command.name() != null ? command.name() : previous == null ? null : previous.name;
		if (name == null || name.isBlank()) {
			throw invalid("name", Text.of(previous == null ? "problem.field.milestoneNameRequired"
					: "problem.field.milestoneNameBlank"));
		}
		LocalDate plannedOn = command.plannedOn() != null ? command.plannedOn() : previous == null ? null : previous.plannedOn;
		LocalDate achievedOn = command.achievedOn() != null ? command.achievedOn() : previous == null ? null : previous.achievedOn;
		if (plannedOn == null && achievedOn == null) {
			throw invalid("plannedOn", Text.of("problem.field.milestoneDateRequired"));
		}
		return new Milestone(name, plannedOn, achievedOn);
	}
}
