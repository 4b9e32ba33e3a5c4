package org.pipelinetracker.http.reliability;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The table {@code idempotency_key}: claims (IN_PROGRESS, with a lease) and stored answers (COMPLETED).
 * <p>
 * Claims, lease renewals, takeovers and releases run in their own short transactions (auto-commit: called when no
 * transaction is bound). {@link #complete} joins the transaction bound to the calling thread, if any, which for a
 * transactional write is the one its events are committed in.
 */
class IdempotencyStore {

	static final String IN_PROGRESS = "IN_PROGRESS";
	static final String COMPLETED = "COMPLETED";

	private final JdbcTemplate jdbc;
	private final Clock clock;
	private final Duration lease;
	private final Duration retention;

	IdempotencyStore(JdbcTemplate jdbc, Clock clock, Duration lease, Duration retention) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.lease = lease;
		this.retention = retention;
	}

	Duration lease() {
		return lease;
	}

	/** A stored answer. */
	record StoredResponse(int status, String contentType, String location, String etag, byte[] body) {
	}

	/** What a claim found. */
	sealed interface Claim {
	}

	/** The key is this request's now: go ahead. {@code takenOver}: an earlier attempt's lease had expired. */
	record Claimed(String owner, boolean takenOver) implements Claim {
	}

	/** The key was used for a different request (method, path or body). */
	record Mismatch() implements Claim {
	}

	/** The first request with this key is still running (its lease is valid). */
	record Busy(Instant leaseUntil) implements Claim {
	}

	/** The first request with this key has its answer stored. */
	record Replay(StoredResponse response) implements Claim {
	}

	private record Row(String fingerprint, String state, String owner, Instant leaseUntil, Instant expiresAt,
			StoredResponse response) {
	}

	Claim claim(String scope, String key, String fingerprint, String owner) {
		for (int attempt = 0; attempt < 10; attempt++) {
			Instant now = clock.instant();
			try {
				jdbc.update("insert into idempotency_key (scope, idem_key, fingerprint, state, owner, lease_until, "
						+ "created_at, expires_at) values (?, ?, ?, ?, ?, ?, ?, ?)", scope, key, fingerprint, IN_PROGRESS,
						owner, ts(now.plus(lease)), ts(now), ts(now.plus(retention)));
				return new Claimed(owner, false);
			}
			catch (DuplicateKeyException taken) {
				// somebody has (or had) this key: look at what they left
			}
			Row row = find(scope, key);
			if (row == null) {
				continue; // deleted in between: claim again
			}
			if (row.expiresAt().isBefore(now)) {
				jdbc.update("delete from idempotency_key where scope = ? and idem_key = ? and expires_at < ?", scope, key,
						ts(now));
				continue;
			}
			if (!row.fingerprint().equals(fingerprint)) {
				return new Mismatch();
			}
			if (COMPLETED.equals(row.state())) {
				return new Replay(row.response());
			}
			if (row.leaseUntil() != null && row.leaseUntil().isAfter(now)) {
				return new Busy(row.leaseUntil());
			}
			// the request that claimed it is gone (its node died or stalled past the lease): take the key over
			try {
				int taken = jdbc.update("update idempotency_key set owner = ?, lease_until = ? where scope = ? and "
						+ "idem_key = ? and state = ? and owner = ?", owner, ts(now.plus(lease)), scope, key, IN_PROGRESS,
						row.owner());
				if (taken == 1) {
					return new Claimed(owner, true);
				}
			}
			catch (DataAccessException locked) {
				// the old owner is completing it right now (it holds the row): look again
			}
		}
		return new Busy(clock.instant().plus(lease));
	}

	/**
	 * Stores the answer, if this request still owns the key. Joins the calling thread's transaction.
	 *
	 * @return false if the key is no longer this request's (its lease expired and another request took it over)
	 */
	boolean complete(String scope, String key, String owner, StoredResponse response) {
		return jdbc.update("update idempotency_key set state = ?, lease_until = null, status = ?, content_type = ?, "
				+ "location = ?, etag = ?, body = ? where scope = ? and idem_key = ? and owner = ? and state = ?",
				COMPLETED, response.status(), response.contentType(), response.location(), response.etag(),
				response.body(), scope, key, owner, IN_PROGRESS) == 1;
	}

	/** Gives the key up (nothing was recorded under it), so that the client can try again. */
	void release(String scope, String key, String owner) {
		jdbc.update("delete from idempotency_key where scope = ? and idem_key = ? and owner = ? and state = ?", scope, key,
				owner, IN_PROGRESS);
	}

	/** Extends the lease of a claim this node still runs. */
	void renew(String scope, String key, String owner) {
		jdbc.update("update idempotency_key set lease_until = ? where scope = ? and idem_key = ? and owner = ? and state = ?",
				ts(clock.instant().plus(lease)), scope, key, owner, IN_PROGRESS);
	}

	/** Deletes keys past their retention (and abandoned claims past it too). */
	int deleteExpired() {
		Instant now = clock.instant();
		return jdbc.update("delete from idempotency_key where expires_at < ? and (state = ? or lease_until < ?)", ts(now),
				COMPLETED, ts(now));
	}

	private Row find(String scope, String key) {
		List<Row> rows = jdbc.query("select fingerprint, state, owner, lease_until, expires_at, status, content_type, "
				+ "location, etag, body from idempotency_key where scope = ? and idem_key = ?", IdempotencyStore::row,
				scope, key);
		return rows.isEmpty() ? null : rows.get(0);
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		Timestamp lease = rs.getTimestamp("lease_until");
		StoredResponse response = null;
		if (COMPLETED.equals(rs.getString("state"))) {
			response = new StoredResponse(rs.getInt("status"), rs.getString("content_type"), rs.getString("location"),
					rs.getString("etag"), rs.getBytes("body"));
		}
		return new Row(rs.getString("fingerprint"), rs.getString("state"), rs.getString("owner"),
				lease == null ? null : lease.toInstant(), rs.getTimestamp("expires_at").toInstant(), response);
	}

	private static Timestamp ts(Instant instant) {
		return Timestamp.from(instant);
	}
}
