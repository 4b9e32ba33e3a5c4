package org.pipelinetracker.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * The English bundle of the message catalogue ({@code i18n/messages.properties}, UTF-8), read once with plain
 * {@link Properties}: the English of every {@link Text}, available to plain Java without Spring. Spring's
 * {@code MessageSource} reads the same file for the other languages.
 */
final class EnglishCatalogue {

	static final String RESOURCE = "i18n/messages.properties";

	private static final Map<String, String> TEXTS = load();

	private EnglishCatalogue() {
	}

	/** The English text of a key, or null. */
	static String text(String key) {
		return TEXTS.get(key);
	}

	private static Map<String, String> load() {
		try (InputStream in = EnglishCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("The message catalogue " + RESOURCE + " is missing");
			}
			Properties properties = new Properties();
			try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
				properties.load(reader);
			}
			Map<String, String> texts = new java.util.HashMap<>();
			properties.stringPropertyNames().forEach(key -> texts.put(key, properties.getProperty(key)));
			return Map.copyOf(texts);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read the message catalogue " + RESOURCE, e);
		}
	}
}
