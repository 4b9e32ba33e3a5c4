package org.pipelinetracker.messaging;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;

/**
 * Persisted deadlines: a db-scheduler {@link Scheduler} on the application's database. Axon's auto-configuration
 * sees it and provides a {@code DbSchedulerDeadlineManager} with its tasks, so deadlines survive restarts and, with
 * several nodes, run once. Scheduling joins the command's transaction.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineConfig {

	@Bean
	Scheduler dbScheduler(DataSource dataSource, List<Task<?>> tasks,
			@Value("${tracker.deadlines.polling-interval:2s}") Duration pollingInterval) {
		// Transaction-aware: a deadline scheduled by a command handler is inserted in the command's own transaction
		// (committed or rolled back with its events, no extra commit); the scheduler's own polling runs outside any.
		return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), tasks)
				.threads(2)
				.pollingInterval(pollingInterval)
				.enableImmediateExecution()
				.build();
	}

	/** Starts the scheduler once everything else (Axon's processors and handlers) is running, stops it first. */
	@Bean
	SmartLifecycle dbSchedulerLifecycle(Scheduler scheduler) {
		return new SmartLifecycle() {
			private volatile boolean running;

			@Override
			public void start() {
				scheduler.start();
				running = true;
			}

			@Override
			public void stop() {
				scheduler.stop();
				running = false;
			}

			@Override
			public boolean isRunning() {
				return running;
			}

			@Override
			public int getPhase() {
				return Integer.MAX_VALUE - 100;
			}
		};
	}
}
