package org.pipelinetracker.http.reliability;

import org.axonframework.common.transaction.TransactionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.DispatcherServlet;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Wires the body limit and the idempotency filter, and the background work of the idempotency keys: lease renewal
 * of running requests and deletion of keys past their retention.
 */
@Configuration(proxyBeanMethods = false)
class HttpReliabilityConfig {

	private static final Logger log = LoggerFactory.getLogger(HttpReliabilityConfig.class);

	/** Before Spring Security (-100): an oversized body is refused before anything reads it. */
	static final int BODY_LIMIT_ORDER = -200;
	/** After every other filter (security included: the key is scoped to the principal it establishes). */
	static final int IDEMPOTENCY_ORDER = Ordered.LOWEST_PRECEDENCE - 10;

	@Bean
	FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(
			@Value("${tracker.http.max-body-size:1MB}") DataSize maxBody,
			@Value("${tracker.http.max-import-size:200MB}") DataSize maxImport,
			@Value("${tracker.documents.max-size:50MB}") DataSize maxDocument,
			@Value("${tracker.reporting.max-size:5MB}") DataSize maxReport) {
		FilterRegistrationBean<BodyLimitFilter> registration = new FilterRegistrationBean<>(
				new BodyLimitFilter(maxBody.toBytes(), maxImport.toBytes(), maxDocument.toBytes(), maxReport.toBytes()));
		registration.addUrlPatterns("/api/*");
		registration.setOrder(BODY_LIMIT_ORDER);
		return registration;
	}

	@Bean
	IdempotencyStore idempotencyStore(JdbcTemplate jdbc,
			@Value("${tracker.idempotency.lease:15s}") Duration lease,
			@Value("${tracker.idempotency.retention:24h}") Duration retention) {
		return new IdempotencyStore(jdbc, Clock.systemUTC(), lease, retention);
	}

	@Bean
	IdempotencyFilter idempotencyFilterBean(IdempotencyStore store, TransactionManager transactions,
			ObjectProvider<DispatcherServlet> dispatcher,
			@Value("${tracker.idempotency.transactional-paths:/api/projects/**,/api/facilities/**}") List<String> paths,
			@Value("${tracker.idempotency.max-attempts:5}") int maxAttempts) {
		return new IdempotencyFilter(store, transactions, dispatcher::getObject, paths, maxAttempts);
	}

	@Bean
	FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyFilter filter) {
		FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(filter);
		registration.addUrlPatterns("/api/*");
		registration.setOrder(IDEMPOTENCY_ORDER);
		return registration;
	}

	@Bean
	TransientFailures transientFailures() {
		return new TransientFailures();
	}

	/** Renews the leases of running keyed requests (every lease / 3) and deletes expired keys. */
	@Bean
	SmartLifecycle idempotencyHousekeeping(IdempotencyStore store, IdempotencyFilter filter,
			@Value("${tracker.idempotency.cleanup-interval:10m}") Duration cleanupInterval) {
		return new SmartLifecycle() {
			private ScheduledExecutorService executor;

			@Override
			public synchronized void start() {
				executor = Executors.newSingleThreadScheduledExecutor(r -> {
					Thread thread = new Thread(r, "idempotency-housekeeping");
					thread.setDaemon(true);
					return thread;
				});
				long renew = Math.max(100, store.lease().toMillis() / 3);
				executor.scheduleWithFixedDelay(filter::renewLeases, renew, renew, TimeUnit.MILLISECONDS);
				long cleanup = Math.max(1000, cleanupInterval.toMillis());
				executor.scheduleWithFixedDelay(() -> {
					try {
						int deleted = store.deleteExpired();
						if (deleted > 0) {
							log.info("Deleted {} idempotency keys past their retention", deleted);
						}
					}
					catch (RuntimeException e) {
						log.warn("Could not delete expired idempotency keys (will try again)", e);
					}
				}, cleanup, cleanup, TimeUnit.MILLISECONDS);
			}

			@Override
			public synchronized void stop() {
				if (executor != null) {
					executor.shutdownNow();
					executor = null;
				}
			}

			@Override
			public synchronized boolean isRunning() {
				return executor != null;
			}
		};
	}
}
