package org.pipelinetracker.project.query;

import org.pipelinetracker.project.api.ImportNote;

import java.time.Instant;

/**
 * A data-quality note of the project's latest import: the file, its {@code last-updated-datetime} (may be null), when
 * it was imported, whether something was adjusted or not recorded ({@code kind}), what the note is about
 * ({@code subject}) and what and why ({@code text}).
 */
public record ImportNoteView(String file, String lastUpdated, Instant importedAt, ImportNote.Kind kind, String subject,
		String text) {
}
