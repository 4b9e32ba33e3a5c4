package org.pipelinetracker.fx;

import org.pipelinetracker.kernel.Text;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Writes the module's texts that are not problems (an import report's reasons) in a language, from the message
 * catalogue; problems are {@link Text}s the web layer writes in the caller's language when it answers.
 */
@Component
class FxTexts {

	private final MessageSource messages;

	FxTexts(MessageSource messages) {
		this.messages = messages;
	}

	/** {@code text} in {@code locale} (English for a key the language lacks); values as the API writes them. */
	String render(Text text, Locale locale) {
		return text.render(key -> messages.getMessage(key, null, null, locale), Text.Formats.API);
	}
}
