package org.pipelinetracker.fx;

import org.pipelinetracker.kernel.InvalidRequestException;
import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.kernel.Violations;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;

/**
 * The currencies amounts can be shown in ({@code tracker.fx.display-currencies}, by default USD, UZS, KRW and EUR;
 * USD is the default one): the {@code displayCurrency} of the project, list, pipeline and series queries.
 */
@Component
public class DisplayCurrencies {

	public static final String DEFAULT = "USD";

	private final List<String> offered;

	DisplayCurrencies(@Value("${tracker.fx.display-currencies:USD,UZS,KRW,EUR}") List<String> offered) {
		this.offered = offered.stream().map(c -> c.strip().toUpperCase(Locale.ROOT)).distinct().toList();
		for (String currency : this.offered) {
			if (!IsoCurrencies.isCurrency(currency)) {
				throw new IllegalStateException("tracker.fx.display-currencies: '" + currency
						+ "' is not an ISO 4217 currency code");
			}
		}
		if (!this.offered.contains(DEFAULT)) {
			throw new IllegalStateException("tracker.fx.display-currencies must include " + DEFAULT);
		}
	}

	/** The currencies offered, in the configured order. */
	public List<String> offered() {
		return offered;
	}

	/**
	 * The display currency a request asks for in {@code field}: USD when it asks for none.
	 *
	 * @throws InvalidRequestException (400) naming the field when the currency is not offered
	 */
	public String resolve(String requested, String field) {
		Violations violations = new Violations();
		String code = resolve(violations, requested, field);
		violations.throwIfAny();
		return code;
	}

	/** As {@link #resolve(String, String)}, adding the violation to {@code violations} (and answering USD). */
	public String resolve(Violations violations, String requested, String field) {
		if (requested == null || requested.isBlank()) {
			return DEFAULT;
		}
		String code = requested.strip().toUpperCase(Locale.ROOT);
		if (!offered.contains(code)) {
			violations.add(field, Text.of("problem.fx.displayCurrency").with("currencies", String.join(", ", offered))
					.with("value", requested.length() > 20 ? requested.substring(0, 20) + "…" : requested));
			return DEFAULT;
		}
		return code;
	}

	/** Why a display currency cannot go with a query for the original amounts of {@code currency}. */
	public Text notWithOriginalAmounts(String currency) {
		return Text.of("problem.fx.displayCurrency.originalAmounts").with("currency", currency);
	}
}
