package org.pipelinetracker.fx;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pipelinetracker.fx.InvalidFxRatesException.Problem;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Loading the rates file users write: its format, every error with its line number, and the classpath fallback.
 */
class FxRatesFileTest {

	static final String HEADER = "date,currency,units_per_usd,source\n";
	static final String GOOD_ROW = "2025-09-10,UZS,12355.14,UzDaily.uz\n";
	/** A comment, the header and a good row: the next row is line 4. */
	static final String PREAMBLE = "# line 1\n" + HEADER + GOOD_ROW;

	@TempDir
	Path dir;

	/** The file {@link #write} writes: the origin of the rates loaded from it. */
	String file() {
		return dir.resolve("fx-rates.csv").toString();
	}

	Path write(String csv) throws IOException {
		Path file = dir.resolve("fx-rates.csv");
		Files.writeString(file, csv, StandardCharsets.UTF_8);
		return file;
	}

	FxRates load(String csv) throws IOException {
		return new FxRates(write(csv));
	}

	InvalidFxRatesException failure(String csv) throws IOException {
		Path file = write(csv);
		Throwable thrown = catchThrowable(() -> new FxRates(file));
		assertThat(thrown).isInstanceOf(InvalidFxRatesException.class);
		InvalidFxRatesException invalid = (InvalidFxRatesException) thrown;
		assertThat(invalid.getMessage()).contains(file.toString()).contains("fix it");
		return invalid;
	}

	@Nested
	class Format {

		@Test
		void ignoresCommentAndBlankLines() throws IOException {
			FxRates rates = load("""
					# rates from cbu.uz
					#date,currency,units_per_usd,source

					date,currency,units_per_usd,source
					# a comment between rows, with a comma, and "quotes"
					2025-09-10,UZS,12355.14,UzDaily.uz

					#2025-09-11,UZS,1,not a rate
					""");

			assertThat(rates.all()).containsExactly(
					new FxRate(LocalDate.of(2025, 9, 10), "UZS", new BigDecimal("12355.14"), "UzDaily.uz").from(file()));
		}

		@Test
		void readsQuotedFieldsWithCommasDoubledQuotesAndLineBreaks() throws IOException {
			FxRates rates = load("date,currency,units_per_usd,source\r\n"
					+ "2025-09-10,UZS,\"12355.14\",\"UzDaily.uz, \"\"Currency rates\"\"\r\nof 10 Sep 2025\"\r\n"
					+ "2025-09-10,EUR,0.8497619937,derived\r\n");

			assertThat(rates.rateFor("UZS", LocalDate.of(2025, 9, 10)).orElseThrow().source())
					.isEqualTo("UzDaily.uz, \"Currency rates\"\r\nof 10 Sep 2025");
			assertThat(rates.all()).hasSize(2);
		}

		@Test
		void acceptsAByteOrderMarkAndSpacesAroundValues() throws IOException {
			FxRates rates = load("\uFEFFDate, Currency ,UNITS_PER_USD,source\n 2025-09-10 , UZS , 12355.14 , UzDaily.uz \n");

			assertThat(rates.all()).containsExactly(
					new FxRate(LocalDate.of(2025, 9, 10), "UZS", new BigDecimal("12355.14"), "UzDaily.uz").from(file()));
		}

		@Test
		void aFileWithOnlyTheHeaderHasNoRates() throws IOException {
			assertThat(load("# nothing yet\n" + HEADER).all()).isEmpty();
		}

		@Test
		void keepsTheRateExactlyAsWritten() throws IOException {
			FxRates rates = load(HEADER + "2025-09-10,EUR,0.8497619937,derived\n");

			assertThat(rates.all().get(0).unitsPerUsd()).isEqualTo(new BigDecimal("0.8497619937"));
		}
	}

	@Nested
	class Errors {

		@Test
		void rejectsAnInvalidCurrencyCodeWithItsLine() throws IOException {
			assertThat(failure(PREAMBLE + "2025-09-10,uzs,12355.14,x\n").problems()).containsExactly(new Problem(4,
					"currency must be an ISO 4217 code of 3 upper-case letters such as UZS (got 'uzs')"));
			assertThat(failure(PREAMBLE + "2025-09-10,SUM,12355.14,x\n").problems())
					.containsExactly(new Problem(4, "currency 'SUM' is not an ISO 4217 currency code"));
			assertThat(failure(PREAMBLE + "2025-09-10,UZSS,12355.14,x\n").problems()).extracting(Problem::line)
					.containsExactly(4);
		}

		@Test
		void rejectsARowForUsdWhichIsAlwaysOne() throws IOException {
			assertThat(failure(PREAMBLE + "2025-09-10,USD,1,x\n").problems())
					.containsExactly(new Problem(4, "USD needs no row: one US dollar is always 1 USD"));
		}

		@Test
		void rejectsARateThatIsZeroOrNegative() throws IOException {
			assertThat(failure(PREAMBLE + "2025-09-10,EUR,0,x\n").problems())
					.containsExactly(new Problem(4, "units_per_usd must be greater than zero (got '0')"));
			assertThat(failure(PREAMBLE + "2025-09-10,EUR,-0.85,x\n").problems())
					.containsExactly(new Problem(4, "units_per_usd must be greater than zero (got '-0.85')"));
		}

		@Test
		void rejectsARateThatIsNotANumber() throws IOException {
			assertThat(failure(PREAMBLE + "2025-09-10,UZS,\"12,355.14\",x\n").problems()).containsExactly(
					new Problem(4, "units_per_usd must be a decimal number such as 12355.14 (got '12,355.14')"));
			assertThat(failure(PREAMBLE + "2025-09-10,UZS,,x\n").problems()).containsExactly(
					new Problem(4, "units_per_usd must be a decimal number such as 12355.14 (got '')"));
		}

		@Test
		void rejectsABadDate() throws IOException {
			assertThat(failure(PREAMBLE + "10/09/2025,EUR,0.85,x\n").problems()).containsExactly(
					new Problem(4, "date must be an ISO-8601 date YYYY-MM-DD (got '10/09/2025')"));
			assertThat(failure(PREAMBLE + "2025-02-30,EUR,0.85,x\n").problems()).extracting(Problem::line)
					.containsExactly(4);
		}

		@Test
		void rejectsASecondRateForTheSameCurrencyAndDate() throws IOException {
			assertThat(failure(PREAMBLE + "2025-09-10,EUR,0.85,x\n2025-09-10,UZS,12400,other source\n").problems())
					.containsExactly(new Problem(5, "duplicate rate for UZS on 2025-09-10 (already given on line 3)"));
		}

		@Test
		void rejectsAMissingSource() throws IOException {
			assertThat(failure(PREAMBLE + "2025-09-10,EUR,0.85,  \n").problems())
					.containsExactly(new Problem(4, "source must name where the rate comes from"));
		}

		@Test
		void rejectsARowWithTheWrongNumberOfColumns() throws IOException {
			assertThat(failure(PREAMBLE + "2025-09-10,EUR,0.85\n").problems()).containsExactly(
					new Problem(4, "expected 4 columns (date,currency,units_per_usd,source) but found 3"));
			assertThat(failure(PREAMBLE + "2025-09-10,UZS,12,355.14,x\n").problems()).containsExactly(
					new Problem(4, "expected 4 columns (date,currency,units_per_usd,source) but found 5"));
		}

		@Test
		void rejectsAMissingOrWrongHeader() throws IOException {
			assertThat(failure("# no rates\n").problems()).extracting(Problem::line).containsExactly(1);
			assertThat(failure("# rates\n" + GOOD_ROW).problems()).containsExactly(new Problem(2,
					"the first line that is not a comment must be the header date,currency,units_per_usd,source"
							+ " (got '2025-09-10,UZS,12355.14,UzDaily.uz')"));
		}

		@Test
		void rejectsBrokenQuoting() throws IOException {
			assertThat(failure(PREAMBLE + "2025-09-10,EUR,0.85,\"never closed\n").problems())
					.containsExactly(new Problem(4, "a quoted field is not closed (a \" is missing)"));
			assertThat(failure(PREAMBLE + "2025-09-10,EUR,0.85,say \"hi\"\n").problems()).extracting(Problem::line)
					.containsExactly(4);
		}

		@Test
		void countsLinesInsideQuotedFieldsAndReportsEveryBadLineAtOnce() throws IOException {
			InvalidFxRatesException invalid = failure(HEADER
					+ "2025-09-10,UZS,12355.14,\"two\nlines\"\n"
					+ "2025-09-10,EUR,zero,x\n"
					+ "# comment\n"
					+ "2025-13-01,XYZ,1,x\n");

			assertThat(invalid.problems()).containsExactly(
					new Problem(4, "units_per_usd must be a decimal number such as 12355.14 (got 'zero')"),
					new Problem(6, "date must be an ISO-8601 date YYYY-MM-DD (got '2025-13-01')"),
					new Problem(6, "currency 'XYZ' is not an ISO 4217 currency code"));
			assertThat(invalid.getMessage()).contains("line 4: units_per_usd", "line 6: date", "line 6: currency");
		}

		@Test
		void rejectsAFileThatIsNotUtf8() throws IOException {
			Path file = dir.resolve("latin1.csv");
			Files.write(file, (HEADER + "2025-09-10,EUR,0.85,Banque de France \u00e9\n").getBytes(StandardCharsets.ISO_8859_1));

			assertThatThrownBy(() -> new FxRates(file)).isInstanceOf(IllegalStateException.class)
					.hasMessageContaining("not valid UTF-8");
		}
	}

	@Nested
	class Fallback {

		@Test
		void loadsTheClasspathCopyWhenTheConfiguredFileIsMissing() {
			FxRates rates = new FxRates(dir.resolve("absent.csv"));

			assertThat(rates.origin()).isEqualTo("classpath:fx/fx-rates.csv");
			assertThat(rates.rateFor("UZS", LocalDate.of(2025, 9, 10)).orElseThrow().unitsPerUsd())
					.isEqualTo(new BigDecimal("12355.14"));
		}

		@Test
		void usesTheConfiguredFileWhenItExists() throws IOException {
			Path file = write(HEADER + "2025-01-01,KRW,1400,test\n");

			FxRates rates = new FxRates(file);

			assertThat(rates.origin()).isEqualTo(file.toString());
			assertThat(rates.all()).extracting(FxRate::currency).containsExactly("KRW");
		}
	}

	@Nested
	class ShippedRates {

		@Test
		void theClasspathCopyIsTheConfigFile() throws IOException {
			try (var in = FxRates.class.getClassLoader().getResourceAsStream("fx/fx-rates.csv")) {
				assertThat(in).isNotNull();
				assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(Path.of("config/fx-rates.csv")));
			}
		}

		@Test
		void areExactlyTheSeedArticleRates() {
			FxRates rates = new FxRates(Path.of("config/fx-rates.csv"));
			LocalDate sep10 = LocalDate.of(2025, 9, 10);
			BigDecimal uzsPerUsd = new BigDecimal("12355.14");
			BigDecimal uzsPerEur = new BigDecimal("14539.53");

			assertThat(rates.all()).hasSize(2);
			assertThat(rates.rateFor("UZS", sep10)).contains(
					new FxRate(sep10, "UZS", uzsPerUsd, "UzDaily.uz currency rates of 10 Sep 2025").from("config/fx-rates.csv"));
			FxRate eur = rates.rateFor("EUR", sep10).orElseThrow();
			assertThat(eur.unitsPerUsd()).isEqualTo(uzsPerUsd.divide(uzsPerEur, 10, RoundingMode.HALF_EVEN))
					.isEqualTo(new BigDecimal("0.8497619937"));
			assertThat(eur.source()).contains("Derived from the two UZS rates", "12355.14", "14539.53");
			assertThat(rates.rateFor("UZS", sep10.minusDays(1))).isEmpty();
		}
	}
}
