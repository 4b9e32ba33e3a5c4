package org.pipelinetracker.fx;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The exchange rates in force: those users supply in {@code tracker.fx.rates-file} (default
 * {@code config/fx-rates.csv}, relative to the working directory; the copy on the classpath at
 * {@code fx/fx-rates.csv} when that file does not exist), read once at start-up (an invalid file stops start-up,
 * naming each bad line), and the official rates imported at run time (uploaded or fetched, kept in the database and
 * read again on every node when they change, see {@link FxRateStore}).
 * <p>
 * The rates in force are one immutable {@link RateTable}, replaced as a whole when imported rates change: a reader
 * that takes {@link #current()} once converts everything it reads with the same rates. The other methods answer
 * with the table in force at the moment of the call.
 */
@Component("ratesInForce") // the bean name fxRates is the health indicator's (/actuator/health/fxRates)
public class FxRates {

	static final String DEFAULT_FILE = "config/fx-rates.csv";
	static final String CLASSPATH_COPY = "fx/fx-rates.csv";

	private static final Logger log = LoggerFactory.getLogger(FxRates.class);

	private final List<FxRate> fileRates;
	private final String origin;
	private volatile RateTable table;

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
		this.fileRates = rates.stream().map(rate -> rate.from(origin)).toList();
		this.table = RateTable.of(fileRates, List.of());
	}

	/** The rates in force now, as one immutable set. */
	public RateTable current() {
		return table;
	}

	/** Puts the imported rates in force beside the file's; true when the fingerprint changed. */
	boolean useStored(List<FxRate> stored) {
		RateTable next = RateTable.of(fileRates, stored);
		RateTable before = table;
		table = next;
		return !next.fingerprint().equals(before.fingerprint());
	}

	/** See {@link RateTable#rateFor}. */
	public Optional<FxRate> rateFor(String currency, LocalDate valueDate) {
		return table.rateFor(currency, valueDate);
	}

	/** See {@link RateTable#toUsd}. */
	public Conversion toUsd(BigDecimal amount, String currency, LocalDate valueDate) {
		return table.toUsd(amount, currency, valueDate);
	}

	/** See {@link RateTable#convert}. */
	public Optional<Converted> convert(BigDecimal amount, String from, String to, LocalDate valueDate) {
		return table.convert(amount, from, to, valueDate);
	}

	/** Every rate in force, file and imported, by currency and then date. */
	public List<FxRate> all() {
		return table.all();
	}

	/** See {@link RateTable#fingerprint()}. */
	public String fingerprint() {
		return table.fingerprint();
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
