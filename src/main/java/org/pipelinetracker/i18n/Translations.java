package org.pipelinetracker.i18n;

import jakarta.servlet.http.HttpServletRequest;
import org.pipelinetracker.kernel.Text;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's messages in a language: a {@link Text} of the catalogue written with the language's texts (Spring's
 * {@link MessageSource}, English for a key the language lacks) and its formats ({@code ui.format.*}: separators and
 * the money pattern). English keeps the API's own way of writing values ({@link Text.Formats#API}: {@code USD 5000.00},
 * no digit grouping, codes as codes), so a client that sends no {@code Accept-Language} gets exactly the English it
 * always got.
 */
@Component
public class Translations {

	private final MessageSource messages;
	private final Map<String, Text.Formats> formats = new ConcurrentHashMap<>();
	private final Map<String, Text.Formats> readingFormats = new ConcurrentHashMap<>();

	Translations(MessageSource messages) {
		this.messages = messages;
	}

	/** The language of a request's answer: the best match of its {@code Accept-Language}, else English. */
	public static String languageOf(HttpServletRequest request) {
		return request == null ? Languages.DEFAULT : Languages.resolve(null, request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
	}

	/** {@code text} in a supported language (English for any other). */
	public String render(Text text, String language) {
		String chosen = Languages.resolve(language, null);
		return text.render(key -> text(key, chosen), formats(chosen));
	}

	/**
	 * {@code text} for a person to read (a notification, an e-mail): like {@link #render} but with the language's own
	 * formats in English too ({@code USD 250,000.00}, not the API's {@code USD 250000.00}).
	 */
	public String renderForReading(Text text, String language) {
		String chosen = Languages.resolve(language, null);
		return text.render(key -> text(key, chosen), readingFormats.computeIfAbsent(chosen, l -> Text.Formats.of(
				text("ui.format.decimalSeparator", l), text("ui.format.groupSeparator", l), text("ui.format.money", l))));
	}

	/** The catalogue's text of {@code key} in a language, as written (placeholders unfilled), or null. */
	public String text(String key, String language) {
		return messages.getMessage(key, null, null, Languages.locale(language));
	}

	/** How a language writes numbers and money in the server's messages. */
	public Text.Formats formats(String language) {
		String chosen = Languages.resolve(language, null);
		if (chosen.equals(Languages.DEFAULT)) {
			return Text.Formats.API;
		}
		return formats.computeIfAbsent(chosen, l -> Text.Formats.of(text("ui.format.decimalSeparator", l),
				text("ui.format.groupSeparator", l), text("ui.format.money", l)));
	}
}
