package org.pipelinetracker.messaging;

import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A command bus with <b>group commit</b>: commands sent concurrently by several callers are handled together, each in
 * its own nested unit of work, inside ONE database transaction, so their events are appended in one batch and made
 * durable by one commit, instead of one commit per command. A caller's answer is given only after that commit: a
 * successful answer still means the events are stored.
 * <p>
 * All or nothing, then one by one: if any command of a group is refused (a business rule, a version conflict) or the
 * commit fails (a stream id taken, another node's write in between), the whole group's transaction is rolled back
 * (Axon evicts every aggregate the group loaded from the cache), and each command of the group is handled again on
 * its own, exactly as {@link SimpleCommandBus} does. So a refusal reaches only its own caller, with the same answer
 * it gets without grouping, and the others are stored.
 * <p>
 * Not grouped, handled at once in the caller's thread as before: commands sent inside a unit of work or a Spring
 * transaction (an {@code Idempotency-Key} request, whose stored answer commits with its events; a handler sending a
 * command), and every command when {@code maxBatch} is 1. A lone command (no other waiting) is handled by the worker
 * without the group's outer unit of work.
 */
final class GroupCommitCommandBus extends SimpleCommandBus {

	private static final Logger log = LoggerFactory.getLogger(GroupCommitCommandBus.class);

	private final TransactionManager transactionManager;
	private final int maxBatch;
	private final BlockingQueue<Pending<?, ?>> queue = new LinkedBlockingQueue<>();
	private final List<Thread> workers = new ArrayList<>();
	private final AtomicLong groupedCommands = new AtomicLong();
	private volatile boolean running = true;

	GroupCommitCommandBus(Builder builder, TransactionManager transactionManager, int maxBatch, int workerCount) {
		super(builder);
		this.transactionManager = transactionManager;
		this.maxBatch = Math.max(1, maxBatch);
		if (this.maxBatch > 1) {
			for (int i = 0; i < Math.max(1, workerCount); i++) {
				Thread worker = new Thread(this::work, "command-group-commit-" + i);
				worker.setDaemon(true);
				workers.add(worker);
				worker.start();
			}
		}
	}

	@Override
	protected <C, R> void doDispatch(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {
		if (maxBatch > 1 && !CurrentUnitOfWork.isStarted() && !TransactionSynchronizationManager.isActualTransactionActive()
				&& !workers.contains(Thread.currentThread())) {
			synchronized (queue) { // so that nothing is queued after shutDown() has taken the queue's last commands
				if (running) {
					queue.add(new Pending<>(command, callback));
					return;
				}
			}
		}
		super.doDispatch(command, callback);
	}

	/** Commands stored in groups of more than one (a group handled one by one after a refusal does not count). */
	long groupedCommands() {
		return groupedCommands.get();
	}

	/**
	 * Stops taking commands into groups: the workers finish the group they hold and stop (they are not interrupted:
	 * an interrupt during file I/O closes H2's file channel), and commands still queued are handled one by one here.
	 */
	void shutDown() {
		synchronized (queue) {
			running = false;
		}
		for (Thread worker : workers) {
			try {
				worker.join(TimeUnit.SECONDS.toMillis(30));
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		List<Pending<?, ?>> left = new ArrayList<>();
		queue.drainTo(left);
		left.forEach(Pending::handleAlone);
	}

	private void work() {
		List<Pending<?, ?>> group = new ArrayList<>(maxBatch);
		while (running) {
			try {
				Pending<?, ?> first = queue.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				group.add(first);
				queue.drainTo(group, maxBatch - 1);
				if (group.size() == 1) {
					first.handleAlone();
				}
				else {
					handleTogether(group);
				}
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException | Error e) {
				log.error("Group commit worker failed; the group's commands are answered with the failure", e);
				group.forEach(p -> p.fail(e));
			}
			finally {
				group.clear();
			}
		}
	}

	private void handleTogether(List<Pending<?, ?>> group) {
		UnitOfWork<?> outer = DefaultUnitOfWork.startAndGet(group.get(0).command);
		boolean allHandled = true;
		try {
			outer.attachTransaction(transactionManager);
			for (Pending<?, ?> pending : group) {
				if (!pending.handleInGroup()) {
					allHandled = false;
					break;
				}
			}
		}
		catch (RuntimeException | Error e) {
			allHandled = false;
		}
		boolean committed = false;
		if (allHandled) {
			try {
				outer.commit();
				committed = true;
			}
			catch (RuntimeException e) {
				log.debug("Group of {} commands did not commit; handling them one by one", group.size(), e);
			}
		}
		else if (outer.isActive() && !outer.phase().isAfter(UnitOfWork.Phase.COMMIT)) {
			outer.rollback(new IllegalStateException("a command of the group was refused"));
		}
		if (committed) {
			groupedCommands.addAndGet(group.size());
			group.forEach(Pending::answer);
		}
		else {
			group.forEach(Pending::handleAlone);
		}
	}

	/** A command waiting for the worker, with its caller's callback and (in a group) its result until the commit. */
	private final class Pending<C, R> {

		private final CommandMessage<C> command;
		private final CommandCallback<? super C, ? super R> callback;
		private CommandResultMessage<? extends R> result;

		Pending(CommandMessage<C> command, CommandCallback<? super C, ? super R> callback) {
			this.command = command;
			this.callback = callback;
		}

		/** Handles the command in a unit of work nested in the group's; false if it was refused. */
		boolean handleInGroup() {
			result = null;
			GroupCommitCommandBus.super.doDispatch(command, (CommandCallback<C, R>) (c, r) -> result = r);
			return result != null && !result.isExceptional();
		}

		void handleAlone() {
			try {
				GroupCommitCommandBus.super.doDispatch(command, callback);
			}
			catch (RuntimeException | Error e) {
				fail(e);
			}
		}

		void answer() {
			callback.onResult(command, result);
		}

		void fail(Throwable failure) {
			callback.onResult(command, org.axonframework.commandhandling.GenericCommandResultMessage.asCommandResultMessage(failure));
		}
	}
}
