package org.pipelinetracker.pipeline;

import org.pipelinetracker.reference.Codelists;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** Money in a currency that no rate converts: shown in its own currency, never dropped or taken at 1. */
public record Unconverted(String currency, BigDecimal committed, BigDecimal disbursed) {

	/** An amount committed ({@code isCommitment}) or disbursed. */
	static Unconverted of(String currency, boolean isCommitment, BigDecimal amount) {
		return isCommitment ? new Unconverted(currency, amount, BigDecimal.ZERO)
				: new Unconverted(currency, BigDecimal.ZERO, amount);
	}

	Unconverted plus(Unconverted other) {
		return new Unconverted(currency, committed.add(other.committed), disbursed.add(other.disbursed));
	}

	/** Each amount at its currency's number of decimals. */
	static List<Unconverted> scaled(List<Unconverted> list, Codelists codelists) {
		return list.stream().map(u -> {
			int digits = codelists.currencyFractionDigits(u.currency());
			return new Unconverted(u.currency(), u.committed().setScale(digits, RoundingMode.HALF_EVEN),
					u.disbursed().setScale(digits, RoundingMode.HALF_EVEN));
		}).toList();
	}
}
