package org.pipelinetracker.facility.command;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.lock.NullLockFactory;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateAnnotationCommandHandler;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.facility.api.CreateFacilityCommand;
import org.pipelinetracker.facility.api.FacilityId;
import org.pipelinetracker.facility.api.ReleaseFacilityHeadroomCommand;
import org.pipelinetracker.facility.api.ReserveFacilityHeadroomCommand;
import org.pipelinetracker.project.api.CommandRejectedException;
import org.pipelinetracker.project.api.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The Facility aggregate against the real event store: its snapshot keeps every rule's state (Jackson 3), and
 * the event store's unique (aggregate, sequence) key is the backstop for racing reservations when Axon's
 * in-memory aggregate lock is not shared, as between two nodes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FacilityStorageTest {

	private static final LocalDate ON = LocalDate.of(2025, 5, 1);

	@Autowired
	CommandGateway commands;

	@Autowired
	EventStore eventStore;

	@Autowired
	TransactionManager transactionManager;

	@Autowired
	Snapshotter snapshotter;

	@Autowired
	JdbcTemplate jdbc;

	static FacilityId newId() {
		return FacilityId.of("STORE-" + UUID.randomUUID().toString().substring(0, 8));
	}

	static Money usd(String amount) {
		return Money.of(amount, "USD");
	}

	void create(FacilityId id) {
		commands.sendAndWait(new CreateFacilityCommand(id, "EDCF framework", "Export-Import Bank of Korea",
				usd("1000.00"), LocalDate.of(2024, 1, 1), LocalDate.of(2027, 12, 31)));
	}

	@Test
	void aFacilityLoadedFromItsSnapshotKeepsEnforcingTheRules() {
		FacilityId id = newId();
		create(id);
		commands.sendAndWait(new ReserveFacilityHeadroomCommand(id, "KR-UZ-TRAINS", "EDCF-1", usd("600.00"), ON));
		commands.sendAndWait(new ReserveFacilityHeadroomCommand(id, "KR-UZ-CLINIC", "EDCF-2", usd("300.00"), ON));
		commands.sendAndWait(new ReleaseFacilityHeadroomCommand(id, "KR-UZ-CLINIC", "EDCF-2", usd("50.00"), "corrected"));
		snapshotter.scheduleSnapshot(Facility.class, id.value());

		List<byte[]> snapshots = jdbc.queryForList(
				"select payload from snapshot_event_entry where aggregate_identifier = ?", byte[].class, id.value());
		assertThat(snapshots).as("a snapshot was taken").hasSize(1);
		String snapshot = new String(snapshots.get(0), StandardCharsets.UTF_8);
		assertThat(snapshot).contains("\"currency\":\"USD\"").contains("KR-UZ-TRAINS").contains("EDCF-2")
				.contains("2027-12-31");

		// state that only survives through the snapshot: the limit, the total and each funding's share
		CommandRejectedException over = catchThrowableOfType(CommandRejectedException.class, () -> commands.sendAndWait(
				new ReserveFacilityHeadroomCommand(id, "KR-UZ-THIRD", "EDCF-3", usd("150.01"), ON)));
		assertThat(over.getMessage()).contains("the limit is USD 1000.00, USD 850.00 is already committed and "
				+ "USD 150.00 remains");
		CommandRejectedException release = catchThrowableOfType(CommandRejectedException.class, () -> commands
				.sendAndWait(new ReleaseFacilityHeadroomCommand(id, "KR-UZ-CLINIC", "EDCF-2", usd("250.01"), null)));
		assertThat(release.getMessage()).contains("only USD 250.00 is reserved for it");
		CommandRejectedException currency = catchThrowableOfType(CommandRejectedException.class, () -> commands
				.sendAndWait(new ReserveFacilityHeadroomCommand(id, "KR-UZ-THIRD", "EDCF-3", Money.of("1", "KRW"), ON)));
		assertThat(currency.getMessage()).contains("lends in USD");
		CommandRejectedException late = catchThrowableOfType(CommandRejectedException.class, () -> commands
				.sendAndWait(new ReserveFacilityHeadroomCommand(id, "KR-UZ-THIRD", "EDCF-3", usd("1.00"),
						LocalDate.of(2028, 1, 1))));
		assertThat(late.field()).isEqualTo("committedOn");
		assertThat(commands.<Long>sendAndWait(new ReserveFacilityHeadroomCommand(id, "KR-UZ-THIRD", "EDCF-3",
				usd("150.00"), ON))).isEqualTo(4L);
	}

	/**
	 * Two nodes do not share Axon's in-memory aggregate lock. Simulated here with a second command bus whose
	 * repository does not lock, and both racers held just before their events are stored, so both decided on the
	 * same state (USD 100 left, each takes 60). The unique (aggregate_identifier, sequence_number) key of
	 * {@code domain_event_entry} lets one append through and refuses the other: a ConcurrencyException (409
	 * conflict), with nothing recorded for it. The limit still holds.
	 */
	@Test
	void withoutTheAggregateLockTheEventStoreStillRefusesTheSecondAppend() throws Exception {
		FacilityId id = newId();
		create(id);
		commands.sendAndWait(new ReserveFacilityHeadroomCommand(id, "KR-UZ-EARLIER", "EDCF-0", usd("900.00"), ON));

		EventSourcingRepository<Facility> unlocked = EventSourcingRepository.builder(Facility.class)
				.eventStore(eventStore).lockFactory(NullLockFactory.INSTANCE).build();
		SimpleCommandBus bus = SimpleCommandBus.builder().transactionManager(transactionManager).build();
		AggregateAnnotationCommandHandler.<Facility>builder().aggregateType(Facility.class).repository(unlocked).build()
				.subscribe(bus);
		CyclicBarrier bothDecided = new CyclicBarrier(2);
		bus.registerHandlerInterceptor((unitOfWork, chain) -> {
			unitOfWork.onPrepareCommit(u -> {
				try {
					bothDecided.await(10, TimeUnit.SECONDS);
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
			});
			return chain.proceed();
		});
		CommandGateway node2 = DefaultCommandGateway.builder().commandBus(bus).build();

		List<CompletableFuture<Object>> racers = new ArrayList<>();
		for (String projectId : List.of("KR-UZ-RACER-A", "KR-UZ-RACER-B")) {
			racers.add(CompletableFuture.supplyAsync(() -> {
				try {
					return node2.sendAndWait(GenericCommandMessage.asCommandMessage(
							new ReserveFacilityHeadroomCommand(id, projectId, "EDCF-1", usd("60.00"), ON)));
				}
				catch (Throwable t) {
					return t;
				}
			}));
		}
		List<Object> outcomes = new ArrayList<>();
		for (CompletableFuture<Object> racer : racers) {
			outcomes.add(racer.get(30, TimeUnit.SECONDS));
		}

		assertThat(outcomes).as("%s", outcomes).filteredOn(o -> o instanceof Long).containsExactly(2L);
		assertThat(outcomes).filteredOn(o -> o instanceof Throwable).singleElement()
				.isInstanceOf(ConcurrencyException.class);
		assertThat(eventStore.lastSequenceNumberFor(id.value())).contains(2L);
		// and the next command, on the normal path, sees 960 committed
		CommandRejectedException refused = catchThrowableOfType(CommandRejectedException.class, () -> commands
				.sendAndWait(new ReserveFacilityHeadroomCommand(id, "KR-UZ-RACER-C", "EDCF-1", usd("60.00"), ON)));
		assertThat(refused.getMessage()).contains("USD 960.00 is already committed and USD 40.00 remains");
	}
}
