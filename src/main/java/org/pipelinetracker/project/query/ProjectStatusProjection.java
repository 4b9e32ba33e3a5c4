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
import org.pipelinetracker.kernel.ShadowableProjection;
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
import java.util.Optional;

/**
 * Keeps {@code project_view} up to date: one row per project (filter columns, the search text of {@link ProjectSearch},
 * its data-quality flags and the whole {@link ProjectView} as JSON), rebuilt from scratch by a token reset. Within a processor batch, the rows are written once per project when
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
		Map<String, Pending> batch = batch();
		if (batch == null) {
			Pending pending = load(id);
			if (apply(pending, id, event, sequence, recordedAt)) {
				write(List.of(pending));
			}
			return;
		}
		Pending pending = batch.get(id);
		if (pending == null) {
			pending = load(id);
			batch.put(id, pending);
		}
		try {
			if (apply(pending, id, event, sequence, recordedAt)) {
				pending.applied.add(new Applied(event, sequence, recordedAt));
			}
		}
		catch (RuntimeException | Error failed) {
			// this event fails (and goes to the dead-letter queue): the view must be as if it never came, so it is
			// rebuilt from the stored row and the batch's earlier events of this project
			Pending rebuilt = load(id);
			for (Applied a : pending.applied) {
				apply(rebuilt, id, a.event(), a.sequence(), a.recordedAt());
				rebuilt.applied.add(a);
			}
			batch.put(id, rebuilt);
			throw failed;
		}
	}

	/** The stored row of a project, as a view (null when there is none yet). */
	private Pending load(String id) {
		List<ProjectView> rows = jdbc.query("select document from project_view where project_id = ?",
				(rs, i) -> json.readValue(rs.getString(1), ProjectView.class).withLanguages(), id);
		ProjectView stored = rows.isEmpty() ? null : rows.get(0);
		return new Pending(stored, stored != null);
	}

	/** Applies the event to the pending view; false when it was applied before (delivery is at least once). */
	private boolean apply(Pending pending, String id, ProjectEvent event, long sequence, Instant recordedAt) {
		if (pending.view != null && sequence <= pending.view.version) {
			return false;
		}
		if (event instanceof ProjectProposedEvent) {
			pending.view = new ProjectView();
		}
		else if (pending.view == null) {
			throw new IllegalStateException("no project_view row for " + id + " at event " + sequence);
		}
		pending.view.apply(event, sequence, recordedAt, code -> codelists.sectorName(code).orElse(null));
		pending.view.usd = null; // computed when read, with the rates in force then
		pending.view.converted = null;
		pending.changed = true;
		return true;
	}

	/**
	 * The views changed in the current processor batch, written when it commits: a project's several events in one
	 * batch cost one read, one JSON serialization and one write instead of one of each per event. Null outside a
	 * unit of work (the consistency check's shadow runs handlers one by one, each statement committing by itself).
	 */
	private Map<String, Pending> batch() {
		if (!batchedWrites || !CurrentUnitOfWork.isStarted()) {
			return null;
		}
		UnitOfWork<?> root = CurrentUnitOfWork.get().root();
		return root.getOrComputeResource(BATCH_RESOURCE, key -> {
			Map<String, Pending> views = new LinkedHashMap<>();
			root.onPrepareCommit(u -> write(views.values()));
			return views;
		});
	}

	private void write(Collection<Pending> views) {
		List<Object[]> inserts = new ArrayList<>();
		List<Object[]> updates = new ArrayList<>();
		for (Pending p : views) {
			if (!p.changed) {
				continue;
			}
			ProjectView view = p.view;
			Object[] values = {view.title, view.sector, view.region, view.stage.name(), Date.valueOf(view.proposedOn),
					view.version, java.sql.Timestamp.from(view.lastEventAt), json.writeValueAsString(view),
					ProjectSearch.text(view, codelists), flags(view), !view.plannedDisbursements.isEmpty(),
					view.projectId};
			(p.stored ? updates : inserts).add(values);
		}
		if (!inserts.isEmpty()) {
			jdbc.batchUpdate("insert into project_view (title, sector, region, stage, proposed_on, version,"
					+ " last_event_at, document, search_text, data_quality, has_plans, project_id)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts);
		}
		if (!updates.isEmpty()) {
			jdbc.batchUpdate("update project_view set title = ?, sector = ?, region = ?, stage = ?, proposed_on = ?,"
					+ " version = ?, last_event_at = ?, document = ?, search_text = ?, data_quality = ?, has_plans = ?"
					+ " where project_id = ?",
					updates);
		}
	}

	/** The data-quality flags of a view for {@code GET /api/projects?flag=}: " A B " (each between spaces), or "". */
	static String flags(ProjectView view) {
		StringBuilder flags = new StringBuilder();
		view.dataQuality.forEach(entry -> flags.append(' ').append(entry.flag().name()));
		return flags.isEmpty() ? "" : flags.append(' ').toString();
	}

	/** A project's view while a batch is handled; {@code stored}: its row exists (update, not insert). */
	private static final class Pending {
		ProjectView view;
		final boolean stored;
		boolean changed;
		final List<Applied> applied = new ArrayList<>();

		Pending(ProjectView view, boolean stored) {
			this.view = view;
			this.stored = stored;
		}
	}

	private record Applied(ProjectEvent event, long sequence, Instant recordedAt) {
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

	/** Within a rebuild's batch, each project's row is read and written once (batched writes on). */
	@Override
	public Object withBatchedStorage(JdbcTemplate storage) {
		return new ProjectStatusProjection(storage, json, codelists, true);
	}

	/**
	 * Rows written before the search text existed (migration V13) have none, and their documents no texts by
	 * language; rows written before V23 do not say whether the project has plans: the projection is rebuilt on
	 * start-up ({@code audit.replay.RebuildOnStartup}).
	 */
	@Override
	public Optional<String> rebuildReason() {
		Long outdated = jdbc.queryForObject("select count(*) from project_view where search_text is null", Long.class);
		if (outdated != null && outdated > 0) {
			return Optional.of(outdated + " project(s) written before search in any language (no search text)");
		}
		Long unmarked = jdbc.queryForObject("select count(*) from project_view where has_plans is null", Long.class);
		return unmarked == null || unmarked == 0 ? Optional.empty()
				: Optional.of(unmarked + " project(s) written before plans were marked (has_plans, migration V23)");
	}
}
