package org.pipelinetracker.fx;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An amount converted to another currency, and how: {@code amount} of {@code currency} at {@code rate} (units of
 * {@code currency} for one unit of the original currency) of {@code rateDate}, as published by {@code source}.
 * {@code via} names the currency a cross rate went through (UZS for the Central Bank's rates, USD for the rates
 * file); null for a direct rate. The amount is rounded half-even to the currency's minor units, once, from the exact
 * fraction (never from the rounded {@code rate}); {@code rate} is exact, or rounded half-even to
 * {@value RateTable#RATE_DIGITS} significant digits when its decimal expansion does not end. Converting a currency to
 * itself has rate 1 and no date or source.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Converted(BigDecimal amount, String currency, BigDecimal rate, LocalDate rateDate, String source,
		String via) {
}
