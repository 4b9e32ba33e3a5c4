package org.pipelinetracker.i18n;

import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.kernel.Violations;
import org.springframework.beans.factory.annotation.Value;
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

	DisplayCurrencies(@Value("${tracker.fx.display-currencies:USD,UZS,KRW,EUR}") List<String> offered) {
		this.offered = offered.stream().map(c -> c.strip().toUpperCase(Locale.ROOT)).distinct().toList();
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
		violations.add("displayCurrency", Text.of("problem.fx.displayCurrency").with("currencies", String.join(", ", offered))
				.with("value", requested.length() > 20 ? requested.substring(0, 20) + "…" : requested));
		return null;
	}
}
