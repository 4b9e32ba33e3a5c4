package org.pipelinetracker.storage.postgres;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Savepoint;

/**
 * Runs every event handler of a projection (a class with {@code @ProcessingGroup}) behind a savepoint of the
 * processor's batch transaction, and rolls back to it when the handler throws.
 * <p>
 * Why: on PostgreSQL a failed SQL statement aborts the whole transaction, so after a projection's SQL error nothing
 * more can be done in the batch: the dead-letter queue cannot park the event (its insert fails with "current
 * transaction is aborted") and the batch's other events are lost with it; the processor then retries the batch
 * forever. Rolled back to the savepoint, the transaction is usable again: the event is parked and the batch goes on,
 * as on H2. Switched on by {@code tracker.projections.savepoint-per-event=true} (application-postgres.properties);
 * costs two round trips per handled event (SAVEPOINT, RELEASE SAVEPOINT). The savepoint is set on the JDBC connection of
 * the processor's transaction (JpaTransactionManager does not allow nested transactions).
 */
@Component
@ConditionalOnBooleanProperty("tracker.projections.savepoint-per-event")
public class SavepointPerEventHandler implements HandlerEnhancerDefinition {

	private final ObjectProvider<DataSource> dataSource;

	public SavepointPerEventHandler(ObjectProvider<DataSource> dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
		if (!original.canHandleMessageType(EventMessage.class)
				|| !original.declaringClass().isAnnotationPresent(ProcessingGroup.class)) {
			return original;
		}
		return new WrappedMessageHandlingMember<>(original) {
			@Override
			public Object handle(Message<?> message, T target) throws Exception {
				if (!TransactionSynchronizationManager.isActualTransactionActive()) {
					return super.handle(message, target);
				}
				// the connection of the processor's transaction, the one the projections' JdbcTemplate uses
				Connection connection = DataSourceUtils.getConnection(dataSource.getObject());
				Savepoint savepoint = connection.setSavepoint();
				Object result;
				try {
					result = super.handle(message, target);
				}
				catch (Exception | Error e) {
					connection.rollback(savepoint);
					throw e;
				}
				connection.releaseSavepoint(savepoint);
				return result;
			}
		};
	}
}
