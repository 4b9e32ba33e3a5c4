package org.pipelinetracker.pipeline;

import org.pipelinetracker.project.api.StallPeriod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Stalled-project alerts across the portfolio ({@code GET /api/alerts}): open ones, or all with when they were
 * resolved, and how many days each project has been (or was) stalled, as {@link StallPeriod} defines them: since
 * the due date, up to the resolving fact's date or today.
 */
@Service
@Transactional(readOnly = true)
public class AlertQueries {

	private final JdbcTemplate jdbc;

	AlertQueries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public record Alert(String projectId, String projectTitle, String kind, String fundingId, LocalDate since,
			long daysStalled, Instant raisedAt, LocalDate resolvedOn) {
	}

	public List<Alert> alerts(boolean includeResolved, LocalDate today) {
		return jdbc.query("select a.project_id, p.title, a.kind, a.funding_id, a.since, a.raised_at, a.resolved_on"
				+ " from alert_view a left join pipeline_project p on p.project_id = a.project_id"
				+ (includeResolved ? "" : " where a.resolved_on is null") + " order by a.since, a.project_id",
				(rs, i) -> {
					LocalDate since = rs.getDate(5).toLocalDate();
					LocalDate resolved = rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate();
					String fundingId = rs.getString(4);
					return new Alert(rs.getString(1), rs.getString(2), rs.getString(3),
							fundingId == null || fundingId.isEmpty() ? null : fundingId, since,
							new StallPeriod(since, resolved).days(today), rs.getTimestamp(6).toInstant(), resolved);
				});
	}
}
