package org.pipelinetracker.notification;

import org.pipelinetracker.pipeline.AlertQueries;
import org.pipelinetracker.pipeline.MilestoneQueries;
import org.pipelinetracker.project.api.MoneyEntryKind;
import org.pipelinetracker.project.query.ApprovalQueries;
import org.pipelinetracker.reporting.MissingReports;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The occurrences to notify as the portfolio's read models show them today: every open stall alert (keyed by project,
 * kind, funding and due date) and every overdue milestone (keyed by project, milestone and planned date: replanned
 * and overdue again, it is a new occurrence), and every money entry waiting for approval (keyed by its entry id).
 */
@Component
class Occurrences {

	private final AlertQueries alerts;
	private final MilestoneQueries milestones;
	private final ApprovalQueries approvals;
	private final MissingReports reports;

	Occurrences(AlertQueries alerts, MilestoneQueries milestones, ApprovalQueries approvals, MissingReports reports) {
		this.alerts = alerts;
		this.milestones = milestones;
		this.approvals = approvals;
		this.reports = reports;
	}

	List<Occurrence> current(LocalDate today) {
		List<Occurrence> found = new ArrayList<>();
		for (AlertQueries.Alert alert : alerts.alerts(false, today)) {
			String title = alert.projectTitle() == null ? alert.projectId() : alert.projectTitle();
			Map<String, String> arguments = new LinkedHashMap<>();
			arguments.put("project", title);
			arguments.put("since", alert.since().toString());
			arguments.put("fundingId", alert.fundingId() == null ? "" : alert.fundingId());
			found.add(new Occurrence(NotificationKind.PROJECT_STALLED, String.join("/", "PROJECT_STALLED",
					alert.projectId(), alert.kind(), alert.fundingId() == null ? "" : alert.fundingId(),
					alert.since().toString()), alert.projectId(), alert.projectTitle(),
					stallText(alert.kind()), arguments));
		}
		for (MilestoneQueries.MilestoneLine line : milestones.milestones(true, null, today)) {
			String title = line.projectTitle() == null ? line.projectId() : line.projectTitle();
			Map<String, String> arguments = new LinkedHashMap<>();
			arguments.put("project", title);
			arguments.put("milestone", line.name());
			arguments.put("plannedOn", line.plannedOn().toString());
			found.add(new Occurrence(NotificationKind.MILESTONE_OVERDUE, String.join("/", "MILESTONE_OVERDUE",
					line.projectId(), line.milestoneId(), line.plannedOn().toString()), line.projectId(),
					line.projectTitle(), "ui.notification.text.milestoneOverdue", arguments));
		}
		for (ApprovalQueries.ApprovalEntry entry : approvals.pending(null)) {
			String title = entry.projectTitle() == null ? entry.projectId() : entry.projectTitle();
			Map<String, String> arguments = new LinkedHashMap<>();
			arguments.put("project", title);
			arguments.put(NotificationTexts.MONEY_ARGUMENT, entry.amount().toString()); // written per reader
			arguments.put("by", entry.submittedBy());
			found.add(new Occurrence(NotificationKind.APPROVAL_WAITING, String.join("/", "APPROVAL_WAITING",
					entry.id()), entry.projectId(), entry.projectTitle(), approvalText(entry.kind()),
					arguments, entry.submittedBy()));
		}
		for (MissingReports.MissingReport missing : reports.missingOn(today)) {
			Map<String, String> arguments = new LinkedHashMap<>();
			arguments.put("funder", missing.funder());
			arguments.put(NotificationTexts.PERIOD_ARGUMENT, missing.period()); // named per reader
			arguments.put("dueOn", missing.dueOn().toString());
			found.add(new Occurrence(NotificationKind.QUARTERLY_REPORT_MISSING, String.join("/",
					"QUARTERLY_REPORT_MISSING", missing.period(), missing.funder()), null, null,
					"ui.notification.text.reportMissing", arguments));
		}
		return found;
	}

	private static String approvalText(MoneyEntryKind kind) {
		return switch (kind) {
			case COMMITMENT -> "ui.notification.text.approvalWaitingCommitment";
			case CORRECTION -> "ui.notification.text.approvalWaitingCorrection";
			case DISBURSEMENT -> "ui.notification.text.approvalWaitingDisbursement";
		};
	}

	private static String stallText(String stallKind) {
		return switch (stallKind) {
			case "NO_FUNDING" -> "ui.notification.text.stalledNoFunding";
			case "NO_DISBURSEMENT" -> "ui.notification.text.stalledNoDisbursement";
			default -> "ui.notification.text.stalled";
		};
	}
}
