package org.pipelinetracker.system;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends a command again when it failed on a concurrency conflict only: its events could not be stored because
 * another writer (a command on another node, or a stale copy in this node's aggregate cache) appended at the same
 * sequence number first. Nothing of the failed attempt was stored and the cache entry was evicted when its unit of
 * work rolled back, so the next attempt decides on the stored history. Every other failure (a rule violation, bad
 * input, a duplicate id) is final and reported at once.
 */
final class ConflictRetryScheduler implements RetryScheduler {

	private final int maxRetries;
	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "command-conflict-retry");
		thread.setDaemon(true);
		return thread;
	});

	ConflictRetryScheduler(int maxRetries) {
		this.maxRetries = maxRetries;
	}

	@Override
	public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
			List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
		if (failures.size() > maxRetries || !isConflict(lastFailure)) {
			return false;
		}
		// a short pause, longer on each attempt, lets the other writer's transaction finish
		executor.schedule(commandDispatch, failures.size() * 2L, TimeUnit.MILLISECONDS);
		return true;
	}

	static boolean isConflict(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof ConcurrencyException) {
				return true;
			}
		}
		return false;
	}
}
