package org.pipelinetracker.pipeline;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
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
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

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

	PipelineProjection(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@EventHandler
	void on(ProjectProposedEvent e, @SequenceNumber long seq, @Timestamp Instant recordedAt) {
		String id = e.projectId().value();
		// each insert is skipped when its row exists (delivery is at least once): one statement, not a look-up first
		jdbc.update("insert into pipeline_project (project_id, title, sector, region) select " + VARCHAR + ", "
				+ VARCHAR + ", " + VARCHAR + ", " + VARCHAR
				+ " where not exists (select 1 from pipeline_project where project_id = ?)", id, e.title(), e.sector(),
				e.region(), id);
		stage(id, seq, Stage.PROPOSED, e.proposedOn(), recordedAt);
	}

	@EventHandler
	void on(ProjectStageChangedEvent e, @SequenceNumber long seq, @Timestamp Instant recordedAt) {
		stage(e.projectId().value(), seq, e.to(), e.changedOn(), recordedAt);
	}

	@EventHandler
	void on(ImplementationStartedEvent e, @SequenceNumber long seq, @Timestamp Instant recordedAt) {
		stage(e.projectId().value(), seq, Stage.IMPLEMENTATION, e.startedOn(), recordedAt);
	}

	@EventHandler
	void on(ProjectSuspendedEvent e, @SequenceNumber long seq, @Timestamp Instant recordedAt) {
		stage(e.projectId().value(), seq, Stage.SUSPENDED, e.suspendedOn(), recordedAt);
	}

	@EventHandler
	void on(ProjectResumedEvent e, @SequenceNumber long seq, @Timestamp Instant recordedAt) {
		stage(e.projectId().value(), seq, e.resumedTo(), e.resumedOn(), recordedAt);
	}

	@EventHandler
	void on(ProjectCompletedEvent e, @SequenceNumber long seq, @Timestamp Instant recordedAt) {
		stage(e.projectId().value(), seq, Stage.COMPLETED, e.completedOn(), recordedAt);
	}

	@EventHandler
	void on(ProjectCancelledEvent e, @SequenceNumber long seq, @Timestamp Instant recordedAt) {
		stage(e.projectId().value(), seq, Stage.CANCELLED, e.cancelledOn(), recordedAt);
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
	}

	private void stage(String projectId, long seq, Stage stage, LocalDate since, Instant recordedAt) {
		jdbc.update("insert into pipeline_stage (project_id, sequence_number, stage, since, recorded_at) select "
				+ VARCHAR + ", " + BIGINT + ", " + VARCHAR + ", " + DATE + ", " + TIMESTAMP
				+ " where not exists (select 1 from pipeline_stage where project_id = ? and sequence_number = ?)",
				projectId, seq, stage.name(), Date.valueOf(since), java.sql.Timestamp.from(recordedAt), projectId, seq);
	}

	private void money(String projectId, long seq, String fundingId, String kind, String source, String currency,
			BigDecimal amount, LocalDate effectiveDate, Instant recordedAt) {
		jdbc.update("insert into pipeline_money (project_id, sequence_number, funding_id, kind, source, currency, amount,"
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
				Table.of("pipeline_money", "project_id", "sequence_number"));
	}

	@Override
	public Object withStorage(JdbcTemplate storage) {
		return new PipelineProjection(storage);
	}
}
