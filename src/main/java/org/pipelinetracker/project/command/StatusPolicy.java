package org.pipelinetracker.project.command;

import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.project.api.Stage;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import static org.pipelinetracker.project.api.CommandRejectedException.invalid;

/**
 * The stage a publisher's reported IATI activity status puts the project in. The lifecycle rules of the typed commands
 * do not apply: the status shown is the publisher's, and the recorded facts that contradict it are shown as
 * data-quality flags, not refused. 1 (Pipeline/identification) → the stage the facts give: FINANCED with a commitment or
 * incoming funds, else AGREED with a binding agreement, else PROPOSED; 2 → IMPLEMENTATION; 3 → FINALISATION;
 * 4 → COMPLETED; 5 → CANCELLED; 6 → SUSPENDED; a project that never was in implementation enters IMPLEMENTATION
 * first, on the activity's actual start when the publisher gives one, on its way to 3-6. A report identical to the last one (same status, same publisher, same
 * file date) records nothing, nor does one that repeats the last status and finds the project in its stage: a stage a
 * user changed since stands until the publisher reports something new.
 */
final class StatusPolicy {

	private static final Set<Stage> BEFORE_IMPLEMENTATION = EnumSet.of(Stage.PROPOSED, Stage.AGREED, Stage.FINANCED);

	private StatusPolicy() {
	}

	/** The status code, refused (400) when it is no IATI ActivityStatus code. */
	static String requireStatus(String status) {
		String code = status == null ? "" : status.trim();
		if (!code.equals("1") && Stage.ofIatiStatus(code) == null) {
			throw invalid("status", Text.of("problem.field.activityStatus").with("status", String.valueOf(status)));
		}
		return code;
	}

	/** The stage {@code status} puts the project in, given what is recorded. */
	static Stage stageOf(String status, boolean financed, boolean agreed) {
		if (status.equals("1")) {
			return financed ? Stage.FINANCED : agreed ? Stage.AGREED : Stage.PROPOSED;
		}
		return Stage.ofIatiStatus(status);
	}

	/**
	 * Whether a project on its way to {@code target} (finalisation, closed, cancelled, suspended) from a stage before
	 * IMPLEMENTATION enters IMPLEMENTATION first, on the activity's actual start ({@code startedOn}, before
	 * {@code reportedOn}).
	 */
	static boolean startsFirst(Stage stage, Stage target, LocalDate startedOn, LocalDate reportedOn) {
		return startedOn != null && BEFORE_IMPLEMENTATION.contains(stage) && !BEFORE_IMPLEMENTATION.contains(target)
				&& target != Stage.IMPLEMENTATION && startedOn.isBefore(reportedOn);
	}

	/** Whether reporting {@code status} again changes nothing. */
	static boolean repeated(StatusReport last, String status, String reportingOrgRef, String lastUpdated, Stage stage,
			Stage target) {
		return last != null && last.status().equals(status) && Objects.equals(last.reportingOrgRef(), reportingOrgRef)
				&& (Objects.equals(last.lastUpdated(), lastUpdated) || stage == target);
	}
}
