package org.pipelinetracker.messaging;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The version a request expects an aggregate to be at (HTTP {@code If-Match}), carried to the command that writes
 * it: the web layer calls {@link #expect} for the request's thread, {@link #dispatchInterceptor()} copies it into the
 * metadata of every command sent from that thread, and {@link #targetResolver()} makes Axon load the aggregate with
 * that expected version, so the check runs under the aggregate's lock and a stale version fails with
 * {@code ConflictingAggregateVersionException} before anything is appended.
 */
public final class ExpectedVersion {

	/** Metadata: the aggregate the expectation is about. */
	public static final String AGGREGATE = "expectedVersionOf";
	/** Metadata: the version expected. */
	public static final String VERSION = "expectedVersion";

	private static final ThreadLocal<Map.Entry<String, Long>> CURRENT = new ThreadLocal<>();

	private ExpectedVersion() {
	}

	/** Commands sent from this thread to {@code aggregateId} apply only if it is at {@code version}. */
	public static void expect(String aggregateId, long version) {
		CURRENT.set(Map.entry(aggregateId, version));
	}

	public static void clear() {
		CURRENT.remove();
	}

	static MessageDispatchInterceptor<CommandMessage<?>> dispatchInterceptor() {
		return new MessageDispatchInterceptor<>() {
			@Override
			public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
				Map.Entry<String, Long> expected = CURRENT.get();
				if (expected == null) {
					return (index, message) -> message;
				}
				return (index, message) -> message.andMetaData(Map.of(AGGREGATE, expected.getKey(), VERSION,
						expected.getValue()));
			}
		};
	}

	/** The annotations' target, with the expected version of the metadata when it is about that aggregate. */
	static CommandTargetResolver targetResolver() {
		CommandTargetResolver annotations = AnnotationCommandTargetResolver.builder().build();
		return command -> {
			VersionedAggregateIdentifier target = annotations.resolveTarget(command);
			Object aggregate = command.getMetaData().get(AGGREGATE);
			Object version = command.getMetaData().get(VERSION);
			if (aggregate == null || !(version instanceof Number expected)
					|| !aggregate.toString().equals(target.getIdentifier())) {
				return target;
			}
			Long own = target.getVersion();
			long value = own == null ? expected.longValue() : Math.min(own, expected.longValue());
			return new VersionedAggregateIdentifier(target.getIdentifierValue(), value);
		};
	}
}
