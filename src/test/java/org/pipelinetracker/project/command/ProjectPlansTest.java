package org.pipelinetracker.project.command;

import org.junit.jupiter.api.Test;
import org.pipelinetracker.project.api.BudgetRecordedEvent;
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.project.api.PlannedDisbursementRecordedEvent;
import org.pipelinetracker.project.api.RecordBudgetCommand;
import org.pipelinetracker.project.api.RecordPlannedDisbursementCommand;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.pipelinetracker.project.api.CommandRejectedException.Kind.INVALID_INPUT;
import static org.pipelinetracker.project.api.CommandRejectedException.Kind.RULE_VIOLATION;

/**
 * A project's plans: budgets of at most twelve months with IATI type and status, planned disbursements, each of the
 * project or of one commitment, overlapping the project's planned dates (2026-09-01 to 2029-12-31); a revision is a
 * new event and every one is kept.
 */
class ProjectPlansTest extends ProjectFixture {

	static final LocalDate FY27_START = LocalDate.of(2027, 1, 1);
	static final LocalDate FY27_END = LocalDate.of(2027, 12, 31);
	static final LocalDate KNOWN_ON = LocalDate.of(2026, 6, 1);

	static RecordBudgetCommand budget(String fundingId, Money value, String type, String status, LocalDate on) {
		return new RecordBudgetCommand(ID, fundingId, FY27_START, FY27_END, value, type, status, FY27_START, on);
	}

	static BudgetRecordedEvent budgeted(String fundingId, Money value, String type, String status, LocalDate on) {
		return new BudgetRecordedEvent(ID, fundingId, FY27_START, FY27_END, value, type, status, FY27_START, on);
	}

	@Test
	void recordsABudgetOfTheWholeProject() {
		fixture.given(proposed())
				.when(budget(null, usd("60000000.00"), "1", "1", KNOWN_ON))
				.expectEvents(budgeted(null, usd("60000000.00"), "1", "1", KNOWN_ON));
	}

	@Test
	void aPlanRevisedTwiceIsThreeEventsEachWithItsFigure() {
		fixture.given(concat(financed(),
						budgeted(EDCF_FUNDING, usd("60000000.00"), "1", "1", LocalDate.of(2026, 3, 10)),
						budgeted(EDCF_FUNDING, usd("45000000.00"), "2", "1", LocalDate.of(2026, 5, 2))))
				.when(budget(EDCF_FUNDING, usd("52500000.50"), "2", "2", KNOWN_ON))
				.expectEvents(budgeted(EDCF_FUNDING, usd("52500000.50"), "2", "2", KNOWN_ON));
	}

	@Test
	void recordsAPlannedDisbursementUnderACommitment() {
		fixture.given(financed())
				.when(new RecordPlannedDisbursementCommand(ID, EDCF_FUNDING, LocalDate.of(2026, 10, 1),
						LocalDate.of(2026, 12, 31), usd("15000000.00"), "1", null, EXIMBANK, "Tashkent Province Vodokanal",
						KNOWN_ON))
				.expectEvents(new PlannedDisbursementRecordedEvent(ID, EDCF_FUNDING, LocalDate.of(2026, 10, 1),
						LocalDate.of(2026, 12, 31), usd("15000000.00"), "1", null, EXIMBANK, "Tashkent Province Vodokanal",
						KNOWN_ON));
	}

	@Test
	void aBudgetOfACalendarYearMayBeginBeforeTheProjectStarts() {
		fixture.given(proposed())
				.when(new RecordBudgetCommand(ID, null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
						usd("1000000.00"), "1", "1", null, KNOWN_ON))
				.expectEvents(new BudgetRecordedEvent(ID, null, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
						usd("1000000.00"), "1", "1", null, KNOWN_ON));
	}

	@Test
	void rejectsAPlanEndingBeforeTheProjectsPlannedStart() {
		given(proposed())
				.when(new RecordPlannedDisbursementCommand(ID, null, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 8, 31),
						usd("5000000.00"), null, null, null, null, KNOWN_ON))
				.expectRejected(RULE_VIOLATION, "periodEnd",
						"the plan for 2026-07-01 to 2026-08-31 ends before the project's planned start (2026-09-01)");
	}

	@Test
	void rejectsABudgetStartingAfterTheProjectsPlannedEnd() {
		given(proposed())
				.when(new RecordBudgetCommand(ID, null, LocalDate.of(2030, 1, 1), LocalDate.of(2030, 12, 31),
						usd("5000000.00"), "1", "1", null, KNOWN_ON))
				.expectRejected(RULE_VIOLATION, "periodStart",
						"the plan for 2030-01-01 to 2030-12-31 starts after the project's planned end (2029-12-31)");
	}

	@Test
	void rejectsABudgetOfMoreThanTwelveMonths() {
		given(proposed())
				.when(new RecordBudgetCommand(ID, null, FY27_START, LocalDate.of(2028, 1, 2), usd("5000000.00"), "1", "1",
						null, KNOWN_ON))
				.expectRejected(INVALID_INPUT, "periodEnd", "a budget covers at most twelve months");
	}

	@Test
	void rejectsAPeriodEndingBeforeItStarts() {
		given(proposed())
				.when(new RecordPlannedDisbursementCommand(ID, null, FY27_END, FY27_START, usd("1.00"), null, null, null,
						null, KNOWN_ON))
				.expectRejected(INVALID_INPUT, "periodEnd", "periodEnd (2027-01-01) is before periodStart (2027-12-31)");
	}

	@Test
	void rejectsABudgetTypeThatIsNotAnIatiCode() {
		given(proposed())
				.when(budget(null, usd("1.00"), "3", "1", KNOWN_ON))
				.expectRejected(INVALID_INPUT, "type", "type must be 1 or 2 (IATI code), not 3");
	}

	@Test
	void rejectsANegativeValue() {
		given(proposed())
				.when(budget(null, usd("-1.00"), "1", "1", KNOWN_ON))
				.expectRejected(INVALID_INPUT, "value.amount");
	}

	@Test
	void rejectsAPlanOfAnUnknownFunding() {
		given(financed())
				.when(budget("KOICA-9", usd("1.00"), "1", "1", KNOWN_ON))
				.expectRejected(RULE_VIOLATION, "fundingId", "has no funding 'KOICA-9'");
	}

	@Test
	void rejectsAPlanOfACommitmentInAnotherCurrency() {
		given(financed())
				.when(budget(EDCF_FUNDING, new Money(new BigDecimal("80000000000"), "KRW"), "1", "1", KNOWN_ON))
				.expectRejected(RULE_VIOLATION, "value.currency", "is committed in USD; its budgets and planned "
						+ "disbursements must be in that currency, not KRW");
	}

	@Test
	void rejectsAPlanKnownInTheFuture() {
		given(proposed())
				.when(budget(null, usd("1.00"), "1", "1", TOMORROW))
				.expectRejected(INVALID_INPUT, "recordedOn");
	}
}
