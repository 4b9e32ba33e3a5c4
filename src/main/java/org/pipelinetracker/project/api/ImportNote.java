package org.pipelinetracker.project.api;

/**
 * One data-quality note of an import: whether something was not recorded or recorded adjusted ({@code kind}), what it
 * is about ({@code subject}: the activity, a transaction, a document link…) and what and why ({@code text}).
 */
public record ImportNote(Kind kind, String subject, String text) {

	/** What the import did with what the note is about. */
	public enum Kind {
		/** Recorded, adjusted (a date moved, an id made valid, a value derived). */
		ADJUSTED,
		/** Not recorded, with the reason. */
		NOT_RECORDED
	}
}
