package org.pipelinetracker.reporting;

import org.pipelinetracker.kernel.FiscalCalendar.FiscalPeriod;
import org.pipelinetracker.reporting.ReportScope.Funded;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Who reported a quarter: per funder and per project, the first upload that covered one of its fundings, and whether
 * it came by the due date ({@code tracker.reporting.due-days} after the quarter's end, default 30; a report on the due
 * date is on time). No upload: missing once the due date has passed, else pending.
 */
@Service
class ReportingStatus implements MissingReports {

	enum State {
		ON_TIME, LATE, MISSING, PENDING
	}

	/** The quarter, its due date, and each funder's and project's status. */
	record Status(String period, LocalDate periodEnd, LocalDate dueOn, List<FunderStatus> funders,
			List<ProjectStatus> projects) {
	}

	/**
	 * A funder: its status, when its first report came and who uploaded it, how many of its fundings were reported,
	 * and the same for each project it funds (by project id).
	 */
	record FunderStatus(String funder, State status, Instant reportedAt, String reportedBy, int fundings,
			int fundingsReported, List<FunderProjectStatus> projects) {
	}

	/**
	 * A project within a funder: reported when an upload covered one of this funder's fundings of it; when the first
	 * such report came and who uploaded it, and how many of the funder's fundings of the project were reported.
	 */
	record FunderProjectStatus(String projectId, String title, State status, Instant reportedAt, String reportedBy,
			int fundings, int fundingsReported) {
	}

	/** A project: its status, when its first report came and who uploaded it. */
	record ProjectStatus(String projectId, String title, List<String> funders, State status, Instant reportedAt,
			String reportedBy) {
	}

	private record Upload(String projectId, String fundingId, String funder, Instant at, String by) {
	}

	/** A {@link #missingOn} answer and what it was computed from. */
	private record Answer(String basis, Instant at, List<MissingReport> missing) {
	}

	/** How long a {@link #missingOn} answer is reused at most while its basis holds. */
	static final Duration ANSWER_LIFE = Duration.ofHours(1);

	/**
	 * The last {@link #missingOn} answer: the notification poller asks every minute, and the answer reads every
	 * project's document (at 1M events, 83,195 documents of 2.7 KB each time). It is reused while the quarter,
	 * the project views ({@link ReportScope#fingerprint}) and the quarter's uploads are as they were, for at most
	 * {@link #ANSWER_LIFE} (a rebuild that changes what a view says without a new event is seen within that).
	 */
	private volatile Answer last;

	private final ReportScope scope;
	private final JdbcTemplate jdbc;
	private final Clock clock;
	private final int dueDays;
	private final ReportPeriods periods;

	ReportingStatus(ReportScope scope, JdbcTemplate jdbc, Clock clock,
			@Value("${tracker.reporting.due-days:30}") int dueDays, ReportPeriods periods) {
		this.scope = scope;
		this.jdbc = jdbc;
		this.clock = clock;
		this.dueDays = dueDays;
		this.periods = periods;
	}

	/** The funders missing from the last quarter whose reports were due before {@code today}. */
	@Override
	public List<MissingReport> missingOn(LocalDate today) {
		FiscalPeriod quarter = periods.quarterOf(today);
		while (!today.isAfter(quarter.end().plusDays(dueDays))) {
			quarter = periods.quarterOf(quarter.start().minusDays(1));
		}
		String label = ReportPeriods.label(quarter);
		String basis = label + " " + scope.fingerprint() + " " + jdbc.queryForObject(
				"select count(*), max(uploaded_at) from reporting_upload where period = ?",
				(rs, i) -> rs.getLong(1) + " " + rs.getTimestamp(2), label);
		Instant now = clock.instant();
		Answer answer = last;
		if (answer != null && answer.basis().equals(basis) && now.isBefore(answer.at().plus(ANSWER_LIFE))) {
			return answer.missing();
		}
		List<MissingReport> missing = missing(quarter);
		last = new Answer(basis, now, missing);
		return missing;
	}

	private List<MissingReport> missing(FiscalPeriod quarter) {
		LocalDate end = quarter.end();
		List<Funded> fundings = scope.all();
		// a funder is missing only if one of its fundings was committed by the quarter's end
		Set<String> funding = fundings.stream().filter(f -> f.funding().funder != null
						&& f.funding().committedOn != null && !f.funding().committedOn.isAfter(end))
				.map(f -> f.funding().funder.trim()).collect(Collectors.toSet());
		if (funding.isEmpty()) {
			return List.of();
		}
		Status status = of(quarter, fundings);
		return status.funders().stream().filter(f -> f.status() == State.MISSING && funding.contains(f.funder()))
				.map(f -> new MissingReport(status.period(), f.funder(), status.dueOn())).toList();
	}

	Status of(FiscalPeriod period) {
		return of(period, scope.all());
	}

	/** The status of {@code period} over {@code fundings} (every funding of every project, {@link ReportScope#all}). */
	private Status of(FiscalPeriod period, List<Funded> fundings) {
		LocalDate due = period.end().plusDays(dueDays);
		Instant dueEnd = due.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		boolean overdue = LocalDate.now(clock).isAfter(due);
		List<Upload> uploads = jdbc.query("select f.project_id, f.funding_id, f.funder, u.uploaded_at, u.uploaded_by "
						+ "from reporting_upload_funding f join reporting_upload u on u.sha256 = f.sha256 "
						+ "where u.period = ? order by u.uploaded_at",
				(rs, i) -> new Upload(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
						rs.getString(5)), ReportPeriods.label(period));
		Map<String, List<Funded>> byFunder = new TreeMap<>();
		Map<String, List<Funded>> byProject = new TreeMap<>();
		for (Funded f : fundings) {
			if (f.funding().funder != null) {
				byFunder.computeIfAbsent(f.funding().funder.trim(), k -> new ArrayList<>()).add(f);
			}
			byProject.computeIfAbsent(f.project().projectId, k -> new ArrayList<>()).add(f);
		}
		List<FunderStatus> funders = new ArrayList<>();
		byFunder.forEach((funder, list) -> {
			List<Upload> theirs = uploads.stream().filter(u -> list.stream().anyMatch(f -> covers(u, f))).toList();
			long reported = list.stream().filter(f -> theirs.stream().anyMatch(u -> covers(u, f))).count();
			Upload first = theirs.stream().min(Comparator.comparing(Upload::at)).orElse(null);
			funders.add(new FunderStatus(funder, state(first, dueEnd, overdue), first == null ? null : first.at(),
					first == null ? null : first.by(), list.size(), (int) reported,
					projectsOf(list, theirs, dueEnd, overdue)));
		});
		List<ProjectStatus> projects = new ArrayList<>();
		byProject.forEach((projectId, list) -> {
			Upload first = uploads.stream().filter(u -> u.projectId().equals(projectId))
					.min(Comparator.comparing(Upload::at)).orElse(null);
			List<String> names = list.stream().map(f -> f.funding().funder).filter(n -> n != null)
					.map(String::trim).distinct().sorted().toList();
			projects.add(new ProjectStatus(projectId, list.get(0).project().title, names, state(first, dueEnd, overdue),
					first == null ? null : first.at(), first == null ? null : first.by()));
		});
		return new Status(ReportPeriods.label(period), period.end(), due, funders, projects);
	}

	/** The projects of one funder's fundings, by project id, each with the reports that covered its fundings. */
	private static List<FunderProjectStatus> projectsOf(List<Funded> fundings, List<Upload> uploads, Instant dueEnd,
			boolean overdue) {
		Map<String, List<Funded>> byProject = new TreeMap<>();
		fundings.forEach(f -> byProject.computeIfAbsent(f.project().projectId, k -> new ArrayList<>()).add(f));
		List<FunderProjectStatus> projects = new ArrayList<>();
		byProject.forEach((projectId, list) -> {
			List<Upload> theirs = uploads.stream().filter(u -> list.stream().anyMatch(f -> covers(u, f))).toList();
			long reported = list.stream().filter(f -> theirs.stream().anyMatch(u -> covers(u, f))).count();
			Upload first = theirs.stream().min(Comparator.comparing(Upload::at)).orElse(null);
			projects.add(new FunderProjectStatus(projectId, list.get(0).project().title,
					state(first, dueEnd, overdue), first == null ? null : first.at(), first == null ? null : first.by(),
					list.size(), (int) reported));
		});
		return projects;
	}

	private static boolean covers(Upload upload, Funded funded) {
		return upload.projectId().equals(funded.project().projectId)
				&& upload.fundingId().equals(funded.funding().fundingId);
	}

	private static State state(Upload first, Instant dueEnd, boolean overdue) {
		if (first == null) {
			return overdue ? State.MISSING : State.PENDING;
		}
		return first.at().isBefore(dueEnd) ? State.ON_TIME : State.LATE;
	}

}
