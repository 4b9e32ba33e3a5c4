package org.pipelinetracker.fx;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One immutable set of exchange rates and the conversions it gives; {@link FxRates#current()} hands out the set in
 * force, so a reader that takes one converts everything it reads with the same rates.
 * <p>
 * Every rate links a currency to a pivot: the Central Bank's rates give the value of a currency in UZS
 * ({@code Rate / Nominal}), the rates file the units of a currency one US dollar buys (its UZS row also gives the
 * value of a US dollar in UZS, and the Central Bank's USD rate the value of a sum in USD). A conversion on a value
 * date values both currencies in one pivot, UZS or USD, each with the latest rate on or before that date (a currency
 * linked only to the other pivot is valued through it), choosing the way whose oldest rate is the most recent, then
 * the one with fewer rates, then UZS; it computes {@code amount × value(from) / value(to)} as one exact fraction,
 * divided once and rounded half-even to the target currency's minor units. Where the file and an imported rate link
 * the same two currencies on the same date, the imported rate is used.
 */
public final class RateTable {

	static final String UZS = "UZS";
	static final String USD = "USD";
	/** Significant digits of a rate shown for a conversion when its decimal expansion does not end. */
	static final int RATE_DIGITS = 20;
	static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;
	private static final MathContext RATE_CONTEXT = new MathContext(RATE_DIGITS, ROUNDING);
	private static final List<String> PIVOTS = List.of(UZS, USD);
	private static final int DEFAULT_MINOR_UNITS = 2;

	/**
	 * One unit of a currency is worth {@code num / den} units of a pivot, by {@code rates} (none: the pivot itself;
	 * two: the currency's rate in the other pivot and that pivot's rate in this one).
	 */
	private record Leg(BigDecimal num, BigDecimal den, List<FxRate> rates) {

		static Leg of(BigDecimal num, BigDecimal den, FxRate rate) {
			return new Leg(num, den, List.of(rate));
		}

		/** The oldest date of its rates (LocalDate.MAX without a rate). */
		LocalDate date() {
			return rates.stream().map(FxRate::date).min(LocalDate::compareTo).orElse(LocalDate.MAX);
		}

		/** This value (in another pivot) expressed in the pivot {@code pivotValue} values that pivot in. */
		Leg times(Leg pivotValue) {
			List<FxRate> both = new ArrayList<>(rates);
			both.addAll(pivotValue.rates());
			return new Leg(num.multiply(pivotValue.num()), den.multiply(pivotValue.den()), List.copyOf(both));
		}

		/** The more recent of two values (by their oldest rate), then the one with fewer rates. */
		static Leg better(Leg a, Leg b) {
			if (a == null) {
				return b;
			}
			if (b == null) {
				return a;
			}
			int byDate = a.date().compareTo(b.date());
			if (byDate != 0) {
				return byDate > 0 ? a : b;
			}
			return b.rates().size() < a.rates().size() ? b : a;
		}
	}

	private static final Leg SAME = new Leg(BigDecimal.ONE, BigDecimal.ONE, List.of());

	/** A way from one currency to another: through {@code pivot}, {@code from} and {@code to} valued in it. */
	private record Path(Leg from, Leg to, String pivot) {

		BigDecimal num() {
			return from.num().multiply(to.den());
		}

		BigDecimal den() {
			return from.den().multiply(to.num());
		}

		/** The oldest date of the rates used (LocalDate.MAX when none is needed). */
		LocalDate date() {
			LocalDate a = from.date();
			LocalDate b = to.date();
			return a.isBefore(b) ? a : b;
		}

		List<FxRate> rates() {
			List<FxRate> rates = new ArrayList<>(from.rates());
			rates.addAll(to.rates());
			return rates;
		}

		String source() {
			return joined(rates().stream().map(FxRate::source).toList());
		}

		/** The pivot when both sides needed a rate (a cross rate); null for a direct rate or no rate at all. */
		String via() {
			return !from.rates().isEmpty() && !to.rates().isEmpty() ? pivot : null;
		}

		/** The more recent path (by its oldest rate), then the one with fewer rates, then the first. */
		boolean betterThan(Path other) {
			int byDate = date().compareTo(other.date());
			return byDate != 0 ? byDate > 0 : rates().size() < other.rates().size();
		}
	}

	private static final Path IDENTITY = new Path(SAME, SAME, null);

	private final Map<String, Map<String, NavigableMap<LocalDate, Leg>>> legs;
	private final List<FxRate> all;
	private final String fingerprint;

	private RateTable(Map<String, Map<String, NavigableMap<LocalDate, Leg>>> legs, List<FxRate> all,
			String fingerprint) {
		this.legs = legs;
		this.all = all;
		this.fingerprint = fingerprint;
	}

	/**
	 * The table of {@code fileRates} (the rates file, against USD) and {@code storedRates} (imported, as published);
	 * a stored rate replaces a file rate that links the same currency to the same pivot on the same date.
	 */
	static RateTable of(List<FxRate> fileRates, List<FxRate> storedRates) {
		Map<String, Map<String, NavigableMap<LocalDate, Leg>>> legs = new HashMap<>();
		for (String pivot : PIVOTS) {
			legs.put(pivot, new HashMap<>());
		}
		List<FxRate> all = new ArrayList<>(fileRates);
		all.addAll(storedRates);
		for (FxRate rate : all) {
			if (rate.isPublished()) {
				// nominal units of currency = rate units of base: 1 currency = rate / nominal base
				link(legs, rate.base(), rate.currency(), Leg.of(rate.rate(), rate.nominal(), rate));
				link(legs, rate.currency(), rate.base(), Leg.of(rate.nominal(), rate.rate(), rate));
			}
			else {
				// 1 USD = unitsPerUsd currency: 1 currency = 1 / unitsPerUsd USD
				link(legs, USD, rate.currency(), Leg.of(BigDecimal.ONE, rate.unitsPerUsd(), rate));
				link(legs, rate.currency(), USD, Leg.of(rate.unitsPerUsd(), BigDecimal.ONE, rate));
			}
		}
		Map<String, Map<String, NavigableMap<LocalDate, Leg>>> frozen = new HashMap<>();
		legs.forEach((pivot, byCurrency) -> {
			Map<String, NavigableMap<LocalDate, Leg>> currencies = new HashMap<>();
			byCurrency.forEach((currency, byDate) -> currencies.put(currency, Collections.unmodifiableNavigableMap(byDate)));
			frozen.put(pivot, Map.copyOf(currencies));
		});
		Comparator<FxRate> order = Comparator.comparing(FxRate::currency).thenComparing(FxRate::date);
		return new RateTable(Map.copyOf(frozen), all.stream().sorted(order).toList(),
				fingerprintOf(fileRates.stream().sorted(order).toList(), storedRates.stream().sorted(order).toList()));
	}

	/** Records that one unit of {@code currency} is worth {@code leg} in {@code pivot}, when that is a pivot. */
	private static void link(Map<String, Map<String, NavigableMap<LocalDate, Leg>>> legs, String pivot,
			String currency, Leg leg) {
		Map<String, NavigableMap<LocalDate, Leg>> byCurrency = legs.get(pivot);
		if (byCurrency != null && !pivot.equals(currency)) {
			byCurrency.computeIfAbsent(currency, c -> new TreeMap<>()).put(leg.rates().get(0).date(), leg);
		}
	}

	/**
	 * {@code amount} of {@code from} in {@code to} at the rates for {@code valueDate}; empty when there is no
	 * usable rate (never converted at 1, never taken as zero).
	 */
	public Optional<Converted> convert(BigDecimal amount, String from, String to, LocalDate valueDate) {
		Objects.requireNonNull(amount, "amount");
		Path path = path(from, to, valueDate);
		if (path == null) {
			return Optional.empty();
		}
		BigDecimal value = amount.multiply(path.num()).divide(path.den(), minorUnits(to), ROUNDING);
		return Optional.of(new Converted(value, to, rate(path.num(), path.den()),
				path == IDENTITY ? null : path.date(), path == IDENTITY ? null : path.source(), path.via()));
	}

	/** The rates a conversion from {@code from} to {@code to} on {@code valueDate} uses (none for the same currency). */
	public List<FxRate> ratesFor(String from, String to, LocalDate valueDate) {
		Path path = path(from, to, valueDate);
		return path == null ? List.of() : path.rates();
	}

	/**
	 * The rate of {@code currency} against USD on {@code valueDate}: the rate the rates file gives for it, or one
	 * derived from the rates a conversion to USD uses (units of the currency per US dollar, exact or to
	 * {@value #RATE_DIGITS} significant digits); for USD a rate of 1 with source "identity". Empty without a usable
	 * rate.
	 */
	public Optional<FxRate> rateFor(String currency, LocalDate valueDate) {
		Objects.requireNonNull(currency, "currency");
		Objects.requireNonNull(valueDate, "valueDate");
		if (USD.equals(currency)) {
			return Optional.of(new FxRate(valueDate, USD, BigDecimal.ONE, "identity"));
		}
		Path path = path(currency, USD, valueDate);
		return path == null ? Optional.empty() : Optional.of(usdRate(currency, path));
	}

	/**
	 * {@code amount} of {@code currency} in USD at the rate for {@code valueDate} (see {@link #rateFor}), rounded
	 * half-even to cents in one step from the exact fraction. Without a usable rate the result is
	 * {@link Conversion#none()}: never converted at 1.
	 */
	public Conversion toUsd(BigDecimal amount, String currency, LocalDate valueDate) {
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(currency, "currency");
		Objects.requireNonNull(valueDate, "valueDate");
		if (USD.equals(currency)) {
			return Conversion.of(amount.setScale(minorUnits(USD), ROUNDING), rateFor(USD, valueDate).orElseThrow());
		}
		Path path = path(currency, USD, valueDate);
		if (path == null) {
			return Conversion.none();
		}
		return Conversion.of(amount.multiply(path.num()).divide(path.den(), minorUnits(USD), ROUNDING),
				usdRate(currency, path));
	}

	/** Every rate, file and imported, by currency and then date. */
	public List<FxRate> all() {
		return all;
	}

	/**
	 * A SHA-256 (hex) of every rate's currency, date and value: equal fingerprints convert every amount on every
	 * date alike. Read models that store converted figures record it, to notice when the rates they used change.
	 * The sources' names and the scale a value is written with ({@code 1.50} or {@code 1.5}) do not count. Without
	 * imported rates it is the fingerprint of the rates file alone, as before rates could be imported.
	 */
	public String fingerprint() {
		return fingerprint;
	}

	/** The digits after the decimal point of a currency's minor unit (ISO 4217; 2 when the JDK does not know it). */
	public static int minorUnits(String currency) {
		try {
			int digits = Currency.getInstance(currency).getDefaultFractionDigits();
			return digits >= 0 ? digits : DEFAULT_MINOR_UNITS;
		}
		catch (IllegalArgumentException unknown) {
			return DEFAULT_MINOR_UNITS;
		}
	}

	// --- paths --------------------------------------------------------------------------------------------------

	private Path path(String from, String to, LocalDate valueDate) {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		Objects.requireNonNull(valueDate, "valueDate");
		if (from.equals(to)) {
			return IDENTITY;
		}
		Path best = null;
		for (String pivot : PIVOTS) {
			Leg a = value(pivot, from, valueDate);
			Leg b = value(pivot, to, valueDate);
			if (a != null && b != null) {
				Path candidate = new Path(a, b, pivot);
				if (best == null || candidate.betterThan(best)) {
					best = candidate;
				}
			}
		}
		return best;
	}

	/**
	 * The value of one unit of {@code currency} in {@code pivot} on {@code valueDate}: by its own rate, or by its
	 * rate in the other pivot and that pivot's rate in this one, whichever is the more recent; null when neither.
	 */
	private Leg value(String pivot, String currency, LocalDate valueDate) {
		if (pivot.equals(currency)) {
			return SAME;
		}
		Leg direct = latest(pivot, currency, valueDate);
		for (String other : PIVOTS) {
			if (!other.equals(pivot) && !other.equals(currency)) {
				Leg inOther = latest(other, currency, valueDate);
				Leg otherInPivot = latest(pivot, other, valueDate);
				if (inOther != null && otherInPivot != null) {
					direct = Leg.better(direct, inOther.times(otherInPivot));
				}
			}
		}
		return direct;
	}

	private Leg latest(String pivot, String currency, LocalDate valueDate) {
		NavigableMap<LocalDate, Leg> byDate = legs.get(pivot).get(currency);
		if (byDate == null) {
			return null;
		}
		Map.Entry<LocalDate, Leg> latest = byDate.floorEntry(valueDate);
		return latest == null ? null : latest.getValue();
	}

	/** The rate of {@code currency} against USD a path gives: a file rate as it is, else one derived from the path. */
	private static FxRate usdRate(String currency, Path path) {
		List<FxRate> rates = path.rates();
		if (rates.size() == 1 && !rates.get(0).isPublished() && rates.get(0).currency().equals(currency)) {
			return rates.get(0);
		}
		String origins = joined(rates.stream().map(FxRate::origin).filter(Objects::nonNull).toList());
		return new FxRate(path.date(), currency, rate(path.den(), path.num()), path.source(), null, null, null,
				origins.isEmpty() ? null : origins);
	}

	/** {@code num / den}: exact, or to {@value #RATE_DIGITS} significant digits when the division does not end. */
	static BigDecimal rate(BigDecimal num, BigDecimal den) {
		BigDecimal quotient;
		try {
			quotient = num.divide(den);
			if (quotient.precision() > RATE_DIGITS) {
				quotient = quotient.round(RATE_CONTEXT);
			}
		}
		catch (ArithmeticException nonTerminating) {
			quotient = num.divide(den, RATE_CONTEXT);
		}
		quotient = quotient.stripTrailingZeros();
		return quotient.scale() < 0 ? quotient.setScale(0) : quotient;
	}

	private static String joined(List<String> parts) {
		Set<String> distinct = new LinkedHashSet<>(parts);
		return distinct.stream().collect(Collectors.joining("; "));
	}

	// --- fingerprint ----------------------------------------------------------------------------------------------

	private static String fingerprintOf(List<FxRate> fileRates, List<FxRate> storedRates) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			for (FxRate rate : fileRates) {
				sha.update((rate.currency() + ',' + rate.date() + ',' + plain(rate.unitsPerUsd()) + '\n')
						.getBytes(StandardCharsets.UTF_8));
			}
			for (FxRate rate : storedRates) {
				sha.update((rate.currency() + ',' + rate.date() + ',' + plain(rate.rate()) + '/' + plain(rate.nominal())
						+ ' ' + rate.base() + '\n').getBytes(StandardCharsets.UTF_8));
			}
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is not available", e);
		}
	}

	private static String plain(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}
}
