package org.pipelinetracker.facility.query;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.facility.api.FacilityCreatedEvent;
import org.pipelinetracker.facility.api.FacilityEvent;
import org.pipelinetracker.facility.api.FacilityHeadroomReleasedEvent;
import org.pipelinetracker.facility.api.FacilityHeadroomReservedEvent;
import org.pipelinetracker.facility.api.FacilityId;
import org.pipelinetracker.kernel.BatchedReplay;
import org.pipelinetracker.project.api.Money;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rebuild's copy of the projection ({@code withBatchedStorage}) folds each facility in memory per unit of work and
 * writes it once: whatever the batch boundaries, it ends with the very rows the per-event statements write.
 */
class FacilityUsageBatchTest {

	private static final FacilityId EDCF = FacilityId.of("EDCF-1");
	private static final FacilityId KEXIM = FacilityId.of("KEXIM-2");

	@Test
	void aBatchedRebuildWritesTheRowsThePerEventStatementsWriteWhereverTheBatchesEnd() throws Exception {
		List<GenericDomainEventMessage<FacilityEvent>> events = history();
		JdbcTemplate oneByOne = BatchedReplay.emptyDatabase();
		BatchedReplay.oneByOne(new FacilityUsageProjection(oneByOne), events);
		List<String> expected = snapshot(oneByOne);
		assertThat(expected).containsExactly("EDCF-1|100.0000|10.0000|5", "KEXIM-2|50.0000|7.5000|3",
				"EDCF-1|P-1|F-1|10.0000|2024-02-01", "KEXIM-2|P-3|F-3|7.5000|2024-05-01");

		for (int size : new int[] {1, 2, 3, 4, 5, 7, 100}) {
			JdbcTemplate batched = BatchedReplay.emptyDatabase();
			BatchedReplay.inBatches(new FacilityUsageProjection(batched).withBatchedStorage(batched), events, size);
			assertThat(snapshot(batched)).as("batches of %d events", size).isEqualTo(expected);
		}
	}

	@Test
	void aRedeliveredEventIsSkippedInTheBatchAsByTheStatements() {
		List<GenericDomainEventMessage<FacilityEvent>> events = new ArrayList<>(history());
		events.add(4, events.get(3)); // the second reservation delivered twice
		events.add(1, events.get(0)); // and the creation
		JdbcTemplate batched = BatchedReplay.emptyDatabase();
		BatchedReplay.inBatches(new FacilityUsageProjection(batched).withBatchedStorage(batched), events, 3);
		assertThat(snapshot(batched)).containsExactly("EDCF-1|100.0000|10.0000|5", "KEXIM-2|50.0000|7.5000|3",
				"EDCF-1|P-1|F-1|10.0000|2024-02-01", "KEXIM-2|P-3|F-3|7.5000|2024-05-01");
	}

	/** Two facilities, interleaved: reservations, a top-up, a release to zero and a new reservation after it. */
	private static List<GenericDomainEventMessage<FacilityEvent>> history() {
		List<GenericDomainEventMessage<FacilityEvent>> events = new ArrayList<>();
		events.add(event(0, new FacilityCreatedEvent(EDCF, "EDCF", "KEXIM", Money.of("100", "EUR"),
				LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31))));
		events.add(event(1, new FacilityHeadroomReservedEvent(EDCF, "P-1", "F-1", Money.of("10.10", "EUR"),
				LocalDate.of(2024, 2, 1))));
		events.add(event(0, new FacilityCreatedEvent(KEXIM, "EDPF", "KEXIM", Money.of("50", "USD"),
				LocalDate.of(2024, 1, 1), LocalDate.of(2026, 12, 31))));
		events.add(event(2, new FacilityHeadroomReservedEvent(EDCF, "P-1", "F-1", Money.of("0.0001", "EUR"),
				LocalDate.of(2024, 3, 1))));
		events.add(event(3, new FacilityHeadroomReservedEvent(EDCF, "P-2", "F-9", Money.of("5", "EUR"),
				LocalDate.of(2024, 4, 1))));
		events.add(event(1, new FacilityHeadroomReservedEvent(KEXIM, "P-3", "F-3", Money.of("7.5", "USD"),
				LocalDate.of(2024, 5, 1))));
		events.add(event(4, new FacilityHeadroomReleasedEvent(EDCF, "P-2", "F-9", Money.of("5.00", "EUR"), "refused")));
		events.add(event(5, new FacilityHeadroomReleasedEvent(EDCF, "P-1", "F-1", Money.of("0.1001", "EUR"), "partly")));
		events.add(event(2, new FacilityHeadroomReservedEvent(KEXIM, "P-4", "F-4", Money.of("2", "USD"),
				LocalDate.of(2024, 6, 1))));
		events.add(event(3, new FacilityHeadroomReleasedEvent(KEXIM, "P-4", "F-4", Money.of("2", "USD"), "withdrawn")));
		return events;
	}

	private static GenericDomainEventMessage<FacilityEvent> event(long sequence, FacilityEvent event) {
		return new GenericDomainEventMessage<>("Facility", event.facilityId().value(), sequence, event);
	}

	private static List<String> snapshot(JdbcTemplate db) {
		List<String> rows = new ArrayList<>(db.queryForList(
				"select facility_id || '|' || limit_amount || '|' || committed || '|' || version from facility_view"
						+ " order by facility_id", String.class));
		rows.addAll(db.queryForList("select facility_id || '|' || project_id || '|' || funding_id || '|' || amount"
				+ " || '|' || committed_on from facility_project order by facility_id, project_id, funding_id",
				String.class));
		return rows;
	}
}
