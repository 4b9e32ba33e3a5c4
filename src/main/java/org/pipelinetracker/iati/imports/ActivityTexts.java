package org.pipelinetracker.iati.imports;

import org.pipelinetracker.project.api.ContentLanguage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * An activity's title and general description in each language its narratives give. The original (the project's
 * proposal) is the title narrative the import always took (the first without a language or in English, else the
 * first; in this application's own export, the first, which is the project's original) with the description narrative
 * in the same language; every other language becomes a text of the project. A narrative's language is its
 * {@code xml:lang}, else its element's, else the activity's default, else English; codes are taken in their
 * canonical form ({@code EN} → {@code en}). A narrative in a language already given, or whose {@code xml:lang} is no
 * language tag, cannot be kept and is noted.
 *
 * @param language    the original's language
 * @param title       the original title (null when the activity has none)
 * @param description the original description (null when there is none in the original's language)
 * @param others      the title and description in each other language, in the order the file gives them
 * @param notes       what could not be kept, and why
 */
record ActivityTexts(String language, String title, String description, Map<String, Text> others, List<String> notes) {

	static final int MAX_TITLE = 300;

	/** These texts with another original title. */
	ActivityTexts withTitle(String newTitle) {
		return new ActivityTexts(language, newTitle, description, others, notes);
	}

	static final int MAX_DESCRIPTION = 5000;

	/** A title and description in one language (either may be null). */
	record Text(String title, String description) {

		Text withTitle(String newTitle) {
			return new Text(newTitle, description);
		}

		Text withDescription(String newDescription) {
			return new Text(title, newDescription);
		}
	}

	static ActivityTexts of(IatiActivity a, boolean own) {
		List<String> notes = new ArrayList<>();
		IatiActivity.Narrative original = original(a.titles, own);
		String language = original == null ? ContentLanguage.DEFAULT : languageOf(original, "title", notes)
				.orElse(ContentLanguage.DEFAULT);
		IatiActivity.Narrative description = a.descriptions.stream()
				.filter(n -> language.equals(ContentLanguage.canonical(n.language() == null ? ContentLanguage.DEFAULT
						: n.language()).orElse(null)))
				.findFirst().orElse(null);
		Map<String, Text> others = new LinkedHashMap<>();
		for (IatiActivity.Narrative n : a.titles) {
			if (n != original) {
				languageOf(n, "title", notes).ifPresent(lang -> add(others, language, lang, "title", n, notes,
						Text::title, t -> t.withTitle(shorten(n.text(), MAX_TITLE))));
			}
		}
		for (IatiActivity.Narrative n : a.descriptions) {
			if (n != description) {
				languageOf(n, "description", notes).ifPresent(lang -> add(others, language, lang, "description", n, notes,
						Text::description, t -> t.withDescription(shorten(n.text(), MAX_DESCRIPTION))));
			}
		}
		return new ActivityTexts(language, original == null ? null : original.text(),
				description == null ? null : description.text(), others, List.copyOf(notes));
	}

	/** The title narrative the proposal takes. */
	private static IatiActivity.Narrative original(List<IatiActivity.Narrative> titles, boolean own) {
		if (titles.isEmpty()) {
			return null;
		}
		if (own) {
			return titles.get(0);
		}
		return titles.stream().filter(n -> !n.own() || ContentLanguage.DEFAULT.equalsIgnoreCase(n.language()))
				.findFirst().orElse(titles.get(0));
	}

	private static Optional<String> languageOf(IatiActivity.Narrative n, String element, List<String> notes) {
		if (n.language() == null) {
			return Optional.of(ContentLanguage.DEFAULT);
		}
		Optional<String> canonical = ContentLanguage.canonical(n.language());
		if (canonical.isEmpty()) {
			notes.add(element + " narrative '" + shorten(n.text(), 40) + "': xml:lang '" + n.language()
					+ "' is not a language tag; not kept");
		}
		return canonical;
	}

	private static void add(Map<String, Text> others, String originalLanguage, String language, String element,
			IatiActivity.Narrative n, List<String> notes, Function<Text, String> field, UnaryOperator<Text> with) {
		Text present = others.get(language);
		if (language.equals(originalLanguage) || (present != null && field.apply(present) != null)) {
			notes.add("another " + element + " narrative in '" + language + "' ('" + shorten(n.text(), 40)
					+ "'): one per language is kept, the first");
			return;
		}
		others.put(language, with.apply(present != null ? present : new Text(null, null)));
	}

	static String shorten(String text, int max) {
		return text.length() > max ? text.substring(0, max - 1) + "…" : text;
	}
}
