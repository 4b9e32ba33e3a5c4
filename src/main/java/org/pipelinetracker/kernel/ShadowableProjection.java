package org.pipelinetracker.kernel;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Optional;

/**
 * A projection that can be rebuilt into other storage, so the consistency check can replay the event store into a
 * shadow database with the very same handler code and compare the result, table by table, with the live one.
 */
public interface ShadowableProjection {

	/** The processing group of the live projection. */
	String processingGroup();

	/** The tables it writes, each with the columns that order its rows uniquely (its primary key). */
	List<Table> tables();

	/** A fresh instance of this projection that writes to {@code storage} instead of the live database. */
	Object withStorage(JdbcTemplate storage);

	/**
	 * {@link #withStorage}, for a rebuild that hands the events over in large batches, each in one unit of work: a
	 * projection that can gather a batch's changes in memory and write them once when the unit of work commits does
	 * so here (the consistency check, which runs the handlers one event at a time, uses {@link #withStorage}). The
	 * storage's tables start empty, only this instance writes them, and every event comes once, in order: a
	 * projection may rely on that (e.g. to know that a project it has not written yet has no row).
	 */
	default Object withBatchedStorage(JdbcTemplate storage) {
		return withStorage(storage);
	}

	/**
	 * Why the live read model should be rebuilt now (e.g. it was written by an older version, or with other
	 * reference data), or empty when it is fine. Asked once at start-up; a reason starts a replay of this projection.
	 */
	default Optional<String> rebuildReason() {
		return Optional.empty();
	}

	/** A table and the columns of its primary key. */
	record Table(String name, List<String> keyColumns) {

		public static Table of(String name, String... keyColumns) {
			return new Table(name, List.of(keyColumns));
		}
	}
}
