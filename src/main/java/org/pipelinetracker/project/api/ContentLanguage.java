package org.pipelinetracker.project.api;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The language of a project's recorded text (title, description): a BCP 47 tag whose language is an ISO 639-1 code,
 * optionally with a script, region or variant ({@code en}, {@code uz}, {@code uz-Cyrl}, {@code ru}, {@code ko},
 * {@code fr}, {@code en-GB}), the codes IATI's Language codelist uses. Tags are compared in their canonical form
 * ({@code EN} → {@code en}, {@code uz-cyrl} → {@code uz-Cyrl}); extensions and private-use subtags are refused.
 * Text recorded without a language (every proposal before languages were recorded) is {@value #DEFAULT}.
 */
public final class ContentLanguage {

	/** The language of a text recorded without one. */
	public static final String DEFAULT = "en";

	/** Tags to give as examples when one is refused. */
	public static final String EXAMPLES = "en, uz, ru, ko, uz-Cyrl";

	private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());
	private static final int MAX_LENGTH = 35;

	private ContentLanguage() {
	}

	/** The canonical form of {@code tag}, or empty when it is no acceptable language tag. */
	public static Optional<String> canonical(String tag) {
		if (tag == null || tag.isBlank() || tag.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		Locale locale;
		try {
			locale = new Locale.Builder().setLanguageTag(tag.trim().replace('_', '-')).build();
		}
		catch (IllformedLocaleException e) {
			return Optional.empty();
		}
		if (!ISO_639_1.contains(locale.getLanguage()) || !locale.getExtensionKeys().isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(locale.toLanguageTag());
	}

	/** True when {@code tag} is an acceptable language tag. */
	public static boolean isValid(String tag) {
		return canonical(tag).isPresent();
	}
}
