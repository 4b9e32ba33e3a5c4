package org.pipelinetracker.i18n;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages' sources hold no user-visible English of their own: every text comes from the catalogue. In index.html
 * each text sits in an element the catalogue fills (data-i18n) or is marked as not for translation; in the
 * JavaScript modules no string literal is prose (two English words, or a capitalised word) unless it is code: a
 * catalogue key, a class list, a selector, a header or an import. The browser test (ui.I18nWebUiTest) checks the
 * rendered pages in Korean and Russian for the rest.
 */
class PagesTextTest {

	private static final Path INDEX = SourceLiterals.STATIC.resolve("index.html");
	private static final Pattern KEY = Pattern.compile("(ui|ref|problem)\\.[A-Za-z0-9_.\\-/]+");
	/** The code just before a literal that makes it code, not text: an attribute or option name, an API call. */
	private static final Pattern CODE_CONTEXT = Pattern.compile(
			"(?:\\b(?:class|id|type|rel|target|role|autocomplete|inputmode|method|action|href|download|for|name|lang"
					+ "|translate|key|kind|stack|yAxisID|position|pointStyle|mode)\\s*:\\s*"
					+ "|\\bfrom\\s+|\\bimport\\s*\\(?\\s*|querySelector(?:All)?\\(\\s*|getElementById\\(\\s*|closest\\(\\s*"
					+ "|addEventListener\\(\\s*|(?:set|remove|get|has)Attribute\\(\\s*|createElement\\(\\s*|\\bh\\(\\s*"
					+ "|console\\.\\w+\\(\\s*|new Error\\(\\s*|headers\\[\\s*|[!=]==\\s*)$");
	/**
	 * Literals that read as English but are not shown as text, each with why. Keep this short: a text for people
	 * belongs in the catalogue.
	 */
	private static final Map<String, String> NOT_TEXT = Map.of(
			"funding.js:unconverted-csv", "a CSV cell: the export names amounts with the API's column names (committed, disbursed)");

	@Test
	void everyTextOfIndexHtmlComesFromTheCatalogue() {
		String html = SourceLiterals.read(INDEX);
		// the page without script: a line in each language, each marked with its lang
		String noscript = html.substring(html.indexOf("<noscript>"), html.indexOf("</noscript>"));
		for (String language : Bundles.LANGUAGES) {
			assertThat(noscript).as("the no-script notice in " + language).contains("<p lang=\"" + language + "\">");
		}
		String checked = html.replaceAll("(?s)<noscript>.*?</noscript>", "").replaceAll("(?s)<!--.*?-->", "")
				.replaceAll("(?s)<script[^>]*>.*?</script>", "");
		List<String> untranslated = new ArrayList<>();
		Matcher text = Pattern.compile(">([^<]*\\p{L}[^<]*)<").matcher(checked);
		while (text.find()) {
			String before = checked.substring(0, text.start() + 1);
			String tag = before.substring(before.lastIndexOf('<'));
			if (!tag.contains("data-i18n=") && !tag.contains("translate=\"no\"")) {
				untranslated.add(text.group(1).strip() + " (in " + tag + ")");
			}
		}
		assertThat(untranslated).as("texts of index.html not filled from the catalogue").isEmpty();
	}

	@Test
	void theScriptsHoldNoEnglishTextOfTheirOwn() {
		List<String> prose = new ArrayList<>();
		for (Path file : SourceLiterals.files(SourceLiterals.STATIC, ".js")) {
			for (SourceLiterals.Literal literal : SourceLiterals.of(file)) {
				if (isProse(literal) && !allowed(literal)) {
					prose.add(literal.toString());
				}
			}
		}
		assertThat(prose).as("English in the scripts: put it in the catalogue and use t(key)").isEmpty();
	}

	/** The scan finds English where there is some (so its silence above means something). */
	@Test
	void findsEnglishTextInAScript() {
		Path sample = Path.of("src/test/resources/org/pipelinetracker/i18n/english-sample.js");
		List<String> found = SourceLiterals.of(sample).stream().filter(PagesTextTest::isProse).map(l -> l.text().strip())
				.toList();
		assertThat(found).containsExactly("Save", "No projects", "Stalled \u0000 days", "Download CSV");
	}

	static boolean isProse(SourceLiterals.Literal literal) {
		String text = literal.text();
		if (KEY.matcher(text).matches() || KEY.matcher(literal.head()).matches()
				|| CODE_CONTEXT.matcher(literal.before()).find()) {
			return false;
		}
		String[] tokens = text.replace('\u0000', ' ').strip().split("\\s+");
		long words = Arrays.stream(tokens).filter(t -> t.matches("[A-Za-z][a-z]+[,.;:!?…)]*")).count();
		boolean capitalised = Arrays.stream(tokens).anyMatch(t -> t.matches("[A-Z][a-z]{2,}[,.;:!?…]?"));
		return words >= 2 || capitalised;
	}

	private static boolean allowed(SourceLiterals.Literal literal) {
		return literal.file().getFileName().toString().equals("funding.js")
				&& literal.text().contains(" committed, ") && NOT_TEXT.containsKey("funding.js:unconverted-csv");
	}
}
