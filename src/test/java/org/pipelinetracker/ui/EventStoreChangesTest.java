package org.pipelinetracker.ui;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the change stream derives from the event table, on a real H2 table shaped like Axon's: new events, events whose
 * lower global index becomes visible late (another node's transaction committing after a later one), forgotten gaps.
 */
class EventStoreChangesTest {

	JdbcTemplate jdbc;
	AtomicLong nanos = new AtomicLong();
	EventStoreChanges changes;

	@BeforeEach
	void table() {
		SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
				"jdbc:h2:mem:changes-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "", true);
		jdbc = new JdbcTemplate(dataSource);
		jdbc.execute("create table domain_event_entry (global_index bigint primary key, aggregate_identifier varchar(255)"
				+ " not null, sequence_number bigint not null, type varchar(255))");
		changes = new EventStoreChanges(jdbc, 100, Duration.ofSeconds(10), nanos::get);
	}

	void insert(long index, String aggregate, long sequence, String type) {
		jdbc.update("insert into domain_event_entry values (?, ?, ?, ?)", index, aggregate, sequence, type);
	}

	@Test
	void reportsOnlyWhatWasAppendedAfterItStarted() {
		insert(1, "P1", 0, "Project");
		changes.reset();
		assertThat(changes.poll()).isNull();

		insert(2, "P1", 1, "Project");
		insert(3, "P2", 0, "Project");
		insert(4, "P1", 2, "Project");
		insert(5, "EDCF", 3, "Facility");
		Change change = changes.poll();
		assertThat(change.head()).isEqualTo(5);
		assertThat(change.projects()).containsExactly("P1", "P2");
		assertThat(change.versions()).isEqualTo(Map.of("P1", 2L, "P2", 0L));
		assertThat(change.facilities()).containsExactly("EDCF");
		assertThat(change.reload()).isFalse();
		assertThat(changes.poll()).isNull();
	}

	@Test
	void reportsAnEventWhoseLowerIndexBecomesVisibleAfterAHigherOne() {
		changes.reset();
		insert(2, "P2", 0, "Project"); // index 1 is still being committed by another node
		assertThat(changes.poll().projects()).containsExactly("P2");
		nanos.addAndGet(Duration.ofSeconds(3).toNanos());
		insert(1, "P1", 0, "Project");
		Change late = changes.poll();
		assertThat(late.projects()).containsExactly("P1");
		assertThat(late.head()).isEqualTo(2);
		assertThat(changes.poll()).isNull();
	}

	@Test
	void forgetsAGapAfterTheGracePeriod() {
		changes.reset();
		insert(2, "P2", 0, "Project"); // index 1 was rolled back: it never appears
		assertThat(changes.poll()).isNotNull();
		nanos.addAndGet(Duration.ofSeconds(11).toNanos());
		assertThat(changes.poll()).isNull();
		insert(1, "P1", 0, "Project"); // too late: not looked for any more
		assertThat(changes.poll()).isNull();
	}

	@Test
	void asksForAFullReloadWhenMoreChangedThanOneNotificationHolds() {
		changes.reset();
		for (int i = 1; i <= 150; i++) {
			insert(i, "P" + i, 0, "Project");
		}
		Change first = changes.poll();
		assertThat(first.projects()).hasSize(100);
		assertThat(first.reload()).isTrue();
		Change second = changes.poll();
		assertThat(second.projects()).hasSize(50);
		assertThat(second.head()).isEqualTo(150);
		assertThat(second.reload()).isFalse();
	}

	@Test
	void tracksABoundedNumberOfGapsAfterAJump() {
		changes.reset();
		insert(1_000_000, "P", 0, "Project");
		assertThat(changes.poll().head()).isEqualTo(1_000_000);
		insert(999_999, "Q", 0, "Project"); // within the tracked window
		assertThat(changes.poll().projects()).containsExactly("Q");
		insert(5, "R", 0, "Project"); // far below it: given up
		assertThat(changes.poll()).isNull();
	}

	@Test
	void tellsAReconnectingClientWhatItMissed() {
		insert(1, "P1", 0, "Project");
		changes.reset();
		insert(2, "P2", 0, "Project");
		insert(3, "P2", 1, "Project");
		Change missed = changes.since(1);
		assertThat(missed.projects()).isEqualTo(List.of("P2"));
		assertThat(missed.versions()).isEqualTo(Map.of("P2", 1L));
		assertThat(missed.head()).isEqualTo(3);
	}

	@Test
	void startsAgainFromTheHeadAfterItWasToldToForget() {
		changes.reset();
		insert(1, "P1", 0, "Project");
		changes.forget(); // nobody connected: nothing is followed
		insert(2, "P2", 0, "Project");
		assertThat(changes.started()).isFalse();
		assertThat(changes.poll()).isNull(); // starts from head 2
		assertThat(changes.head()).isEqualTo(2);
		insert(3, "P3", 0, "Project");
		assertThat(changes.poll().projects()).containsExactly("P3");
	}
}
