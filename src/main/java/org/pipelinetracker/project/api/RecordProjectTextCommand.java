package org.pipelinetracker.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/**
 * Records the project's title and/or description in a language other than the original's (a translation, or the
 * text as another publisher gave it). Recording the same language again corrects it: what the command leaves out
 * (null) stays as recorded. {@code recordedOn} is the date the text is effective from.
 */
public record RecordProjectTextCommand(@TargetAggregateIdentifier ProjectId projectId, String language, String title,
		String description, LocalDate recordedOn) {
}
