package org.pipelinetracker.period.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.pipelinetracker.kernel.AuditMetadata;
import org.pipelinetracker.period.api.PeriodClosedEvent;
import org.pipelinetracker.period.api.PeriodReopenedEvent;
import org.pipelinetracker.project.api.ProjectEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.Instant;

/**
 * Keeps {@code reporting_period} (every period ever closed: its last close and last reopening) and
 * {@code restatement} (every project event whose metadata carries a restatement reason). A subscribing processor
 * (processing group {@value #PROCESSING_GROUP}): it runs in the unit of work that stores the events, in the same
 * transaction, so a close is listed as soon as it is answered, on every node; a failure here fails that transaction
 * ({@link ReportingPeriodConfiguration}).
 */
@Component
@ProcessingGroup(ReportingPeriodProjection.PROCESSING_GROUP)
class ReportingPeriodProjection {

	static final String PROCESSING_GROUP = "reporting-periods";

	private final JdbcTemplate jdbc;

	ReportingPeriodProjection(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@EventHandler
	void on(PeriodClosedEvent event, @Timestamp Instant at, EventMessage<?> message) {
		String by = String.valueOf(message.getMetaData().get(AuditMetadata.ACTOR));
		String reason = (String) message.getMetaData().get(AuditMetadata.REASON);
		int updated = jdbc.update("update reporting_period set closed = true, closed_at = ?, closed_by = ?,"
				+ " close_reason = ? where period = ?", java.sql.Timestamp.from(at), by, reason, event.period());
		if (updated == 0) {
			jdbc.update("insert into reporting_period (period, starts_on, ends_on, closed, closed_at, closed_by,"
					+ " close_reason) values (?, ?, ?, true, ?, ?, ?)", event.period(), Date.valueOf(event.startsOn()),
					Date.valueOf(event.endsOn()), java.sql.Timestamp.from(at), by, reason);
		}
	}

	@EventHandler
	void on(PeriodReopenedEvent event, @Timestamp Instant at, @MetaDataValue(AuditMetadata.ACTOR) String by) {
		jdbc.update("update reporting_period set closed = false, reopened_at = ?, reopened_by = ?, reopen_reason = ?"
				+ " where period = ?", java.sql.Timestamp.from(at), by, event.reason(), event.period());
	}

	@EventHandler
	void on(ProjectEvent event, EventMessage<?> message) {
		Object reason = message.getMetaData().get(AuditMetadata.RESTATEMENT_REASON);
		if (reason == null || event.effectiveDate() == null) {
			return;
		}
		if (!jdbc.queryForList("select event_id from restatement where event_id = ?", String.class,
				message.getIdentifier()).isEmpty()) {
			return; // already listed
		}
		jdbc.update("insert into restatement (event_id, project_id, event_type, effective_date, recorded_at, actor,"
				+ " reason) values (?, ?, ?, ?, ?, ?, ?)", message.getIdentifier(), event.projectId().value(),
				event.getClass().getSimpleName(), Date.valueOf(event.effectiveDate()),
				java.sql.Timestamp.from(message.getTimestamp()),
				String.valueOf(message.getMetaData().get(AuditMetadata.ACTOR)), String.valueOf(reason));
	}
}
