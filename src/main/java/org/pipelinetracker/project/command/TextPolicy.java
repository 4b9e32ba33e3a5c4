package org.pipelinetracker.project.command;

import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.project.api.ContentLanguage;

import static org.pipelinetracker.project.api.CommandRejectedException.invalid;
import static org.pipelinetracker.project.api.CommandRejectedException.rule;

/**
 * The rules of a project's texts in several languages. A language is a BCP 47 tag with an ISO 639-1 language
 * ({@link ContentLanguage}). The original text (title and description) is the proposal's, in its language, and stays
 * as proposed; a text in another language may be recorded, and recorded again to correct it, in every stage: like a
 * funding correction it describes the record, it is no act of the project, so a completed, cancelled or suspended
 * project accepts it too. It is dated like every event (not in the future, not before the proposal).
 */
final class TextPolicy {

	private TextPolicy() {
	}

	/** The canonical form of a language tag, refused (400) when it is none. */
	static String requireLanguage(String field, String tag) {
		return ContentLanguage.canonical(tag).orElseThrow(() -> invalid(field,
				Text.of("problem.field.languageTag").with("tag", tag)
				.with("examples", ContentLanguage.EXAMPLES)));
	}

	/** A text in another language must not be in the original's: that one is the proposal's (409). */
	static void requireOtherThanOriginal(String language, String originalLanguage) {
		if (language.equals(originalLanguage)) {
			throw rule("language", Text.of("problem.rule.textInOriginalLanguage").with("language", originalLanguage));
		}
	}
}
