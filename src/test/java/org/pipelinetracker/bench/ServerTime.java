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
	private long countAtStart;
	private double nanosAtStart;

	private ServerTime(MeterRegistry meters) {
		this.meters = meters;
	}

	/** From now on, in {@code ctx}; null when the application has no meter registry. */
	static ServerTime start(ApplicationContext ctx) {
		MeterRegistry meters = ctx.getBeanProvider(MeterRegistry.class).getIfAvailable();
		if (meters == null) {
			return null;
		}
		ServerTime time = new ServerTime(meters);
		time.countAtStart = time.count();
		time.nanosAtStart = time.nanos();
		return time;
	}

	/** The mean time of the requests answered since {@link #start}, in milliseconds; -1 if none was. */
	double meanMs() {
		long requests = count() - countAtStart;
		return requests <= 0 ? -1 : (nanos() - nanosAtStart) / 1e6 / requests;
	}

	private long count() {
		return meters.find(TIMER).timers().stream().mapToLong(Timer::count).sum();
	}

	private double nanos() {
		return meters.find(TIMER).timers().stream().mapToDouble(t -> t.totalTime(TimeUnit.NANOSECONDS)).sum();
	}
}
