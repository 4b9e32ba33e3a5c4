package org.pipelinetracker.project.query;

import org.junit.jupiter.api.Test;
import org.pipelinetracker.kernel.FiscalCalendar;
import org.pipelinetracker.project.api.Stage;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list's filters that read a project's document: its funders, and the fiscal year or quarter it was alive in
 * (proposed by the period's end, not completed or cancelled before its start), in a calendar and a July fiscal year.
 */
class ProjectFilterTest {

	static final FiscalCalendar CALENDAR = FiscalCalendar.CALENDAR_YEAR;
	static final FiscalCalendar JULY = new FiscalCalendar(7);

	@Test
	void aCompletedProjectIsActiveUpToTheYearItCompletedIn() {
		ProjectView completed = project(LocalDate.of(2021, 3, 1), Stage.COMPLETED, LocalDate.of(2023, 6, 30));
		assertThat(activeIn(CALENDAR.parse("FY2020").orElseThrow(), completed)).isFalse();
		assertThat(activeIn(CALENDAR.parse("FY2021").orElseThrow(), completed)).isTrue();
		assertThat(activeIn(CALENDAR.parse("FY2023").orElseThrow(), completed)).isTrue();
		assertThat(activeIn(CALENDAR.parse("2023-Q2").orElseThrow(), completed)).as("completed on its last day").isTrue();
		assertThat(activeIn(CALENDAR.parse("2023-Q3").orElseThrow(), completed)).isFalse();
		assertThat(activeIn(CALENDAR.parse("FY2024").orElseThrow(), completed)).isFalse();
	}

	@Test
	void aFiscalYearStartingInJulyCountsFromTheJulyBefore() {
		// FY2024 of a July fiscal year: 2023-07-01 to 2024-06-30
		ProjectView cancelled = project(LocalDate.of(2023, 8, 15), Stage.CANCELLED, LocalDate.of(2023, 12, 1));
		assertThat(activeIn(JULY.parse("FY2024").orElseThrow(), cancelled)).isTrue();
		assertThat(activeIn(JULY.parse("FY2023").orElseThrow(), cancelled)).isFalse();
		assertThat(activeIn(JULY.parse("FY2024 Q3").orElseThrow(), cancelled)).as("2024-01 to 2024-03").isFalse();
	}

	@Test
	void aFunderIsOneOfTheFundingsRecordedNamesCaseAside() {
		ProjectView view = project(LocalDate.of(2024, 1, 1), Stage.FINANCED, LocalDate.of(2024, 2, 1));
		ProjectView.FundingView koica = new ProjectView.FundingView();
		koica.funder = " Korea International Cooperation Agency ";
		view.fundings.add(koica);
		assertThat(filter("korea international cooperation agency", null).accepts(view)).isTrue();
		assertThat(filter("Korea International", null).accepts(view)).as("the whole name, not a part").isFalse();
		assertThat(filter(null, null).accepts(view)).isTrue();
	}

	private static boolean activeIn(FiscalCalendar.FiscalPeriod period, ProjectView view) {
		return filter(null, period).accepts(view);
	}

	private static ProjectFilter filter(String funder, FiscalCalendar.FiscalPeriod activeIn) {
		return new ProjectFilter(null, null, null, List.of(), null, Set.of(), funder, activeIn);
	}

	private static ProjectView project(LocalDate proposedOn, Stage last, LocalDate lastOn) {
		ProjectView view = new ProjectView();
		view.projectId = "P-1";
		view.proposedOn = proposedOn;
		view.stageHistory.add(new ProjectView.StageEntry(Stage.PROPOSED, proposedOn));
		view.stageHistory.add(new ProjectView.StageEntry(last, lastOn));
		return view;
	}
}
