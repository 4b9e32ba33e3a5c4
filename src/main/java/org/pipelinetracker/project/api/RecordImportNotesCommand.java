package org.pipelinetracker.project.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.List;

/**
 * Records the data-quality notes of the latest import of the project ({@code file}, with its
 * {@code last-updated-datetime} {@code lastUpdated}): what was adjusted or not recorded, and why. They replace the
 * notes of the import before; the same notes again record nothing. Sent only by the IATI import.
 */
public record RecordImportNotesCommand(@TargetAggregateIdentifier ProjectId projectId, String file,
		String lastUpdated, List<ImportNote> notes, LocalDate recordedOn) {
}
