package org.pipelinetracker.i18n;

import java.util.List;
import java.util.Locale;

/**
 * The languages of the catalogue, and the choice of one for a request: an explicit tag ({@code lang} parameter or a
 * stored preference) when it names a supported language, else the best match of {@code Accept-Language}, else
 * English. Uzbek is the Latin script (the official one).
 */
public final class Languages {

	/** English: the default bundle, and the answer to anything unknown. */
	public static final String DEFAULT = "en";

	/** The supported languages, in the order the language switch lists them. */
	public static final List<String> SUPPORTED = List.of("en", "uz", "ru", "ko");

	private Languages() {
	}

	/** True for a supported language tag ({@code "ru"}, {@code "ru-RU"}, {@code "uz-Latn"}; case-insensitive). */
	public static boolean isSupported(String tag) {
		return supported(tag) != null;
	}

	/** The supported language of a tag, or {@code null}: {@code "uz-Latn-UZ"} → {@code "uz"}, {@code "fr"} → null. */
	public static String supported(String tag) {
		if (tag == null || tag.isBlank()) {
			return null;
		}
		String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
		return SUPPORTED.contains(language) ? language : null;
	}

	/**
	 * The language for a request: {@code explicit} when supported, else the first supported range of
	 * {@code acceptLanguage} in the client's order of preference, else English. A malformed header counts as absent.
	 */
	public static String resolve(String explicit, String acceptLanguage) {
		String chosen = supported(explicit);
		if (chosen != null) {
			return chosen;
		}
		if (acceptLanguage != null && !acceptLanguage.isBlank()) {
			try {
				for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
					String match = range.getWeight() > 0 ? supported(range.getRange()) : null;
					if (match != null) {
						return match;
					}
				}
			}
			catch (IllegalArgumentException malformed) {
				return DEFAULT;
			}
		}
		return DEFAULT;
	}

	/** The locale of a supported language ({@code "uz"} is Latin-script Uzbek). */
	public static Locale locale(String language) {
		String supported = supported(language);
		return Locale.forLanguageTag(supported == null ? DEFAULT : supported);
	}
}
