package org.pipelinetracker.project.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.pipelinetracker.project.api.ProjectEvent;
import org.pipelinetracker.project.api.ProjectProposedEvent;
import org.pipelinetracker.reference.Codelists;
import org.pipelinetracker.system.ShadowableProjection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Date;
import java.time.Instant;
import java.util.List;

/**
 * Keeps {@code project_view} up to date: one row per project (filter columns and the whole {@link ProjectView} as
 * JSON), rebuilt from scratch by a token reset.
 */
@Component
@ProcessingGroup(ProjectStatusProjection.PROCESSING_GROUP)
class ProjectStatusProjection implements ShadowableProjection {

	static final String PROCESSING_GROUP = "project-status";

	private final JdbcTemplate jdbc;
	private final JsonMapper json;
	private final Codelists codelists;

	ProjectStatusProjection(JdbcTemplate jdbc, JsonMapper json, Codelists codelists) {
		this.jdbc = jdbc;
		this.json = json;
		this.codelists = codelists;
	}

	@EventHandler
	void on(ProjectEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
		String id = event.projectId().value();
		List<ProjectView> stored = jdbc.query("select document from project_view where project_id = ?",
				(rs, i) -> json.readValue(rs.getString(1), ProjectView.class), id);
		ProjectView existing = stored.isEmpty() ? null : stored.get(0);
		if (existing != null && sequence <= existing.version) {
			return; // already applied (delivery is at least once)
		}
		ProjectView view;
		if (event instanceof ProjectProposedEvent) {
			view = new ProjectView();
		}
		else if (existing == null) {
			throw new IllegalStateException("no project_view row for " + id + " at event " + sequence);
		}
		else {
			view = existing;
		}
		view.apply(event, sequence, recordedAt, code -> codelists.sectorName(code).orElse(null));
		view.usd = null; // computed when read, with the rates in force then
		String document = json.writeValueAsString(view);
		Object[] values = {view.title, view.sector, view.region, view.stage.name(), Date.valueOf(view.proposedOn),
				view.version, java.sql.Timestamp.from(view.lastEventAt), document, id};
		if (existing == null) {
			jdbc.update("insert into project_view (title, sector, region, stage, proposed_on, version, last_event_at,"
					+ " document, project_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
		}
		else {
			jdbc.update("update project_view set title = ?, sector = ?, region = ?, stage = ?, proposed_on = ?,"
					+ " version = ?, last_event_at = ?, document = ? where project_id = ?", values);
		}
	}

	@ResetHandler
	void reset() {
		jdbc.update("delete from project_view");
	}

	@Override
	public String processingGroup() {
		return PROCESSING_GROUP;
	}

	@Override
	public List<Table> tables() {
		return List.of(Table.of("project_view", "project_id"));
	}

	@Override
	public Object withStorage(JdbcTemplate storage) {
		return new ProjectStatusProjection(storage, json, codelists);
	}
}
