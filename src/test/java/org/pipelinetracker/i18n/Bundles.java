package org.pipelinetracker.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalogue's bundles as files: each language's keys and texts (read as UTF-8, the way the application reads
 * them), the keys written twice, and the plural texts (key.one … key.other) grouped by their base key.
 */
final class Bundles {

	static final List<String> LANGUAGES = Languages.SUPPORTED;
	/** The CLDR plural categories each language uses for whole numbers and fractions. */
	static final Map<String, Set<String>> PLURAL_FORMS = Map.of("en", Set.of("one", "other"), "uz",
			Set.of("one", "other"), "ru", Set.of("one", "few", "many", "other"), "ko", Set.of("other"));
	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

	private final Map<String, Map<String, String>> texts = new LinkedHashMap<>();
	private final Map<String, List<String>> duplicates = new LinkedHashMap<>();

	Bundles() {
		for (String language : LANGUAGES) {
			String path = "i18n/messages" + (language.equals("en") ? "" : "_" + language) + ".properties";
			String source = read(path);
			Properties properties = new Properties();
			try {
				properties.load(new StringReader(source));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			Map<String, String> own = new TreeMap<>();
			properties.stringPropertyNames().forEach(key -> own.put(key, properties.getProperty(key)));
			texts.put(language, own);
			duplicates.put(language, duplicateKeys(source));
		}
	}

	private static String read(String path) {
		try (InputStream in = Bundles.class.getClassLoader().getResourceAsStream(path)) {
			if (in == null) {
				throw new AssertionError(path + " is missing");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Keys written on more than one line (Properties would keep only the last). */
	private static List<String> duplicateKeys(String source) {
		Set<String> seen = new TreeSet<>();
		List<String> twice = new ArrayList<>();
		for (String line : source.split("\n")) {
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("!") || !trimmed.contains("=")) {
				continue;
			}
			String key = trimmed.substring(0, trimmed.indexOf('=')).strip();
			if (!seen.add(key)) {
				twice.add(key);
			}
		}
		return twice;
	}

	/** key → text of one language, as written in its own bundle. */
	Map<String, String> texts(String language) {
		return texts.get(language);
	}

	List<String> duplicates(String language) {
		return duplicates.get(language);
	}

	/** The base of a plural text (English has base.other), or null for any other key. */
	String pluralBase(String key) {
		int dot = key.lastIndexOf('.');
		if (dot < 0 || !MessageCatalogue.PLURAL_FORMS.contains(key.substring(dot + 1))) {
			return null;
		}
		String base = key.substring(0, dot);
		return texts("en").containsKey(base + ".other") ? base : null;
	}

	/** The keys of a language with each plural text counted once, by its base. */
	Set<String> baseKeys(String language) {
		Set<String> keys = new TreeSet<>();
		for (String key : texts(language).keySet()) {
			String base = pluralBase(key);
			keys.add(base == null ? key : base);
		}
		return keys;
	}

	/** The plural forms a language writes for a base key. */
	Set<String> forms(String language, String base) {
		Set<String> forms = new TreeSet<>();
		for (String key : texts(language).keySet()) {
			if (base.equals(pluralBase(key))) {
				forms.add(key.substring(base.length() + 1));
			}
		}
		return forms;
	}

	/**
	 * The texts of a base key in a language: its own text, or every plural form's text.
	 */
	List<String> textsOf(String language, String base) {
		String text = texts(language).get(base);
		if (text != null) {
			return List.of(text);
		}
		return forms(language, base).stream().map(form -> texts(language).get(base + "." + form)).toList();
	}

	static Set<String> placeholders(String text) {
		Set<String> names = new TreeSet<>();
		Matcher m = PLACEHOLDER.matcher(text);
		while (m.find()) {
			names.add(m.group(1));
		}
		return names;
	}
}
