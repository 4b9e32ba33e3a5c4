package org.pipelinetracker.iati.export;

import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.project.query.ProjectPlanLines;
import org.pipelinetracker.project.query.ProjectPlanLines.BudgetLine;
import org.pipelinetracker.project.query.ProjectPlanLines.PlannedDisbursementLine;
import org.pipelinetracker.project.query.ProjectView;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A plan of a project as the exports write it: a current budget or planned disbursement (the latest revision of its
 * funding and period, as {@code GET /api/projects/{id}/budgets} answers; {@code revision} says which, 1 the first),
 * for the commitment {@code fundingId} or (null) the whole project, with its period, IATI BudgetType {@code type}
 * ("1" original, "2" revised) and, for a budget, BudgetStatus {@code status} ("1" indicative, "2" committed), its
 * value in its own currency, and the day it was recorded.
 */
record PlanRow(Kind kind, String fundingId, LocalDate periodStart, LocalDate periodEnd, String type, String status,
		Money value, LocalDate valueDate, String provider, String receiver, int revision, LocalDate recordedOn) {

	enum Kind {
		BUDGET("budget"), PLANNED_DISBURSEMENT("planned_disbursement");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		/** As the CSV's {@code kind} column names it. */
		String label() {
			return label;
		}
	}

	/** The project's current budgets, then its current planned disbursements, each in period order. */
	static List<PlanRow> of(ProjectView p) {
		List<PlanRow> rows = new ArrayList<>();
		for (BudgetLine b : ProjectPlanLines.budgets(p, false)) {
			rows.add(new PlanRow(Kind.BUDGET, b.fundingId(), b.periodStart(), b.periodEnd(), b.type(), b.status(),
					b.value(), b.valueDate(), null, null, b.revision(), b.recordedOn()));
		}
		for (PlannedDisbursementLine d : ProjectPlanLines.plannedDisbursements(p, false)) {
			rows.add(new PlanRow(Kind.PLANNED_DISBURSEMENT, d.fundingId(), d.periodStart(), d.periodEnd(), d.type(),
					null, d.value(), d.valueDate(), d.provider(), d.receiver(), d.revision(), d.recordedOn()));
		}
		return rows;
	}
}
