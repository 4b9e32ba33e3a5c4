package org.pipelinetracker.fx;

import org.pipelinetracker.kernel.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * The optional scheduled fetch of the Central Bank's daily rates from {@code tracker.fx.cbu.url} (off when empty,
 * the default), on the cron {@code tracker.fx.cbu.schedule} in {@code tracker.time-zone}; each answer is imported
 * like an upload ({@link ImportOfficialRates}), so fetching the same day again adds nothing. A fetch that fails (no
 * answer within {@code tracker.fx.cbu.timeout}, an HTTP error, a file that is not the Central Bank's JSON) keeps
 * the rates in force and is reported in {@code /actuator/health} ({@code fxRates}) until a fetch succeeds.
 */
@Component
class CbuRatesFetch implements SmartLifecycle {

	static final String FETCHED_BY = "scheduled fetch";
	/** The largest answer read (the Central Bank's file is about 25 KB). */
	static final int MAX_BYTES = 5 * 1024 * 1024;

	private static final Logger log = LoggerFactory.getLogger(CbuRatesFetch.class);

	private final ImportOfficialRates imports;
	private final Clock clock;
	private final String url;
	private final String schedule;
	private final ZoneId zone;
	private final Duration timeout;
	private final HttpClient http;
	private ThreadPoolTaskScheduler scheduler;
	private volatile boolean running;
	private volatile Status status;
	/** One fetch at a time (the schedule and POST /api/fx-rates/fetches). */
	private final Object fetching = new Object();

	/** The state of the fetch, for health: the last attempt, success and failure (with why). */
	record Status(String url, String schedule, Instant lastAttempt, Instant lastSuccess, Instant lastFailure,
			String lastFailureReason, ImportReport lastReport) {

		boolean failing() {
			return lastFailure != null && (lastSuccess == null || lastFailure.isAfter(lastSuccess));
		}
	}

	CbuRatesFetch(ImportOfficialRates imports, Clock clock, @Value("${tracker.fx.cbu.url:}") String url,
			@Value("${tracker.fx.cbu.schedule:0 5 * * * *}") String schedule,
			@Value("${tracker.time-zone:Asia/Tashkent}") ZoneId zone,
			@Value("${tracker.fx.cbu.timeout:20s}") Duration timeout) {
		this.imports = imports;
		this.clock = clock;
		this.url = url == null || url.isBlank() ? null : url.strip();
		this.schedule = schedule.strip();
		this.zone = zone;
		this.timeout = timeout;
		if (this.url != null) {
			URI uri = URI.create(this.url);
			if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
				throw new IllegalStateException("tracker.fx.cbu.url must be an http(s) URL (got '" + url + "')");
			}
			new CronTrigger(this.schedule, zone); // an invalid schedule stops start-up
		}
		this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
		this.status = new Status(this.url, this.url == null ? null : this.schedule, null, null, null, null, null);
	}

	/** True when a URL is configured. */
	boolean enabled() {
		return url != null;
	}

	Status status() {
		return status;
	}

	/**
	 * Fetches and imports the rates now; the report, or empty when the fetch failed (the reason is in
	 * {@link #status()}; the rates in force are kept).
	 */
	Optional<ImportReport> fetchNow() {
		if (url == null) {
			throw new IllegalStateException("no tracker.fx.cbu.url");
		}
		synchronized (fetching) {
			return fetchAndImport();
		}
	}

	private Optional<ImportReport> fetchAndImport() {
		Instant attempt = clock.instant();
		try {
			ImportReport report = imports.run(fetch(), url, FETCHED_BY, Locale.ENGLISH);
			status = new Status(url, schedule, attempt, clock.instant(), status.lastFailure(), status.lastFailureReason(),
					report);
			log.info("Fetched the Central Bank's rates from {}: {} added, {} unchanged, dates {}", url, report.added(),
					report.unchanged(), report.dates());
			return Optional.of(report);
		}
		catch (FetchFailure e) {
			failed(attempt, e.getMessage(), null);
		}
		catch (InvalidRequestException e) {
			failed(attempt, "the answer is not the Central Bank's rates JSON: " + e.getMessage(), null);
		}
		catch (RuntimeException e) {
			failed(attempt, "the rates could not be stored: " + e, e);
		}
		return Optional.empty();
	}

	private void failed(Instant attempt, String reason, Exception cause) {
		status = new Status(url, schedule, attempt, status.lastSuccess(), clock.instant(), reason, status.lastReport());
		if (cause != null) {
			log.warn("Fetching the Central Bank's rates from {} failed; the rates in force are kept: {}", url, reason, cause);
		}
		else {
			log.warn("Fetching the Central Bank's rates from {} failed; the rates in force are kept: {}", url, reason);
		}
	}

	private byte[] fetch() {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
				.header("Accept", "application/json").GET().build();
		try {
			HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream body = response.body()) {
				if (response.statusCode() != 200) {
					throw new FetchFailure("HTTP " + response.statusCode() + " from " + url);
				}
				byte[] bytes = body.readNBytes(MAX_BYTES + 1);
				if (bytes.length > MAX_BYTES) {
					throw new FetchFailure("the answer from " + url + " is larger than " + MAX_BYTES + " bytes");
				}
				return bytes;
			}
		}
		catch (HttpTimeoutException e) {
			throw new FetchFailure("no answer from " + url + " within " + timeout.toMillis() + " ms (timeout)");
		}
		catch (IOException e) {
			throw new FetchFailure("cannot read " + url + ": " + e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new FetchFailure("interrupted while fetching " + url);
		}
	}

	/** A fetch that did not get the file. */
	private static final class FetchFailure extends RuntimeException {
		FetchFailure(String message) {
			super(message, null, false, false);
		}
	}

	@Override
	public synchronized void start() {
		if (running) {
			return;
		}
		if (url != null) {
			scheduler = new ThreadPoolTaskScheduler();
			scheduler.setThreadNamePrefix("fx-rates-fetch-");
			scheduler.setDaemon(true);
			scheduler.initialize();
			scheduler.schedule(this::fetchNow, new CronTrigger(schedule, zone));
			log.info("Fetching the Central Bank's rates from {} on the schedule '{}' ({})", url, schedule, zone);
		}
		running = true;
	}

	@Override
	public synchronized void stop() {
		if (!running) {
			return;
		}
		if (scheduler != null) {
			scheduler.shutdown();
			scheduler = null;
		}
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}
}
