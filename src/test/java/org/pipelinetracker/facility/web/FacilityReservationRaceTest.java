package org.pipelinetracker.facility.web;

import org.pipelinetracker.facility.app.CreateFacilityRequest;
import org.pipelinetracker.facility.app.FacilityReservations;
import org.pipelinetracker.facility.app.FacilityWriteService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pipelinetracker.facility.query.FacilityView;
import org.pipelinetracker.facility.query.FacilityViews;
import org.pipelinetracker.project.api.CommandRejectedException;
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.kernel.AuditMetadata;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * THE RACE: reservations fired at the same instant for the last headroom of a facility, through the same
 * {@link FacilityReservations#reserve} the project write path uses. Together they never exceed the limit: on one
 * node Axon runs the commands on one facility one at a time (the event-sourcing repository locks the aggregate
 * for the whole unit of work, commit included), so each racer sees the ones before it and the losers are refused
 * as a RULE_VIOLATION, never as a ConcurrencyException.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FacilityReservationRaceTest {

	private static final LocalDate ON = LocalDate.of(2025, 5, 1);
	private static final Map<String, Object> META = Map.of(AuditMetadata.ACTOR, "race-test");
	private static ExecutorService threads;

	@Autowired
	FacilityWriteService writes;

	@Autowired
	FacilityReservations reservations;

	@Autowired
	FacilityViews views;

	@BeforeAll
	static void startThreads() {
		threads = Executors.newFixedThreadPool(8);
	}

	@AfterAll
	static void stopThreads() {
		threads.shutdownNow();
	}

	/** What one racer got: the facility's version after its reservation, or the exception; and when it ran. */
	record Outcome(String projectId, Long version, Throwable failure, long startedNanos, long endedNanos) {
		boolean won() {
			return failure == null;
		}
	}

	/** A fresh facility with a limit of USD 1000.00, of which exactly {@code headroom} remains. */
	String facilityWithHeadroom(String headroom) {
		String id = "RACE-" + UUID.randomUUID().toString().substring(0, 8);
		writes.create(new CreateFacilityRequest(id, "EDCF framework (race)", "Export-Import Bank of Korea",
				new CreateFacilityRequest.MoneyRequest(new BigDecimal("1000.00"), "USD"), LocalDate.of(2024, 1, 1),
				LocalDate.of(2027, 12, 31), null, null), "race-test");
		reservations.reserve(id, "KR-UZ-EARLIER", "EDCF-0", usd(new BigDecimal("1000.00").subtract(new BigDecimal(headroom))
				.toPlainString()), ON, META);
		return id;
	}

	/** Fires one reservation of {@code amount} per thread, all released by one start gate. */
	List<Outcome> race(String facilityId, int racers, String amount) throws Exception {
		CountDownLatch ready = new CountDownLatch(racers);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Outcome>> futures = new ArrayList<>();
		for (int i = 0; i < racers; i++) {
			String projectId = "KR-UZ-RACER-" + i;
			futures.add(threads.submit(() -> {
				ready.countDown();
				start.await();
				long started = System.nanoTime();
				try {
					long version = reservations.reserve(facilityId, projectId, "EDCF-1", usd(amount), ON, META);
					return new Outcome(projectId, version, null, started, System.nanoTime());
				}
				catch (Throwable t) {
					return new Outcome(projectId, null, t, started, System.nanoTime());
				}
			}));
		}
		assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
		start.countDown();
		List<Outcome> outcomes = new ArrayList<>();
		for (Future<Outcome> future : futures) {
			outcomes.add(future.get(30, TimeUnit.SECONDS));
		}
		return outcomes;
	}

	FacilityView settledView(String facilityId, long version) {
		assertThat(views.awaitVersion(facilityId, version, Duration.ofSeconds(30))).as("read model caught up").isTrue();
		return views.find(facilityId).orElseThrow();
	}

	@Test
	void twoReservationsOf60RacingFor100OnlyOneWins() throws Exception {
		int overlapping = 0;
		for (int round = 0; round < 20; round++) {
			String id = facilityWithHeadroom("100.00");
			List<Outcome> outcomes = race(id, 2, "60.00");

			List<Outcome> won = outcomes.stream().filter(Outcome::won).toList();
			List<Outcome> lost = outcomes.stream().filter(o -> !o.won()).toList();
			assertThat(won).as("round %d: %s", round, outcomes).hasSize(1);
			assertThat(lost).as("round %d: %s", round, outcomes).hasSize(1);
			assertThat(won.get(0).version()).isEqualTo(2L);
			Throwable failure = lost.get(0).failure();
			assertThat(failure).as("round %d", round).isInstanceOf(CommandRejectedException.class);
			CommandRejectedException refused = (CommandRejectedException) failure;
			assertThat(refused.kind()).isEqualTo(CommandRejectedException.Kind.RULE_VIOLATION);
			assertThat(refused.field()).isEqualTo("amount.amount");
			// the loser was judged on the winner's committed reservation: 900 + 60 committed, 40 left
			assertThat(refused.getMessage()).contains("the limit is USD 1000.00, USD 960.00 is already committed and "
					+ "USD 40.00 remains");
			if (lost.get(0).startedNanos() < won.get(0).endedNanos()) {
				overlapping++; // the loser was sent while the winner was still being handled
			}

			FacilityView view = settledView(id, 2);
			assertThat(view.committed().amount()).isEqualByComparingTo("960.00"); // limit − 40
			assertThat(view.remaining().amount()).isEqualByComparingTo("40.00");
			assertThat(view.committed().amount()).isLessThanOrEqualTo(view.limit().amount());
			assertThat(view.projects()).extracting(FacilityView.ProjectReservation::projectId)
					.containsExactlyInAnyOrder("KR-UZ-EARLIER", won.get(0).projectId());
		}
		System.out.println("[race] 2 x 60 on headroom 100: in " + overlapping + " of 20 rounds the two calls overlapped in time");
		assertThat(overlapping).as("the racers really ran at the same time").isPositive();
	}

	@Test
	void eightReservationsOf30RacingFor100ExactlyThreeWin() throws Exception {
		for (int round = 0; round < 5; round++) {
			String id = facilityWithHeadroom("100.00");
			List<Outcome> outcomes = race(id, 8, "30.00");

			List<Outcome> won = outcomes.stream().filter(Outcome::won).toList();
			assertThat(won).as("round %d: %s", round, outcomes).hasSize(3);
			// each winner saw the ones before it: versions 2, 3 and 4, never two at the same one
			assertThat(won).extracting(Outcome::version).containsExactlyInAnyOrder(2L, 3L, 4L);
			List<Outcome> lost = outcomes.stream().filter(o -> !o.won()).toList();
			assertThat(lost).hasSize(5).allSatisfy(o -> {
				assertThat(o.failure()).isInstanceOf(CommandRejectedException.class);
				CommandRejectedException refused = (CommandRejectedException) o.failure();
				assertThat(refused.kind()).isEqualTo(CommandRejectedException.Kind.RULE_VIOLATION);
				assertThat(refused.getMessage()).contains("USD 990.00 is already committed and USD 10.00 remains");
			});

			FacilityView view = settledView(id, 4);
			assertThat(view.committed().amount()).isEqualByComparingTo("990.00"); // limit − 10
			assertThat(view.remaining().amount()).isEqualByComparingTo("10.00");
			assertThat(view.projects()).hasSize(4);
		}
	}

	private static Money usd(String amount) {
		return Money.of(amount, "USD");
	}
}
