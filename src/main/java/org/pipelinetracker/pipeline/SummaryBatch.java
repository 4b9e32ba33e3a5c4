package org.pipelinetracker.pipeline;

import org.pipelinetracker.fx.Conversion;
import org.pipelinetracker.fx.RateTable;
import org.pipelinetracker.project.api.Stage;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a processor batch of {@link PipelineProjection} has read and changed for the summary
 * ({@link PipelineSummary}): project rows, money group sums, which fundings have a commitment, each funding's
 * source, and the deltas to the summary lines. Everything is changed only after the event's fact was
 * written (its last statement), so an event that fails and goes to the dead-letter queue leaves nothing behind
 * here. A project proposed in this batch has nothing stored yet: its sums are known without a look-up. The whole
 * batch converts with the rates in force when it began, and records their fingerprint with its deltas.
 */
final class SummaryBatch {

	/** The scale of {@code pipeline_money.amount}: an amount is stored rounded to it. */
	private static final int AMOUNT_SCALE = 6;

	private final JdbcTemplate jdbc;
	private final RateTable fx;
	private final PipelineSummary summary;
	private final MoneyDays days;
	private final boolean writeEachEvent;
	private final Map<String, Optional<ProjectRow>> projects = new HashMap<>();
	private final Map<GroupKey, BigDecimal> groups = new HashMap<>();
	private final Map<String, Boolean> commitments = new HashMap<>();
	private final Map<String, String> sources = new HashMap<>();
	private final Set<String> proposedHere = new HashSet<>();
	private final PipelineSummary.Deltas deltas = new PipelineSummary.Deltas();
	private final MoneyDays.Deltas dayDeltas = new MoneyDays.Deltas();
	/** Facts held back to be inserted as JDBC batches when the batch commits (a rebuild into empty tables only). */
	private final Map<String, List<Object[]>> facts = new java.util.LinkedHashMap<>();

	SummaryBatch(JdbcTemplate jdbc, RateTable fx, PipelineSummary summary, MoneyDays days, boolean writeEachEvent) {
		this.jdbc = jdbc;
		this.fx = fx;
		this.summary = summary;
		this.days = days;
		this.writeEachEvent = writeEachEvent;
	}

	/** At the end of a handler: outside a processor batch, write now. */
	void done() {
		if (writeEachEvent) {
			write();
		}
	}

	Optional<ProjectRow> project(String projectId) {
		return projects.computeIfAbsent(projectId, id -> jdbc.query("select stage, sector, committed_usd,"
				+ " disbursed_usd from pipeline_summary_project where project_id = ?", (rs, i) -> new ProjectRow(id,
						Stage.valueOf(rs.getString(1)), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
						true), id).stream().findFirst());
	}

	BigDecimal groupSum(GroupKey key) {
		if (proposedHere.contains(key.projectId())) {
			return groups.getOrDefault(key, BigDecimal.ZERO);
		}
		return groups.computeIfAbsent(key, k -> jdbc.queryForObject("select coalesce(sum(amount), 0)"
				+ " from pipeline_money where project_id = ? and funding_id = ? and source = ? and currency = ?"
				+ " and kind = ? and effective_date = ?", BigDecimal.class, k.projectId(), k.fundingId(), k.source(),
				k.currency(), k.kind(), Date.valueOf(k.effectiveDate())));
	}

	boolean hasCommitment(String projectId, String fundingId, String source) {
		String key = projectId + '/' + fundingId + '/' + source;
		if (proposedHere.contains(projectId)) {
			return commitments.getOrDefault(key, false);
		}
		return commitments.computeIfAbsent(key, k -> 0 < jdbc.queryForObject("select count(*) from pipeline_money"
				+ " where project_id = ? and funding_id = ? and source = ? and kind = '" + PipelineProjection.COMMITTED + "'",
				Long.class, projectId, fundingId, source));
	}

	String sourceOf(String projectId, String fundingId) {
		String known = sources.get(projectId + '/' + fundingId);
		return known != null ? known : jdbc.queryForObject("select min(source) from pipeline_money"
				+ " where project_id = ? and funding_id = ?", String.class, projectId, fundingId);
	}

	/** The funding's source, known from its commitment in this batch. */
	void knowSource(String projectId, String fundingId, String source) {
		sources.put(projectId + '/' + fundingId, source);
	}

	void proposed(String projectId, String sector) {
		ProjectRow row = new ProjectRow(projectId, Stage.PROPOSED, sector, BigDecimal.ZERO, BigDecimal.ZERO, false);
		row.changed = true;
		projects.put(projectId, Optional.of(row));
		proposedHere.add(projectId);
		deltas.line(PipelineSummary.STAGE, Stage.PROPOSED.name()).projects++;
		deltas.line(PipelineSummary.SECTOR, sector).projects++;
	}

	/** Moves the project, its count and its money, from its stage's line to the new stage's. */
	void stageChanged(String projectId, Stage stage) {
		Optional<ProjectRow> found = project(projectId);
		if (found.isEmpty() || found.get().stage == stage) {
			return; // no summary row: proposed before the summary existed (UNBUILT until a replay)
		}
		ProjectRow row = found.get();
		PipelineSummary.Delta from = deltas.line(PipelineSummary.STAGE, row.stage.name());
		from.projects--;
		from.committed = from.committed.subtract(row.committed);
		from.disbursed = from.disbursed.subtract(row.disbursed);
		PipelineSummary.Delta to = deltas.line(PipelineSummary.STAGE, stage.name());
		to.projects++;
		to.committed = to.committed.add(row.committed);
		to.disbursed = to.disbursed.add(row.disbursed);
		row.stage = stage;
		row.changed = true;
	}

	void moneyRecorded(ProjectRow row, GroupKey group, BigDecimal groupBefore, BigDecimal amount,
			boolean firstCommitment) {
		boolean commitment = PipelineProjection.COMMITTED.equals(group.kind());
		BigDecimal stored = stored(amount);
		BigDecimal groupAfter = groupBefore.add(stored);
		groups.put(group, groupAfter);
		if (commitment) {
			commitments.put(group.projectId() + '/' + group.fundingId() + '/' + group.source(), true);
		}
		PipelineSummary.Delta sourceLine = deltas.line(PipelineSummary.SOURCE, group.source());
		sourceLine.facts++;
		if (firstCommitment) {
			sourceLine.fundings++;
		}
		Conversion after = fx.toUsd(groupAfter, group.currency(), group.effectiveDate());
		if (!after.converted()) {
			PipelineSummary.Delta unconverted = deltas.line(PipelineSummary.UNCONVERTED, group.currency());
			unconverted.facts++;
			unconverted.add(commitment, stored);
			return;
		}
		BigDecimal usd = after.usd().subtract(fx.toUsd(groupBefore, group.currency(), group.effectiveDate()).usd());
		sourceLine.add(commitment, usd);
		deltas.line(PipelineSummary.STAGE, row.stage.name()).add(commitment, usd);
		deltas.line(PipelineSummary.SECTOR, row.sector).add(commitment, usd);
		if (commitment) {
			row.committed = row.committed.add(usd);
		}
		else {
			row.disbursed = row.disbursed.add(usd);
		}
		row.changed = true;
	}

	/** {@code amount} as {@code pipeline_money.amount} stores it: rounded to its scale. */
	static BigDecimal stored(BigDecimal amount) {
		return amount.scale() > AMOUNT_SCALE ? amount.setScale(AMOUNT_SCALE, RoundingMode.HALF_UP) : amount;
	}

	/** A money fact was inserted: its amount goes into its day's sum ({@link MoneyDays}). */
	void dayRecorded(MoneyDays.Day day, BigDecimal amount) {
		dayDeltas.add(day, stored(amount));
	}

	/**
	 * A fact row to insert when the batch commits, with the others of its statement in one JDBC batch: for a rebuild
	 * into empty tables, where every fact is new and none is delivered twice.
	 */
	void defer(String insert, Object... values) {
		facts.computeIfAbsent(insert, k -> new ArrayList<>()).add(values);
	}

	/**
	 * Writes the held-back facts, the changed project rows, then adds the deltas to the lines and to the day sums
	 * (always lines before days, each in key order: concurrent batches take the row locks in one order).
	 */
	void write() {
		facts.forEach(jdbc::batchUpdate);
		facts.clear();
		List<Object[]> inserts = new ArrayList<>();
		List<Object[]> updates = new ArrayList<>();
		for (Optional<ProjectRow> found : projects.values()) {
			if (found.isEmpty() || !found.get().changed) {
				continue;
			}
			ProjectRow row = found.get();
			(row.stored ? updates : inserts).add(new Object[] {row.stage.name(), row.sector, row.committed,
					row.disbursed, row.projectId});
		}
		if (!inserts.isEmpty()) {
			jdbc.batchUpdate("insert into pipeline_summary_project (stage, sector, committed_usd, disbursed_usd,"
					+ " project_id) values (?, ?, ?, ?, ?)", inserts);
		}
		if (!updates.isEmpty()) {
			jdbc.batchUpdate("update pipeline_summary_project set stage = ?, sector = ?, committed_usd = ?,"
					+ " disbursed_usd = ? where project_id = ?", updates);
		}
		summary.apply(deltas, fx.fingerprint());
		days.apply(dayDeltas);
	}

	/** A money group: the amounts the full computation sums and converts as one. */
	record GroupKey(String projectId, String fundingId, String source, String currency, String kind,
			LocalDate effectiveDate) {
	}

	/** A project's summary row while a batch is handled; {@code stored}: the row exists (update, not insert). */
	static final class ProjectRow {
		final String projectId;
		final String sector;
		final boolean stored;
		Stage stage;
		BigDecimal committed;
		BigDecimal disbursed;
		boolean changed;

		ProjectRow(String projectId, Stage stage, String sector, BigDecimal committed, BigDecimal disbursed,
				boolean stored) {
			this.projectId = projectId;
			this.stage = stage;
			this.sector = sector;
			this.committed = committed;
			this.disbursed = disbursed;
			this.stored = stored;
		}
	}
}
