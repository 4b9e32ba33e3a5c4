package org.pipelinetracker.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.context.ApplicationContext;

import java.util.concurrent.TimeUnit;

/**
 * The time an application spent on its HTTP requests, as it measures them itself ({@code http.server.requests}: from
 * its first filter until the answer is written, every URI and status together). Set beside the latency the client
 * measured, it splits an HTTP command's time into what the application's filters, controller and command took and
 * what lies outside them (the client, the connection, Tomcat reading the request and handing it to a worker thread).
 */
final class ServerTime {

	static final String TIMER = "http.server.requests";

	private final MeterRegistry meters;
	private final Totals atStart;

	private ServerTime(MeterRegistry meters) {
		this.meters = meters;
		this.atStart = totals();
	}

	/** From now on, in {@code ctx}; null when the application has no meter registry. */
	static ServerTime start(ApplicationContext ctx) {
		MeterRegistry meters = ctx.getBeanProvider(MeterRegistry.class).getIfAvailable();
		return meters == null ? null : new ServerTime(meters);
	}

	/** The mean time of the requests answered since {@link #start}, in milliseconds; -1 if none was. */
	double meanMs() {
		Totals now = totals();
		long requests = now.count() - atStart.count();
		return requests <= 0 ? -1 : (now.nanos() - atStart.nanos()) / 1e6 / requests;
	}

	/** The requests answered so far and their time, every timer read once. */
	private Totals totals() {
		long count = 0;
		double nanos = 0;
		for (Timer timer : meters.find(TIMER).timers()) {
			count += timer.count();
			nanos += timer.totalTime(TimeUnit.NANOSECONDS);
		}
		return new Totals(count, nanos);
	}

	private record Totals(long count, double nanos) {
	}
}
