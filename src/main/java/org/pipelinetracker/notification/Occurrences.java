package org.pipelinetracker.notification;

import org.pipelinetracker.pipeline.AlertQueries;
import org.pipelinetracker.pipeline.MilestoneQueries;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The occurrences to notify as the portfolio's read models show them today: every open stall alert (keyed by project,
 * kind, funding and due date) and every overdue milestone (keyed by project, milestone and planned date: replanned
 * and overdue again, it is a new occurrence).
 */
@Component
class Occurrences {

	private final AlertQueries alerts;
	private final MilestoneQueries milestones;

	Occurrences(AlertQueries alerts, MilestoneQueries milestones) {
		this.alerts = alerts;
		this.milestones = milestones;
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
		return found;
	}

	private static String stallText(String stallKind) {
		return switch (stallKind) {
			case "NO_FUNDING" -> "ui.notification.text.stalledNoFunding";
			case "NO_DISBURSEMENT" -> "ui.notification.text.stalledNoDisbursement";
			default -> "ui.notification.text.stalled";
		};
	}
}
