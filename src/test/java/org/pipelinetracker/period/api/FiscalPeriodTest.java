package org.pipelinetracker.period.api;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Fiscal quarters and years by name and by date (the fiscal year is the calendar year). */
class FiscalPeriodTest {

	@Test
	void aQuarterIsThreeMonthsOfItsYear() {
		FiscalPeriod q4 = FiscalPeriod.parse("2024-Q4").orElseThrow();
		assertThat(q4.startsOn()).isEqualTo(LocalDate.of(2024, 10, 1));
		assertThat(q4.endsOn()).isEqualTo(LocalDate.of(2024, 12, 31));
		FiscalPeriod q1 = FiscalPeriod.parse("2024-Q1").orElseThrow();
		assertThat(q1.endsOn()).isEqualTo(LocalDate.of(2024, 3, 31));
		assertThat(q4.streamId()).isEqualTo("period:2024-Q4");
	}

	@Test
	void aYearIsItsTwelveMonths() {
		FiscalPeriod fy = FiscalPeriod.parse("FY2024").orElseThrow();
		assertThat(fy.startsOn()).isEqualTo(LocalDate.of(2024, 1, 1));
		assertThat(fy.endsOn()).isEqualTo(LocalDate.of(2024, 12, 31));
	}

	@Test
	void aDateFallsInItsQuarterAndItsYear() {
		assertThat(FiscalPeriod.containing(LocalDate.of(2024, 12, 20))).extracting(FiscalPeriod::label)
				.containsExactly("2024-Q4", "FY2024");
		assertThat(FiscalPeriod.containing(LocalDate.of(2025, 1, 1))).extracting(FiscalPeriod::label)
				.containsExactly("2025-Q1", "FY2025");
		assertThat(FiscalPeriod.containing(LocalDate.of(2024, 6, 30))).extracting(FiscalPeriod::label)
				.containsExactly("2024-Q2", "FY2024");
		assertThat(FiscalPeriod.parse("2024-Q4").orElseThrow().contains(LocalDate.of(2024, 9, 30))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = {"2024-Q5", "2024-Q0", "FY24", "fy2024", "2024Q1", "Q4-2024", "2024-q4", "", "FY 2024"})
	void anythingElseIsNoPeriod(String label) {
		assertThat(FiscalPeriod.parse(label)).isEmpty();
	}

	@Test
	void followsTheDeploymentsFiscalYearStartingInJuly() {
		org.pipelinetracker.kernel.FiscalCalendar july = new org.pipelinetracker.kernel.FiscalCalendar(7);
		FiscalPeriod fy = FiscalPeriod.parse("FY2025", july).orElseThrow();
		assertThat(fy.startsOn()).isEqualTo(LocalDate.of(2024, 7, 1));
		assertThat(fy.endsOn()).isEqualTo(LocalDate.of(2025, 6, 30));
		FiscalPeriod q1 = FiscalPeriod.parse("2025-Q1", july).orElseThrow();
		assertThat(q1.startsOn()).isEqualTo(LocalDate.of(2024, 7, 1));
		assertThat(q1.endsOn()).isEqualTo(LocalDate.of(2024, 9, 30));
		assertThat(FiscalPeriod.containing(LocalDate.of(2024, 12, 20), july)).extracting(FiscalPeriod::label)
				.containsExactly("2025-Q2", "FY2025");
	}
}
