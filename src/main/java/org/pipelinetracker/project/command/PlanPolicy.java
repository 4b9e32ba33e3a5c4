package org.pipelinetracker.project.command;

import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.project.api.Money;

import java.time.LocalDate;
import java.util.Set;

import static org.pipelinetracker.project.api.CommandRejectedException.invalid;
import static org.pipelinetracker.project.api.CommandRejectedException.rule;

/**
 * The rules of a plan (a budget or a planned disbursement). Its form: a period that starts, ends on or after its start
 * (a budget's at most twelve months after it, as IATI says), a value not below zero, IATI codes for its type and
 * status. Against the project: its period overlaps the project's planned dates, when they are known (a budget by
 * fiscal year may begin before a project starting mid-year; a plan wholly before the planned start or after the
 * planned end is refused). A plan of one commitment is in the commitment's currency: a plan in another currency could
 * not be set beside what is disbursed against it without a rate, so a typed one is refused (imported plans are kept as
 * their publisher wrote them; they do not pass through this policy).
 */
record PlanPolicy(LocalDate plannedStart, LocalDate plannedEnd) {

	/** IATI BudgetType and BudgetStatus: "1" and "2". */
	static final Set<String> CODES = Set.of("1", "2");

	/** A budget's form: period of at most twelve months, value, type and status. */
	static void requireBudget(LocalDate periodStart, LocalDate periodEnd, Money value, String type, String status) {
		requirePeriod(periodStart, periodEnd, true);
		requireValue(value);
		requireCode("type", type, true);
		requireCode("status", status, true);
	}

	/** A planned disbursement's form: a period (its end optional), value and, if given, type. */
	static void requirePlannedDisbursement(LocalDate periodStart, LocalDate periodEnd, Money value, String type) {
		requirePeriod(periodStart, periodEnd, false);
		requireValue(value);
		requireCode("type", type, false);
	}

	private static void requirePeriod(LocalDate periodStart, LocalDate periodEnd, boolean budget) {
		if (periodStart == null) {
			throw invalid("periodStart", Text.of("problem.field.required").with("field", "periodStart"));
		}
		if (periodEnd == null) {
			if (budget) {
				throw invalid("periodEnd", Text.of("problem.field.required").with("field", "periodEnd"));
			}
			return;
		}
		if (periodEnd.isBefore(periodStart)) {
			throw invalid("periodEnd", Text.of("problem.field.periodEndBeforeStart").with("periodEnd", periodEnd)
					.with("periodStart", periodStart));
		}
		if (budget && periodEnd.isAfter(periodStart.plusYears(1))) {
			throw invalid("periodEnd", Text.of("problem.field.budgetPeriodTooLong").with("periodEnd", periodEnd)
					.with("periodStart", periodStart));
		}
	}

	private static void requireValue(Money value) {
		if (value == null) {
			throw invalid("value", Text.of("problem.field.required").with("field", "value"));
		}
		if (value.amount().signum() < 0) {
			throw invalid("value.amount", Text.of("problem.field.positiveOrZero"));
		}
	}

	private static void requireCode(String field, String code, boolean required) {
		if (code == null && !required) {
			return;
		}
		if (code == null || !CODES.contains(code)) {
			throw invalid(field, Text.of("problem.field.planCode").with("field", field).with("code", code));
		}
	}

	/** A plan of a commitment is in the currency the commitment is in. */
	static void requireFundingCurrency(String fundingId, Funding funding, Money value) {
		if (!value.currency().equals(funding.committed().currency())) {
			throw rule("value.currency", Text.of("problem.rule.planCurrency").with("fundingId", fundingId)
					.with("committedCurrency", funding.committed().currency()).with("currency", value.currency()));
		}
	}

	/** The plan's period overlaps the project's planned dates, when they are known. */
	void requireWithinProject(LocalDate periodStart, LocalDate periodEnd) {
		LocalDate end = periodEnd != null ? periodEnd : periodStart;
		if (plannedStart != null && end.isBefore(plannedStart)) {
			throw rule("periodEnd", Text.of("problem.rule.planBeforeProject").with("periodStart", periodStart)
					.with("periodEnd", end).with("plannedStart", plannedStart));
		}
		if (plannedEnd != null && periodStart.isAfter(plannedEnd)) {
			throw rule("periodStart", Text.of("problem.rule.planAfterProject").with("periodStart", periodStart)
					.with("periodEnd", end).with("plannedEnd", plannedEnd));
		}
	}
}
