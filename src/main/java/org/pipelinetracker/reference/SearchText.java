package org.pipelinetracker.reference;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text as search compares it, in any script: lower case; accents and other combining marks dropped ("é" → "e",
 * "ё" → "е", "ў" → "у"), Hangul kept as syllables; apostrophes and their look-alikes dropped, so the Uzbek
 * "oʻ"/"gʻ" match whichever of ʻ ʼ ' ‘ ’ ` ´ was typed, or none ("Fargʻona", "Farg'ona" and "Fargona" are one word);
 * everything that is neither letter nor digit is a space, and spaces are single.
 */
public final class SearchText {

	private static final Pattern APOSTROPHES = Pattern.compile("[\\u02BB\\u02BC\\u02B9\\u0027\\u2018\\u2019\\u0060\\u00B4]");
	private static final Pattern MARKS = Pattern.compile("\\p{M}+");
	private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

	private SearchText() {
	}

	/** The text in its search form ("" for null). */
	public static String normalise(String text) {
		if (text == null || text.isEmpty()) {
			return "";
		}
		String plain = APOSTROPHES.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("");
		plain = MARKS.matcher(Normalizer.normalize(plain, Normalizer.Form.NFD)).replaceAll("");
		plain = Normalizer.normalize(plain, Normalizer.Form.NFC);
		return SEPARATORS.matcher(plain).replaceAll(" ").trim();
	}

	/** The words of a query in their search form; none when it holds no letter or digit. */
	public static List<String> words(String query) {
		String normalised = normalise(query);
		return normalised.isEmpty() ? List.of() : Arrays.asList(normalised.split(" "));
	}
}
