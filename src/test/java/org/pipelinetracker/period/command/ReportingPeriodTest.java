package org.pipelinetracker.period.command;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.period.api.ClosePeriodCommand;
import org.pipelinetracker.period.api.PeriodClosedEvent;
import org.pipelinetracker.period.api.PeriodReopenedEvent;
import org.pipelinetracker.period.api.ReopenPeriodCommand;
import org.pipelinetracker.project.api.CommandRejectedException;

import java.time.LocalDate;
import java.util.Map;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

/**
 * The rules of the {@link ReportingPeriod} aggregate: 2024-Q4 (2024-10-01 to 2024-12-31) closed, reopened with a
 * reason, closed again; closing a closed period and reopening an open one refused.
 */
class ReportingPeriodTest {

	private static final String ID = "period:2024-Q4";
	private static final LocalDate FROM = LocalDate.of(2024, 10, 1);
	private static final LocalDate TO = LocalDate.of(2024, 12, 31);

	private FixtureConfiguration<ReportingPeriod> fixture;

	@BeforeEach
	void setUp() {
		fixture = new AggregateTestFixture<>(ReportingPeriod.class);
	}

	@Test
	void closesAPeriodNeverClosedBefore() {
		fixture.givenNoPriorActivity()
				.when(new ClosePeriodCommand(ID, "2024-Q4", FROM, TO))
				.expectEvents(new PeriodClosedEvent("2024-Q4", FROM, TO))
				.expectResultMessagePayload(0L);
	}

	@Test
	void refusesClosingAClosedPeriodNamingWhoClosedIt() {
		fixture.given(GenericEventMessage.asEventMessage(new PeriodClosedEvent("2024-Q4", FROM, TO))
						.andMetaData(Map.of("actor", "ops")))
				.when(new ClosePeriodCommand(ID, "2024-Q4", FROM, TO))
				.expectNoEvents()
				.expectException(CommandRejectedException.class)
				.expectExceptionMessage(allOf(containsString("2024-Q4 is closed already, since "),
						containsString(" by ops")));
	}

	@Test
	void reopensAClosedPeriodWithItsReasonAndClosesItAgain() {
		fixture.given(new PeriodClosedEvent("2024-Q4", FROM, TO))
				.when(new ReopenPeriodCommand(ID, "2024-Q4", " Corrected figures from the ministry "))
				.expectEvents(new PeriodReopenedEvent("2024-Q4", "Corrected figures from the ministry"));
		fixture.given(new PeriodClosedEvent("2024-Q4", FROM, TO), new PeriodReopenedEvent("2024-Q4", "Corrected"))
				.when(new ClosePeriodCommand(ID, "2024-Q4", FROM, TO))
				.expectEvents(new PeriodClosedEvent("2024-Q4", FROM, TO))
				.expectResultMessagePayload(2L);
	}

	@Test
	void refusesReopeningAPeriodThatIsNotClosed() {
		fixture.givenNoPriorActivity()
				.when(new ReopenPeriodCommand(ID, "2024-Q4", "why not"))
				.expectNoEvents()
				.expectExceptionMessage("2024-Q4 is not closed; nothing was recorded");
		fixture.given(new PeriodClosedEvent("2024-Q4", FROM, TO), new PeriodReopenedEvent("2024-Q4", "Corrected"))
				.when(new ReopenPeriodCommand(ID, "2024-Q4", "again"))
				.expectNoEvents()
				.expectExceptionMessage("2024-Q4 is not closed; nothing was recorded");
	}

	@Test
	void refusesReopeningWithoutAReason() {
		fixture.given(new PeriodClosedEvent("2024-Q4", FROM, TO))
				.when(new ReopenPeriodCommand(ID, "2024-Q4", "  "))
				.expectNoEvents()
				.expectExceptionMessage("reason is required");
	}
}
