package org.pipelinetracker.facility.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.pipelinetracker.facility.api.FacilityCreatedEvent;
import org.pipelinetracker.facility.api.FacilityHeadroomReleasedEvent;
import org.pipelinetracker.facility.api.FacilityHeadroomReservedEvent;
import org.pipelinetracker.kernel.ShadowableProjection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;

/**
 * Keeps {@code facility_view} and {@code facility_project} up to date: per facility what is committed against its
 * limit, and per project commitment what it holds. Rebuilt from scratch by a token reset.
 * <p>
 * Events of one facility arrive in order (the processor sequences by aggregate id); an event whose sequence number
 * the row already carries was applied before and is skipped (delivery is at least once).
 * <p>
 * Its only state is its {@link JdbcTemplate}: it needs no unit of work and no transaction of its own, so
 * {@link #withStorage(JdbcTemplate)} gives the very same handlers writing to another database (the consistency
 * check's shadow, where each statement commits by itself). Amounts are added in {@link BigDecimal}, exactly.
 */
@Component
@ProcessingGroup(FacilityUsageProjection.PROCESSING_GROUP)
class FacilityUsageProjection implements ShadowableProjection {

	static final String PROCESSING_GROUP = "facility-usage";

	private final JdbcTemplate jdbc;

	/**
	 * True for a rebuild's copy ({@link #withBatchedStorage}): inside a unit of work, each facility's row and
	 * holdings are read once per batch, folded in memory and written as JDBC batches when it commits
	 * ({@link FacilityUsageBatch}), instead of two to four statements per event.
	 */
	private final boolean batched;
	private final String batchResource = FacilityUsageProjection.class.getName() + ".batch@"
			+ Integer.toHexString(System.identityHashCode(this));

	@Autowired
	FacilityUsageProjection(JdbcTemplate jdbc) {
		this(jdbc, false);
	}

	private FacilityUsageProjection(JdbcTemplate jdbc, boolean batched) {
		this.jdbc = jdbc;
		this.batched = batched;
	}

	@Override
	public String processingGroup() {
		return PROCESSING_GROUP;
	}

	@Override
	public List<Table> tables() {
		return List.of(Table.of("facility_view", "facility_id"),
				Table.of("facility_project", "facility_id", "project_id", "funding_id"));
	}

	@Override
	public FacilityUsageProjection withStorage(JdbcTemplate storage) {
		return new FacilityUsageProjection(storage);
	}

	@Override
	public FacilityUsageProjection withBatchedStorage(JdbcTemplate storage) {
		return new FacilityUsageProjection(storage, true);
	}

	/** The current unit of work's fold, written when it commits; null when each event writes by itself. */
	private FacilityUsageBatch batch() {
		if (!batched || !CurrentUnitOfWork.isStarted()) {
			return null;
		}
		UnitOfWork<?> root = CurrentUnitOfWork.get().root();
		return root.getOrComputeResource(batchResource, key -> {
			FacilityUsageBatch batch = new FacilityUsageBatch(jdbc);
			root.onPrepareCommit(u -> batch.write());
			return batch;
		});
	}

	@EventHandler
	void on(FacilityCreatedEvent event, @SequenceNumber long sequence) {
		FacilityUsageBatch batch = batch();
		if (batch != null) {
			batch.created(event, sequence);
			return;
		}
		String facilityId = event.facilityId().value();
		if (!jdbc.queryForList("select version from facility_view where facility_id = ?", Long.class, facilityId)
				.isEmpty()) {
			return; // already applied
		}
		jdbc.update("insert into facility_view (facility_id, name, lender, currency, limit_amount, committed,"
				+ " valid_from, valid_to, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", facilityId, event.name(),
				event.lender(), event.limit().currency(), event.limit().amount(), BigDecimal.ZERO, event.validFrom(),
				event.validTo(), sequence);
	}

	@EventHandler
	void on(FacilityHeadroomReservedEvent event, @SequenceNumber long sequence) {
		FacilityUsageBatch batch = batch();
		if (batch != null) {
			batch.reserved(event, sequence);
			return;
		}
		String facilityId = event.facilityId().value();
		BigDecimal committed = unappliedCommitted(facilityId, sequence);
		if (committed == null) {
			return;
		}
		BigDecimal amount = event.amount().amount();
		BigDecimal held = held(facilityId, event.projectId(), event.fundingId());
		if (held == null) {
			jdbc.update("insert into facility_project (facility_id, project_id, funding_id, amount, committed_on)"
					+ " values (?, ?, ?, ?, ?)", facilityId, event.projectId(), event.fundingId(), amount,
					event.committedOn());
		}
		else {
			// a later reservation does not move the commitment date
			hold(facilityId, event.projectId(), event.fundingId(), held.add(amount));
		}
		commit(facilityId, committed.add(amount), sequence);
	}

	@EventHandler
	void on(FacilityHeadroomReleasedEvent event, @SequenceNumber long sequence) {
		FacilityUsageBatch batch = batch();
		if (batch != null) {
			batch.released(event, sequence);
			return;
		}
		String facilityId = event.facilityId().value();
		BigDecimal committed = unappliedCommitted(facilityId, sequence);
		if (committed == null) {
			return;
		}
		BigDecimal amount = event.amount().amount();
		BigDecimal held = held(facilityId, event.projectId(), event.fundingId());
		if (held == null) {
			throw new IllegalStateException("no facility_project row for " + event.projectId() + "/"
					+ event.fundingId() + " at event " + sequence + " of facility " + facilityId);
		}
		BigDecimal remaining = held.subtract(amount);
		if (remaining.signum() == 0) {
			// nothing held any more
			jdbc.update("delete from facility_project where facility_id = ? and project_id = ? and funding_id = ?",
					facilityId, event.projectId(), event.fundingId());
		}
		else {
			hold(facilityId, event.projectId(), event.fundingId(), remaining);
		}
		commit(facilityId, committed.subtract(amount), sequence);
	}

	/** What the facility has committed, or null when this event was already applied to it. */
	private BigDecimal unappliedCommitted(String facilityId, long sequence) {
		List<Applied> rows = jdbc.query("select committed, version from facility_view where facility_id = ?",
				(rs, n) -> new Applied(rs.getBigDecimal("committed"), rs.getLong("version")), facilityId);
		if (rows.isEmpty()) {
			throw new IllegalStateException("no facility_view row for " + facilityId + " at event " + sequence);
		}
		Applied facility = rows.get(0);
		return sequence <= facility.version() ? null : facility.committed();
	}

	/** What (project, funding) holds of the facility, or null when it has no row. */
	private BigDecimal held(String facilityId, String projectId, String fundingId) {
		List<BigDecimal> amounts = jdbc.queryForList("select amount from facility_project"
				+ " where facility_id = ? and project_id = ? and funding_id = ?", BigDecimal.class, facilityId,
				projectId, fundingId);
		return amounts.isEmpty() ? null : amounts.get(0);
	}

	private void hold(String facilityId, String projectId, String fundingId, BigDecimal amount) {
		jdbc.update("update facility_project set amount = ? where facility_id = ? and project_id = ? and funding_id = ?",
				amount, facilityId, projectId, fundingId);
	}

	private void commit(String facilityId, BigDecimal committed, long sequence) {
		jdbc.update("update facility_view set committed = ?, version = ? where facility_id = ?", committed, sequence,
				facilityId);
	}

	@ResetHandler
	void reset() {
		jdbc.update("delete from facility_project");
		jdbc.update("delete from facility_view");
	}

	private record Applied(BigDecimal committed, long version) {
	}
}
