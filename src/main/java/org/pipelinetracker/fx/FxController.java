package org.pipelinetracker.fx;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.pipelinetracker.kernel.InvalidRequestException;
import org.pipelinetracker.kernel.Violations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code /api/fx-rates}: the rates in force (the file's and the imported official rates), and the conversion of one
 * amount on a date to USD and, with {@code to}, to another currency through the exact cross rate.
 */
@RestController
@RequestMapping(path = "/api/fx-rates", produces = "application/json")
class FxController {

	private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,16}(\\.\\d{1,18})?");
	private static final BigDecimal MAX_AMOUNT = BigDecimal.TEN.pow(15);

	private final FxRates rates;

	FxController(FxRates rates) {
		this.rates = rates;
	}

	/**
	 * An amount on its value date, its USD value with the rate used ({@code usd} and {@code rate} null if none), and
	 * ({@code to} given) its value in that currency with the rate, its date and source ({@code conversion} null
	 * when no rate applies) and the published rates it was computed from ({@code rates}).
	 */
	record ConversionResponse(BigDecimal amount, String currency, LocalDate date, BigDecimal usd, FxRate rate,
			boolean converted, @JsonInclude(JsonInclude.Include.NON_NULL) String to,
			@JsonInclude(JsonInclude.Include.NON_NULL) Optional<Converted> conversion,
			@JsonInclude(JsonInclude.Include.NON_NULL) List<FxRate> rates) {
	}

	/** Every rate in force, by currency and then date; {@code currency}: only that currency's. */
	@GetMapping
	List<FxRate> all(@RequestParam(required = false) String currency) {
		if (currency == null || currency.isBlank()) {
			return rates.all();
		}
		String code = currency.strip().toUpperCase(Locale.ROOT);
		if (!IsoCurrencies.isCurrency(code)) {
			throw InvalidRequestException.of("currency",
					"must be an ISO 4217 currency code such as UZS (got '" + abbreviate(currency) + "')");
		}
		return rates.all().stream().filter(r -> r.currency().equals(code)).toList();
	}

	@GetMapping("/convert")
	ConversionResponse convert(@RequestParam(required = false) String amount,
			@RequestParam(required = false) String currency, @RequestParam(required = false) String date,
			@RequestParam(required = false) String to) {
		Violations violations = new Violations();
		BigDecimal value = null;
		if (violations.check(amount != null && !amount.isBlank(), "amount", "is required")) {
			String text = amount.strip();
			if (violations.check(DECIMAL.matcher(text).matches(), "amount",
					"must be a decimal number such as 6200000000 or 1500.50 (got '" + abbreviate(text) + "')")) {
				value = new BigDecimal(text);
				violations.check(value.signum() > 0 && value.compareTo(MAX_AMOUNT) <= 0, "amount",
						"must be greater than 0 and at most 10^15 (got '" + text + "')");
			}
		}
		String code = null;
		if (violations.check(currency != null && !currency.isBlank(), "currency", "is required")) {
			code = currency.strip().toUpperCase(Locale.ROOT);
			violations.check(IsoCurrencies.isCurrency(code), "currency",
					"must be an ISO 4217 currency code such as UZS (got '" + abbreviate(currency) + "')");
		}
		LocalDate valueDate = null;
		if (violations.check(date != null && !date.isBlank(), "date", "is required")) {
			try {
				valueDate = LocalDate.parse(date.strip());
			}
			catch (DateTimeParseException e) {
				violations.add("date", "must be an ISO-8601 date (YYYY-MM-DD) (got '" + abbreviate(date) + "')");
			}
		}
		String target = null;
		if (to != null && !to.isBlank()) {
			target = to.strip().toUpperCase(Locale.ROOT);
			violations.check(IsoCurrencies.isCurrency(target), "to",
					"must be an ISO 4217 currency code such as KRW (got '" + abbreviate(to) + "')");
		}
		violations.throwIfAny();
		RateTable table = rates.current();
		Conversion conversion = table.toUsd(value, code, valueDate);
		if (target == null) {
			return new ConversionResponse(value, code, valueDate, conversion.usd(), conversion.rate(),
					conversion.converted(), null, null, null);
		}
		return new ConversionResponse(value, code, valueDate, conversion.usd(), conversion.rate(),
				conversion.converted(), target, table.convert(value, code, target, valueDate),
				table.ratesFor(code, target, valueDate));
	}

	private static String abbreviate(String value) {
		return value.length() > 40 ? value.substring(0, 40) + "…" : value;
	}
}
