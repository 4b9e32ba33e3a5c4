package org.pipelinetracker.fx;

import java.math.BigDecimal;

/**
 * An amount in USD and the rate it was converted with; or, when no rate applies, {@code usd} and {@code rate} are
 * null and {@code converted} is false (the amount is never converted at 1 and never dropped).
 */
public record Conversion(BigDecimal usd, FxRate rate, boolean converted) {

	private static final Conversion NONE = new Conversion(null, null, false);

	public Conversion {
		if (converted != (usd != null) || converted != (rate != null)) {
			throw new IllegalArgumentException(
					"a conversion has both usd and rate (converted) or neither (not converted)");
		}
	}

	/** No usable rate. */
	public static Conversion none() {
		return NONE;
	}

	static Conversion of(BigDecimal usd, FxRate rate) {
		return new Conversion(usd, rate, true);
	}
}
