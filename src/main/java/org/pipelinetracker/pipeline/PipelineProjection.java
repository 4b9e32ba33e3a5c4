package org.pipelinetracker.pipeline;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.pipelinetracker.fx.FxRates;
import org.pipelinetracker.project.api.DisbursementRecordedEvent;
import org.pipelinetracker.project.api.FundingCommitmentCorrectedEvent;
import org.pipelinetracker.project.api.FundingCancelledEvent;
import org.pipelinetracker.project.api.FundingCommittedEvent;
import org.pipelinetracker.project.api.ProjectProposedEvent;
import org.pipelinetracker.project.api.Stage;
import org.pipelinetracker.project.api.StageChange;
import org.pipelinetracker.kernel.ShadowableProjection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Writes the bitemporal facts behind the pipeline and the funding time series: one row per stage change and per
 * money movement, each with its effective date and the instant it was recorded.
 * <p>
 * The money facts are commitments (and their corrections) and disbursements only: the pipeline and the series are
 * "committed vs disbursed". Incoming funds ({@code IncomingFundsRecordedEvent}) and expenditure
 * ({@code ExpenditureRecordedEvent}) write no fact: an expenditure is not a disbursement, and incoming funds are the
 * receiving side of money some funder paid out, which counted as disbursed would count a commitment's money twice
 * and, without one, would be disbursed against nothing. When incoming funds finance an AGREED project, the stage
 * change they cause is an ordinary {@code ProjectStageChangedEvent}, recorded here as a stage fact.
 * <p>
 * It also keeps the default pipeline answer aggregated ({@link PipelineSummary}): per project its current stage and
 * running USD totals ({@code pipeline_summary_project}; a project's events all go to one segment, in order), and
 * the deltas to the shared stage, sector, source and unconverted lines. Both are collected per processor batch in
 * memory ({@link SummaryBatch}) and written when the batch commits: project rows in one batched statement each for inserts
 * and updates, lines as deltas in key order. A money group (project, funding, source, currency, kind, value date:
 * what the full computation converts as one amount) changes the USD totals by its converted sum after the fact
 * minus its converted sum before, so the summary rounds exactly as the full computation does.
 * <p>
 * Rates can change while the application runs (an import, here or on another node): a batch converts with the rates
 * in force when it began and records their fingerprint; a batch with other rates than the summary's marks it MIXED,
 * and queries then compute from the facts (always with the rates in force) until the summary is rebuilt (at the next
 * start, {@link #rebuildReason()}, or by a replay).
 */
@Component
@ProcessingGroup(PipelineProjection.PROCESSING_GROUP)
class PipelineProjection implements ShadowableProjection {

	static final String PROCESSING_GROUP = "pipeline";
	static final String COMMITTED = "COMMITTED";
	static final String DISBURSED = "DISBURSED";
	// typed parameters for INSERT ... SELECT (PostgreSQL does not infer a bare parameter's type from the target column)
	private static final String VARCHAR = "cast(? as varchar(300))";
	private static final String BIGINT = "cast(? as bigint)";
	private static final String DATE = "cast(? as date)";
	private static final String TIMESTAMP = "cast(? as timestamp(6) with time zone)";
	private static final String NUMERIC = "cast(? as numeric(38, 6))";

	private final JdbcTemplate jdbc;
	private final FxRates fx;
	private final PipelineSummary summary;
	private final MoneyDays days;
	private final String batchResource = PipelineProjection.class.getName() + ".batch@"
			+ Integer.toHexString(System.identityHashCode(this));

	/**
	 * True for a rebuild's shadow copy ({@link #withBatchedStorage}): its tables start empty and every event comes
	 * once, in order, so within a unit of work the facts are inserted as JDBC batches when it commits instead of one
	 * idempotent {@code insert … where not exists} per event.
	 */
	private final boolean freshStorage;

	@Autowired
	PipelineProjection(JdbcTemplate jdbc, FxRates fx) {
		this(jdbc, fx, false);
	}

	private PipelineProjection(JdbcTemplate jdbc, FxRates fx, boolean freshStorage) {
		this.jdbc = jdbc;
		this.fx = fx;
		this.summary = new PipelineSummary(jdbc);
		this.days = new MoneyDays(jdbc);
		this.freshStorage = freshStorage;
	}

	/** Whether facts are held back in the batch: a rebuild into empty tables, inside a unit of work. */
	private boolean deferring() {
		return freshStorage && CurrentUnitOfWork.isStarted();
	}

	@EventHandler
	void on(ProjectProposedEvent e, @SequenceNumber long seq, @Timestamp Instant recordedAt) {
		String id = e.projectId().value();
		SummaryBatch batch = batch();
		if (deferring()) {
			batch.defer("insert into pipeline_project (project_id, title, sector, region) values (?, ?, ?, ?)", id,
					e.title(), e.sector(), e.region());
		}
		else {
			// each insert is skipped when its row exists (delivery is at least once): one statement, not a look-up first
			jdbc.update("insert into pipeline_project (project_id, title, sector, region) select " + VARCHAR + ", "
					+ VARCHAR + ", " + VARCHAR + ", " + VARCHAR
					+ " where not exists (select 1 from pipeline_project where project_id = ?)", id, e.title(),
					e.sector(), e.region(), id);
		}
		if (stage(id, seq, e.stageAfter(), e.stageChangedOn(), recordedAt)) {
			batch.proposed(id, e.sector());
		}
		batch.done();
	}

	/** Every other stage change (the proposal, handled above, is the first stage of a new project). */
	@EventHandler
	void on(StageChange e, @SequenceNumber long seq, @Timestamp Instant recordedAt) {
		String projectId = e.projectId().value();
		SummaryBatch batch = batch();
		if (stage(projectId, seq, e.stageAfter(), e.stageChangedOn(), recordedAt)) {
			batch.stageChanged(projectId, e.stageAfter());
		}
		batch.done();
	}

	@EventHandler
	void on(FundingCommittedEvent e, @SequenceNumber long seq, @Timestamp Instant recordedAt) {
		money(e.projectId().value(), seq, e.fundingId(), COMMITTED, e.source().name(), e.amount().currency(),
				e.amount().amount(), e.committedOn(), recordedAt);
	}

	@EventHandler
	void on(FundingCommitmentCorrectedEvent e, @SequenceNumber long seq, @Timestamp Instant recordedAt) {
		String id = e.projectId().value();
		money(id, seq, e.fundingId(), COMMITTED, batch().sourceOf(id, e.fundingId()), e.newAmount().currency(),
				e.newAmount().amount().subtract(e.previousAmount().amount()), e.correctedOn(), recordedAt);
	}

	/** A cancellation lowers the commitment like a correction down. */
	@EventHandler
	void on(FundingCancelledEvent e, @SequenceNumber long seq, @Timestamp Instant recordedAt) {
		String id = e.projectId().value();
		money(id, seq, e.fundingId(), COMMITTED, batch().sourceOf(id, e.fundingId()), e.cancelled().currency(),
				e.cancelled().amount().negate(), e.cancelledOn(), recordedAt);
	}

	@EventHandler
	void on(DisbursementRecordedEvent e, @SequenceNumber long seq, @Timestamp Instant recordedAt) {
		String id = e.projectId().value();
		money(id, seq, e.fundingId(), DISBURSED, batch().sourceOf(id, e.fundingId()), e.amount().currency(),
				e.amount().amount(), e.disbursedOn(), recordedAt);
	}

	@ResetHandler
	void reset() {
		jdbc.update("delete from pipeline_money");
		jdbc.update("delete from pipeline_stage");
		jdbc.update("delete from pipeline_project");
		summary.clear();
		days.clear();
	}

	private void money(String projectId, long seq, String fundingId, String kind, String source, String currency,
			BigDecimal amount, LocalDate effectiveDate, Instant recordedAt) {
		SummaryBatch batch = batch();
		// read before the fact is written (from the batch when it has them): the money group's sum, whether the
		// funding has a commitment already, the project's summary row
		SummaryBatch.GroupKey group = new SummaryBatch.GroupKey(projectId, fundingId, source, currency, kind,
				effectiveDate);
		Optional<SummaryBatch.ProjectRow> project = batch.project(projectId);
		BigDecimal groupBefore = project.isPresent() ? batch.groupSum(group) : BigDecimal.ZERO;
		boolean firstCommitment = project.isPresent() && COMMITTED.equals(kind)
				&& !batch.hasCommitment(projectId, fundingId, source);
		if (insertMoney(projectId, seq, fundingId, kind, source, currency, amount, effectiveDate, recordedAt)) {
			batch.knowSource(projectId, fundingId, source);
			batch.dayRecorded(new MoneyDays.Day(effectiveDate, source, currency, kind), amount);
			// no summary row: proposed before the summary existed (the summary is UNBUILT until a replay)
			project.ifPresent(row -> batch.moneyRecorded(row, group, groupBefore, amount, firstCommitment));
		}
		batch.done();
	}

	/** Writes a stage fact; false when it was written before (delivery is at least once). */
	private boolean stage(String projectId, long seq, Stage stage, LocalDate since, Instant recordedAt) {
		if (deferring()) {
			batch().defer("insert into pipeline_stage (project_id, sequence_number, stage, since, recorded_at)"
					+ " values (?, ?, ?, ?, ?)", projectId, seq, stage.name(), Date.valueOf(since),
					java.sql.Timestamp.from(recordedAt));
			return true;
		}
		return 1 == jdbc.update("insert into pipeline_stage (project_id, sequence_number, stage, since, recorded_at) select "
				+ VARCHAR + ", " + BIGINT + ", " + VARCHAR + ", " + DATE + ", " + TIMESTAMP
				+ " where not exists (select 1 from pipeline_stage where project_id = ? and sequence_number = ?)",
				projectId, seq, stage.name(), Date.valueOf(since), java.sql.Timestamp.from(recordedAt), projectId, seq);
	}

	/** Writes a money fact; false when it was written before (delivery is at least once). */
	private boolean insertMoney(String projectId, long seq, String fundingId, String kind, String source,
			String currency, BigDecimal amount, LocalDate effectiveDate, Instant recordedAt) {
		if (deferring()) {
			batch().defer("insert into pipeline_money (project_id, sequence_number, funding_id, kind, source, currency,"
					+ " amount, effective_date, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", projectId, seq,
					fundingId, kind, source, currency, amount, Date.valueOf(effectiveDate),
					java.sql.Timestamp.from(recordedAt));
			return true;
		}
		return 1 == jdbc.update("insert into pipeline_money (project_id, sequence_number, funding_id, kind, source, currency, amount,"
				+ " effective_date, recorded_at) select " + VARCHAR + ", " + BIGINT + ", " + VARCHAR + ", " + VARCHAR + ", "
				+ VARCHAR + ", " + VARCHAR + ", " + NUMERIC + ", " + DATE + ", " + TIMESTAMP
				+ " where not exists (select 1 from pipeline_money where project_id = ? and sequence_number = ?)",
				projectId, seq, fundingId, kind, source, currency, amount, Date.valueOf(effectiveDate),
				java.sql.Timestamp.from(recordedAt), projectId, seq);
	}

	/**
	 * The current processor batch's state, written when it commits; outside a unit of work (the consistency
	 * check's shadow runs handlers one by one, each statement committing by itself) a fresh one per event, written
	 * when the handler is done.
	 */
	private SummaryBatch batch() {
		if (!CurrentUnitOfWork.isStarted()) {
			return new SummaryBatch(jdbc, fx.current(), summary, days, true);
		}
		UnitOfWork<?> root = CurrentUnitOfWork.get().root();
		return root.getOrComputeResource(batchResource, key -> {
			SummaryBatch batch = new SummaryBatch(jdbc, fx.current(), summary, days, false);
			root.onPrepareCommit(u -> batch.write());
			return batch;
		});
	}

	@Override
	public String processingGroup() {
		return PROCESSING_GROUP;
	}

	@Override
	public List<Table> tables() {
		return List.of(Table.of("pipeline_project", "project_id"), Table.of("pipeline_stage", "project_id", "sequence_number"),
				Table.of("pipeline_money", "project_id", "sequence_number"), Table.of("pipeline_summary_project", "project_id"),
				Table.of("pipeline_summary_line", "dimension", "line_key"), Table.of("pipeline_summary_state", "id"),
				Table.of("pipeline_money_day", "effective_date", "source", "currency", "kind"));
	}

	@Override
	public Object withStorage(JdbcTemplate storage) {
		return new PipelineProjection(storage, fx);
	}

	@Override
	public Object withBatchedStorage(JdbcTemplate storage) {
		return new PipelineProjection(storage, fx, true);
	}

	/** The summary was never built (facts projected before V11), or its USD figures used other exchange rates. */
	@Override
	public Optional<String> rebuildReason() {
		String rates = PipelineSummary.rates(jdbc);
		if (PipelineSummary.UNBUILT.equals(rates)) {
			return Optional.of("the pipeline summary has not been built (facts projected before it existed)");
		}
		if (!PipelineSummary.convertedWith(rates, fx.fingerprint())) {
			return Optional.of("the pipeline summary was converted to USD with other exchange rates");
		}
		return Optional.empty();
	}
}
