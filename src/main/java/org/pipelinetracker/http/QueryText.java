package org.pipelinetracker.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.pipelinetracker.kernel.FieldViolation;
import org.pipelinetracker.kernel.PlainText;
import org.pipelinetracker.kernel.Text;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The text of the URL, checked before anything reads it: the path and every query parameter (name and value) must be
 * well-formed percent-encoded UTF-8 and a {@link PlainText} of one line. Anything else is a 400 naming the parameter
 * ({@code errors[].field}; {@code path} for the path, {@code query} for a parameter's name), instead of a parameter
 * the container silently drops (or fails on later) or a control character echoed in an answer.
 */
final class QueryText extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		FieldViolation bad = check(request.getRequestURI(), request.getQueryString());
		if (bad != null) {
			Problems.invalid(List.of(bad)).write(request, response);
			return;
		}
		chain.doFilter(request, response);
	}

	/** The first part of the URL that is not plain text, or null. */
	static FieldViolation check(String path, String query) {
		if (path != null) {
			String decoded = decode(path, false);
			Text problem = decoded == null ? Text.of("problem.field.percentEncoding")
					: PlainText.singleLineProblem(decoded);
			if (problem != null) {
				return new FieldViolation("path", problem);
			}
		}
		if (query == null || query.isEmpty()) {
			return null;
		}
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			String name = decode(equals < 0 ? pair : pair.substring(0, equals), true);
			Text problem = name == null ? Text.of("problem.field.percentEncoding") : PlainText.singleLineProblem(name);
			if (problem != null) {
				return new FieldViolation("query", problem);
			}
			String value = decode(equals < 0 ? "" : pair.substring(equals + 1), true);
			problem = value == null ? Text.of("problem.field.percentEncoding") : PlainText.singleLineProblem(value);
			if (problem != null) {
				return new FieldViolation(name, problem);
			}
		}
		return null;
	}

	/** Percent-decoded as UTF-8 ({@code +} as a space in a query), or null when it is not well-formed. */
	static String decode(String encoded, boolean query) {
		if (encoded.indexOf('%') < 0) {
			return query ? encoded.replace('+', ' ') : encoded;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
		for (int i = 0; i < encoded.length(); i++) {
			char c = encoded.charAt(i);
			if (c == '%') {
				if (i + 2 >= encoded.length()) {
					return null;
				}
				int high = Character.digit(encoded.charAt(i + 1), 16);
				int low = Character.digit(encoded.charAt(i + 2), 16);
				if (high < 0 || low < 0) {
					return null;
				}
				bytes.write(high * 16 + low);
				i += 2;
			}
			else {
				byte[] plain = String.valueOf(query && c == '+' ? ' ' : c).getBytes(StandardCharsets.UTF_8);
				bytes.write(plain, 0, plain.length);
			}
		}
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
					.toString();
		}
		catch (CharacterCodingException notUtf8) {
			return null;
		}
	}
}
