package org.pipelinetracker.fx;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Looking up rates and converting amounts to USD, with rates loaded from a file as users write it.
 */
class FxRatesTest {

	static final LocalDate SEP_10 = LocalDate.of(2025, 9, 10);

	@TempDir
	Path dir;

	FxRates rates;

	@BeforeEach
	void load() throws IOException {
		Path file = dir.resolve("fx-rates.csv");
		Files.writeString(file, """
				date,currency,units_per_usd,source
				2025-01-02,UZS,12900.00,test: early rate
				2025-09-10,UZS,12355.14,UzDaily.uz currency rates of 10 Sep 2025
				2025-10-01,UZS,12100,test: later rate
				2025-09-10,EUR,0.8497619937,derived from the two UZS rates
				2025-09-10,JPY,150,test
				""");
		rates = new FxRates(file);
	}

	@Test
	void usesTheLatestRateOnOrBeforeTheValueDate() {
		assertThat(rates.rateFor("UZS", LocalDate.of(2025, 9, 30)).orElseThrow().unitsPerUsd())
				.isEqualByComparingTo("12355.14");
		assertThat(rates.rateFor("UZS", SEP_10).orElseThrow().date()).isEqualTo(SEP_10);
		assertThat(rates.rateFor("UZS", LocalDate.of(2025, 9, 9)).orElseThrow().unitsPerUsd())
				.isEqualByComparingTo("12900.00");
		assertThat(rates.rateFor("UZS", LocalDate.of(2025, 10, 1)).orElseThrow().unitsPerUsd())
				.isEqualByComparingTo("12100");
		assertThat(rates.rateFor("UZS", LocalDate.of(2030, 1, 1)).orElseThrow().date())
				.isEqualTo(LocalDate.of(2025, 10, 1));
	}

	@Test
	void neverUsesARateDatedAfterTheValueDate() {
		assertThat(rates.rateFor("EUR", LocalDate.of(2025, 9, 9))).isEmpty();
		assertThat(rates.rateFor("UZS", LocalDate.of(2025, 1, 1))).isEmpty();
	}

	@Test
	void doesNotConvertAValueDatedBeforeTheFirstRate() {
		Conversion conversion = rates.toUsd(new BigDecimal("1000"), "UZS", LocalDate.of(2024, 12, 31));

		assertThat(conversion).isEqualTo(new Conversion(null, null, false));
		assertThat(conversion).isSameAs(Conversion.none());
	}

	@Test
	void doesNotConvertACurrencyWithoutRatesNorTreatItAsUsd() {
		Conversion conversion = rates.toUsd(new BigDecimal("1000"), "KRW", SEP_10);

		assertThat(conversion.converted()).isFalse();
		assertThat(conversion.usd()).isNull();
		assertThat(conversion.rate()).isNull();
	}

	@Test
	void usdIsItsOwnRateOfOneOnAnyDate() {
		LocalDate longAgo = LocalDate.of(1990, 1, 1);

		assertThat(rates.rateFor("USD", longAgo))
				.contains(new FxRate(longAgo, "USD", BigDecimal.ONE, "identity"));
		Conversion conversion = rates.toUsd(new BigDecimal("250000000"), "USD", longAgo);
		assertThat(conversion.converted()).isTrue();
		assertThat(conversion.usd()).isEqualTo(new BigDecimal("250000000.00"));
		assertThat(conversion.rate().source()).isEqualTo("identity");
	}

	@Test
	void convertsSixPointTwoBillionSumAtTheSeedRateExactlyToTheCent() {
		BigDecimal amount = new BigDecimal("6200000000");
		BigDecimal rate = new BigDecimal("12355.14");
		BigDecimal expected = new BigDecimal("501815.44");
		// By hand: 501815.43 × 12355.14 = 6,199,999,891.8102 < 6,200,000,000 < 6,200,000,015.3616 = 501815.44 × 12355.14.
		// 6,200,000,000 is 108.1898 above the lower product and 15.3616 below the upper one: the nearest cent is .44.
		assertThat(expected.subtract(new BigDecimal("0.01")).multiply(rate)).isEqualByComparingTo("6199999891.8102");
		assertThat(expected.multiply(rate)).isEqualByComparingTo("6200000015.3616");
		assertThat(amount.divide(rate, 10, RoundingMode.DOWN)).isEqualByComparingTo("501815.4387566632");

		Conversion conversion = rates.toUsd(amount, "UZS", SEP_10);

		assertThat(conversion.usd()).isEqualTo(expected);
		assertThat(conversion.converted()).isTrue();
		assertThat(conversion.rate())
				.isEqualTo(new FxRate(SEP_10, "UZS", rate, "UzDaily.uz currency rates of 10 Sep 2025")
						.from(dir.resolve("fx-rates.csv").toString()));
	}

	@Test
	void convertsEurosAtTheCrossRateDerivedFromTheTwoSumRates() {
		BigDecimal crossRate = new BigDecimal("12355.14").divide(new BigDecimal("14539.53"), 10, RoundingMode.HALF_EVEN);
		assertThat(crossRate).isEqualTo(new BigDecimal("0.8497619937"));

		Conversion conversion = rates.toUsd(new BigDecimal("1000000"), "EUR", SEP_10);

		// 1,000,000 / 0.8497619937 = 1,176,800.1009857…
		assertThat(conversion.usd()).isEqualTo(new BigDecimal("1176800.10"));
		assertThat(conversion.rate().unitsPerUsd()).isEqualTo(crossRate);
	}

	@Test
	void roundsHalfToEvenCents() {
		assertThat(rates.toUsd(new BigDecimal("18.75"), "JPY", SEP_10).usd()).isEqualTo(new BigDecimal("0.12"));
		assertThat(rates.toUsd(new BigDecimal("20.25"), "JPY", SEP_10).usd()).isEqualTo(new BigDecimal("0.14"));
		assertThat(rates.toUsd(new BigDecimal("0.125"), "USD", SEP_10).usd()).isEqualTo(new BigDecimal("0.12"));
		assertThat(rates.toUsd(new BigDecimal("0.135"), "USD", SEP_10).usd()).isEqualTo(new BigDecimal("0.14"));
	}

	@Test
	void listsEveryRateByCurrencyAndThenDate() {
		assertThat(rates.all()).extracting(r -> r.currency() + " " + r.date()).containsExactly(
				"EUR 2025-09-10", "JPY 2025-09-10", "UZS 2025-01-02", "UZS 2025-09-10", "UZS 2025-10-01");
	}

	@Test
	void ratesCannotBeChangedAfterLoading() {
		assertThatThrownBy(() -> rates.all().clear())
				.isInstanceOf(UnsupportedOperationException.class);
	}
}
