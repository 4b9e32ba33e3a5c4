package org.pipelinetracker.kernel;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.h2.jdbcx.JdbcDataSource;
import org.pipelinetracker.storage.SchemaMigrations;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * For tests of a projection's {@link ShadowableProjection#withBatchedStorage}: fresh Flyway-migrated in-memory H2
 * databases, and a stream of events handed over one by one (each statement committing by itself, as the consistency
 * check does) or in units of work of a given size (as the rebuild does), so the two read models can be compared.
 */
public final class BatchedReplay {

	private BatchedReplay() {
	}

	/** An empty, migrated in-memory database. */
	public static JdbcTemplate emptyDatabase() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:batched-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		dataSource.setUser("sa");
		SchemaMigrations.migrateH2(dataSource);
		return new JdbcTemplate(dataSource);
	}

	/** Each event handled by itself, outside any unit of work. */
	public static void oneByOne(Object projection, List<? extends EventMessage<?>> events) throws Exception {
		AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection);
		for (EventMessage<?> event : events) {
			if (handlers.canHandle(event)) {
				handlers.handle(event);
			}
		}
	}

	/** The events in units of work of {@code size} events each, as {@code audit.replay.ShadowRebuild} hands them over. */
	public static void inBatches(Object projection, List<? extends EventMessage<?>> events, int size) {
		AnnotationEventHandlerAdapter handlers = new AnnotationEventHandlerAdapter(projection);
		for (int from = 0; from < events.size(); from += size) {
			List<EventMessage<?>> batch = new ArrayList<>(events.subList(from, Math.min(events.size(), from + size)));
			BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
			ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
				EventMessage<?> event = unitOfWork.getMessage();
				if (handlers.canHandle(event)) {
					handlers.handle(event);
				}
				return null;
			}, RollbackConfigurationType.ANY_THROWABLE);
			if (result.isExceptional()) {
				throw new IllegalStateException(result.exceptionResult());
			}
		}
	}
}
