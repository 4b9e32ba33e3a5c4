package org.pipelinetracker.kernel;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A text of the catalogue with typed arguments: its English is the catalogue's, every value as the API has always
 * written it; in another language, money and numbers take that language's separators, codes its names.
 */
class TextTest {

	/** Russian, as its catalogue writes numbers and money. */
	static final Text.Formats RUSSIAN = Text.Formats.of(",", "\u00a0", "{amount} {currency}");
	static final Map<String, String> RUSSIAN_TEXTS = Map.of(
			"problem.rule.correctionUnchanged", "обязательство «{fundingId}» уже составляет {amount}",
			"problem.rule.terminal", "проект {projectId} в стадии «{stage}»: больше нельзя {action}",
			"problem.action.cancel", "отменить",
			"ref.stage.CANCELLED", "Отменен");

	@Test
	void theEnglishIsTheCataloguesWithValuesAsTheApiWritesThem() {
		Text text = Text.of("problem.rule.disbursementOverCommitment").with("amount", Text.money(new BigDecimal("6000.50"), "USD"))
				.with("date", LocalDate.of(2024, 5, 1)).with("fundingId", "F1")
				.with("committedThen", Text.money(new BigDecimal("5000.00"), "USD"))
				.with("committedNow", Text.money(new BigDecimal("12345678.00"), "USD"))
				.with("headroom", Text.money(new BigDecimal("0.00"), "USD"));
		assertThat(text.english()).isEqualTo("disbursing USD 6000.50 on 2024-05-01 would bring the total disbursed under "
				+ "'F1' above the commitment in force (USD 5000.00 on that date, USD 12345678.00 now); at most USD 0.00 "
				+ "remains");
		assertThat(text).hasToString(text.english());
		assertThat(Text.of("problem.field.tooManyDecimals").with("currency", "KRW").with("digits", 0).english())
				.isEqualTo("KRW amounts have at most 0 decimal places");
	}

	@Test
	void anotherLanguageWritesMoneyWithItsSeparatorsAndCodesWithTheirNames() {
		assertThat(Text.of("problem.rule.correctionUnchanged").with("fundingId", "F1")
				.with("amount", Text.money(new BigDecimal("1234567.5"), "USD")).render(RUSSIAN_TEXTS::get, RUSSIAN))
				.isEqualTo("обязательство «F1» уже составляет 1\u00a0234\u00a0567,5 USD");
		Text terminal = Text.of("problem.rule.terminal").with("projectId", "P-1")
				.with("stage", new Text.Code("ref.stage.", "CANCELLED")).with("action", Text.of("problem.action.cancel"));
		assertThat(terminal.render(RUSSIAN_TEXTS::get, RUSSIAN)).isEqualTo("проект P-1 в стадии «Отменен»: больше нельзя отменить");
		assertThat(terminal.english()).startsWith("project P-1 is CANCELLED; it cannot cancel any more");
	}

	@Test
	void numbersAreGroupedFromTenThousandMoneyFromAThousand() {
		Text.Formats korean = Text.Formats.of(".", ",", "{currency} {amount}");
		assertThat(korean.number(9999)).isEqualTo("9999");
		assertThat(korean.number(2_097_152L)).isEqualTo("2,097,152");
		assertThat(korean.number(new BigDecimal("-12345.678"))).isEqualTo("-12,345.678");
		assertThat(korean.money(new BigDecimal("1000"), "KRW")).isEqualTo("KRW 1,000");
		assertThat(RUSSIAN.money(new BigDecimal("999.99"), "UZS")).isEqualTo("999,99 UZS");
		assertThat(Text.Formats.API.number(new BigDecimal("2.5E+8"))).isEqualTo("250000000");
		assertThat(Text.Formats.API.money(new BigDecimal("1234567.00"), "USD")).isEqualTo("USD 1234567.00");
	}

	@Test
	void aTextOfAnotherLanguageFallsBackToEnglishAndKeepsUnknownPlaceholders() {
		assertThat(Text.of("problem.field.reasonRequired").render(key -> null, RUSSIAN)).isEqualTo("a reason is required");
		assertThat(Text.of("problem.field.eximbankSource").english()).contains("/api/projects/{id}/fundings/eximbank");
		assertThat(Text.verbatim("as it is: {x}").render(key -> "ignored", RUSSIAN)).isEqualTo("as it is: {x}");
		assertThat(new Text.Joined("; ", List.of(Text.verbatim("a"), "b", 12345)).items()).hasSize(3);
	}

	record Request(@NotNull String title, @Size(max = 3) String code, @Max(60) Integer years,
			@Pattern(regexp = "[0-9]{2}", message = "{problem.field.flowTypeCode}") String flowType,
			@Pattern(regexp = "x", message = "a message of its own") String other) {
	}

	@Test
	void beanValidationsMessagesAreTextsOfTheCatalogue() {
		Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
		Set<ConstraintViolation<Request>> found = validator.validate(new Request(null, "long", 61, "1", "y"));
		Map<String, Text> texts = found.stream().collect(Collectors.toMap(v -> v.getPropertyPath().toString(),
				v -> Violations.textOf(v.getMessageTemplate(), v.getConstraintDescriptor(), v.getMessage()), (a, b) -> a,
				TreeMap::new));
		assertThat(texts.get("title").key()).isEqualTo("problem.field.notNull");
		assertThat(texts.get("title").english()).isEqualTo("must not be null");
		assertThat(texts.get("code").english()).isEqualTo("size must be between 0 and 3");
		assertThat(texts.get("years").english()).isEqualTo("must be less than or equal to 60");
		assertThat(texts.get("flowType").english()).isEqualTo("must be a 2-digit IATI flow type code");
		assertThat(texts.get("other").key()).isNull();
		assertThat(texts.get("other").english()).isEqualTo("a message of its own");
	}
}
