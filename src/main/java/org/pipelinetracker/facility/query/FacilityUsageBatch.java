package org.pipelinetracker.facility.query;

import org.pipelinetracker.facility.api.FacilityCreatedEvent;
import org.pipelinetracker.facility.api.FacilityHeadroomReleasedEvent;
import org.pipelinetracker.facility.api.FacilityHeadroomReservedEvent;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One unit of work's changes to {@code facility_view} and {@code facility_project}, folded in memory: each facility
 * touched is read once (its row, and its holdings when an event needs them), changed by every event of the batch,
 * and written when the unit of work commits, in JDBC batches. It applies the events exactly as
 * {@link FacilityUsageProjection}'s statements do, including the skip of an event already applied (the row's
 * version) and the rounding of every stored amount to the columns' scale of 4 after each event.
 */
final class FacilityUsageBatch {

	private static final int SCALE = 4;

	private final JdbcTemplate jdbc;
	/** Facilities read or created in this batch; a null value: read, and not in the table. */
	private final Map<String, Facility> facilities = new LinkedHashMap<>();

	FacilityUsageBatch(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void created(FacilityCreatedEvent event, long sequence) {
		String facilityId = event.facilityId().value();
		if (facility(facilityId) != null) {
			return; // already applied
		}
		Facility facility = new Facility(facilityId, false);
		facility.created = event;
		facility.committed = BigDecimal.ZERO.setScale(SCALE);
		facility.version = sequence;
		facility.holds = new LinkedHashMap<>();
		facilities.put(facilityId, facility);
	}

	void reserved(FacilityHeadroomReservedEvent event, long sequence) {
		Facility facility = unapplied(event.facilityId().value(), sequence);
		if (facility == null) {
			return;
		}
		BigDecimal amount = event.amount().amount();
		HoldKey key = new HoldKey(event.projectId(), event.fundingId());
		Hold hold = facility.holds().computeIfAbsent(key, k -> new Hold(false));
		if (hold.amount == null) {
			hold.amount = stored(amount);
			hold.committedOn = event.committedOn();
		}
		else {
			// a later reservation does not move the commitment date
			hold.amount = stored(hold.amount.add(amount));
		}
		hold.changed = true;
		facility.apply(stored(facility.committed.add(amount)), sequence);
	}

	void released(FacilityHeadroomReleasedEvent event, long sequence) {
		String facilityId = event.facilityId().value();
		Facility facility = unapplied(facilityId, sequence);
		if (facility == null) {
			return;
		}
		BigDecimal amount = event.amount().amount();
		Hold hold = facility.holds().get(new HoldKey(event.projectId(), event.fundingId()));
		if (hold == null || hold.amount == null) {
			throw new IllegalStateException("no facility_project row for " + event.projectId() + "/"
					+ event.fundingId() + " at event " + sequence + " of facility " + facilityId);
		}
		BigDecimal remaining = hold.amount.subtract(amount);
		hold.amount = remaining.signum() == 0 ? null : stored(remaining); // nothing held any more: no row
		hold.changed = true;
		facility.apply(stored(facility.committed.subtract(amount)), sequence);
	}

	/** The facility, or null when this event was already applied to it. */
	private Facility unapplied(String facilityId, long sequence) {
		Facility facility = facility(facilityId);
		if (facility == null) {
			throw new IllegalStateException("no facility_view row for " + facilityId + " at event " + sequence);
		}
		return sequence <= facility.version ? null : facility;
	}

	private Facility facility(String facilityId) {
		if (facilities.containsKey(facilityId)) {
			return facilities.get(facilityId);
		}
		List<Facility> rows = jdbc.query("select committed, version from facility_view where facility_id = ?",
				(rs, n) -> {
					Facility stored = new Facility(facilityId, true);
					stored.committed = rs.getBigDecimal("committed");
					stored.version = rs.getLong("version");
					return stored;
				}, facilityId);
		Facility facility = rows.isEmpty() ? null : rows.get(0);
		facilities.put(facilityId, facility);
		return facility;
	}

	/** Writes the batch's changes: new facilities, changed facilities, then removed, changed and new holdings. */
	void write() {
		List<Object[]> facilityInserts = new ArrayList<>();
		List<Object[]> facilityUpdates = new ArrayList<>();
		List<Object[]> holdDeletes = new ArrayList<>();
		List<Object[]> holdUpdates = new ArrayList<>();
		List<Object[]> holdInserts = new ArrayList<>();
		for (Facility facility : facilities.values()) {
			if (facility == null) {
				continue;
			}
			if (!facility.stored) {
				FacilityCreatedEvent e = facility.created;
				facilityInserts.add(new Object[] {facility.id, e.name(), e.lender(), e.limit().currency(),
						e.limit().amount(), facility.committed, Date.valueOf(e.validFrom()), Date.valueOf(e.validTo()),
						facility.version});
			}
			else if (facility.changed) {
				facilityUpdates.add(new Object[] {facility.committed, facility.version, facility.id});
			}
			if (facility.holds == null) {
				continue;
			}
			facility.holds.forEach((key, hold) -> {
				if (!hold.changed) {
					return;
				}
				if (hold.amount == null) {
					if (hold.stored) {
						holdDeletes.add(new Object[] {facility.id, key.projectId(), key.fundingId()});
					}
				}
				else if (hold.stored) {
					holdUpdates.add(new Object[] {hold.amount, Date.valueOf(hold.committedOn), facility.id,
							key.projectId(), key.fundingId()});
				}
				else {
					holdInserts.add(new Object[] {facility.id, key.projectId(), key.fundingId(), hold.amount,
							Date.valueOf(hold.committedOn)});
				}
			});
		}
		batch("insert into facility_view (facility_id, name, lender, currency, limit_amount, committed, valid_from,"
				+ " valid_to, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", facilityInserts);
		batch("update facility_view set committed = ?, version = ? where facility_id = ?", facilityUpdates);
		batch("delete from facility_project where facility_id = ? and project_id = ? and funding_id = ?", holdDeletes);
		batch("update facility_project set amount = ?, committed_on = ? where facility_id = ? and project_id = ?"
				+ " and funding_id = ?", holdUpdates);
		batch("insert into facility_project (facility_id, project_id, funding_id, amount, committed_on)"
				+ " values (?, ?, ?, ?, ?)", holdInserts);
		facilities.clear();
	}

	private void batch(String sql, List<Object[]> rows) {
		if (!rows.isEmpty()) {
			jdbc.batchUpdate(sql, rows);
		}
	}

	/** An amount as the numeric(38,4) columns store it (the per-event statements round on every write). */
	private static BigDecimal stored(BigDecimal amount) {
		return amount.setScale(SCALE, RoundingMode.HALF_UP);
	}

	private final class Facility {
		final String id;
		/** Its row existed when the batch read it (update, not insert). */
		final boolean stored;
		FacilityCreatedEvent created;
		BigDecimal committed;
		long version;
		boolean changed;
		/** Its holdings, read on first use; a hold with a null amount has no row. */
		Map<HoldKey, Hold> holds;

		Facility(String id, boolean stored) {
			this.id = id;
			this.stored = stored;
		}

		void apply(BigDecimal committed, long version) {
			this.committed = committed;
			this.version = version;
			this.changed = true;
		}

		Map<HoldKey, Hold> holds() {
			if (holds == null) {
				holds = new HashMap<>();
				jdbc.query("select project_id, funding_id, amount, committed_on from facility_project"
						+ " where facility_id = ?", rs -> {
							Hold hold = new Hold(true);
							hold.amount = rs.getBigDecimal("amount");
							hold.committedOn = rs.getDate("committed_on").toLocalDate();
							holds.put(new HoldKey(rs.getString("project_id"), rs.getString("funding_id")), hold);
						}, id);
			}
			return holds;
		}
	}

	private record HoldKey(String projectId, String fundingId) {
	}

	private static final class Hold {
		/** Its row existed when the batch read it. */
		final boolean stored;
		BigDecimal amount;
		LocalDate committedOn;
		boolean changed;

		Hold(boolean stored) {
			this.stored = stored;
		}
	}
}
