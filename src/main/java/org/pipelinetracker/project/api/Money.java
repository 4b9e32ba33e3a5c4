package org.pipelinetracker.project.api;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An exact amount of money in an ISO 4217 currency. Never a double.
 */
public record Money(BigDecimal amount, String currency) {

	public Money {
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(currency, "currency");
	}

	public static Money of(String amount, String currency) {
		return new Money(new BigDecimal(amount), currency);
	}

	public static Money zero(String currency) {
		return new Money(BigDecimal.ZERO, currency);
	}

	public boolean sameCurrencyAs(Money other) {
		return currency.equals(other.currency);
	}

	public Money plus(Money other) {
		requireSameCurrency(other);
		return new Money(amount.add(other.amount), currency);
	}

	public Money minus(Money other) {
		requireSameCurrency(other);
		return new Money(amount.subtract(other.amount), currency);
	}

	@JsonIgnore
	public boolean isPositive() {
		return amount.signum() > 0;
	}

	public boolean isGreaterThan(Money other) {
		requireSameCurrency(other);
		return amount.compareTo(other.amount) > 0;
	}

	public boolean isLessThan(Money other) {
		requireSameCurrency(other);
		return amount.compareTo(other.amount) < 0;
	}

	private void requireSameCurrency(Money other) {
		if (!sameCurrencyAs(other)) {
			throw new IllegalArgumentException("currency mismatch: " + currency + " vs " + other.currency);
		}
	}

	@Override
	public String toString() {
		return currency + " " + amount.toPlainString();
	}
}
