package org.pipelinetracker.iati.imports;

import org.pipelinetracker.project.api.Stage;
import org.pipelinetracker.project.app.ProjectWriteService;
import org.pipelinetracker.project.app.Requests;
import org.pipelinetracker.project.query.ProjectView;
import org.pipelinetracker.reference.Codelists;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What the activity's {@code activity-status} does to the project's stage: the stage changes it implies, recorded
 * after the money, each on the latest sensible date. The project's IATI status stays the one its stage implies.
 */
@Component
class ActivityStatusMapper {

	private final ProjectWriteService writes;
	private final Codelists codelists;
	private final Clock clock;

	ActivityStatusMapper(ProjectWriteService writes, Codelists codelists, Clock clock) {
		this.writes = writes;
		this.codelists = codelists;
		this.clock = clock;
	}

	/**
	 * The stage the activity status implies, reached after the money is recorded, each change on the latest
	 * sensible date: never before the current stage began or the latest money movement, never in the future.
	 * 2 → start implementation (on the actual, else planned, start); 3 and 4 → start if needed, then complete (on
	 * the actual end, else the last-updated date); 5 → cancel and 6 → suspend (on the actual end, else the
	 * last-updated date). Status 1 changes nothing; a project that has not reached the stage a change needs
	 * (no commitment or incoming funds, so not FINANCED) is reported.
	 */
	void apply(ActivityImport act) {
		IatiActivity a = act.activity;
		String status = a.status;
		if (status == null || status.equals("1")) {
			return;
		}
		String what = a.identifier + " activity-status " + status;
		String statusName = codelists.activityStatusName(status).orElse("unknown code");
		Stage stage = act.view().stage;
		LocalDate start = a.dates.get("2") != null ? a.dates.get("2") : a.dates.get("1");
		LocalDate end = a.dates.get("4") != null ? a.dates.get("4") : act.lastUpdated;
		String reason = act.with("activity status " + status + " (" + statusName + ")");
		switch (status) {
			case "2", "3", "4" -> {
				Stage target = status.equals("2") ? Stage.IMPLEMENTATION : Stage.COMPLETED;
				if (stage == target || stage == Stage.COMPLETED || stage == Stage.CANCELLED) {
					if (stage != target) {
						act.run.skip(what, "status " + status + " (" + statusName + ") not applied: the project is " + stage);
					}
					return;
				}
				if (stage == Stage.SUSPENDED) {
					act.run.skip(what, "status " + status + " (" + statusName + ") not applied: the project is SUSPENDED");
					return;
				}
				if (stage == Stage.PROPOSED || stage == Stage.AGREED) {
					act.run.skip(what, "status " + status + " (" + statusName + ") not applied: the project is " + stage
							+ " (no commitment or incoming funds recorded), and only a FINANCED project can start implementation");
					return;
				}
				if (stage == Stage.FINANCED && !act.write(what, () -> writes.start(act.projectId,
						new Requests.StageChangeRequest(stageDate(act, start, false), reason, null), act.run.actor))) {
					return;
				}
				if (target == Stage.COMPLETED) {
					act.write(what, () -> writes.complete(act.projectId,
							new Requests.StageChangeRequest(stageDate(act, end, true), reason, null), act.run.actor));
				}
			}
			case "5" -> {
				if (stage != Stage.CANCELLED) {
					if (stage == Stage.COMPLETED) {
						act.run.skip(what, "status 5 (" + statusName + ") not applied: the project is COMPLETED");
						return;
					}
					act.write(what, () -> writes.cancel(act.projectId,
							new Requests.StageChangeRequest(stageDate(act, end, true), reason, null), act.run.actor));
				}
			}
			case "6" -> {
				if (stage != Stage.SUSPENDED) {
					if (stage.isTerminal()) {
						act.run.skip(what, "status 6 (" + statusName + ") not applied: the project is " + stage);
						return;
					}
					act.write(what, () -> writes.suspend(act.projectId,
							new Requests.StageChangeRequest(stageDate(act, end, true), reason, null), act.run.actor));
				}
			}
			default -> act.run.skip(what, "activity status '" + status + "' is not an IATI ActivityStatus code");
		}
	}

	/**
	 * The published date, moved to the start of the current stage if earlier (and, for complete, cancel and suspend,
	 * to the latest money movement), and to today if later.
	 */
	private LocalDate stageDate(ActivityImport act, LocalDate published, boolean afterMoney) {
		ProjectView view = act.view();
		LocalDate date = published;
		List<LocalDate> floors = new ArrayList<>();
		floors.add(view.stageSince);
		for (ProjectView.FundingView f : afterMoney ? view.fundings : List.<ProjectView.FundingView>of()) {
			floors.add(f.committedOn);
			f.disbursements.forEach(d -> floors.add(d.disbursedOn()));
			f.corrections.forEach(c -> floors.add(c.correctedOn()));
		}
		if (afterMoney) {
			view.incomingFunds.forEach(i -> floors.add(i.receivedOn()));
			view.expenditures.forEach(e -> floors.add(e.spentOn()));
		}
		for (LocalDate floor : floors) {
			if (floor != null && (date == null || date.isBefore(floor))) {
				date = floor;
			}
		}
		LocalDate today = LocalDate.now(clock);
		return date == null || date.isAfter(today) ? today : date;
	}
}
