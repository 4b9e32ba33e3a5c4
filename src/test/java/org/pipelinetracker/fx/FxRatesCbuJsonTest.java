package org.pipelinetracker.fx;

import org.junit.jupiter.api.Test;
import org.pipelinetracker.fx.CbuRatesJson.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading the Central Bank's JSON: its fields as published (strings, a nominal, dd.MM.yyyy dates, fields to ignore),
 * and every problem of a file with its element and field, so a bad file is refused whole.
 */
class FxRatesCbuJsonTest {

	static final String KRW = """
			{"id":36,"Code":"410","Ccy":"KRW","CcyNm_RU":"Вона","CcyNm_UZ":"Koreya voni","CcyNm_UZC":"Корея вони",
			 "CcyNm_EN":"Korean Won","Nominal":"100","Rate":"8.61","Diff":"0.02","Date":"10.09.2025"}""";

	static CbuRatesJson.Parsed parse(String json) {
		return CbuRatesJson.parse(json.getBytes(StandardCharsets.UTF_8), "test.json");
	}

	static List<Problem> problems(String json) {
		CbuRatesJson.Parsed parsed = parse(json);
		assertThat(parsed.rates()).as("nothing is taken from a refused file").isEmpty();
		return parsed.problems();
	}

	@Test
	void readsThePublishedFileWithItsNominalsAndIgnoresTheOtherFields() throws IOException {
		byte[] file;
		try (InputStream in = getClass().getResourceAsStream("/fx/cbu-2025-09-10.json")) {
			file = in.readAllBytes();
		}
		CbuRatesJson.Parsed parsed = CbuRatesJson.parse(file, "cbu-2025-09-10.json");

		assertThat(parsed.problems()).isEmpty();
		assertThat(parsed.rates()).extracting(r -> r.currency() + " " + r.nominal() + " = " + r.rate() + " " + r.base())
				.containsExactly("USD 1 = 12355.14 UZS", "EUR 1 = 14539.53 UZS", "RUB 1 = 146.22 UZS", "KRW 100 = 8.61 UZS");
		assertThat(parsed.rates()).allSatisfy(r -> {
			assertThat(r.date()).isEqualTo(LocalDate.of(2025, 9, 10));
			assertThat(r.source()).isEqualTo("Central Bank of the Republic of Uzbekistan");
			assertThat(r.origin()).isEqualTo("cbu-2025-09-10.json");
		});
	}

	@Test
	void acceptsNumbersAsWellAsStringsAndKeepsThemExactly() {
		CbuRatesJson.Parsed parsed = parse("[{\"Ccy\":\"JPY\",\"Nominal\":1,\"Rate\":83.7012345678,\"Date\":\"01.10.2025\"}]");

		assertThat(parsed.problems()).isEmpty();
		assertThat(parsed.rates().get(0).rate()).isEqualTo(new BigDecimal("83.7012345678"));
	}

	@Test
	void skipsTheSumItselfAndSaysWhy() {
		CbuRatesJson.Parsed parsed = parse("[" + KRW + ",{\"Ccy\":\"UZS\",\"Nominal\":\"1\",\"Rate\":\"1\",\"Date\":\"10.09.2025\"}]");

		assertThat(parsed.rates()).extracting(FxRate::currency).containsExactly("KRW");
		assertThat(parsed.skipped()).extracting(CbuRatesJson.Skip::ccy, CbuRatesJson.Skip::key)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("UZS", "problem.fx.import.skippedBase"));
	}

	@Test
	void refusesADateNotWrittenAsTheCentralBankWritesIt() {
		assertThat(problems("[" + KRW.replace("10.09.2025", "2025-09-10") + "]")).containsExactly(
				new Problem("[0].Date", "problem.fx.import.date", Map.of("value", "2025-09-10")));
		assertThat(problems("[" + KRW.replace("10.09.2025", "31.09.2025") + "]")).extracting(Problem::field)
				.containsExactly("[0].Date");
	}

	@Test
	void refusesANegativeOrZeroRate() {
		assertThat(problems("[" + KRW + "," + KRW.replace("KRW", "JPY").replace("\"8.61\"", "\"-8.61\"") + "]"))
				.containsExactly(new Problem("[1].Rate", "problem.fx.import.rate", Map.of("value", "-8.61")));
		assertThat(problems("[" + KRW.replace("\"8.61\"", "\"0\"") + "]")).extracting(Problem::field)
				.containsExactly("[0].Rate");
	}

	@Test
	void refusesAnUnknownCurrencyCode() {
		assertThat(problems("[" + KRW.replace("\"KRW\"", "\"XYZ\"") + "]")).containsExactly(
				new Problem("[0].Ccy", "problem.fx.import.ccy", Map.of("value", "XYZ")));
		assertThat(problems("[" + KRW.replace("\"KRW\"", "\"krw\"") + "]")).extracting(Problem::field)
				.containsExactly("[0].Ccy");
	}

	@Test
	void refusesAMissingOrFractionalNominal() {
		assertThat(problems("[" + KRW.replace("\"Nominal\":\"100\",", "") + "]")).containsExactly(
				new Problem("[0].Nominal", "problem.fx.import.required", Map.of()));
		assertThat(problems("[" + KRW.replace("\"100\"", "\"0.5\"") + "]")).containsExactly(
				new Problem("[0].Nominal", "problem.fx.import.nominal", Map.of("value", "0.5")));
	}

	@Test
	void refusesWhatIsNotJsonNamingWhere() {
		assertThat(problems("Ccy;Rate\nKRW;8.61")).extracting(Problem::field, Problem::key)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("body", "problem.fx.import.notJson"));
		assertThat(problems("[\n {\"Ccy\":\"KRW\",\"Rate\":\"8.61\"\n \"Date\":\"10.09.2025\"}]")).containsExactly(
				new Problem("body", "problem.fx.import.notJson", Map.of("line", 3, "column", 2)));
		assertThat(problems("")).extracting(Problem::key).containsExactly("problem.fx.import.notJson");
		assertThat(problems(KRW)).extracting(Problem::key).containsExactly("problem.fx.import.notArray");
		assertThat(problems("[]")).extracting(Problem::key).containsExactly("problem.fx.import.empty");
		assertThat(problems("[1]")).extracting(Problem::field, Problem::key)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("[0]", "problem.fx.import.notObject"));
	}

	@Test
	void refusesACurrencyTwiceOnOneDate() {
		assertThat(problems("[" + KRW + "," + KRW + "]")).containsExactly(new Problem("[1].Ccy",
				"problem.fx.import.duplicate", Map.of("currency", "KRW", "date", LocalDate.of(2025, 9, 10), "index", 0)));
	}

	@Test
	void listsEveryProblemOfTheFileAtOnce() {
		String bad = "[" + KRW.replace("\"8.61\"", "\"-1\"") + "," + KRW.replace("\"KRW\"", "\"XYZ\"").replace("10.09.2025", "9/10/2025") + "]";

		assertThat(problems(bad)).extracting(Problem::field).containsExactly("[0].Rate", "[1].Ccy", "[1].Date");
	}
}
