package org.pipelinetracker.pipeline;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.pipelinetracker.project.api.DisbursementRecordedEvent;
import org.pipelinetracker.project.api.FundingCommittedEvent;
import org.pipelinetracker.project.api.IncomingFundsRecordedEvent;
import org.pipelinetracker.project.api.ProjectCancelledEvent;
import org.pipelinetracker.project.api.ProjectCompletedEvent;
import org.pipelinetracker.project.api.ProjectStageChangedEvent;
import org.pipelinetracker.project.api.ProjectStalledEvent;
import org.pipelinetracker.project.api.StallKind;
import org.pipelinetracker.project.api.StallPeriod;
import org.pipelinetracker.kernel.ShadowableProjection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Stalled-project alerts, in valid time ({@link StallPeriod}): raised by {@link ProjectStalledEvent} (already
 * resolved when the check found facts that ended it), ended by the funding (a commitment or incoming funds) or
 * disbursement they wait for, or by the project's completion or cancellation (typed, or so reported by its
 * publisher). Expenditure ends nothing: it is not a
 * disbursement.
 * <p>
 * A fact is judged by its date, whenever it is recorded: dated after the alert's due date, it resolves the alert on
 * that date (or on an earlier one than a resolution already recorded); dated on or before it, the stall never held
 * and the alert is removed, not resolved. This is also how stalls recorded before checks judged in valid time are
 * read: a grant signed 2024-06-01, checked at once, then a commitment dated 2024-07-01 recorded a moment later, left
 * a stall due 2024-11-28 in the history; the commitment removes it. Old events are reinterpreted here, not upcast:
 * whether a stall held depends on facts recorded after it, which an upcaster (one event at a time) does not see.
 * <p>
 * A rebuild's copy ({@link #withBatchedStorage}) folds each unit of work in memory ({@link AlertsBatch}): a fact of
 * a project that never stalled, most of them, costs no statement, instead of a delete and an update each.
 */
@Component
@ProcessingGroup(AlertsProjection.PROCESSING_GROUP)
class AlertsProjection implements ShadowableProjection {

	static final String PROCESSING_GROUP = "alerts";
	private static final String NONE = "";

	private final JdbcTemplate jdbc;
	/** For a rebuild into empty tables: the projects with a row so far (null: each event writes by itself). */
	private final Set<String> alerted;
	private final String batchResource = AlertsProjection.class.getName() + ".batch@"
			+ Integer.toHexString(System.identityHashCode(this));

	@Autowired
	AlertsProjection(JdbcTemplate jdbc) {
		this(jdbc, null);
	}

	private AlertsProjection(JdbcTemplate jdbc, Set<String> alerted) {
		this.jdbc = jdbc;
		this.alerted = alerted;
	}

	@EventHandler
	void on(ProjectStalledEvent e, @Timestamp Instant recordedAt) {
		String fundingId = e.fundingId() == null ? NONE : e.fundingId();
		AlertsBatch batch = batch();
		if (batch != null) {
			batch.stalled(e.projectId().value(), e.kind(), fundingId, e.dueOn(), recordedAt, e.resolvedOn());
			return;
		}
		Long existing = jdbc.queryForObject("select count(*) from alert_view where project_id = ? and kind = ? and funding_id = ?",
				Long.class, e.projectId().value(), e.kind().name(), fundingId);
		if (existing != null && existing > 0) {
			return;
		}
		jdbc.update("insert into alert_view (project_id, kind, funding_id, since, raised_at, resolved_on)"
				+ " values (?, ?, ?, ?, ?, ?)", e.projectId().value(), e.kind().name(), fundingId, Date.valueOf(e.dueOn()),
				java.sql.Timestamp.from(recordedAt), e.resolvedOn() == null ? null : Date.valueOf(e.resolvedOn()));
	}

	@EventHandler
	void on(FundingCommittedEvent e) {
		end(e.projectId().value(), StallKind.NO_FUNDING, NONE, e.committedOn());
	}

	@EventHandler
	void on(IncomingFundsRecordedEvent e) {
		end(e.projectId().value(), StallKind.NO_FUNDING, NONE, e.receivedOn());
	}

	@EventHandler
	void on(DisbursementRecordedEvent e) {
		end(e.projectId().value(), StallKind.NO_DISBURSEMENT, e.fundingId(), e.disbursedOn());
	}

	@EventHandler
	void on(ProjectCompletedEvent e) {
		endAll(e.projectId().value(), e.completedOn());
	}

	@EventHandler
	void on(ProjectCancelledEvent e) {
		endAll(e.projectId().value(), e.cancelledOn());
	}

	/** A publisher reported the project closed or cancelled: its alerts end as with a typed completion. */
	@EventHandler
	void on(ProjectStageChangedEvent e) {
		if (e.to().isTerminal()) {
			endAll(e.projectId().value(), e.changedOn());
		}
	}

	/** The current unit of work's fold in a rebuild, written when it commits; null when each event writes by itself. */
	private AlertsBatch batch() {
		if (alerted == null || !CurrentUnitOfWork.isStarted()) {
			return null;
		}
		UnitOfWork<?> root = CurrentUnitOfWork.get().root();
		return root.getOrComputeResource(batchResource, key -> {
			AlertsBatch batch = new AlertsBatch(jdbc, alerted);
			root.onPrepareCommit(u -> batch.write());
			return batch;
		});
	}

	@ResetHandler
	void reset() {
		jdbc.update("delete from alert_view");
	}

	/**
	 * A fact dated {@code on} that ends the project's alert of this kind (and funding): due on or after that date it
	 * never held and is removed ({@link StallPeriod#neverHeld}); else it is resolved on that date, unless it was
	 * resolved earlier.
	 */
	private void end(String projectId, StallKind kind, String fundingId, LocalDate on) {
		AlertsBatch batch = batch();
		if (batch != null) {
			batch.end(projectId, kind, fundingId, on);
			return;
		}
		Date date = Date.valueOf(on);
		jdbc.update("delete from alert_view where project_id = ? and kind = ? and funding_id = ? and since >= ?",
				projectId, kind.name(), fundingId, date);
		jdbc.update("update alert_view set resolved_on = ? where project_id = ? and kind = ? and funding_id = ?"
				+ " and (resolved_on is null or resolved_on > ?)", date, projectId, kind.name(), fundingId, date);
	}

	/** The project ended on {@code on}: every alert of it ends, as {@link #end} ends one. */
	private void endAll(String projectId, LocalDate on) {
		AlertsBatch batch = batch();
		if (batch != null) {
			batch.endAll(projectId, on);
			return;
		}
		Date date = Date.valueOf(on);
		jdbc.update("delete from alert_view where project_id = ? and since >= ?", projectId, date);
		jdbc.update("update alert_view set resolved_on = ? where project_id = ?"
				+ " and (resolved_on is null or resolved_on > ?)", date, projectId, date);
	}

	/**
	 * A store from before valid-time stall checks has alerts "resolved" on or before the day they were due: stalls
	 * that never held. A rebuild reads their events anew and drops them.
	 */
	@Override
	public Optional<String> rebuildReason() {
		Long neverHeld = jdbc.queryForObject(
				"select count(*) from alert_view where resolved_on is not null and resolved_on <= since", Long.class);
		return neverHeld != null && neverHeld > 0
				? Optional.of(neverHeld + " alerts of stalls that never held (resolved on or before their due date)")
				: Optional.empty();
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

	/** A rebuild into empty tables: facts of projects without alerts cost no statement ({@link AlertsBatch}). */
	@Override
	public Object withBatchedStorage(JdbcTemplate storage) {
		return new AlertsProjection(storage, new HashSet<>());
	}
}
