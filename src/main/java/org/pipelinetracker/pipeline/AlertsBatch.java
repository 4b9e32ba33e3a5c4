package org.pipelinetracker.pipeline;

import org.pipelinetracker.project.api.StallKind;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One unit of work's changes to {@code alert_view} in a rebuild, folded in memory per project and written when the
 * unit of work commits, in JDBC batches. It applies the events exactly as {@link AlertsProjection}'s statements do
 * (a stall already alerted is skipped; a fact dated on or before an alert's due date removes it, a later one resolves
 * it unless it was resolved earlier).
 * <p>
 * A rebuild writes into empty tables, so a project has rows only if a stall of it was handled before
 * ({@code alerted}, kept by the projection across the rebuild's batches): the facts of every other project, most of
 * them, cost no statement at all; a project with alerts is read once per batch.
 */
final class AlertsBatch {

	private final JdbcTemplate jdbc;
	private final Set<String> alerted;
	private final Map<String, Map<Key, Alert>> projects = new LinkedHashMap<>();

	AlertsBatch(JdbcTemplate jdbc, Set<String> alerted) {
		this.jdbc = jdbc;
		this.alerted = alerted;
	}

	void stalled(String projectId, StallKind kind, String fundingId, LocalDate dueOn, Instant raisedAt,
			LocalDate resolvedOn) {
		Map<Key, Alert> alerts = alerts(projectId);
		Alert alert = alerts.computeIfAbsent(new Key(kind.name(), fundingId), k -> new Alert(false));
		if (alert.present) {
			return;
		}
		alert.replaced = alert.stored; // its row was removed earlier in this batch: a new one takes its place
		alert.present = true;
		alert.since = dueOn;
		alert.raisedAt = raisedAt;
		alert.resolvedOn = resolvedOn;
		alerted.add(projectId);
	}

	/** A fact dated {@code on} that ends the project's alert of this kind and funding. */
	void end(String projectId, StallKind kind, String fundingId, LocalDate on) {
		if (!alerted.contains(projectId)) {
			return;
		}
		Alert alert = alerts(projectId).get(new Key(kind.name(), fundingId));
		if (alert != null) {
			alert.end(on);
		}
	}

	/** The project ended on {@code on}: every alert of it ends. */
	void endAll(String projectId, LocalDate on) {
		if (alerted.contains(projectId)) {
			alerts(projectId).values().forEach(alert -> alert.end(on));
		}
	}

	private Map<Key, Alert> alerts(String projectId) {
		return projects.computeIfAbsent(projectId, id -> {
			Map<Key, Alert> alerts = new HashMap<>();
			if (alerted.contains(id)) {
				jdbc.query("select kind, funding_id, since, resolved_on from alert_view where project_id = ?", rs -> {
					Alert alert = new Alert(true);
					alert.present = true;
					alert.since = rs.getDate("since").toLocalDate();
					Date resolvedOn = rs.getDate("resolved_on");
					alert.resolvedOn = resolvedOn == null ? null : resolvedOn.toLocalDate();
					alerts.put(new Key(rs.getString("kind"), rs.getString("funding_id")), alert);
				}, id);
			}
			return alerts;
		});
	}

	/** Writes the batch's changes: removed and replaced rows deleted, resolutions updated, new rows inserted. */
	void write() {
		List<Object[]> deletes = new ArrayList<>();
		List<Object[]> updates = new ArrayList<>();
		List<Object[]> inserts = new ArrayList<>();
		projects.forEach((projectId, alerts) -> alerts.forEach((key, alert) -> {
			if (alert.stored && (!alert.present || alert.replaced)) {
				deletes.add(new Object[] {projectId, key.kind(), key.fundingId()});
			}
			if (!alert.present) {
				return;
			}
			if (!alert.stored || alert.replaced) {
				inserts.add(new Object[] {projectId, key.kind(), key.fundingId(), Date.valueOf(alert.since),
						java.sql.Timestamp.from(alert.raisedAt), date(alert.resolvedOn)});
			}
			else if (alert.resolvedChanged) {
				updates.add(new Object[] {date(alert.resolvedOn), projectId, key.kind(), key.fundingId()});
			}
		}));
		if (!deletes.isEmpty()) {
			jdbc.batchUpdate("delete from alert_view where project_id = ? and kind = ? and funding_id = ?", deletes);
		}
		if (!updates.isEmpty()) {
			jdbc.batchUpdate("update alert_view set resolved_on = ? where project_id = ? and kind = ? and funding_id = ?",
					updates);
		}
		if (!inserts.isEmpty()) {
			jdbc.batchUpdate("insert into alert_view (project_id, kind, funding_id, since, raised_at, resolved_on)"
					+ " values (?, ?, ?, ?, ?, ?)", inserts);
		}
		projects.clear();
	}

	private static Date date(LocalDate date) {
		return date == null ? null : Date.valueOf(date);
	}

	private record Key(String kind, String fundingId) {
	}

	private static final class Alert {
		/** Its row existed when the batch read it. */
		final boolean stored;
		/** It has a row after the events handled so far. */
		boolean present;
		/** Its stored row was removed and a new alert raised in its place. */
		boolean replaced;
		boolean resolvedChanged;
		LocalDate since;
		Instant raisedAt;
		LocalDate resolvedOn;

		Alert(boolean stored) {
			this.stored = stored;
		}

		/** As {@code AlertsProjection.end}: due on or after {@code on}, it never held; else resolved then at the latest. */
		void end(LocalDate on) {
			if (!present) {
				return;
			}
			if (!since.isBefore(on)) {
				present = false;
			}
			else if (resolvedOn == null || resolvedOn.isAfter(on)) {
				resolvedOn = on;
				resolvedChanged = true;
			}
		}
	}
}
