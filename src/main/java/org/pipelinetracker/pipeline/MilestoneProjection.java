package org.pipelinetracker.pipeline;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.pipelinetracker.project.api.MilestoneRecordedEvent;
import org.pipelinetracker.kernel.ShadowableProjection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

/**
 * Keeps the latest plan and achievement of every milestone, for slippage and overdue queries.
 */
@Component
@ProcessingGroup(MilestoneProjection.PROCESSING_GROUP)
class MilestoneProjection implements ShadowableProjection {

	static final String PROCESSING_GROUP = "milestones";

	private final JdbcTemplate jdbc;

	MilestoneProjection(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@EventHandler
	void on(MilestoneRecordedEvent e) {
		String projectId = e.projectId().value();
		int updated = jdbc.update("update milestone_view set name = ?, planned_on = ?, achieved_on = ?, recorded_on = ?"
				+ " where project_id = ? and milestone_id = ?", e.name(), date(e.plannedOn()), date(e.achievedOn()),
				date(e.recordedOn()), projectId, e.milestoneId());
		if (updated == 0) {
			jdbc.update("insert into milestone_view (project_id, milestone_id, name, planned_on, achieved_on, recorded_on)"
					+ " values (?, ?, ?, ?, ?, ?)", projectId, e.milestoneId(), e.name(), date(e.plannedOn()),
					date(e.achievedOn()), date(e.recordedOn()));
		}
	}

	@ResetHandler
	void reset() {
		jdbc.update("delete from milestone_view");
	}

	private static Date date(LocalDate date) {
		return date == null ? null : Date.valueOf(date);
	}

	@Override
	public String processingGroup() {
		return PROCESSING_GROUP;
	}

	@Override
	public List<Table> tables() {
		return List.of(Table.of("milestone_view", "project_id", "milestone_id"));
	}

	@Override
	public Object withStorage(JdbcTemplate storage) {
		return new MilestoneProjection(storage);
	}
}
