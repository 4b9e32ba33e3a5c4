package org.pipelinetracker.project.query;

import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.project.query.ProjectView.BudgetView;
import org.pipelinetracker.project.query.ProjectView.PlannedDisbursementView;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A project's plans as {@code GET /api/projects/{id}/budgets} and {@code .../planned-disbursements} answer them. A
 * plan is identified by its funding (or the whole project) and its period, and a planned disbursement also by its
 * provider and receiver: a later plan for the same funding and period (and organisations) is its revision. The current plans are the latest revision of each, in period order; the history is every
 * plan recorded, in recording order, each with its revision number (1 the first) and whether it is current.
 */
public final class ProjectPlanLines {

	private ProjectPlanLines() {
	}

	/** A budget: {@code type} IATI BudgetType, {@code status} IATI BudgetStatus; its revision of its period. */
	public record BudgetLine(String fundingId, LocalDate periodStart, LocalDate periodEnd, Money value, String type,
			String status, LocalDate valueDate, LocalDate recordedOn, Instant recordedAt, int revision,
			boolean current) {
	}

	/** A planned disbursement: {@code type} IATI BudgetType (may be null); its revision of its period. */
	public record PlannedDisbursementLine(String fundingId, LocalDate periodStart, LocalDate periodEnd, Money value,
			String type, LocalDate valueDate, String provider, String receiver, LocalDate recordedOn,
			Instant recordedAt, int revision, boolean current) {
	}

	/** The project's budgets: the current ones, or ({@code history}) all. */
	public static List<BudgetLine> budgets(ProjectView view, boolean history) {
		return lines(view.budgets, b -> key(b.fundingId(), b.periodStart(), b.periodEnd()),
				(b, revision, current) -> new BudgetLine(b.fundingId(), b.periodStart(), b.periodEnd(), b.value(), b.type(),
						b.status(), b.valueDate(), b.recordedOn(), b.recordedAt(), revision, current),
				history, Comparator.comparing(BudgetLine::periodStart).thenComparing(BudgetLine::fundingId,
						Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(BudgetLine::periodEnd));
	}

	/** The project's planned disbursements: the current ones, or ({@code history}) all. */
	public static List<PlannedDisbursementLine> plannedDisbursements(ProjectView view, boolean history) {
		return lines(view.plannedDisbursements, ProjectPlanLines::key,
				(p, revision, current) -> new PlannedDisbursementLine(p.fundingId(), p.periodStart(), p.periodEnd(),
						p.value(), p.type(), p.valueDate(), p.provider(), p.receiver(), p.recordedOn(), p.recordedAt(),
						revision, current),
				history, Comparator.comparing(PlannedDisbursementLine::periodStart)
						.thenComparing(PlannedDisbursementLine::fundingId, Comparator.nullsFirst(Comparator.naturalOrder()))
						.thenComparing(PlannedDisbursementLine::periodEnd, Comparator.nullsFirst(Comparator.naturalOrder())));
	}

	/** The current planned disbursements of the project (the latest revision of each funding and period). */
	static List<PlannedDisbursementView> currentPlannedDisbursements(ProjectView view) {
		return current(view.plannedDisbursements, ProjectPlanLines::key);
	}

	/** The current budgets of the project. */
	static List<BudgetView> currentBudgets(ProjectView view) {
		return current(view.budgets, b -> key(b.fundingId(), b.periodStart(), b.periodEnd()));
	}

	private static <T> List<T> current(List<T> recorded, Function<T, String> key) {
		Map<String, T> latest = new HashMap<>();
		recorded.forEach(plan -> latest.put(key.apply(plan), plan));
		return recorded.stream().filter(plan -> latest.get(key.apply(plan)) == plan).toList();
	}

	private interface Line<T, L> {
		L of(T plan, int revision, boolean current);
	}

	private static <T, L> List<L> lines(List<T> recorded, Function<T, String> key, Line<T, L> line, boolean history,
			Comparator<L> periodOrder) {
		Map<String, Integer> count = new HashMap<>();
		recorded.forEach(plan -> count.merge(key.apply(plan), 1, Integer::sum));
		Map<String, Integer> seen = new HashMap<>();
		List<L> lines = new ArrayList<>();
		for (T plan : recorded) {
			String k = key.apply(plan);
			int revision = seen.merge(k, 1, Integer::sum);
			boolean current = revision == count.get(k);
			if (history || current) {
				lines.add(line.of(plan, revision, current));
			}
		}
		if (!history) {
			lines.sort(periodOrder);
		}
		return lines;
	}

	/** A planned disbursement is of a funding, a period, and a provider and receiver (another pair is another plan). */
	private static String key(PlannedDisbursementView p) {
		return key(p.fundingId(), p.periodStart(), p.periodEnd()) + "|" + p.provider() + "|" + p.receiver();
	}

	private static String key(String fundingId, LocalDate periodStart, LocalDate periodEnd) {
		return Objects.toString(fundingId, "") + "|" + periodStart + "|" + periodEnd;
	}
}
