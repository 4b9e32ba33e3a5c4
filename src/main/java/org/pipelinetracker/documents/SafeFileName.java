package org.pipelinetracker.documents;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * A file name as the client sent it, made safe to keep and to send back: the last path segment only (no
 * {@code ../}), without control or formatting characters (no line breaks, no right-to-left override), quotes or
 * backslashes, at most 200 characters (keeping the extension), never empty. {@link #contentDisposition} writes the RFC
 * 6266 header: an ASCII fallback and the UTF-8 name, percent-encoded.
 */
final class SafeFileName {

	static final int MAX_LENGTH = 200;
	private static final String FALLBACK = "document";

	private SafeFileName() {
	}

	static String of(String original) {
		if (original == null) {
			return FALLBACK;
		}
		String name = Normalizer.normalize(original, Normalizer.Form.NFC);
		int cut = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
		name = name.substring(cut + 1);
		StringBuilder kept = new StringBuilder();
		name.codePoints().filter(SafeFileName::allowed).forEach(kept::appendCodePoint);
		name = kept.toString().strip();
		while (name.startsWith(".")) {
			name = name.substring(1);
		}
		name = name.strip();
		if (name.isEmpty()) {
			return FALLBACK;
		}
		if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
			int dot = name.lastIndexOf('.');
			String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
			String stem = name.substring(0, name.length() - extension.length());
			stem = stem.substring(0, stem.offsetByCodePoints(0, MAX_LENGTH - extension.length()));
			name = stem + extension;
		}
		return name;
	}

	private static boolean allowed(int c) {
		int type = Character.getType(c);
		return type != Character.CONTROL && type != Character.FORMAT && type != Character.LINE_SEPARATOR
				&& type != Character.PARAGRAPH_SEPARATOR && type != Character.SURROGATE
				&& type != Character.PRIVATE_USE && type != Character.UNASSIGNED && c != '"' && c != '\\'
				&& c != '/' && c != ':' && c != '*' && c != '?' && c != '<' && c != '>' && c != '|';
	}

	/** {@code attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded name>} for a safe name. */
	static String contentDisposition(String safeName) {
		StringBuilder ascii = new StringBuilder();
		for (char c : safeName.toCharArray()) {
			ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? c : '_');
		}
		StringBuilder encoded = new StringBuilder();
		for (byte b : safeName.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
				encoded.append((char) c);
			}
			else {
				encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
						.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
			}
		}
		return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
	}
}
