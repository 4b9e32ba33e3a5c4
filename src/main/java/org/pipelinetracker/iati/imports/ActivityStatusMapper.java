package org.pipelinetracker.iati.imports;

import org.pipelinetracker.project.api.Stage;
import org.pipelinetracker.project.app.PublishedRecordService;
import org.pipelinetracker.project.app.Requests;
import org.pipelinetracker.project.query.ProjectView;
import org.pipelinetracker.reference.Codelists;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;

/**
 * The activity's {@code activity-status} is the project's status: recorded, after the money, as what its publisher
 * reported ({@code reporting-org}, the file and its {@code last-updated-datetime}), and the project's stage follows it
 * (project.command's status rules: 1 → the stage the facts give, 2 IMPLEMENTATION, 3 FINALISATION, 4 COMPLETED, 5
 * CANCELLED, 6 SUSPENDED), whatever the lifecycle rules of typed commands would say; facts that contradict it become
 * the project's data-quality flags. A code that is no ActivityStatus is reported.
 */
@Component
class ActivityStatusMapper {

	private final PublishedRecordService records;
	private final Codelists codelists;
	private final Clock clock;

	ActivityStatusMapper(PublishedRecordService records, Codelists codelists, Clock clock) {
		this.records = records;
		this.codelists = codelists;
		this.clock = clock;
	}

	/**
	 * Reports the status. Its date: for 2 the actual start (activity-date 2), else the planned start; for 3-6 the actual
	 * end (activity-date 4); for 1, and when those are not given, the last-updated date; else today. Moved to the start
	 * of the current stage when earlier (a stage starts no earlier than the one before), and to today when later. For
	 * 3-6 the actual start is given too, so a project never in implementation passes through it on that date.
	 */
	void apply(ActivityImport act) {
		IatiActivity a = act.activity;
		String status = a.status;
		if (status == null) {
			return;
		}
		String what = a.identifier + " activity-status " + status;
		if (!status.equals("1") && Stage.ofIatiStatus(status) == null) {
			act.skip(what, "activity status '" + status + "' is not an IATI ActivityStatus code; the stage stays as the"
					+ " recorded facts give it");
			return;
		}
		ProjectView view = act.view();
		LocalDate actualStart = a.dates.get("2");
		LocalDate published = switch (status) {
			case "1" -> null;
			case "2" -> actualStart != null ? actualStart : a.dates.get("1");
			default -> a.dates.get("4");
		};
		LocalDate reportedOn = clamp(first(published, act.lastUpdated), view.stageSince);
		LocalDate startedOn = status.equals("1") || status.equals("2") || actualStart == null ? null
				: clamp(actualStart, view.stageSince);
		if (startedOn != null && startedOn.isAfter(reportedOn)) {
			startedOn = reportedOn;
		}
		if (published != null && !reportedOn.equals(published)) {
			act.note(what, "dated " + reportedOn + " instead of the published " + published + ": "
					+ (reportedOn.isBefore(published) ? "that is in the future"
							: "a stage starts no earlier than the one before it (" + reportedOn + ")"));
		}
		String statusName = codelists.activityStatusName(status).orElse("unknown code");
		IatiActivity.Org reporter = a.reportingOrg;
		LocalDate on = reportedOn;
		LocalDate started = startedOn;
		act.write(what, () -> records.reportActivityStatus(act.projectId, new Requests.ActivityStatusRequest(status, on,
				started, reporter == null ? null : clip(reporter.ref(), 200), reporter == null ? null : clip(reporter.name(), 300),
				clip(act.run.file, 300), clip(a.lastUpdated, 60), act.with("activity status " + status + " (" + statusName
						+ ") reported"), null), act.run.actor));
	}

	private LocalDate first(LocalDate published, LocalDate lastUpdated) {
		return published != null ? published : lastUpdated != null ? lastUpdated : LocalDate.now(clock);
	}

	/** Not before the current stage began, not after today. */
	private LocalDate clamp(LocalDate date, LocalDate stageSince) {
		LocalDate today = LocalDate.now(clock);
		LocalDate d = stageSince != null && date.isBefore(stageSince) ? stageSince : date;
		return d.isAfter(today) ? today : d;
	}

	private static String clip(String s, int max) {
		return s == null || s.length() <= max ? s : s.substring(0, max);
	}
}
