package org.pipelinetracker.i18n;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every key of the catalogue in every language, as the pages get it: the texts come from Spring's
 * {@link MessageSource} (so the server and the pages read the same bundles), a key a language lacks falls back to
 * English and is listed as such. Built once at start-up: the bundles are part of the deployment.
 */
@Component
class MessageCatalogue {

	/** One language's catalogue: its texts, the keys shown in English for want of a translation, a hash of both. */
	record Texts(String language, SortedMap<String, String> messages, SortedSet<String> fallback, String hash) {
	}

	private final Map<String, Texts> byLanguage = new LinkedHashMap<>();

	MessageCatalogue(MessageSource messages, @Value("${spring.messages.basename:i18n/messages}") String basename) {
		String bundle = basename.split(",")[0].strip();
		Properties english = load(bundle + ".properties");
		if (english == null) {
			throw new IllegalStateException("The message catalogue " + bundle + ".properties is missing");
		}
		Set<String> englishKeys = new TreeSet<>(english.stringPropertyNames());
		for (String language : Languages.SUPPORTED) {
			Properties own = language.equals(Languages.DEFAULT) ? english : load(bundle + "_" + language + ".properties");
			Set<String> translated = own == null ? Set.of() : own.stringPropertyNames();
			SortedMap<String, String> texts = new TreeMap<>();
			SortedSet<String> fallback = new TreeSet<>();
			for (String key : keys(englishKeys, translated)) {
				// no arguments: the text exactly as written ({name} placeholders are the pages' to fill)
				texts.put(key, messages.getMessage(key, null, key, Languages.locale(language)));
				if (!translated.contains(key)) {
					fallback.add(key);
				}
			}
			byLanguage.put(language, new Texts(language, texts, fallback, hash(language, texts)));
		}
	}

	/**
	 * The keys a language serves: every English key, except that a plural text (key.one … key.other, CLDR categories)
	 * has the forms of the language (Russian: one, few, many, other; Korean: other), or English's when it has none.
	 */
	private static Set<String> keys(Set<String> englishKeys, Set<String> translated) {
		Set<String> keys = new TreeSet<>();
		for (String key : englishKeys) {
			String family = pluralFamily(key, englishKeys);
			boolean translatedFamily = family != null
					&& translated.stream().anyMatch(own -> family.equals(pluralFamily(own, englishKeys)));
			if (!translatedFamily) {
				keys.add(key);
			}
		}
		for (String own : translated) {
			if (pluralFamily(own, englishKeys) != null) {
				keys.add(own);
			}
		}
		return keys;
	}

	/** The base of a plural form ("ui.common.days" for "ui.common.days.few") when English has its .other; else null. */
	static String pluralFamily(String key, Set<String> englishKeys) {
		int dot = key.lastIndexOf('.');
		if (dot < 0 || !PLURAL_FORMS.contains(key.substring(dot + 1))) {
			return null;
		}
		String base = key.substring(0, dot);
		return englishKeys.contains(base + ".other") ? base : null;
	}

	/** The CLDR plural categories, the suffixes of plural texts. */
	static final Set<String> PLURAL_FORMS = Set.of("zero", "one", "two", "few", "many", "other");

	/** The catalogue of a supported language (English for anything else). */
	Texts texts(String language) {
		String supported = Languages.supported(language);
		return byLanguage.get(supported == null ? Languages.DEFAULT : supported);
	}

	/** Each supported language with its name in itself ({@code ui.language.self}), in switch order. */
	List<Map.Entry<String, String>> languageNames() {
		return Languages.SUPPORTED.stream()
				.map(language -> Map.entry(language, byLanguage.get(language).messages().get("ui.language.self")))
				.toList();
	}

	private static Properties load(String path) {
		ClassPathResource resource = new ClassPathResource(path);
		if (!resource.exists()) {
			return null;
		}
		try {
			return PropertiesLoaderUtils.loadProperties(new EncodedResource(resource, StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read the message catalogue " + path, e);
		}
	}

	private static String hash(String language, Map<String, String> texts) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(language.getBytes(StandardCharsets.UTF_8));
			texts.forEach((key, text) -> {
				sha.update((byte) 0);
				sha.update(key.getBytes(StandardCharsets.UTF_8));
				sha.update((byte) 1);
				sha.update(text.getBytes(StandardCharsets.UTF_8));
			});
			return HexFormat.of().formatHex(sha.digest(), 0, 12);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
