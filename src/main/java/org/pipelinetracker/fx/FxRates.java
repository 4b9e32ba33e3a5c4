package org.pipelinetracker.fx;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The exchange rates users supply in {@code tracker.fx.rates-file} (default {@code config/fx-rates.csv}, relative
 * to the working directory; the copy on the classpath at {@code fx/fx-rates.csv} when that file does not exist),
 * and conversion to USD with the latest rate on or before a value date. Loaded once and immutable, so lookups are
 * cheap enough for every event of a projection. An invalid file stops start-up, naming each bad line.
 */
@Component
public class FxRates {

	static final String DEFAULT_FILE = "config/fx-rates.csv";
	static final String CLASSPATH_COPY = "fx/fx-rates.csv";
	static final String USD = "USD";
	/** USD amounts have cents, rounded half-even. */
	static final int USD_SCALE = 2;
	static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

	private static final Logger log = LoggerFactory.getLogger(FxRates.class);

	private final Map<String, NavigableMap<LocalDate, FxRate>> byCurrency;
	private final List<FxRate> all;
	private final String origin;
	private final String fingerprint;

	/**
	 * Loads {@code ratesFile}, or the classpath copy if it does not exist.
	 *
	 * @throws IllegalStateException naming the file, each bad line and what is wrong with it
	 */
	public FxRates(@Value("${tracker.fx.rates-file:" + DEFAULT_FILE + "}") Path ratesFile) {
		Objects.requireNonNull(ratesFile, "ratesFile");
		List<FxRate> rates;
		if (Files.exists(ratesFile)) {
			origin = ratesFile.toString();
			rates = FxRatesCsv.parse(origin, decode(origin, readFile(ratesFile)));
			log.info("Loaded {} FX rates from {} ({})", rates.size(), origin, ratesFile.toAbsolutePath().normalize());
		}
		else {
			origin = "classpath:" + CLASSPATH_COPY;
			rates = FxRatesCsv.parse(origin, decode(origin, readClasspathCopy()));
			log.info("FX rates file {} ({}) not found; loaded {} FX rates from {}", ratesFile,
					ratesFile.toAbsolutePath().normalize(), rates.size(), origin);
		}
		Map<String, TreeMap<LocalDate, FxRate>> index = new HashMap<>();
		for (FxRate rate : rates) {
			index.computeIfAbsent(rate.currency(), currency -> new TreeMap<>()).put(rate.date(), rate);
		}
		Map<String, NavigableMap<LocalDate, FxRate>> frozen = new HashMap<>();
		index.forEach((currency, byDate) -> frozen.put(currency, Collections.unmodifiableNavigableMap(byDate)));
		this.byCurrency = Map.copyOf(frozen);
		this.all = rates.stream()
				.sorted(Comparator.comparing(FxRate::currency).thenComparing(FxRate::date))
				.toList();
		this.fingerprint = fingerprintOf(all);
	}

	/**
	 * The rate for {@code currency} with the latest date on or before {@code valueDate}; for USD a rate of 1 with
	 * source "identity". Empty when the currency has no rate dated on or before the value date.
	 */
	public Optional<FxRate> rateFor(String currency, LocalDate valueDate) {
		Objects.requireNonNull(currency, "currency");
		Objects.requireNonNull(valueDate, "valueDate");
		if (USD.equals(currency)) {
			return Optional.of(new FxRate(valueDate, USD, BigDecimal.ONE, "identity"));
		}
		NavigableMap<LocalDate, FxRate> rates = byCurrency.get(currency);
		if (rates == null) {
			return Optional.empty();
		}
		Map.Entry<LocalDate, FxRate> latest = rates.floorEntry(valueDate);
		return latest == null ? Optional.empty() : Optional.of(latest.getValue());
	}

	/**
	 * {@code amount} of {@code currency} in USD at the rate for {@code valueDate} (see {@link #rateFor}):
	 * amount / unitsPerUsd, rounded half-even to cents in a single exact rounding step. Without a usable rate the
	 * result is {@link Conversion#none()}: never converted at 1.
	 */
	public Conversion toUsd(BigDecimal amount, String currency, LocalDate valueDate) {
		Objects.requireNonNull(amount, "amount");
		return rateFor(currency, valueDate)
				.map(rate -> Conversion.of(amount.divide(rate.unitsPerUsd(), USD_SCALE, ROUNDING), rate))
				.orElse(Conversion.none());
	}

	/** Every rate loaded, by currency and then date. */
	public List<FxRate> all() {
		return all;
	}

	/**
	 * A SHA-256 (hex) of every rate's currency, date and value: equal fingerprints convert every amount on every
	 * date alike. Read models that store USD figures record it, to notice when the rates they used are replaced.
	 * The sources' names and the scale a value is written with ({@code 1.50} or {@code 1.5}) do not count.
	 */
	public String fingerprint() {
		return fingerprint;
	}

	private static String fingerprintOf(List<FxRate> rates) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			for (FxRate rate : rates) {
				sha.update((rate.currency() + ',' + rate.date() + ',' + rate.unitsPerUsd().stripTrailingZeros().toPlainString()
						+ '\n').getBytes(StandardCharsets.UTF_8));
			}
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is not available", e);
		}
	}

	/** Where the rates were loaded from: the file's path as configured, or {@code classpath:fx/fx-rates.csv}. */
	String origin() {
		return origin;
	}

	private static byte[] readFile(Path file) {
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read the FX rates file " + file.toAbsolutePath(), e);
		}
	}

	private static byte[] readClasspathCopy() {
		try (InputStream in = FxRates.class.getClassLoader().getResourceAsStream(CLASSPATH_COPY)) {
			if (in == null) {
				throw new IllegalStateException("No FX rates: classpath:" + CLASSPATH_COPY + " is missing");
			}
			return in.readAllBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException("Cannot read classpath:" + CLASSPATH_COPY, e);
		}
	}

	private static String decode(String origin, byte[] bytes) {
		try {
			return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
		}
		catch (CharacterCodingException e) {
			throw new IllegalStateException("The FX rates file " + origin + " is not valid UTF-8; save it as UTF-8", e);
		}
	}
}
