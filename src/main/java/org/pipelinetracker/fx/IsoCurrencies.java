package org.pipelinetracker.fx;

import java.util.Currency;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * ISO 4217 currency codes as known to the JDK.
 */
final class IsoCurrencies {

	private static final Set<String> CODES = Currency.getAvailableCurrencies().stream()
			.map(Currency::getCurrencyCode)
			.collect(Collectors.toUnmodifiableSet());

	private IsoCurrencies() {
	}

	static boolean isCurrency(String code) {
		return code != null && CODES.contains(code);
	}
}
