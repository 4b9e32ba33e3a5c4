package org.pipelinetracker.pipeline;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.kernel.BatchedReplay;
import org.pipelinetracker.project.api.DisbursementRecordedEvent;
import org.pipelinetracker.project.api.FundingCommittedEvent;
import org.pipelinetracker.project.api.FundingSource;
import org.pipelinetracker.project.api.IncomingFundsRecordedEvent;
import org.pipelinetracker.project.api.MilestoneRecordedEvent;
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.project.api.ProjectCancelledEvent;
import org.pipelinetracker.project.api.ProjectCompletedEvent;
import org.pipelinetracker.project.api.ProjectEvent;
import org.pipelinetracker.project.api.ProjectId;
import org.pipelinetracker.project.api.ProjectStageChangedEvent;
import org.pipelinetracker.project.api.ProjectStalledEvent;
import org.pipelinetracker.project.api.Stage;
import org.pipelinetracker.project.api.StallKind;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild's copies of the alerts and milestones projections ({@code withBatchedStorage}) fold each unit of work in
 * memory and write it once: whatever the batch boundaries, they end with the very rows the per-event statements write.
 */
class AlertsAndMilestonesBatchTest {

	private static final int[] BATCH_SIZES = {1, 2, 3, 4, 5, 7, 100};

	@Test
	void aBatchedRebuildOfTheAlertsWritesTheRowsThePerEventStatementsWriteWhereverTheBatchesEnd() throws Exception {
		List<GenericDomainEventMessage<ProjectEvent>> events = alertHistory();
		JdbcTemplate oneByOne = BatchedReplay.emptyDatabase();
		BatchedReplay.oneByOne(new AlertsProjection(oneByOne), events);
		List<String> expected = alerts(oneByOne);
		assertThat(expected).extracting(row -> row.substring(0, row.lastIndexOf('|'))).containsExactly(
				"P-A|NO_DISBURSEMENT|F-1|2024-06-01|2024-07-15", // resolved by the disbursement, not moved by a later one
				"P-B|NO_FUNDING||2024-05-01|2024-05-20", // raised again after a removal, resolved by the completion
				"P-C|NO_DISBURSEMENT|F-3|2024-03-01|null", // resolved on its due date: removed; raised again, open
				"P-D|NO_FUNDING||2024-02-01|2024-04-01"); // the publisher closed it

		for (int size : BATCH_SIZES) {
			JdbcTemplate batched = BatchedReplay.emptyDatabase();
			BatchedReplay.inBatches(new AlertsProjection(batched).withBatchedStorage(batched), events, size);
			assertThat(alerts(batched)).as("batches of %d events", size).isEqualTo(expected);
		}
	}

	@Test
	void aBatchedRebuildOfTheMilestonesKeepsEachMilestonesLatestValuesWhereverTheBatchesEnd() throws Exception {
		List<GenericDomainEventMessage<ProjectEvent>> events = List.of(
				event("P-A", 0, new MilestoneRecordedEvent(ProjectId.of("P-A"), "M-1", "Design", d("2024-03-01"), null,
						d("2024-01-10"))),
				event("P-B", 0, new MilestoneRecordedEvent(ProjectId.of("P-B"), "M-1", "Tender", d("2024-04-01"), null,
						d("2024-01-11"))),
				event("P-A", 1, new MilestoneRecordedEvent(ProjectId.of("P-A"), "M-2", "Build", d("2024-09-01"), null,
						d("2024-01-12"))),
				event("P-A", 2, new MilestoneRecordedEvent(ProjectId.of("P-A"), "M-1", "Design", d("2024-05-01"), null,
						d("2024-02-01"))),
				event("P-B", 1, new MilestoneRecordedEvent(ProjectId.of("P-B"), "M-1", "Tender", d("2024-04-01"),
						d("2024-04-03"), d("2024-04-03"))),
				event("P-A", 3, new MilestoneRecordedEvent(ProjectId.of("P-A"), "M-1", "Design done", d("2024-05-01"),
						d("2024-05-02"), d("2024-05-02"))));
		JdbcTemplate oneByOne = BatchedReplay.emptyDatabase();
		BatchedReplay.oneByOne(new MilestoneProjection(oneByOne), events);
		List<String> expected = milestones(oneByOne);
		assertThat(expected).containsExactly("P-A|M-1|Design done|2024-05-01|2024-05-02|2024-05-02",
				"P-A|M-2|Build|2024-09-01|null|2024-01-12", "P-B|M-1|Tender|2024-04-01|2024-04-03|2024-04-03");

		for (int size : BATCH_SIZES) {
			JdbcTemplate batched = BatchedReplay.emptyDatabase();
			BatchedReplay.inBatches(new MilestoneProjection(batched).withBatchedStorage(batched), events, size);
			assertThat(milestones(batched)).as("batches of %d events", size).isEqualTo(expected);
		}
	}

	/** Four projects' stalls and the facts that end them, interleaved. */
	private static List<GenericDomainEventMessage<ProjectEvent>> alertHistory() {
		ProjectId a = ProjectId.of("P-A");
		ProjectId b = ProjectId.of("P-B");
		ProjectId c = ProjectId.of("P-C");
		ProjectId d = ProjectId.of("P-D");
		List<GenericDomainEventMessage<ProjectEvent>> events = new ArrayList<>();
		events.add(event("P-A", 0, new ProjectStalledEvent(a, StallKind.NO_DISBURSEMENT, "F-1", 180, d("2024-06-01"), null)));
		events.add(event("P-B", 0, new ProjectStalledEvent(b, StallKind.NO_FUNDING, null, 180, d("2024-03-01"), null)));
		events.add(event("P-E", 0, committed(ProjectId.of("P-E"), "2024-01-01"))); // a project that never stalled
		events.add(event("P-A", 1, new ProjectStalledEvent(a, StallKind.NO_DISBURSEMENT, "F-1", 180, d("2024-06-01"), null)));
		events.add(event("P-B", 1, committed(b, "2024-02-15"))); // before the due date: the stall never held
		events.add(event("P-C", 0, new ProjectStalledEvent(c, StallKind.NO_DISBURSEMENT, "F-3", 180, d("2024-03-01"), null)));
		events.add(event("P-A", 2, new DisbursementRecordedEvent(a, "F-1", Money.of("5", "USD"), d("2024-07-15"))));
		events.add(event("P-B", 2, new ProjectStalledEvent(b, StallKind.NO_FUNDING, null, 180, d("2024-05-01"), null)));
		events.add(event("P-A", 3, new DisbursementRecordedEvent(a, "F-1", Money.of("5", "USD"), d("2024-08-15"))));
		events.add(event("P-C", 1, new DisbursementRecordedEvent(c, "F-3", Money.of("1", "USD"), d("2024-03-01"))));
		events.add(event("P-B", 3, new IncomingFundsRecordedEvent(b, Money.of("1", "USD"), d("2024-06-01"), null, null,
				null, null)));
		events.add(event("P-D", 0, new ProjectStalledEvent(d, StallKind.NO_FUNDING, null, 180, d("2024-02-01"), null)));
		events.add(event("P-C", 2, new ProjectStalledEvent(c, StallKind.NO_DISBURSEMENT, "F-3", 180, d("2024-03-01"), null)));
		events.add(event("P-B", 4, new ProjectCompletedEvent(b, d("2024-05-20"))));
		events.add(event("P-D", 1, new ProjectStageChangedEvent(d, Stage.AGREED, Stage.COMPLETED, d("2024-04-01"))));
		events.add(event("P-E", 1, new ProjectCancelledEvent(ProjectId.of("P-E"), d("2024-09-01"), "withdrawn",
				Stage.AGREED)));
		return events;
	}

	private static FundingCommittedEvent committed(ProjectId project, String on) {
		return new FundingCommittedEvent(project, "F-9", FundingSource.KOICA_GRANT, null, "KOICA", Money.of("10", "USD"),
				d(on), null, null, null, null);
	}

	private static GenericDomainEventMessage<ProjectEvent> event(String project, long sequence, ProjectEvent event) {
		return new GenericDomainEventMessage<>("Project", project, sequence, event);
	}

	private static LocalDate d(String date) {
		return LocalDate.parse(date);
	}

	private static List<String> alerts(JdbcTemplate db) {
		return db.query("select * from alert_view order by project_id, kind, funding_id",
				(rs, n) -> rs.getString("project_id") + "|" + rs.getString("kind") + "|" + rs.getString("funding_id")
						+ "|" + rs.getDate("since") + "|" + rs.getDate("resolved_on") + "|"
						+ rs.getTimestamp("raised_at").toInstant());
	}

	private static List<String> milestones(JdbcTemplate db) {
		return db.query("select * from milestone_view order by project_id, milestone_id",
				(rs, n) -> rs.getString("project_id") + "|" + rs.getString("milestone_id") + "|" + rs.getString("name")
						+ "|" + rs.getDate("planned_on") + "|" + rs.getDate("achieved_on") + "|"
						+ rs.getDate("recorded_on"));
	}
}
