package org.pipelinetracker.fx;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code fxRates} in {@code /actuator/health}: the rates in force (from the file and imported, the latest rate date,
 * the fingerprint) and the scheduled fetch (off, or its URL, schedule, last success and last failure with why).
 * {@value #DEGRADED} while the last fetch failed: the rates in force are kept and answers keep converting with
 * them, so the application as a whole stays UP (the status counts in no aggregate); UP otherwise.
 */
@Component("fxRates")
class FxRatesHealthIndicator implements HealthIndicator {

	static final String DEGRADED = "DEGRADED";

	private final FxRates rates;
	private final ImportedRates imported;
	private final CbuRatesFetch fetch;

	FxRatesHealthIndicator(FxRates rates, ImportedRates imported, CbuRatesFetch fetch) {
		this.rates = rates;
		this.imported = imported;
		this.fetch = fetch;
	}

	@Override
	public Health health() {
		// the fetch's status first: a fetch puts its rates in force before it records its success, so rates read
		// after a success include what it added (read the other way round, an answer could show a fetch "ok" with
		// the rates from before it)
		CbuRatesFetch.Status status = fetch.status();
		RateTable table = rates.current();
		long fromFile = table.all().stream().filter(r -> !r.isPublished()).count();
		LocalDate latest = table.all().stream().map(FxRate::date).max(LocalDate::compareTo).orElse(null);
		Map<String, Object> inForce = new LinkedHashMap<>();
		inForce.put("file", rates.origin());
		inForce.put("fromFile", fromFile);
		inForce.put("imported", table.all().size() - fromFile);
		inForce.put("importedRevision", imported.revision());
		inForce.put("latestRateDate", latest == null ? "none" : latest.toString());
		inForce.put("fingerprint", table.fingerprint());
		Map<String, Object> fetching = new LinkedHashMap<>();
		if (!fetch.enabled()) {
			fetching.put("state", "off");
		}
		else {
			fetching.put("state", status.failing() ? "failing" : status.lastSuccess() != null ? "ok" : "waiting");
			fetching.put("url", status.url());
			fetching.put("schedule", status.schedule());
			put(fetching, "lastAttempt", status.lastAttempt());
			put(fetching, "lastSuccess", status.lastSuccess());
			put(fetching, "lastFailure", status.lastFailure());
			put(fetching, "lastFailureReason", status.lastFailureReason());
			if (status.lastReport() != null) {
				fetching.put("lastDates", status.lastReport().dates().stream().map(LocalDate::toString).toList());
				fetching.put("lastAdded", status.lastReport().added());
			}
		}
		return Health.status(status.failing() ? new Status(DEGRADED, "the last fetch of the Central Bank's rates failed;"
				+ " the rates in force are kept") : Status.UP).withDetail("rates", inForce).withDetail("fetch", fetching)
				.build();
	}

	private static void put(Map<String, Object> details, String key, Object value) {
		if (value != null) {
			details.put(key, value.toString());
		}
	}
}
