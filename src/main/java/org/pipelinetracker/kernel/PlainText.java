package org.pipelinetracker.kernel;

import java.util.Locale;

/**
 * What a text of this application may hold: any Unicode character (right-to-left marks, combining marks, emoji and
 * other characters beyond the Basic Multilingual Plane, quotes, {@code <}, {@code ]]>}), but no control character
 * (U+0000–U+001F, U+007F–U+009F; a tab, line feed and carriage return only in a {@link MultiLine multi-line} text),
 * no line or paragraph separator (U+2028, U+2029) in a single line, no Unicode noncharacter (U+FDD0–U+FDEF and the
 * last two code points of every plane, U+FFFE, U+FFFF, U+1FFFE, ...) and no lone surrogate (half of a character that
 * is not one). Such a text can be written as JSON, XML 1.0 and CSV, and read back as it was.
 * <p>
 * The HTTP layer applies it to every text of a request body and every query parameter; the reason names the first
 * character that is not allowed and its position (counted in characters, from 1).
 */
public final class PlainText {

	private PlainText() {
	}

	/** Why {@code text} is not a plain single-line text, or {@code null} when it is (or is null). */
	public static Text singleLineProblem(String text) {
		return problem(text, false);
	}

	/** Why {@code text} is not a plain text of one or more lines, or {@code null} when it is (or is null). */
	public static Text multiLineProblem(String text) {
		return problem(text, true);
	}

	/** Why {@code text} is not plain, or {@code null}: tabs and line breaks allowed only when {@code multiLine}. */
	public static Text problem(String text, boolean multiLine) {
		if (text == null) {
			return null;
		}
		int position = 0;
		for (int i = 0; i < text.length(); ) {
			char c = text.charAt(i);
			position++;
			if (Character.isSurrogate(c)) {
				boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
						&& Character.isLowSurrogate(text.charAt(i + 1));
				if (!pair) {
					return found("problem.field.loneSurrogate", c, position);
				}
			}
			int codePoint = text.codePointAt(i);
			boolean lineBreakOrTab = codePoint == '\t' || codePoint == '\n' || codePoint == '\r';
			if (lineBreakOrTab && !multiLine || codePoint == '\u2028' || codePoint == '\u2029') {
				if (!multiLine) {
					return found("problem.field.lineBreak", codePoint, position);
				}
			}
			else if (!lineBreakOrTab && Character.getType(codePoint) == Character.CONTROL) {
				return found("problem.field.controlCharacter", codePoint, position);
			}
			if (isNoncharacter(codePoint)) {
				return found("problem.field.noncharacter", codePoint, position);
			}
			i += Character.charCount(codePoint);
		}
		return null;
	}

	/**
	 * Whether {@code text} shows nothing: null, empty, or only white space (any space, such as U+00A0, line breaks
	 * and tabs), control and format characters (such as U+200B, U+FEFF and the direction marks).
	 */
	public static boolean isBlank(CharSequence text) {
		if (text == null) {
			return true;
		}
		return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
				|| Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT);
	}

	/** U+FDD0–U+FDEF, and U+nFFFE, U+nFFFF of every plane. */
	public static boolean isNoncharacter(int codePoint) {
		return codePoint >= 0xFDD0 && codePoint <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;
	}

	/** Whether every character of {@code text} is allowed in a multi-line text. */
	public static boolean isPlain(String text) {
		return multiLineProblem(text) == null;
	}

	private static Text found(String key, int codePoint, int position) {
		return Text.of(key).with("character", "U+" + String.format(Locale.ROOT, "%04X", codePoint))
				.with("position", position);
	}
}
