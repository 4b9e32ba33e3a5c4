package org.pipelinetracker.audit.replay;

import org.pipelinetracker.kernel.ShadowableProjection.Table;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Connection;

/**
 * Where a rebuild writes its read models until the swap: a database nobody else reads, with the live schema, whose
 * tables start empty. Deleted when the rebuild ends, however it ends.
 */
interface ShadowDatabase extends AutoCloseable {

	/** The rebuild's connection to it (auto-commit off; the rebuild commits once per batch of events). */
	Connection connection();

	/**
	 * Inside the swap's transaction on {@code live}: makes {@code table} there hold exactly the rebuilt rows; returns
	 * how many rows it wrote (deleted and inserted).
	 */
	long replace(JdbcTemplate live, Table table);

	/** Deletes it (never fails: what it cannot delete it logs). */
	@Override
	void close();
}
