package org.pipelinetracker.i18n;

import org.pipelinetracker.kernel.Violations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;

/**
 * The currencies a user can have amounts shown in ({@code tracker.fx.display-currencies}, the property the exchange
 * rates module answers {@code displayCurrency} with; the first is the default): offered by the pages' selector
 * and kept as a preference.
 */
@Component("preferredDisplayCurrencies")
class DisplayCurrencies {

	private final List<String> offered;
	private final MessageSource messages;

	DisplayCurrencies(@Value("${tracker.fx.display-currencies:USD,UZS,KRW,EUR}") List<String> offered,
			MessageSource messages) {
		this.offered = offered.stream().map(c -> c.strip().toUpperCase(Locale.ROOT)).distinct().toList();
		this.messages = messages;
	}

	List<String> offered() {
		return offered;
	}

	String defaultCurrency() {
		return offered.contains("USD") ? "USD" : offered.get(0);
	}

	/** The currency chosen (null: none), or null after adding the violation when it is not offered. */
	String chosen(Violations violations, String requested) {
		if (requested == null) {
			return null;
		}
		String code = requested.strip().toUpperCase(Locale.ROOT);
		if (offered.contains(code)) {
			return code;
		}
		// the text as written (no arguments: no MessageFormat), its named placeholders filled here
		String reason = messages.getMessage("problem.fx.displayCurrency", null, "problem.fx.displayCurrency",
				LocaleContextHolder.getLocale());
		violations.add("displayCurrency", reason.replace("{currencies}", String.join(", ", offered))
				.replace("{value}", requested.length() > 20 ? requested.substring(0, 20) + "…" : requested));
		return null;
	}
}
