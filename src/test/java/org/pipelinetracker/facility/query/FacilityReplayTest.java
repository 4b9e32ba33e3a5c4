package org.pipelinetracker.facility.query;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.facility.app.CreateFacilityRequest;
import org.pipelinetracker.facility.app.FacilityReservations;
import org.pipelinetracker.facility.app.FacilityWriteService;
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.kernel.AuditMetadata;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token reset empties {@code facility_view} and {@code facility_project} and rebuilds them from the event store,
 * to the byte.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FacilityReplayTest {

	@Autowired
	EventProcessingConfiguration processing;

	@Autowired
	FacilityWriteService writes;

	@Autowired
	FacilityReservations reservations;

	@Autowired
	FacilityViews views;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void resettingTheTokensRebuildsTheReadModelIdentically() throws InterruptedException {
		Map<String, Object> meta = Map.of(AuditMetadata.ACTOR, "replay-test");
		for (int i = 0; i < 3; i++) {
			String id = "REPLAY-FACILITY-" + i;
			writes.create(new CreateFacilityRequest(id, "Facility " + i, "Export-Import Bank of Korea",
					new CreateFacilityRequest.MoneyRequest(new BigDecimal("5000000"), "USD"), LocalDate.of(2024, 1, 1),
					LocalDate.of(2027, 12, 31), null, null), "replay-test");
			reservations.reserve(id, "KR-UZ-A", "EDCF-1", Money.of("1000000.00", "USD"), LocalDate.of(2024, 6, 1), meta);
			reservations.reserve(id, "KR-UZ-B", "EDCF-1", Money.of("250000.50", "USD"), LocalDate.of(2024, 7, 1), meta);
			reservations.reserve(id, "KR-UZ-A", "EDCF-1", Money.of("10.25", "USD"), LocalDate.of(2025, 1, 1), meta);
			reservations.release(id, "KR-UZ-B", "EDCF-1", Money.of("250000.50", "USD"), "refused", meta);
			assertThat(views.awaitVersion(id, 4, Duration.ofSeconds(30))).isTrue();
		}
		String before = snapshotOfReadModel();
		assertThat(before).contains("REPLAY-FACILITY-2|Facility 2|Export-Import Bank of Korea|USD|5000000.0000|1000010.2500|").contains("REPLAY-FACILITY-0|KR-UZ-A|EDCF-1|1000010.2500|2024-06-01");

		StreamingEventProcessor processor = processing
				.eventProcessor(FacilityUsageProjection.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
		processor.shutDown();
		processor.resetTokens();
		assertThat(jdbc.queryForObject("select count(*) from facility_view", Long.class))
				.as("the reset handler empties facility_view").isZero();
		assertThat(jdbc.queryForObject("select count(*) from facility_project", Long.class))
				.as("the reset handler empties facility_project").isZero();

		processor.start();
		long deadline = System.currentTimeMillis() + 30_000;
		String after = snapshotOfReadModel();
		while (!after.equals(before) && System.currentTimeMillis() < deadline) {
			Thread.sleep(20); // not a busy spin: on two loaded cores it would take the processor's time
			after = snapshotOfReadModel();
		}
		assertThat(after).as("the rebuilt read model, row by row").isEqualTo(before);
		assertThat(processor.processingStatus().values()).noneMatch(EventTrackerStatus::isErrorState);
	}

	private String snapshotOfReadModel() {
		return String.join("\n", jdbc.queryForList(
				"select facility_id || '|' || name || '|' || lender || '|' || currency || '|' || limit_amount || '|' || committed"
						+ " || '|' || valid_from || '|' || valid_to || '|' || version from facility_view order by facility_id",
				String.class))
				+ "\n" + String.join("\n", jdbc.queryForList(
				"select facility_id || '|' || project_id || '|' || funding_id || '|' || amount || '|' || committed_on"
						+ " from facility_project order by facility_id, project_id, funding_id", String.class));
	}
}
