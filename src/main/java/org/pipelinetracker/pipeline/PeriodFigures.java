package org.pipelinetracker.pipeline;

import org.pipelinetracker.reference.Codelists;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Money committed and disbursed with an effective date in a span of days, by funding source and by sector, per
 * currency (never converted), as known at an instant: the facts of {@code pipeline_money} recorded up to then (the
 * transaction-time cut of {@code knownAt}). The same facts as the pipeline and the funding series, so the figures
 * agree with theirs.
 */
@Service
@Transactional(readOnly = true)
public class PeriodFigures {

	/** The two ways the figures are split. */
	public enum Dimension {
		SOURCE, SECTOR
	}

	/** One line: a source or a sector ({@code null} sector: the project names none), in one currency. */
	public record Line(Dimension dimension, String key, String currency, BigDecimal committed, BigDecimal disbursed) {
	}

	private final JdbcTemplate jdbc;
	private final Codelists codelists;

	PeriodFigures(JdbcTemplate jdbc, Codelists codelists) {
		this.jdbc = jdbc;
		this.codelists = codelists;
	}

	/**
	 * The figures of {@code from} to {@code to} (both inclusive) as known at {@code knownAt} (null: everything
	 * recorded), each source and sector in each currency, in that order.
	 */
	public List<Line> figures(LocalDate from, LocalDate to, Instant knownAt) {
		Map<String, BigDecimal[]> sums = new TreeMap<>();
		jdbc.query("select m.source, p.sector, m.currency, m.kind, sum(m.amount) from pipeline_money m"
				+ " left join pipeline_project p on p.project_id = m.project_id"
				+ " where m.effective_date >= ? and m.effective_date <= ? and m.recorded_at <= ?"
				+ " group by m.source, p.sector, m.currency, m.kind", rs -> {
			String source = rs.getString(1);
			String sector = rs.getString(2);
			String currency = rs.getString(3);
			int column = PipelineProjection.COMMITTED.equals(rs.getString(4)) ? 0 : 1;
			BigDecimal amount = rs.getBigDecimal(5);
			add(sums, Dimension.SOURCE, source, currency, column, amount);
			add(sums, Dimension.SECTOR, sector, currency, column, amount);
		}, Date.valueOf(from), Date.valueOf(to),
				Timestamp.from(knownAt == null ? PipelineQueries.END_OF_RECORDS : knownAt));
		List<Line> lines = new ArrayList<>();
		sums.forEach((key, values) -> {
			String[] parts = key.split("\u0000", -1);
			int scale = codelists.currencyFractionDigits(parts[2]);
			lines.add(new Line(Dimension.valueOf(parts[0]), parts[1].isEmpty() ? null : parts[1], parts[2],
					values[0].setScale(scale, RoundingMode.HALF_EVEN), values[1].setScale(scale, RoundingMode.HALF_EVEN)));
		});
		return lines;
	}

	private static void add(Map<String, BigDecimal[]> sums, Dimension dimension, String group, String currency,
			int column, BigDecimal amount) {
		String key = dimension + "\u0000" + (group == null ? "" : group) + "\u0000" + currency;
		BigDecimal[] values = sums.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
		values[column] = values[column].add(amount);
	}
}
