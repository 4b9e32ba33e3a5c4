package org.pipelinetracker.i18n;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The string literals of JavaScript and Java sources, comments left out: each with its file, line, text (for a
 * template literal, its fixed parts with each {@code ${…}} as {@code \u0000}) and the code just before it.
 */
final class SourceLiterals {

	/** A string literal: {@code template} when it was a JavaScript template literal with {@code ${…}} parts. */
	record Literal(Path file, int line, String text, boolean template, String before) {

		/** The fixed text before the first {@code ${…}} of a template literal. */
		String head() {
			int hole = text.indexOf('\u0000');
			return hole < 0 ? text : text.substring(0, hole);
		}

		@Override
		public String toString() {
			return file.getFileName() + ":" + line + " " + (template ? "`" : "'") + text.replace('\u0000', '$') + "'";
		}
	}

	static final Path STATIC = Path.of("src/main/resources/static");
	/** Keywords after which a slash starts a regular expression, not a division. */
	private static final java.util.Set<String> REGEX_AFTER = java.util.Set.of("return", "typeof", "case", "in", "of",
			"yield", "await", "else", "do", "void", "delete", "new", "instanceof");
	static final Path JAVA = Path.of("src/main/java");

	private SourceLiterals() {
	}

	static List<Path> files(Path root, String extension) {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(p -> p.toString().endsWith(extension)).sorted().toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Every string literal of a JavaScript or Java file. */
	static List<Literal> of(Path file) {
		String s = read(file);
		List<Literal> found = new ArrayList<>();
		scan(file, s, 0, false, file.toString().endsWith(".js"), found);
		return found;
	}

	/**
	 * Reads code from {@code start}: to the end, or ({@code inTemplate}) to the brace closing a template literal's
	 * {@code ${}; adds the literals it meets to {@code found}; answers where it stopped (after that brace).
	 */
	private static int scan(Path file, String s, int start, boolean inTemplate, boolean js, List<Literal> found) {
		int i = start;
		int n = s.length();
		int depth = 0;
		char lastSignificant = '(';
		String lastWord = "";
		while (i < n) {
			char c = s.charAt(i);
			if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
				i = s.indexOf('\n', i) < 0 ? n : s.indexOf('\n', i);
			}
			else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
				int end = s.indexOf("*/", i + 2);
				i = end < 0 ? n : end + 2;
			}
			else if (js && c == '/' && ("(,=:[!&|?{};+-*%<>~^".indexOf(lastSignificant) >= 0
					|| REGEX_AFTER.contains(lastWord))) {
				i = skipRegex(s, i);
				lastSignificant = 'x';
				lastWord = "";
			}
			else if (!js && c == '"' && s.startsWith("\"\"\"", i)) {
				int end = s.indexOf("\"\"\"", i + 3);
				found.add(literal(file, s, i, s.substring(i + 3, end), false));
				i = end + 3;
				lastSignificant = 'x';
			}
			else if (c == '"' || c == '\'' || (js && c == '`')) {
				int[] end = new int[1];
				String text = js && c == '`' ? template(file, s, i, end, found) : quoted(s, i, c, end);
				if (js || c == '"') {
					found.add(literal(file, s, i, text, js && c == '`' && text.indexOf('\u0000') >= 0));
				}
				i = end[0];
				lastSignificant = 'x';
				lastWord = "";
			}
			else if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
				int begin = i;
				while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '$')) {
					i++;
				}
				lastWord = s.substring(begin, i);
				lastSignificant = 'x';
			}
			else {
				if (inTemplate && c == '{') {
					depth++;
				}
				else if (inTemplate && c == '}' && depth-- == 0) {
					return i + 1;
				}
				if (!Character.isWhitespace(c)) {
					lastSignificant = c == ')' || c == ']' ? 'x' : c;
					lastWord = "";
				}
				i++;
			}
		}
		return i;
	}

	private static Literal literal(Path file, String s, int at, String text, boolean template) {
		int line = 1;
		for (int k = 0; k < at; k++) {
			if (s.charAt(k) == '\n') {
				line++;
			}
		}
		int lineStart = s.lastIndexOf('\n', at) + 1;
		return new Literal(file, line, text, template, s.substring(Math.max(lineStart, at - 60), at));
	}

	private static String quoted(String s, int start, char quote, int[] end) {
		StringBuilder text = new StringBuilder();
		int i = start + 1;
		while (i < s.length() && s.charAt(i) != quote) {
			if (s.charAt(i) == '\\' && i + 1 < s.length()) {
				text.append(s.charAt(i + 1));
				i += 2;
			}
			else {
				text.append(s.charAt(i++));
			}
		}
		end[0] = i + 1;
		return text.toString();
	}

	/**
	 * A template literal's fixed text, each {@code ${…}} as U+0000; the literals inside a {@code ${…}} are added to
	 * {@code found} on their own.
	 */
	private static String template(Path file, String s, int start, int[] end, List<Literal> found) {
		StringBuilder text = new StringBuilder();
		int i = start + 1;
		while (i < s.length() && s.charAt(i) != '`') {
			if (s.charAt(i) == '\\' && i + 1 < s.length()) {
				text.append(s.charAt(i + 1));
				i += 2;
			}
			else if (s.startsWith("${", i)) {
				i = scan(file, s, i + 2, true, true, found);
				text.append('\u0000');
			}
			else {
				text.append(s.charAt(i++));
			}
		}
		end[0] = i + 1;
		return text.toString();
	}

	private static int skipRegex(String s, int start) {
		int i = start + 1;
		boolean inClass = false;
		while (i < s.length() && s.charAt(i) != '\n') {
			char c = s.charAt(i);
			if (c == '\\') {
				i += 2;
				continue;
			}
			if (c == '[') {
				inClass = true;
			}
			else if (c == ']') {
				inClass = false;
			}
			else if (c == '/' && !inClass) {
				i++;
				while (i < s.length() && Character.isLetter(s.charAt(i))) {
					i++;
				}
				return i;
			}
			i++;
		}
		return i;
	}
}
