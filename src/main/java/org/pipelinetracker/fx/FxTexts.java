package org.pipelinetracker.fx;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Map;

/**
 * The module's texts from the message catalogue ({@code problem.fx.*}), in the caller's language (the request's
 * {@code Accept-Language}) or a given one, with their named placeholders ({@code {value}}) filled.
 */
@Component
class FxTexts {

	private final MessageSource messages;

	FxTexts(MessageSource messages) {
		this.messages = messages;
	}

	/** The text of {@code key} in the language of the current request. */
	String text(String key, Map<String, ?> params) {
		return text(LocaleContextHolder.getLocale(), key, params);
	}

	/** The text of {@code key} in {@code locale}; without placeholders' values it is read as written. */
	String text(Locale locale, String key, Map<String, ?> params) {
		// no arguments: the text comes back as written (no MessageFormat quoting rules), placeholders filled here
		String text = messages.getMessage(key, null, key, locale);
		for (Map.Entry<String, ?> param : params.entrySet()) {
			text = text.replace("{" + param.getKey() + "}", String.valueOf(param.getValue()));
		}
		return text;
	}
}
