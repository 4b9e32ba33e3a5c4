package org.pipelinetracker.pipeline;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.pipelinetracker.project.api.MilestoneRecordedEvent;
import org.pipelinetracker.kernel.ShadowableProjection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the latest plan and achievement of every milestone, for slippage and overdue queries.
 * <p>
 * A rebuild's copy ({@link #withBatchedStorage}) keeps each milestone's latest values of a unit of work in memory and
 * writes them when it commits: one batched update, and a batched insert of those that had no row, instead of an
 * update (and an insert) per event.
 */
@Component
@ProcessingGroup(MilestoneProjection.PROCESSING_GROUP)
class MilestoneProjection implements ShadowableProjection {

	static final String PROCESSING_GROUP = "milestones";

	private static final String UPDATE = "update milestone_view set name = ?, planned_on = ?, achieved_on = ?,"
			+ " recorded_on = ? where project_id = ? and milestone_id = ?";
	private static final String INSERT = "insert into milestone_view (name, planned_on, achieved_on, recorded_on,"
			+ " project_id, milestone_id) values (?, ?, ?, ?, ?, ?)";

	private final JdbcTemplate jdbc;
	private final boolean batched;
	private final String batchResource = MilestoneProjection.class.getName() + ".batch@"
			+ Integer.toHexString(System.identityHashCode(this));

	@Autowired
	MilestoneProjection(JdbcTemplate jdbc) {
		this(jdbc, false);
	}

	private MilestoneProjection(JdbcTemplate jdbc, boolean batched) {
		this.jdbc = jdbc;
		this.batched = batched;
	}

	@EventHandler
	void on(MilestoneRecordedEvent e) {
		String projectId = e.projectId().value();
		Map<List<String>, Object[]> batch = batch();
		if (batch != null) {
			// the latest event of the milestone wins, as its update would
			batch.put(List.of(projectId, e.milestoneId()), new Object[] {e.name(), date(e.plannedOn()),
					date(e.achievedOn()), date(e.recordedOn()), projectId, e.milestoneId()});
			return;
		}
		int updated = jdbc.update("update milestone_view set name = ?, planned_on = ?, achieved_on = ?, recorded_on = ?"
				+ " where project_id = ? and milestone_id = ?", e.name(), date(e.plannedOn()), date(e.achievedOn()),
				date(e.recordedOn()), projectId, e.milestoneId());
		if (updated == 0) {
			jdbc.update("insert into milestone_view (project_id, milestone_id, name, planned_on, achieved_on, recorded_on)"
					+ " values (?, ?, ?, ?, ?, ?)", projectId, e.milestoneId(), e.name(), date(e.plannedOn()),
					date(e.achievedOn()), date(e.recordedOn()));
		}
	}

	/** The current unit of work's latest values per milestone; null when each event writes by itself. */
	private Map<List<String>, Object[]> batch() {
		if (!batched || !CurrentUnitOfWork.isStarted()) {
			return null;
		}
		UnitOfWork<?> root = CurrentUnitOfWork.get().root();
		return root.getOrComputeResource(batchResource, key -> {
			Map<List<String>, Object[]> rows = new LinkedHashMap<>();
			root.onPrepareCommit(u -> write(rows.values()));
			return rows;
		});
	}

	private void write(Collection<Object[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		List<Object[]> values = new ArrayList<>(rows);
		int[] updated = jdbc.batchUpdate(UPDATE, values);
		List<Object[]> inserts = new ArrayList<>();
		for (int i = 0; i < updated.length; i++) {
			if (updated[i] == 0 || updated[i] == Statement.SUCCESS_NO_INFO && !exists(values.get(i))) {
				inserts.add(values.get(i));
			}
		}
		if (!inserts.isEmpty()) {
			jdbc.batchUpdate(INSERT, inserts);
		}
	}

	/** For a driver that does not count a batch's updated rows. */
	private boolean exists(Object[] row) {
		return 0 < jdbc.queryForObject("select count(*) from milestone_view where project_id = ? and milestone_id = ?",
				Long.class, row[4], row[5]);
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

	@Override
	public Object withBatchedStorage(JdbcTemplate storage) {
		return new MilestoneProjection(storage, true);
	}
}
