package org.pipelinetracker.fx;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An exchange rate as it was given, with its date, its source and where it came from ({@code origin}: the rates
 * file, the uploaded file's name or the URL it was fetched from). Two forms:
 * <ul>
 * <li>against the US dollar (the rates file): on {@code date} one US dollar buys {@code unitsPerUsd} units of
 * {@code currency};</li>
 * <li>as the Central Bank of the Republic of Uzbekistan publishes them: on {@code date}, {@code nominal} units of
 * {@code currency} cost {@code rate} units of {@code base} (UZS), e.g. 100 KRW = 8.61 UZS.</li>
 * </ul>
 * Values are kept exactly as given (no rounding, no division). A rate derived from others for a conversion (a cross
 * rate) has {@code unitsPerUsd} and the sources of the rates it was derived from.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FxRate(LocalDate date, String currency, BigDecimal unitsPerUsd, String source, BigDecimal rate,
		BigDecimal nominal, String base, String origin) {

	public FxRate {
		Objects.requireNonNull(date, "date");
		Objects.requireNonNull(currency, "currency");
		Objects.requireNonNull(source, "source");
		if (unitsPerUsd == null && (rate == null || nominal == null || base == null)) {
			throw new IllegalArgumentException("a rate is given against USD (unitsPerUsd) or as rate, nominal and base");
		}
		if (unitsPerUsd != null && unitsPerUsd.signum() <= 0) {
			throw new IllegalArgumentException("unitsPerUsd must be greater than zero: " + unitsPerUsd);
		}
		if (rate != null && rate.signum() <= 0) {
			throw new IllegalArgumentException("rate must be greater than zero: " + rate);
		}
		if (nominal != null && nominal.signum() <= 0) {
			throw new IllegalArgumentException("nominal must be greater than zero: " + nominal);
		}
	}

	/** A rate against the US dollar: one US dollar buys {@code unitsPerUsd} units of {@code currency}. */
	public FxRate(LocalDate date, String currency, BigDecimal unitsPerUsd, String source) {
		this(date, currency, unitsPerUsd, source, null, null, null, null);
	}

	/** A published rate: {@code nominal} units of {@code currency} cost {@code rate} units of {@code base}. */
	static FxRate published(LocalDate date, String currency, BigDecimal rate, BigDecimal nominal, String base,
			String source, String origin) {
		return new FxRate(date, currency, null, source, rate, nominal, base, origin);
	}

	/** The same rate, from {@code origin}. */
	FxRate from(String origin) {
		return new FxRate(date, currency, unitsPerUsd, source, rate, nominal, base, origin);
	}

	/** True for a rate as the Central Bank publishes it (rate and nominal in {@code base}). */
	boolean isPublished() {
		return unitsPerUsd == null;
	}
}
