package org.pipelinetracker.kernel;

import org.junit.jupiter.api.Test;
import org.pipelinetracker.kernel.FiscalCalendar.FiscalPeriod;
import org.pipelinetracker.kernel.FiscalCalendar.Periodicity;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fiscal years named by the calendar year in which they end, starting in January and in July. */
class FiscalCalendarTest {

	static final FiscalCalendar JANUARY = FiscalCalendar.CALENDAR_YEAR;
	static final FiscalCalendar JULY = new FiscalCalendar(7);

	@Test
	void aFiscalYearStartingInJanuaryIsTheCalendarYear() {
		assertThat(JANUARY.periodOf(LocalDate.of(2025, 3, 15), Periodicity.QUARTER).label()).isEqualTo("FY2025 Q1");
		assertThat(JANUARY.periodOf(LocalDate.of(2025, 8, 1), Periodicity.QUARTER).label()).isEqualTo("FY2025 Q3");
		assertThat(JANUARY.periodOf(LocalDate.of(2025, 12, 31), Periodicity.QUARTER).label()).isEqualTo("FY2025 Q4");
		FiscalPeriod fy2025 = JANUARY.year(2025);
		assertThat(fy2025.start()).isEqualTo("2025-01-01");
		assertThat(fy2025.end()).isEqualTo("2025-12-31");
		FiscalPeriod q3 = JANUARY.quarter(2025, 3);
		assertThat(q3.start()).isEqualTo("2025-07-01");
		assertThat(q3.end()).isEqualTo("2025-09-30");
	}

	@Test
	void aFiscalYearStartingInJulyIsNamedByTheYearItEndsIn() {
		assertThat(JULY.periodOf(LocalDate.of(2024, 7, 1), Periodicity.QUARTER).label()).isEqualTo("FY2025 Q1");
		assertThat(JULY.periodOf(LocalDate.of(2025, 3, 15), Periodicity.QUARTER).label()).isEqualTo("FY2025 Q3");
		assertThat(JULY.periodOf(LocalDate.of(2025, 6, 30), Periodicity.QUARTER).label()).isEqualTo("FY2025 Q4");
		assertThat(JULY.periodOf(LocalDate.of(2025, 7, 1), Periodicity.YEAR).label()).isEqualTo("FY2026");
		FiscalPeriod fy2025 = JULY.year(2025);
		assertThat(fy2025.start()).isEqualTo("2024-07-01");
		assertThat(fy2025.end()).isEqualTo("2025-06-30");
		FiscalPeriod q3 = JULY.quarter(2025, 3);
		assertThat(q3.start()).isEqualTo("2025-01-01");
		assertThat(q3.end()).isEqualTo("2025-03-31");
		assertThat(new FiscalCalendar(4).periodOf(LocalDate.of(2025, 4, 1), Periodicity.QUARTER).label())
				.isEqualTo("FY2026 Q1");
	}

	@Test
	void theNextPeriodCrossesIntoTheNextFiscalYear() {
		assertThat(JULY.next(JULY.quarter(2025, 4))).isEqualTo(JULY.quarter(2026, 1));
		assertThat(JULY.next(JULY.quarter(2026, 1)).start()).isEqualTo("2025-10-01");
		assertThat(JANUARY.next(JANUARY.year(2025)).label()).isEqualTo("FY2026");
	}

	@Test
	void labelsAreReadBack() {
		assertThat(JULY.parse("FY2024")).contains(JULY.year(2024));
		assertThat(JULY.parse("FY2024").orElseThrow().start()).isEqualTo("2023-07-01");
		assertThat(JULY.parse("FY2024 Q4").orElseThrow().start()).isEqualTo("2024-04-01");
		assertThat(JULY.parse("2024-Q4").orElseThrow().end()).isEqualTo("2024-06-30");
		assertThat(JANUARY.parse("2024-Q4").orElseThrow().start()).isEqualTo("2024-10-01");
		assertThat(JANUARY.parse("fy2024-q2").orElseThrow().label()).isEqualTo("FY2024 Q2");
		assertThat(JANUARY.parse("2024")).isEmpty();
		assertThat(JANUARY.parse("FY2024 Q5")).isEmpty();
		assertThat(JANUARY.parse(null)).isEmpty();
	}

	@Test
	void aStartMonthIsOneToTwelve() {
		assertThatThrownBy(() -> new FiscalCalendar(13)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new FiscalCalendar(0)).isInstanceOf(IllegalArgumentException.class);
	}
}
