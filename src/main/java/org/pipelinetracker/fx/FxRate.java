package org.pipelinetracker.fx;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An exchange rate: on {@code date}, one US dollar buys {@code unitsPerUsd} units of {@code currency}, as given by
 * {@code source}.
 */
public record FxRate(LocalDate date, String currency, BigDecimal unitsPerUsd, String source) {

	public FxRate {
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(currency, "currency");
		Objects.requireNonNull(unitsPerUsd, "unitsPerUsd");
		Objects.requireNonNull(source, "source");
		if (unitsPerUsd.signum() <= 0) {
			throw new IllegalArgumentException("unitsPerUsd must be greater than zero: " + unitsPerUsd);
		}
	}
}
