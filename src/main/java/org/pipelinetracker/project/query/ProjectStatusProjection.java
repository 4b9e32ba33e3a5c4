package org.pipelinetracker.project.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.pipelinetracker.project.api.ProjectEvent;
import org.pipelinetracker.project.api.ProjectProposedEvent;
import org.pipelinetracker.reference.Codelists;
import org.pipelinetracker.system.ShadowableProjection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Date;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps {@code project_view} up to date: one row per project (filter columns and the whole {@link ProjectView} as
 * JSON), rebuilt from scratch by a token reset. Within a processor batch, the rows are written once per project when
 * the batch commits ({@code tracker.projections.batched-writes}, on by default).
 */
@Component
@ProcessingGroup(ProjectStatusProjection.PROCESSING_GROUP)
class ProjectStatusProjection implements ShadowableProjection {

	static final String PROCESSING_GROUP = "project-status";
	private static final String BATCH_RESOURCE = ProjectStatusProjection.class.getName() + ".batch";

	private final JdbcTemplate jdbc;
	private final JsonMapper json;
	private final Codelists codelists;
	private final boolean batchedWrites;

	@Autowired
	ProjectStatusProjection(JdbcTemplate jdbc, JsonMapper json, Codelists codelists,
			@Value("${tracker.projections.batched-writes:true}") boolean batchedWrites) {
		this.jdbc = jdbc;
		this.json = json;
		this.codelists = codelists;
		this.batchedWrites = batchedWrites;
	}

	@EventHandler
	void on(ProjectEvent event, @SequenceNumber long sequence, @Timestamp Instant recordedAt) {
		String id = event.projectId().value();
		Map<String, Row> batch = batch();
		Row before = batch == null ? null : batch.get(id);
		ProjectView existing;
		boolean stored;
		if (before != null) {
			existing = json.readValue(before.document(), ProjectView.class);
			stored = before.stored();
		}
		else {
			List<ProjectView> rows = jdbc.query("select document from project_view where project_id = ?",
					(rs, i) -> json.readValue(rs.getString(1), ProjectView.class), id);
			existing = rows.isEmpty() ? null : rows.get(0);
			stored = existing != null;
		}
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
		Row row = new Row(id, stored, view.title, view.sector, view.region, view.stage.name(),
				Date.valueOf(view.proposedOn), view.version, java.sql.Timestamp.from(view.lastEventAt),
				json.writeValueAsString(view));
		if (batch == null) {
			write(List.of(row));
		}
		else {
			batch.put(id, row); // written once per project when the batch commits
		}
	}

	/**
	 * The rows changed in the current processor batch, written when it commits: a project's several events in one
	 * batch cost one read and one write instead of one of each per event. Null outside a unit of work (the
	 * consistency check's shadow runs handlers one by one, each statement committing by itself).
	 */
	private Map<String, Row> batch() {
		if (!batchedWrites || !CurrentUnitOfWork.isStarted()) {
			return null;
		}
		UnitOfWork<?> root = CurrentUnitOfWork.get().root();
		return root.getOrComputeResource(BATCH_RESOURCE, key -> {
			Map<String, Row> rows = new LinkedHashMap<>();
			root.onPrepareCommit(u -> write(rows.values()));
			return rows;
		});
	}

	private void write(Collection<Row> rows) {
		List<Object[]> inserts = new ArrayList<>();
		List<Object[]> updates = new ArrayList<>();
		for (Row r : rows) {
			Object[] values = {r.title(), r.sector(), r.region(), r.stage(), r.proposedOn(), r.version(), r.lastEventAt(),
					r.document(), r.projectId()};
			(r.stored() ? updates : inserts).add(values);
		}
		if (!inserts.isEmpty()) {
			jdbc.batchUpdate("insert into project_view (title, sector, region, stage, proposed_on, version,"
					+ " last_event_at, document, project_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts);
		}
		if (!updates.isEmpty()) {
			jdbc.batchUpdate("update project_view set title = ?, sector = ?, region = ?, stage = ?, proposed_on = ?,"
					+ " version = ?, last_event_at = ?, document = ? where project_id = ?", updates);
		}
	}

	/** A project_view row as it will be written; {@code stored}: the row exists already (update, not insert). */
	private record Row(String projectId, boolean stored, String title, String sector, String region, String stage,
			Date proposedOn, long version, java.sql.Timestamp lastEventAt, String document) {
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
		return new ProjectStatusProjection(storage, json, codelists, false);
	}
}
