package org.pipelinetracker.pipeline;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.pipelinetracker.project.api.DisbursementRecordedEvent;
import org.pipelinetracker.project.api.FundingCommittedEvent;
import org.pipelinetracker.project.api.IncomingFundsRecordedEvent;
import org.pipelinetracker.project.api.ProjectCancelledEvent;
import org.pipelinetracker.project.api.ProjectCompletedEvent;
import org.pipelinetracker.project.api.ProjectStageChangedEvent;
import org.pipelinetracker.project.api.ProjectStalledEvent;
import org.pipelinetracker.project.api.StallKind;
import org.pipelinetracker.kernel.ShadowableProjection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Stalled-project alerts: raised by {@link ProjectStalledEvent}, resolved by the funding (a commitment or incoming
 * funds) or disbursement they wait for, or by the project closing (completed, cancelled, or so reported by its
 * publisher). Expenditure resolves nothing: it is not a
 * disbursement.
 */
@Component
@ProcessingGroup(AlertsProjection.PROCESSING_GROUP)
class AlertsProjection implements ShadowableProjection {

	static final String PROCESSING_GROUP = "alerts";
	private static final String NONE = "";

	private final JdbcTemplate jdbc;

	AlertsProjection(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@EventHandler
	void on(ProjectStalledEvent e, @Timestamp Instant recordedAt) {
		String fundingId = e.fundingId() == null ? NONE : e.fundingId();
		Long existing = jdbc.queryForObject("select count(*) from alert_view where project_id = ? and kind = ? and funding_id = ?",
				Long.class, e.projectId().value(), e.kind().name(), fundingId);
		if (existing != null && existing > 0) {
			return;
		}
		jdbc.update("insert into alert_view (project_id, kind, funding_id, since, raised_at) values (?, ?, ?, ?, ?)",
				e.projectId().value(), e.kind().name(), fundingId, Date.valueOf(e.dueOn()), java.sql.Timestamp.from(recordedAt));
	}

	@EventHandler
	void on(FundingCommittedEvent e) {
		resolve(e.projectId().value(), StallKind.NO_FUNDING, NONE, e.committedOn());
	}

	@EventHandler
	void on(IncomingFundsRecordedEvent e) {
		resolve(e.projectId().value(), StallKind.NO_FUNDING, NONE, e.receivedOn());
	}

	@EventHandler
	void on(DisbursementRecordedEvent e) {
		resolve(e.projectId().value(), StallKind.NO_DISBURSEMENT, e.fundingId(), e.disbursedOn());
	}

	@EventHandler
	void on(ProjectCompletedEvent e) {
		jdbc.update("update alert_view set resolved_on = ? where project_id = ? and resolved_on is null",
				Date.valueOf(e.completedOn()), e.projectId().value());
	}

	@EventHandler
	void on(ProjectCancelledEvent e) {
		jdbc.update("update alert_view set resolved_on = ? where project_id = ? and resolved_on is null",
				Date.valueOf(e.cancelledOn()), e.projectId().value());
	}

	/** A publisher reported the project closed or cancelled: its alerts end as with a typed completion. */
	@EventHandler
	void on(ProjectStageChangedEvent e) {
		if (e.to().isTerminal()) {
			jdbc.update("update alert_view set resolved_on = ? where project_id = ? and resolved_on is null",
					Date.valueOf(e.changedOn()), e.projectId().value());
		}
	}

	@ResetHandler
	void reset() {
		jdbc.update("delete from alert_view");
	}

	private void resolve(String projectId, StallKind kind, String fundingId, LocalDate on) {
		jdbc.update("update alert_view set resolved_on = ? where project_id = ? and kind = ? and funding_id = ?"
				+ " and resolved_on is null", Date.valueOf(on), projectId, kind.name(), fundingId);
	}

	@Override
	public String processingGroup() {
		return PROCESSING_GROUP;
	}

	@Override
	public List<Table> tables() {
		return List.of(Table.of("alert_view", "project_id", "kind", "funding_id"));
	}

	@Override
	public Object withStorage(JdbcTemplate storage) {
		return new AlertsProjection(storage);
	}
}
