package org.pipelinetracker.audit.replay;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.pipelinetracker.kernel.ShadowableProjection.Table;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Puts rebuilt read models in place of the live ones in ONE transaction of the live database: every table of the
 * rebuilt projections emptied and filled from the shadow in JDBC batches, and each processor's token (every segment)
 * set to the position of the last event the shadow took, claimed by this node, and its dead-letter queue emptied
 * (the rebuild handled every event it held). Readers see the old tables until the
 * commit and the new ones after it; a failure (or a kill) before the commit leaves the old ones and their tokens.
 */
final class ReadModelSwap {

	private static final int ROWS_PER_BATCH = 1_000;

	private final JdbcTemplate live;
	private final TransactionTemplate transaction;
	private final Serializer serializer;
	private final String nodeId;

	ReadModelSwap(JdbcTemplate live, TransactionTemplate transaction, Serializer serializer, String nodeId) {
		this.live = live;
		this.transaction = transaction;
		this.serializer = serializer;
		this.nodeId = nodeId;
	}

	/** Copies {@code tables} from {@code shadow} and moves {@code processors} to {@code token}; returns the rows copied. */
	long swap(Connection shadow, List<Table> tables, List<String> processors, TrackingToken token) {
		Long rows = transaction.execute(status -> {
			long copied = 0;
			for (Table table : tables) {
				copied += copy(shadow, table.name());
			}
			for (String processor : processors) {
				moveToken(processor, token);
				// every event the group had parked was handled by the rebuild (a failure would have stopped it)
				live.update("delete from dead_letter_entry where processing_group = ?", processor);
			}
			return copied;
		});
		return rows == null ? 0 : rows;
	}

	private long copy(Connection shadow, String table) {
		live.update("delete from " + table);
		try (Statement select = shadow.createStatement(); ResultSet rows = select.executeQuery("select * from " + table)) {
			ResultSetMetaData meta = rows.getMetaData();
			int columns = meta.getColumnCount();
			List<String> names = new ArrayList<>(columns);
			for (int i = 1; i <= columns; i++) {
				names.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
			}
			String insert = "insert into " + table + " (" + String.join(", ", names) + ") values ("
					+ String.join(", ", Collections.nCopies(columns, "?")) + ")";
			List<Object[]> batch = new ArrayList<>(ROWS_PER_BATCH);
			long copied = 0;
			while (rows.next()) {
				Object[] values = new Object[columns];
				for (int i = 0; i < columns; i++) {
					values[i] = portable(rows.getObject(i + 1));
				}
				batch.add(values);
				if (batch.size() == ROWS_PER_BATCH) {
					copied += write(insert, batch);
				}
			}
			return copied + write(insert, batch);
		}
		catch (SQLException e) {
			throw new IllegalStateException("could not read the rebuilt " + table + ": " + e.getMessage(), e);
		}
	}

	private long write(String insert, List<Object[]> batch) {
		if (batch.isEmpty()) {
			return 0;
		}
		live.batchUpdate(insert, batch);
		long written = batch.size();
		batch.clear();
		return written;
	}

	/** A value the live database's driver takes whatever the shadow's driver gave (large objects read out). */
	private static Object portable(Object value) throws SQLException {
		if (value instanceof Clob clob) {
			return clob.getSubString(1, (int) clob.length());
		}
		if (value instanceof Blob blob) {
			return blob.getBytes(1, (int) blob.length());
		}
		return value;
	}

	/**
	 * Every segment of {@code processor} continues after {@code token}, claimed by this node: a batch another node
	 * is processing for the old tables can then not store its token and rolls back with its writes.
	 */
	private void moveToken(String processor, TrackingToken token) {
		SerializedObject<byte[]> serialized = serializer.serialize(token, byte[].class);
		String now = DateTimeUtils.formatInstant(Instant.now());
		int updated = live.update("update token_entry set token = ?, token_type = ?, owner = ?, timestamp = ? where processor_name = ?",
				serialized.getData(), serialized.getType().getName(), nodeId, now, processor);
		if (updated == 0) {
			live.update("insert into token_entry (processor_name, segment, owner, timestamp, token_type, token) values (?, 0, ?, ?, ?, ?)",
					processor, nodeId, now, serialized.getType().getName(), serialized.getData());
		}
	}
}
