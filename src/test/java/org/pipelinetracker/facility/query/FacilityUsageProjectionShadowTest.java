package org.pipelinetracker.facility.query;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.facility.api.FacilityCreatedEvent;
import org.pipelinetracker.facility.api.FacilityEvent;
import org.pipelinetracker.facility.api.FacilityHeadroomReleasedEvent;
import org.pipelinetracker.facility.api.FacilityHeadroomReservedEvent;
import org.pipelinetracker.facility.api.FacilityId;
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.kernel.ShadowableProjection;
import org.pipelinetracker.storage.SchemaMigrations;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projection as the consistency check uses it: {@code withStorage} on a separate, Flyway-migrated in-memory H2
 * database, its handlers invoked directly through Axon's annotation adapter, outside any unit of work or Spring
 * transaction (each statement commits by itself).
 */
class FacilityUsageProjectionShadowTest {

	private static final FacilityId FACILITY = FacilityId.of("SHADOW-EDCF-1");

	private JdbcTemplate shadow;
	private AnnotationEventHandlerAdapter handlers;

	@BeforeEach
	void shadowDatabase() {
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:facility-shadow-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		dataSource.setUser("sa");
		SchemaMigrations.migrateH2(dataSource);
		shadow = new JdbcTemplate(dataSource);
		JdbcTemplate live = new JdbcTemplate(new JdbcDataSource()); // never touched: withStorage must not use it
		Object projection = new FacilityUsageProjection(live).withStorage(shadow);
		assertThat(projection).isInstanceOf(FacilityUsageProjection.class);
		handlers = new AnnotationEventHandlerAdapter(projection);
	}

	@Test
	void withStorageWritesTheCreatedFacilityAndTheReservationToTheShadowDatabase() throws Exception {
		handle(0, new FacilityCreatedEvent(FACILITY, "EDCF framework 2024-2027", "Export-Import Bank of Korea",
				Money.of("5000000", "USD"), LocalDate.of(2024, 1, 1), LocalDate.of(2027, 12, 31)));
		handle(1, new FacilityHeadroomReservedEvent(FACILITY, "KR-UZ-A", "EDCF-1", Money.of("1000000.25", "USD"),
				LocalDate.of(2024, 6, 1)));

		List<Map<String, Object>> facilities = shadow.queryForList("select * from facility_view");
		assertThat(facilities).hasSize(1);
		Map<String, Object> facility = facilities.get(0);
		assertThat(facility).containsEntry("FACILITY_ID", "SHADOW-EDCF-1")
				.containsEntry("NAME", "EDCF framework 2024-2027")
				.containsEntry("LENDER", "Export-Import Bank of Korea")
				.containsEntry("CURRENCY", "USD")
				.containsEntry("LIMIT_AMOUNT", new BigDecimal("5000000.0000"))
				.containsEntry("COMMITTED", new BigDecimal("1000000.2500"))
				.containsEntry("VERSION", 1L);
		assertThat(shadow.queryForObject("select valid_from from facility_view", LocalDate.class))
				.isEqualTo(LocalDate.of(2024, 1, 1));
		assertThat(shadow.queryForObject("select valid_to from facility_view", LocalDate.class))
				.isEqualTo(LocalDate.of(2027, 12, 31));

		List<Map<String, Object>> holdings = shadow.queryForList("select * from facility_project");
		assertThat(holdings).hasSize(1);
		assertThat(holdings.get(0)).containsEntry("FACILITY_ID", "SHADOW-EDCF-1")
				.containsEntry("PROJECT_ID", "KR-UZ-A")
				.containsEntry("FUNDING_ID", "EDCF-1")
				.containsEntry("AMOUNT", new BigDecimal("1000000.2500"));
		assertThat(shadow.queryForObject("select committed_on from facility_project", LocalDate.class))
				.isEqualTo(LocalDate.of(2024, 6, 1));
	}

	@Test
	void redeliveredEventsAreSkippedAReleaseToZeroDeletesTheHoldingAndResetEmptiesBothTables() throws Exception {
		FacilityCreatedEvent created = new FacilityCreatedEvent(FACILITY, "EDCF", "KEXIM", Money.of("100", "EUR"),
				LocalDate.of(2024, 1, 1), LocalDate.of(2025, 12, 31));
		FacilityHeadroomReservedEvent first = new FacilityHeadroomReservedEvent(FACILITY, "P-1", "F-1",
				Money.of("10.10", "EUR"), LocalDate.of(2024, 2, 1));
		handle(0, created);
		handle(1, first);
		handle(0, created); // redelivered
		handle(1, first); // redelivered
		handle(2, new FacilityHeadroomReservedEvent(FACILITY, "P-1", "F-1", Money.of("0.0001", "EUR"),
				LocalDate.of(2024, 3, 1)));
		handle(3, new FacilityHeadroomReservedEvent(FACILITY, "P-2", "F-9", Money.of("5", "EUR"),
				LocalDate.of(2024, 4, 1)));
		assertThat(snapshot()).isEqualTo(List.of("SHADOW-EDCF-1|100.0000|15.1001|3",
				"SHADOW-EDCF-1|P-1|F-1|10.1001|2024-02-01", "SHADOW-EDCF-1|P-2|F-9|5.0000|2024-04-01"));

		FacilityHeadroomReleasedEvent release = new FacilityHeadroomReleasedEvent(FACILITY, "P-2", "F-9",
				Money.of("5.00", "EUR"), "refused");
		handle(4, release);
		handle(4, release); // redelivered
		handle(5, new FacilityHeadroomReleasedEvent(FACILITY, "P-1", "F-1", Money.of("0.1001", "EUR"), "partly"));
		assertThat(snapshot()).isEqualTo(List.of("SHADOW-EDCF-1|100.0000|10.0000|5",
				"SHADOW-EDCF-1|P-1|F-1|10.0000|2024-02-01"));

		handlers.prepareReset();
		assertThat(shadow.queryForObject("select count(*) from facility_view", Long.class)).isZero();
		assertThat(shadow.queryForObject("select count(*) from facility_project", Long.class)).isZero();
	}

	@Test
	void describesItsProcessingGroupAndTables() {
		ShadowableProjection projection = new FacilityUsageProjection(shadow);
		assertThat(projection.processingGroup()).isEqualTo("facility-usage");
		assertThat(projection.tables()).containsExactly(
				ShadowableProjection.Table.of("facility_view", "facility_id"),
				ShadowableProjection.Table.of("facility_project", "facility_id", "project_id", "funding_id"));
	}

	private void handle(long sequence, FacilityEvent event) throws Exception {
		handlers.handle(new GenericDomainEventMessage<>("Facility", event.facilityId().value(), sequence, event));
	}

	private List<String> snapshot() {
		List<String> rows = new java.util.ArrayList<>(shadow.queryForList(
				"select facility_id || '|' || limit_amount || '|' || committed || '|' || version from facility_view"
						+ " order by facility_id", String.class));
		rows.addAll(shadow.queryForList("select facility_id || '|' || project_id || '|' || funding_id || '|' || amount"
				+ " || '|' || committed_on from facility_project order by facility_id, project_id, funding_id",
				String.class));
		return rows;
	}
}
