package org.pipelinetracker.period.query;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Answers from the {@code reporting-periods} read model: the periods ever closed, and the restating events. */
@Service
@Transactional(readOnly = true)
public class PeriodViews {

	private static final String COLUMNS = "select period, starts_on, ends_on, closed, closed_at, closed_by,"
			+ " close_reason, reopened_at, reopened_by, reopen_reason from reporting_period";

	private final JdbcTemplate jdbc;

	PeriodViews(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Every period ever closed, the latest first. */
	public List<PeriodView> list() {
		return jdbc.query(COLUMNS + " order by starts_on desc, ends_on asc", (rs, n) -> view(rs));
	}

	public Optional<PeriodView> find(String period) {
		return jdbc.query(COLUMNS + " where period = ?", (rs, n) -> view(rs), period).stream().findFirst();
	}

	/** The restating events effective from {@code from} to {@code to}, recorded after {@code after}, in order. */
	public List<RestatementView> restatements(LocalDate from, LocalDate to, Instant after) {
		return jdbc.query("select project_id, event_type, effective_date, recorded_at, actor, reason from restatement"
				+ " where effective_date >= ? and effective_date <= ? and recorded_at > ?"
				+ " order by recorded_at, event_id", (rs, n) -> new RestatementView(rs.getString(1), rs.getString(2),
				rs.getDate(3).toLocalDate(), rs.getTimestamp(4).toInstant(), rs.getString(5), rs.getString(6)),
				Date.valueOf(from), Date.valueOf(to), Timestamp.from(after));
	}

	private static PeriodView view(ResultSet rs) throws SQLException {
		Timestamp reopened = rs.getTimestamp("reopened_at");
		return new PeriodView(rs.getString("period"), rs.getDate("starts_on").toLocalDate(),
				rs.getDate("ends_on").toLocalDate(), rs.getBoolean("closed"), rs.getTimestamp("closed_at").toInstant(),
				rs.getString("closed_by"), rs.getString("close_reason"), reopened == null ? null : reopened.toInstant(),
				rs.getString("reopened_by"), rs.getString("reopen_reason"));
	}
}
