package org.pipelinetracker.kernel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A message for people: a key of the message catalogue ({@code i18n/messages*.properties}) and its named, typed
 * arguments, written in a language only when it is shown. The domain and the use cases say <em>what</em> is wrong
 * ({@code Text.of("problem.rule.beforeProposal").with("date", date)}); the web layer writes it in the caller's
 * language ({@link #render}); {@link #english()} is the English every log, exception message and stored reason keeps.
 * <p>
 * Placeholders are named ({@code {date}}), as everywhere in the catalogue; a placeholder without an argument stays as
 * written. An argument is written by its type: a {@code Text} in the same language; an {@link Amount} as money and a
 * {@link Number} in the language's {@link Formats}; a {@link Code} as the API's code in English and its catalogue
 * name in the other languages; a {@link Joined} list item by item; dates and instants as ISO-8601 (their
 * {@code toString}) in every language; anything else as {@code String.valueOf}.
 * <p>
 * The English of the catalogue is read here with plain {@link java.util.Properties}
 * ({@link EnglishCatalogue}), so plain Java (the aggregates) can write its messages without Spring, and the English is
 * written once, in the catalogue, for the server and the pages alike.
 */
public final class Text {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");

	private final String key;
	private final String verbatim;
	private final Map<String, Object> arguments;

	private Text(String key, String verbatim, Map<String, Object> arguments) {
		this.key = key;
		this.verbatim = verbatim;
		this.arguments = arguments;
	}

	/** The catalogue's text of {@code key}, without arguments so far. */
	public static Text of(String key) {
		return new Text(Objects.requireNonNull(key, "key"), null, Map.of());
	}

	/**
	 * A text that is not in the catalogue and is shown as it is in every language: what another system said (a
	 * parser's message), or a message of a module that has no key for it yet.
	 */
	public static Text verbatim(String text) {
		return new Text(null, String.valueOf(text), Map.of());
	}

	/** This text with one more argument (a new text: a text never changes). */
	public Text with(String name, Object value) {
		Map<String, Object> more = new LinkedHashMap<>(arguments);
		more.put(name, value);
		return new Text(key, verbatim, Collections.unmodifiableMap(more));
	}

	/** An amount of money as an argument: {@code Text.money(new BigDecimal("5.00"), "USD")}. */
	public static Amount money(BigDecimal amount, String currency) {
		return new Amount(amount, currency);
	}

	/** The catalogue key, or null for a {@link #verbatim} text. */
	public String key() {
		return key;
	}

	/** The arguments, by name, in the order they were given. */
	public Map<String, Object> arguments() {
		return arguments;
	}

	/** The English of the catalogue, every value as the API has always written it ({@link Formats#API}). */
	public String english() {
		return render(EnglishCatalogue::text, Formats.API);
	}

	/**
	 * This text in a language: {@code catalogue} gives the language's text of a key (null when it has none: then the
	 * English is used), {@code formats} how the language writes numbers and money.
	 */
	public String render(UnaryOperator<String> catalogue, Formats formats) {
		if (key == null) {
			return verbatim;
		}
		String pattern = catalogue.apply(key);
		if (pattern == null) {
			pattern = EnglishCatalogue.text(key);
		}
		if (pattern == null) {
			return key + (arguments.isEmpty() ? "" : " " + arguments); // a key the catalogue lacks: a test says so
		}
		Matcher m = PLACEHOLDER.matcher(pattern);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String name = m.group(1);
			String value = arguments.containsKey(name) ? write(arguments.get(name), catalogue, formats) : m.group();
			m.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		m.appendTail(out);
		return out.toString();
	}

	private static String write(Object value, UnaryOperator<String> catalogue, Formats formats) {
		if (value instanceof Text text) {
			return text.render(catalogue, formats);
		}
		if (value instanceof Amount amount) {
			return formats.money(amount.amount(), amount.currency());
		}
		if (value instanceof Code code) {
			String name = formats.asWritten() ? null : catalogue.apply(code.key());
			return name != null ? name : code.code();
		}
		if (value instanceof Joined joined) {
			return joined.items().stream().map(item -> write(item, catalogue, formats))
					.collect(Collectors.joining(joined.separator()));
		}
		if (value instanceof Number number) {
			return formats.number(number);
		}
		if (value instanceof Enum<?> constant) {
			return constant.name();
		}
		return String.valueOf(value);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Text that && Objects.equals(key, that.key) && Objects.equals(verbatim, that.verbatim)
				&& arguments.equals(that.arguments);
	}

	@Override
	public int hashCode() {
		return Objects.hash(key, verbatim, arguments);
	}

	/** The English. */
	@Override
	public String toString() {
		return english();
	}

	/** An amount of money in an ISO 4217 currency, as an argument. */
	public record Amount(BigDecimal amount, String currency) {

		public Amount {
			Objects.requireNonNull(amount, "amount");
			Objects.requireNonNull(currency, "currency");
		}
	}

	/**
	 * A code of the API (a stage, a funding source) as an argument: the code itself in English, as the API writes it,
	 * and its catalogue name ({@code prefix + code}, e.g. {@code ref.stage.} + {@code FINANCED}) in the other
	 * languages.
	 */
	public record Code(String prefix, String code) {

		public static Code of(String prefix, Enum<?> value) {
			return new Code(prefix, value.name());
		}

		String key() {
			return prefix + code;
		}
	}

	/** Items written one after the other with a separator: {@code field: reason; field: reason}. */
	public record Joined(String separator, List<?> items) {

		public Joined {
			items = List.copyOf(items);
		}
	}

	/**
	 * How a language writes numbers and money. {@link #API} is how the API's English has always written them: plain
	 * digits ({@code 2097152}, {@code 0.25}), money as {@code USD 5000.00}, codes as codes. Another language groups the
	 * digits of money, and of other numbers from 10 000 on, and writes money with its pattern
	 * ({@code {amount} {currency}}).
	 */
	public record Formats(String decimalSeparator, String groupSeparator, String moneyPattern, boolean asWritten) {

		public static final Formats API = new Formats(".", "", "{currency} {amount}", true);

		/** The formats of a language from its catalogue ({@code ui.format.*}). */
		public static Formats of(String decimalSeparator, String groupSeparator, String moneyPattern) {
			return new Formats(decimalSeparator, groupSeparator, moneyPattern, false);
		}

		String money(BigDecimal amount, String currency) {
			if (asWritten) {
				return currency + " " + amount.toPlainString();
			}
			return moneyPattern.replace("{currency}", currency).replace("{amount}", decimal(amount, 1_000));
		}

		String number(Number number) {
			BigDecimal exact = number instanceof BigDecimal d ? d
					: number instanceof BigInteger i ? new BigDecimal(i)
					: number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte
							? BigDecimal.valueOf(number.longValue()) : null;
			if (exact == null) {
				return String.valueOf(number);
			}
			return asWritten ? exact.toPlainString() : decimal(exact, 10_000);
		}

		/** Digits grouped by three when the whole part is at least {@code groupFrom}, with the decimal separator. */
		private String decimal(BigDecimal value, long groupFrom) {
			String plain = value.abs().toPlainString();
			int point = plain.indexOf('.');
			String whole = point < 0 ? plain : plain.substring(0, point);
			String fraction = point < 0 ? "" : plain.substring(point + 1);
			StringBuilder out = new StringBuilder(value.signum() < 0 ? "-" : "");
			boolean group = value.abs().compareTo(BigDecimal.valueOf(groupFrom)) >= 0;
			for (int i = 0; i < whole.length(); i++) {
				if (group && i > 0 && (whole.length() - i) % 3 == 0) {
					out.append(groupSeparator);
				}
				out.append(whole.charAt(i));
			}
			return fraction.isEmpty() ? out.toString() : out.append(decimalSeparator).append(fraction).toString();
		}
	}
}
