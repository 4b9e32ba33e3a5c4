package org.pipelinetracker.fx;

import org.pipelinetracker.kernel.Text;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the Central Bank of the Republic of Uzbekistan's daily rates in the JSON it publishes
 * (cbu.uz/uz/arkhiv-kursov-valyut/json/): an array with one object per currency,
 * {@code {"Ccy":"KRW","Nominal":"100","Rate":"8.61","Date":"10.09.2025", ...}}; {@code Rate} is in UZS for
 * {@code Nominal} units, {@code Date} is {@code dd.MM.yyyy}; the other fields ({@code id}, {@code Code},
 * {@code CcyNm_*}, {@code Diff}) are ignored. Values may be strings (as published) or JSON numbers.
 * <p>
 * Every problem is collected with its element and field ({@code [3].Rate}), so a file is accepted whole or not at
 * all. The rate for UZS itself, if a file has one, is skipped (the rates are in UZS).
 */
final class CbuRatesJson {

	static final String SOURCE = "Central Bank of the Republic of Uzbekistan";
	static final String BASE = "UZS";
	static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu").withResolverStyle(ResolverStyle.STRICT);
	/** Digits the stored rate keeps (column fx_rate.rate numeric(30, 10)). */
	static final int RATE_SCALE = 10;
	static final int RATE_INTEGER_DIGITS = 20;
	static final BigDecimal MAX_NOMINAL = BigDecimal.TEN.pow(9);
	private static final Pattern CODE = Pattern.compile("[A-Z]{3}");
	private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.build();

	/** Something wrong with the file: its field ({@code [3].Rate}, {@code body}) and a catalogue key with its values. */
	record Problem(String field, String key, Map<String, Object> params) {

		/** Why, as a text the answer writes in the caller's language. */
		Text reason() {
			return text(key, params);
		}
	}

	/** An element not imported, and why (a catalogue key with its values). */
	record Skip(String ccy, String key, Map<String, Object> params) {

		Text reason() {
			return text(key, params);
		}
	}

	static Text text(String key, Map<String, Object> params) {
		Text text = Text.of(key);
		for (Map.Entry<String, Object> param : params.entrySet()) {
			text = text.with(param.getKey(), param.getValue());
		}
		return text;
	}

	/** The rates of a file, in file order, and the elements skipped; or the problems that refuse it. */
	record Parsed(List<FxRate> rates, List<Skip> skipped, List<Problem> problems) {
	}

	private CbuRatesJson() {
	}

	static Parsed parse(byte[] bytes, String origin) {
		List<Problem> problems = new ArrayList<>();
		List<FxRate> rates = new ArrayList<>();
		List<Skip> skipped = new ArrayList<>();
		JsonNode root = read(bytes, problems);
		if (root == null) {
			return new Parsed(List.of(), List.of(), problems);
		}
		if (!root.isArray()) {
			problems.add(new Problem("body", "problem.fx.import.notArray", Map.of()));
			return new Parsed(List.of(), List.of(), problems);
		}
		if (root.isEmpty()) {
			problems.add(new Problem("body", "problem.fx.import.empty", Map.of()));
		}
		Map<String, Integer> seen = new HashMap<>();
		for (int i = 0; i < root.size(); i++) {
			JsonNode element = root.get(i);
			String at = "[" + i + "]";
			if (!element.isObject()) {
				problems.add(new Problem(at, "problem.fx.import.notObject", Map.of()));
				continue;
			}
			int before = problems.size();
			String ccy = code(element, at, problems);
			BigDecimal nominal = nominal(element, at, problems);
			BigDecimal rate = rate(element, at, problems);
			LocalDate date = date(element, at, problems);
			if (problems.size() > before) {
				continue;
			}
			Integer first = seen.putIfAbsent(ccy + "@" + date, i);
			if (first != null) {
				problems.add(new Problem(at + ".Ccy", "problem.fx.import.duplicate",
						params("currency", ccy, "date", date, "index", first)));
			}
			else if (BASE.equals(ccy)) {
				skipped.add(new Skip(ccy, "problem.fx.import.skippedBase", Map.of()));
			}
			else {
				rates.add(FxRate.published(date, ccy, rate, nominal, BASE, SOURCE, origin));
			}
		}
		return problems.isEmpty() ? new Parsed(rates, skipped, List.of()) : new Parsed(List.of(), List.of(), problems);
	}

	private static JsonNode read(byte[] bytes, List<Problem> problems) {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
		}
		catch (CharacterCodingException e) {
			problems.add(new Problem("body", "problem.fx.import.notUtf8", Map.of()));
			return null;
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		try {
			JsonNode root = JSON.readTree(text);
			if (root == null || root.isMissingNode()) {
				problems.add(new Problem("body", "problem.fx.import.notJson", params("line", 1, "column", 1)));
				return null;
			}
			return root;
		}
		catch (JacksonException e) {
			TokenStreamLocation location = e.getLocation();
			problems.add(new Problem("body", "problem.fx.import.notJson", params("line",
					location == null ? 1 : location.getLineNr(), "column", location == null ? 1 : location.getColumnNr())));
			return null;
		}
	}

	private static String code(JsonNode element, String at, List<Problem> problems) {
		String value = text(element, "Ccy", at, problems);
		if (value == null) {
			return null;
		}
		if (!CODE.matcher(value).matches() || !IsoCurrencies.isCurrency(value)) {
			problems.add(new Problem(at + ".Ccy", "problem.fx.import.ccy", params("value", abbreviate(value))));
			return null;
		}
		return value;
	}

	private static BigDecimal nominal(JsonNode element, String at, List<Problem> problems) {
		String value = text(element, "Nominal", at, problems);
		if (value == null) {
			return null;
		}
		BigDecimal nominal = decimal(value);
		if (nominal == null || nominal.signum() <= 0 || nominal.stripTrailingZeros().scale() > 0
				|| nominal.compareTo(MAX_NOMINAL) > 0) {
			problems.add(new Problem(at + ".Nominal", "problem.fx.import.nominal", params("value", abbreviate(value))));
			return null;
		}
		return nominal.setScale(0);
	}

	private static BigDecimal rate(JsonNode element, String at, List<Problem> problems) {
		String value = text(element, "Rate", at, problems);
		if (value == null) {
			return null;
		}
		BigDecimal rate = decimal(value);
		if (rate == null || rate.signum() <= 0) {
			problems.add(new Problem(at + ".Rate", "problem.fx.import.rate", params("value", abbreviate(value))));
			return null;
		}
		BigDecimal exact = rate.stripTrailingZeros();
		if (exact.scale() > RATE_SCALE || exact.precision() - exact.scale() > RATE_INTEGER_DIGITS) {
			problems.add(new Problem(at + ".Rate", "problem.fx.import.rateDigits", params("value", abbreviate(value))));
			return null;
		}
		return rate;
	}

	private static LocalDate date(JsonNode element, String at, List<Problem> problems) {
		String value = text(element, "Date", at, problems);
		if (value == null) {
			return null;
		}
		try {
			return LocalDate.parse(value, DATE);
		}
		catch (DateTimeParseException e) {
			problems.add(new Problem(at + ".Date", "problem.fx.import.date", params("value", abbreviate(value))));
			return null;
		}
	}

	/** A field's value as text (a string or a number), or null after adding the problem. */
	private static String text(JsonNode element, String field, String at, List<Problem> problems) {
		JsonNode node = element.get(field);
		if (node == null || node.isNull() || (node.isString() && node.asString().isBlank())) {
			problems.add(new Problem(at + "." + field, "problem.fx.import.required", Map.of()));
			return null;
		}
		if (node.isString()) {
			return node.asString().strip();
		}
		if (node.isNumber()) {
			return node.decimalValue().toPlainString();
		}
		problems.add(new Problem(at + "." + field, "problem.fx.import.notText", Map.of()));
		return null;
	}

	private static BigDecimal decimal(String text) {
		if (!text.matches("[+-]?\\d{1,40}(\\.\\d{1,40})?")) {
			return null;
		}
		return new BigDecimal(text);
	}

	private static String abbreviate(String value) {
		return value.length() > 40 ? value.substring(0, 40) + "…" : value;
	}

	private static Map<String, Object> params(Object... keysAndValues) {
		Map<String, Object> params = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			params.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return params;
	}
}
