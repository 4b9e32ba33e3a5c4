package org.pipelinetracker.pipeline;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Milestones across the portfolio ({@code GET /api/milestones}): each milestone's latest plan and achievement, its
 * slippage, and whether it is overdue today.
 */
@Service
@Transactional(readOnly = true)
public class MilestoneQueries {

	private final JdbcTemplate jdbc;

	MilestoneQueries(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public record MilestoneLine(String projectId, String projectTitle, String milestoneId, String name,
			LocalDate plannedOn, LocalDate achievedOn, Long slippageDays, Long daysOverdue, String status) {
	}

	public List<MilestoneLine> milestones(boolean overdueOnly, String projectId, LocalDate today) {
		StringBuilder sql = new StringBuilder("select m.project_id, p.title, m.milestone_id, m.name, m.planned_on,"
				+ " m.achieved_on from milestone_view m left join pipeline_project p on p.project_id = m.project_id where 1 = 1");
		List<Object> args = new ArrayList<>();
		if (overdueOnly) {
			sql.append(" and m.achieved_on is null and m.planned_on < ?");
			args.add(Date.valueOf(today));
		}
		if (projectId != null) {
			sql.append(" and m.project_id = ?");
			args.add(projectId);
		}
		sql.append(" order by m.planned_on, m.project_id, m.milestone_id");
		return jdbc.query(sql.toString(), (rs, i) -> {
			LocalDate planned = rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate();
			LocalDate achieved = rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate();
			Long slippage = planned != null && achieved != null ? ChronoUnit.DAYS.between(planned, achieved) : null;
			boolean overdue = achieved == null && planned != null && planned.isBefore(today);
			Long daysOverdue = overdue ? ChronoUnit.DAYS.between(planned, today) : null;
			String status = achieved != null ? "ACHIEVED" : overdue ? "OVERDUE" : "PLANNED";
			return new MilestoneLine(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), planned,
					achieved, slippage, daysOverdue, status);
		}, args.toArray());
	}
}
