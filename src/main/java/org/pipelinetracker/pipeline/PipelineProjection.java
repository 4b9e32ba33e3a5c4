package org.pipelinetracker.pipeline;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.pipelinetracker.fx.Conversion;
import org.pipelinetracker.fx.FxRates;
import org.pipelinetracker.pipeline.PipelineSummary.Deltas;
import org.pipelinetracker.project.api.DisbursementRecordedEvent;
import org.pipelinetracker.project.api.FundingCommitmentCorrectedEvent;
import org.pipelinetracker.project.api.FundingCommittedEvent;
import org.pipelinetracker.project.api.ImplementationStartedEvent;
import org.pipelinetracker.project.api.ProjectCancelledEvent;
import org.pipelinetracker.project.api.ProjectCompletedEvent;
import org.pipelinetracker.project.api.ProjectProposedEvent;
import org.pipelinetracker.project.api.ProjectResumedEvent;
import org.pipelinetracker.project.api.ProjectStageChangedEvent;
import org.pipelinetracker.project.api.ProjectSuspendedEvent;
import org.pipelinetracker.project.api.Stage;
import org.pipelinetracker.system.ShadowableProjection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

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
 * running USD totals ({@code pipeline_summary_project}, written at once: a project's events are all in one segment,
 * in order), and the deltas to the shared stage, sector, source and unconverted lines, collected per batch and added
 * when the batch commits. A money group (project, funding, source, currency, kind, value date: what the full
 * computation converts) changes the USD totals by its converted sum after the fact minus its converted sum before,
 * so the summary rounds exactly as the full computation does.
 */
@Component
@ProcessingGroup(PipelineProjection.PROCESSING_GROUP)
class PipelineProjection implements ShadowableProjection {

	static final String PROCESSING_GROUP = "pipeline";
	static final String COMMITTED = "COMMITTED";
	static final String DISBURSED = "DISBURSED";
	/** The scale of {@code pipeline_money.amount}: an amount is stored rounded to it. */
	private static final int AMOUNT_SCALE = 6;
	// typed parameters for INSERT ... SELECT (PostgreSQL does not infer a bare parameter's type from the target column)
	private static final String VARCHAR = "cast(? as varchar(300))";
	private static final String BIGINT = "cast(? as bigint)";
	private static final String DATE = "cast(? as date)";
	private static final String TIMESTAMP = "cast(? as timestamp(6) with time zone)";
	private static final String NUMERIC = "cast(? as numeric(38, 6))";

	private final JdbcTemplate jdbc;
	private final FxRates fx;
	private final PipelineSummary summary;
	private final String batchResource = PipelineProjection.class.getName() + ".summary@"
			+ Integer.toHexString(System.identityHashCode(this));

	PipelineProjection(JdbcTemplate jdbc, FxRates fx) {
		this.jdbc = jdbc;
		this.fx = fx;
		this.summary = new PipelineSummary(jdbc, fx.fingerprint());
	}

	@EventHandler
	void on(ProjectProposedEvent e, @SequenceNumber long seq, @Timestamp Instant recordedAt) {
		String id = e.projectId().value();
		// each insert is skipped when its row exists (delivery is at least once): one statement, not a look-up first
		jdbc.update("insert into pipeline_project (project_id, title, sector, region) select " + VARCHAR + ", "
				+ VARCHAR + ", " + VARCHAR + ", " + VARCHAR
				+ " where not exists (select 1 from pipeline_project where project_id = ?)", id, e.title(), e.sector(),
				e.region(), id);
		if (stage(id, seq, Stage.PROPOSED, e.proposedOn(), recordedAt)) {
			jdbc.update("insert into pipeline_summary_project (project_id, stage, sector, committed_usd, disbursed_usd)"
					+ " select " + VARCHAR + ", " + VARCHAR + ", " + VARCHAR + ", 0, 0"
					+ " where not exists (select 1 from pipeline_summary_project where project_id = ?)", id,
					Stage.PROPOSED.name(), e.sector(), id);
			summarise(d -> {
				d.line(PipelineSummary.STAGE, Stage.PROPOSED.name()).projects++;
				d.line(PipelineSummary.SECTOR, e.sector()).projects++;
			});
		}
	}

	@EventHandler
	void on(ProjectStageChangedEvent e, @SequenceNumber long seq, @Timestamp Instant recordedAt) {
		changeStage(e.projectId().value(), seq, e.to(), e.changedOn(), recordedAt);
	}

	@EventHandler
	void on(ImplementationStartedEvent e, @SequenceNumber long seq, @Timestamp Instant recordedAt) {
		changeStage(e.projectId().value(), seq, Stage.IMPLEMENTATION, e.startedOn(), recordedAt);
	}

	@EventHandler
	void on(ProjectSuspendedEvent e, @SequenceNumber long seq, @Timestamp Instant recordedAt) {
		changeStage(e.projectId().value(), seq, Stage.SUSPENDED, e.suspendedOn(), recordedAt);
	}

	@EventHandler
	void on(ProjectResumedEvent e, @SequenceNumber long seq, @Timestamp Instant recordedAt) {
		changeStage(e.projectId().value(), seq, e.resumedTo(), e.resumedOn(), recordedAt);
	}

	@EventHandler
	void on(ProjectCompletedEvent e, @SequenceNumber long seq, @Timestamp Instant recordedAt) {
		changeStage(e.projectId().value(), seq, Stage.COMPLETED, e.completedOn(), recordedAt);
	}

	@EventHandler
	void on(ProjectCancelledEvent e, @SequenceNumber long seq, @Timestamp Instant recordedAt) {
		changeStage(e.projectId().value(), seq, Stage.CANCELLED, e.cancelledOn(), recordedAt);
	}

	@EventHandler
	void on(FundingCommittedEvent e, @SequenceNumber long seq, @Timestamp Instant recordedAt) {
		money(e.projectId().value(), seq, e.fundingId(), COMMITTED, e.source().name(), e.amount().currency(),
				e.amount().amount(), e.committedOn(), recordedAt);
	}

	@EventHandler
	void on(FundingCommitmentCorrectedEvent e, @SequenceNumber long seq, @Timestamp Instant recordedAt) {
		money(e.projectId().value(), seq, e.fundingId(), COMMITTED, sourceOf(e.projectId().value(), e.fundingId()),
				e.newAmount().currency(), e.newAmount().amount().subtract(e.previousAmount().amount()), e.correctedOn(),
				recordedAt);
	}

	@EventHandler
	void on(DisbursementRecordedEvent e, @SequenceNumber long seq, @Timestamp Instant recordedAt) {
		money(e.projectId().value(), seq, e.fundingId(), DISBURSED, sourceOf(e.projectId().value(), e.fundingId()),
				e.amount().currency(), e.amount().amount(), e.disbursedOn(), recordedAt);
	}

	@ResetHandler
	void reset() {
		jdbc.update("delete from pipeline_money");
		jdbc.update("delete from pipeline_stage");
		jdbc.update("delete from pipeline_project");
		summary.clear();
	}

	private void changeStage(String projectId, long seq, Stage stage, LocalDate since, Instant recordedAt) {
		if (!stage(projectId, seq, stage, since, recordedAt)) {
			return;
		}
		List<ProjectTotals> rows = jdbc.query("select stage, committed_usd, disbursed_usd from pipeline_summary_project"
				+ " where project_id = ?", (rs, i) -> new ProjectTotals(Stage.valueOf(rs.getString(1)), null,
						rs.getBigDecimal(2), rs.getBigDecimal(3)), projectId);
		if (rows.isEmpty() || rows.get(0).stage() == stage) {
			return; // no summary row: proposed before the summary existed (the summary is UNBUILT until a replay)
		}
		ProjectTotals before = rows.get(0);
		jdbc.update("update pipeline_summary_project set stage = ? where project_id = ?", stage.name(), projectId);
		summarise(d -> {
			PipelineSummary.Delta from = d.line(PipelineSummary.STAGE, before.stage().name());
			from.projects--;
			from.committed = from.committed.subtract(before.committed());
			from.disbursed = from.disbursed.subtract(before.disbursed());
			PipelineSummary.Delta to = d.line(PipelineSummary.STAGE, stage.name());
			to.projects++;
			to.committed = to.committed.add(before.committed());
			to.disbursed = to.disbursed.add(before.disbursed());
		});
	}

	/** A project's summary row: current stage, sector and USD totals. */
	private record ProjectTotals(Stage stage, String sector, BigDecimal committed, BigDecimal disbursed) {
	}

	/**
	 * Adds to the summary lines: in a processor batch, to the batch's deltas (added to the lines when it commits);
	 * outside one (the consistency check's shadow), at once. Called last in a handler, after every statement that
	 * could fail, so an event that goes to the dead-letter queue leaves no delta behind.
	 */
	private void summarise(Consumer<Deltas> change) {
		if (!CurrentUnitOfWork.isStarted()) {
			Deltas deltas = new Deltas();
			change.accept(deltas);
			summary.apply(deltas);
			return;
		}
		UnitOfWork<?> root = CurrentUnitOfWork.get().root();
		change.accept(root.getOrComputeResource(batchResource, key -> {
			Deltas deltas = new Deltas();
			root.onPrepareCommit(u -> summary.apply(deltas));
			return deltas;
		}));
	}

	/** Writes a stage fact; false when it was written before (delivery is at least once). */
	private boolean stage(String projectId, long seq, Stage stage, LocalDate since, Instant recordedAt) {
		return 1 == jdbc.update("insert into pipeline_stage (project_id, sequence_number, stage, since, recorded_at) select "
				+ VARCHAR + ", " + BIGINT + ", " + VARCHAR + ", " + DATE + ", " + TIMESTAMP
				+ " where not exists (select 1 from pipeline_stage where project_id = ? and sequence_number = ?)",
				projectId, seq, stage.name(), Date.valueOf(since), java.sql.Timestamp.from(recordedAt), projectId, seq);
	}

	private void money(String projectId, long seq, String fundingId, String kind, String source, String currency,
			BigDecimal amount, LocalDate effectiveDate, Instant recordedAt) {
		boolean commitment = COMMITTED.equals(kind);
		// before the fact: the project's stage and sector, its money group's sum, and whether the funding has a
		// commitment already (then it counts as a funding of its source)
		List<Object[]> before = jdbc.query("select s.stage, s.sector, (select coalesce(sum(case when m.kind = ? and"
				+ " m.currency = ? and m.effective_date = ? then m.amount end), 0) from pipeline_money m where"
				+ " m.project_id = s.project_id and m.funding_id = ? and m.source = ?), (select count(*) from"
				+ " pipeline_money m where m.project_id = s.project_id and m.funding_id = ? and m.source = ? and"
				+ " m.kind = '" + COMMITTED + "') from pipeline_summary_project s where s.project_id = ?",
				(rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getLong(4)}, kind,
				currency, Date.valueOf(effectiveDate), fundingId, source, fundingId, source, projectId);
		if (!insertMoney(projectId, seq, fundingId, kind, source, currency, amount, effectiveDate, recordedAt)
				|| before.isEmpty()) {
			return; // written before, or no summary row (proposed before the summary existed: UNBUILT until a replay)
		}
		Stage stage = Stage.valueOf((String) before.get(0)[0]);
		String sector = (String) before.get(0)[1];
		BigDecimal groupBefore = (BigDecimal) before.get(0)[2];
		boolean firstCommitment = commitment && (Long) before.get(0)[3] == 0;
		BigDecimal stored = amount.scale() > AMOUNT_SCALE ? amount.setScale(AMOUNT_SCALE, RoundingMode.HALF_UP) : amount;
		Conversion after = fx.toUsd(groupBefore.add(stored), currency, effectiveDate);
		BigDecimal usd = after.converted() ? after.usd().subtract(fx.toUsd(groupBefore, currency, effectiveDate).usd())
				: BigDecimal.ZERO;
		if (usd.signum() != 0) {
			jdbc.update("update pipeline_summary_project set " + (commitment ? "committed_usd = committed_usd + ?"
					: "disbursed_usd = disbursed_usd + ?") + " where project_id = ?", usd, projectId);
		}
		summarise(d -> {
			PipelineSummary.Delta sourceLine = d.line(PipelineSummary.SOURCE, source);
			sourceLine.facts++;
			if (firstCommitment) {
				sourceLine.fundings++;
			}
			if (after.converted()) {
				sourceLine.add(commitment, usd);
				d.line(PipelineSummary.STAGE, stage.name()).add(commitment, usd);
				d.line(PipelineSummary.SECTOR, sector).add(commitment, usd);
			}
			else {
				PipelineSummary.Delta unconverted = d.line(PipelineSummary.UNCONVERTED, currency);
				unconverted.facts++;
				unconverted.add(commitment, stored);
			}
		});
	}

	/** Writes a money fact; false when it was written before (delivery is at least once). */
	private boolean insertMoney(String projectId, long seq, String fundingId, String kind, String source,
			String currency, BigDecimal amount, LocalDate effectiveDate, Instant recordedAt) {
		return 1 == jdbc.update("insert into pipeline_money (project_id, sequence_number, funding_id, kind, source, currency, amount,"
				+ " effective_date, recorded_at) select " + VARCHAR + ", " + BIGINT + ", " + VARCHAR + ", " + VARCHAR + ", "
				+ VARCHAR + ", " + VARCHAR + ", " + NUMERIC + ", " + DATE + ", " + TIMESTAMP
				+ " where not exists (select 1 from pipeline_money where project_id = ? and sequence_number = ?)",
				projectId, seq, fundingId, kind, source, currency, amount, Date.valueOf(effectiveDate),
				java.sql.Timestamp.from(recordedAt), projectId, seq);
	}

	private String sourceOf(String projectId, String fundingId) {
		return jdbc.queryForObject("select min(source) from pipeline_money where project_id = ? and funding_id = ?",
				String.class, projectId, fundingId);
	}

	@Override
	public String processingGroup() {
		return PROCESSING_GROUP;
	}

	@Override
	public List<Table> tables() {
		return List.of(Table.of("pipeline_project", "project_id"), Table.of("pipeline_stage", "project_id", "sequence_number"),
				Table.of("pipeline_money", "project_id", "sequence_number"), Table.of("pipeline_summary_project", "project_id"),
				Table.of("pipeline_summary_line", "dimension", "line_key"), Table.of("pipeline_summary_state", "id"));
	}

	@Override
	public Object withStorage(JdbcTemplate storage) {
		return new PipelineProjection(storage, fx);
	}
}
