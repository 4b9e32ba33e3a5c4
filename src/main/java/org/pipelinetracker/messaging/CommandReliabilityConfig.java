package org.pipelinetracker.messaging;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The command gateway: a command that lost a race on the event store's unique (aggregate, sequence) key to another
 * node ({@link ConcurrencyException}) is sent again, up to {@code tracker.commands.max-retries} times, before the
 * caller sees the 409; and the expected version of an {@code If-Match} goes with every command ({@link ExpectedVersion}).
 */
@Configuration(proxyBeanMethods = false)
class CommandReliabilityConfig {

	@Bean
	CommandGateway commandGateway(CommandBus commandBus,
			@Value("${tracker.commands.max-retries:3}") int maxRetries,
			@Value("${tracker.commands.retry-interval-ms:20}") int retryIntervalMs) {
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
			Thread thread = new Thread(r, "command-retry");
			thread.setDaemon(true);
			return thread;
		});
		RetryScheduler retries = IntervalRetryScheduler.builder()
				.retryExecutor(executor)
				.maxRetryCount(maxRetries)
				.retryInterval(retryIntervalMs)
				.nonTransientFailurePredicate(failure -> false)
				.build();
		return DefaultCommandGateway.builder()
				.commandBus(commandBus)
				.retryScheduler(new ConcurrencyOnly(retries))
				.dispatchInterceptors(List.of(ExpectedVersion.dispatchInterceptor()))
				.build();
	}

	/**
	 * The command bus: Axon's {@link SimpleCommandBus} with group commit ({@link GroupCommitCommandBus}): commands sent
	 * at the same time by several callers share one transaction and one durable commit. {@code
	 * tracker.commands.group-commit.max-batch=1} turns grouping off (every command in its caller's thread, as Axon's
	 * default bus does).
	 */
	@Bean(destroyMethod = "shutDown")
	@Qualifier("localSegment")
	GroupCommitCommandBus commandBus(TransactionManager transactionManager,
			org.axonframework.config.Configuration axon,
			DuplicateCommandHandlerResolver duplicateCommandHandlerResolver,
			@Value("${tracker.commands.group-commit.max-batch:64}") int maxBatch,
			@Value("${tracker.commands.group-commit.workers:1}") int workers) {
		SimpleCommandBus.Builder builder = SimpleCommandBus.builder()
				.transactionManager(transactionManager)
				.duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
				.spanFactory(axon.getComponent(CommandBusSpanFactory.class))
				.messageMonitor(axon.messageMonitor(CommandBus.class, "commandBus"));
		GroupCommitCommandBus bus = new GroupCommitCommandBus(builder, transactionManager, maxBatch, workers);
		bus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axon.correlationDataProviders()));
		return bus;
	}

	/** Axon's aggregates resolve a command's target (and expected version) with this. */
	@Bean
	CommandTargetResolver commandTargetResolver() {
		return ExpectedVersion.targetResolver();
	}

	/**
	 * Retries only lost races, and only for commands sent on their own: a command nested in a request's unit of work
	 * (an Idempotency-Key write) appends when the request commits, and the request is retried as a whole.
	 */
	private record ConcurrencyOnly(RetryScheduler delegate) implements RetryScheduler {

		@Override
		public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
				List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
			if (CurrentUnitOfWork.isStarted() || !isLostRace(lastFailure)) {
				return false;
			}
			return delegate.scheduleRetry(commandMessage, lastFailure, failures, commandDispatch);
		}

		private static boolean isLostRace(Throwable failure) {
			for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
				if (t instanceof ConcurrencyException) {
					return true;
				}
			}
			return false;
		}
	}
}
