package org.pipelinetracker.fx;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conversions with the Central Bank's rates (in UZS, KRW at a nominal of 100) beside the rates file, with exact
 * figures: cross rates through UZS, the rate and date shown with each converted amount, the fresher pair of rates,
 * the imported rate before the file's on the same date, and no conversion (never zero) before the first rate.
 */
class FxRatesCrossRateTest {

	static final LocalDate SEP_10 = LocalDate.of(2025, 9, 10);
	static final String CBU = "Central Bank of the Republic of Uzbekistan";

	@TempDir
	Path dir;

	FxRates rates;

	@BeforeEach
	void fileAndOfficialRates() throws IOException {
		Path file = dir.resolve("fx-rates.csv");
		Files.writeString(file, """
				date,currency,units_per_usd,source
				2025-09-10,UZS,12355.14,UzDaily.uz
				2025-09-10,EUR,0.8497619937,derived
				2025-01-02,JPY,150,test
				""");
		rates = new FxRates(file);
		rates.useStored(cbu("cbu-2025-09-10.json"));
	}

	static List<FxRate> cbu(String name) throws IOException {
		try (InputStream in = FxRatesCrossRateTest.class.getResourceAsStream("/fx/" + name)) {
			CbuRatesJson.Parsed parsed = CbuRatesJson.parse(in.readAllBytes(), name);
			assertThat(parsed.problems()).isEmpty();
			return parsed.rates();
		}
	}

	@Test
	void keepsTheCentralBanksRatesAsPublishedWithTheirNominal() {
		assertThat(rates.all()).filteredOn(r -> r.currency().equals("KRW")).singleElement().satisfies(krw -> {
			assertThat(krw.date()).isEqualTo(SEP_10);
			assertThat(krw.rate()).isEqualTo(new BigDecimal("8.61"));
			assertThat(krw.nominal()).isEqualByComparingTo("100");
			assertThat(krw.base()).isEqualTo("UZS");
			assertThat(krw.unitsPerUsd()).isNull();
			assertThat(krw.source()).isEqualTo(CBU);
			assertThat(krw.origin()).isEqualTo("cbu-2025-09-10.json");
		});
	}

	@Test
	void convertsWonToDollarsThroughTheSumExactly() {
		// 1,000,000,000 KRW × 8.61 / 100 = 86,100,000 UZS; / 12,355.14 = 6,968.7595607981779… USD
		Converted usd = rates.convert(new BigDecimal("1000000000"), "KRW", "USD", SEP_10).orElseThrow();

		assertThat(usd.amount()).isEqualTo(new BigDecimal("6968.76"));
		assertThat(usd.currency()).isEqualTo("USD");
		// 0.0861 / 12355.14 does not end: 20 significant digits, half-even
		assertThat(usd.rate()).isEqualTo(new BigDecimal("0.0000069687595607981779243"));
		assertThat(usd.rateDate()).isEqualTo(SEP_10);
		assertThat(usd.source()).isEqualTo(CBU);
		assertThat(usd.via()).isEqualTo("UZS");
		assertThat(rates.current().ratesFor("KRW", "USD", SEP_10)).extracting(FxRate::currency)
				.containsExactly("KRW", "USD");
	}

	@Test
	void convertsEurosToWonThroughTheSumExactly() {
		// 1,000 EUR × 14,539.53 = 14,539,530 UZS; / 0.0861 = 168,867,944.2508710801… KRW, no minor unit
		Converted krw = rates.convert(new BigDecimal("1000"), "EUR", "KRW", SEP_10).orElseThrow();

		assertThat(krw.amount()).isEqualTo(new BigDecimal("168867944"));
		assertThat(krw.rate()).isEqualTo(new BigDecimal("168867.94425087108014"));
		assertThat(krw.rateDate()).isEqualTo(SEP_10);
		assertThat(krw.via()).isEqualTo("UZS");
	}

	@Test
	void convertsBetweenWonAndSumWithTheDirectRate() {
		Converted uzs = rates.convert(new BigDecimal("1234567"), "KRW", "UZS", SEP_10).orElseThrow();
		// 1,234,567 × 0.0861 = 106,296.2187 UZS
		assertThat(uzs.amount()).isEqualTo(new BigDecimal("106296.22"));
		assertThat(uzs.rate()).isEqualTo(new BigDecimal("0.0861"));
		assertThat(uzs.via()).isNull();

		Converted krw = rates.convert(new BigDecimal("1000000"), "UZS", "KRW", SEP_10).orElseThrow();
		// 1,000,000 / 0.0861 = 11,614,401.858… KRW
		assertThat(krw.amount()).isEqualTo(new BigDecimal("11614402"));
	}

	@Test
	void aCurrencyToItselfIsTheAmountAtOneWithoutARate() {
		Converted same = rates.convert(new BigDecimal("0.125"), "USD", "USD", LocalDate.of(1990, 1, 1)).orElseThrow();

		assertThat(same.amount()).isEqualTo(new BigDecimal("0.12"));
		assertThat(same.rate()).isEqualTo(BigDecimal.ONE);
		assertThat(same.rateDate()).isNull();
		assertThat(same.source()).isNull();
	}

	@Test
	void anAmountDatedBeforeEveryRateIsNotConvertedNeverZero() {
		LocalDate before = LocalDate.of(2025, 9, 9);

		assertThat(rates.convert(new BigDecimal("5000"), "KRW", "USD", before)).isEmpty();
		assertThat(rates.convert(new BigDecimal("5000"), "UZS", "EUR", before)).isEmpty();
		assertThat(rates.toUsd(new BigDecimal("5000"), "KRW", before)).isSameAs(Conversion.none());
		assertThat(rates.convert(new BigDecimal("5000"), "GBP", "USD", SEP_10)).as("no rate at all").isEmpty();
	}

	@Test
	void usesTheLaterRatesFromTheirDateAndTheEarlierOnesBefore() throws IOException {
		List<FxRate> both = new ArrayList<>(cbu("cbu-2025-09-10.json"));
		both.addAll(cbu("cbu-2025-10-01.json"));
		rates.useStored(both);

		Converted early = rates.convert(new BigDecimal("121000"), "UZS", "USD", LocalDate.of(2025, 9, 30)).orElseThrow();
		Converted late = rates.convert(new BigDecimal("121000"), "UZS", "USD", LocalDate.of(2025, 10, 5)).orElseThrow();

		assertThat(early.amount()).isEqualTo(new BigDecimal("9.79")); // 121,000 / 12,355.14 = 9.7935…
		assertThat(early.rateDate()).isEqualTo(SEP_10);
		assertThat(late.amount()).isEqualTo(new BigDecimal("10.00")); // 121,000 / 12,100
		assertThat(late.rateDate()).isEqualTo(LocalDate.of(2025, 10, 1));
		assertThat(late.rate()).isEqualTo(new BigDecimal("0.000082644628099173553719"));
	}

	@Test
	void onTheSameDateTheImportedRateIsUsedBeforeTheFilesAndTheFileStillServesItsOwnCurrencies() throws IOException {
		Path file = dir.resolve("other.csv");
		Files.writeString(file, "date,currency,units_per_usd,source\n2025-09-10,UZS,12000,file\n2025-09-10,JPY,150,file\n");
		FxRates mixed = new FxRates(file);
		mixed.useStored(cbu("cbu-2025-09-10.json"));

		Converted usd = mixed.convert(new BigDecimal("12355140"), "UZS", "USD", SEP_10).orElseThrow();
		assertThat(usd.amount()).isEqualTo(new BigDecimal("1000.00"));
		assertThat(usd.source()).isEqualTo(CBU);
		// JPY only in the file (against USD): 15,000 JPY = 100 USD; in KRW through USD and the Central Bank's rates
		assertThat(mixed.convert(new BigDecimal("15000"), "JPY", "USD", SEP_10).orElseThrow().amount())
				.isEqualTo(new BigDecimal("100.00"));
		Converted krw = mixed.convert(new BigDecimal("15000"), "JPY", "KRW", SEP_10).orElseThrow();
		// 15,000 / 150 × 12,355.14 UZS = 1,235,514 UZS = 14,349,756.0975… KRW at 0.0861: three rates, through UZS
		assertThat(krw.via()).isEqualTo("UZS");
		assertThat(krw.amount()).isEqualTo(new BigDecimal("14349756"));
		assertThat(mixed.current().ratesFor("JPY", "KRW", SEP_10)).extracting(r -> r.currency() + " " + r.source())
				.containsExactly("JPY file", "USD " + CBU, "KRW " + CBU);
	}

	@Test
	void theDollarRateOfACurrencyIsDerivedFromTheCentralBanksRates() {
		Conversion usd = rates.toUsd(new BigDecimal("1000000000"), "KRW", SEP_10);

		assertThat(usd.usd()).isEqualTo(new BigDecimal("6968.76"));
		// 12,355.14 / 0.0861 KRW per USD, 20 significant digits
		assertThat(usd.rate().unitsPerUsd()).isEqualTo(new BigDecimal("143497.5609756097561"));
		assertThat(usd.rate().date()).isEqualTo(SEP_10);
		assertThat(usd.rate().source()).isEqualTo(CBU);
		// the file's own rate stays as it is
		assertThat(rates.toUsd(new BigDecimal("6200000000"), "UZS", SEP_10).usd()).isEqualTo(new BigDecimal("501815.44"));
	}

	@Test
	void theFingerprintFollowsTheImportedRatesNotHowTheyAreWritten() throws IOException {
		Path file = dir.resolve("fx-rates.csv");
		String fileOnly = new FxRates(file).fingerprint();
		String withImports = rates.fingerprint();
		assertThat(withImports).isNotEqualTo(fileOnly);

		List<FxRate> padded = cbu("cbu-2025-09-10.json").stream().map(r -> FxRate.published(r.date(), r.currency(),
				r.rate().setScale(10), r.nominal(), r.base(), "another name", "another file")).toList();
		FxRates same = new FxRates(file);
		assertThat(same.useStored(padded)).isTrue();
		assertThat(same.fingerprint()).isEqualTo(withImports);
		assertThat(same.useStored(padded)).as("nothing changed").isFalse();
		assertThat(same.useStored(List.of())).isTrue();
		assertThat(same.fingerprint()).isEqualTo(fileOnly);
	}
}
