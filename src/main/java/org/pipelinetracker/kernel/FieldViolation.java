package org.pipelinetracker.kernel;

/**
 * One thing wrong with a request: the field (JSON path such as {@code partners[0].country}) and why, as a
 * {@link Text} the answer writes in the caller's language ({@code reason.english()} for logs and reports).
 */
public record FieldViolation(String field, Text reason) {

	/** A reason that is not in the catalogue: shown as it is in every language. */
	public FieldViolation(String field, String reason) {
		this(field, Text.verbatim(reason));
	}
}
