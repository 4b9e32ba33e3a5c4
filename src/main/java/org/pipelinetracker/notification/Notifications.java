package org.pipelinetracker.notification;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The stored notifications (table {@code notification}) and the occurrences already notified
 * ({@code notification_source}).
 */
@Repository
class Notifications {

	/** E-mail states of a notification. */
	enum EmailState {
		/** No e-mail: SMTP not configured, or the recipient has e-mail off. */
		NONE,
		/** To be sent, at {@code email_next_attempt}. */
		PENDING,
		SENT,
		/** Every attempt failed; the notification stays in the pages. */
		FAILED
	}

	/** One stored notification. */
	record Stored(String id, String recipient, NotificationKind kind, String projectId, String projectTitle,
			String textKey, Map<String, String> arguments, Instant createdAt, Instant readAt, EmailState emailState,
			int emailAttempts) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final TypeReference<Map<String, String>> ARGUMENTS = new TypeReference<>() {
	};
	private static final String COLUMNS = "id, recipient, kind, project_id, project_title, text_key, text_arguments,"
			+ " created_at, read_at, email_state, email_attempts";

	private final JdbcTemplate jdbc;

	Notifications(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	boolean notified(String sourceKey) {
		Long count = jdbc.queryForObject("select count(*) from notification_source where source_key = ?", Long.class,
				sourceKey);
		return count != null && count > 0;
	}

	/**
	 * Records the occurrence as notified and one notification per recipient (e-mail pending for those in
	 * {@code mailed}). Call it in a transaction: a duplicate key (another node recorded it first) rolls it all back.
	 */
	void record(Occurrence occurrence, List<String> recipients, java.util.Set<String> mailed, Instant now) {
		Timestamp at = Timestamp.from(now);
		jdbc.update("insert into notification_source (source_key, kind, noticed_at) values (?, ?, ?)",
				occurrence.sourceKey(), occurrence.kind().name(), at);
		String arguments = JSON.writeValueAsString(occurrence.arguments());
		for (String recipient : recipients) {
			boolean mail = mailed.contains(recipient);
			jdbc.update("insert into notification (" + COLUMNS + ", source_key, email_next_attempt)"
					+ " values (?, ?, ?, ?, ?, ?, ?, ?, null, ?, 0, ?, ?)", UUID.randomUUID().toString(), recipient,
					occurrence.kind().name(), occurrence.projectId(), occurrence.projectTitle(), occurrence.textKey(),
					arguments, at, (mail ? EmailState.PENDING : EmailState.NONE).name(), occurrence.sourceKey(),
					mail ? at : null);
		}
	}

	/** A page of the recipient's notifications, newest first. */
	List<Stored> page(String recipient, int page, int size) {
		return jdbc.query("select " + COLUMNS + " from notification where recipient = ?"
				+ " order by created_at desc, id offset ? rows fetch next ? rows only", ROW, recipient,
				(long) page * size, size);
	}

	long count(String recipient) {
		Long count = jdbc.queryForObject("select count(*) from notification where recipient = ?", Long.class, recipient);
		return count == null ? 0 : count;
	}

	long unread(String recipient) {
		Long count = jdbc.queryForObject("select count(*) from notification where recipient = ? and read_at is null",
				Long.class, recipient);
		return count == null ? 0 : count;
	}

	Optional<Stored> find(String id, String recipient) {
		return jdbc.query("select " + COLUMNS + " from notification where id = ? and recipient = ?", ROW, id, recipient)
				.stream().findFirst();
	}

	/** Marks one notification read (once: the first time stays); false when the recipient has none of that id. */
	boolean markRead(String id, String recipient, Instant now) {
		jdbc.update("update notification set read_at = ? where id = ? and recipient = ? and read_at is null",
				Timestamp.from(now), id, recipient);
		return find(id, recipient).isPresent();
	}

	int markAllRead(String recipient, Instant now) {
		return jdbc.update("update notification set read_at = ? where recipient = ? and read_at is null",
				Timestamp.from(now), recipient);
	}

	/** Notifications whose e-mail is due, oldest first. */
	List<Stored> dueEmails(Instant now, int limit) {
		return jdbc.query("select " + COLUMNS + " from notification where email_state = 'PENDING'"
				+ " and email_next_attempt <= ? order by created_at, id fetch first ? rows only", ROW,
				Timestamp.from(now), limit);
	}

	/**
	 * Takes a due e-mail for a while ({@code until}), so that no other node sends it meanwhile; false when another
	 * took it first.
	 */
	boolean claim(String id, Instant now, Instant until) {
		return jdbc.update("update notification set email_next_attempt = ? where id = ? and email_state = 'PENDING'"
				+ " and email_next_attempt <= ?", Timestamp.from(until), id, Timestamp.from(now)) == 1;
	}

	void emailSent(String id, Instant now) {
		jdbc.update("update notification set email_state = 'SENT', email_sent_at = ?, email_attempts = email_attempts + 1"
				+ " where id = ?", Timestamp.from(now), id);
	}

	/** A failed attempt: tried again at {@code next}, or, with no next, given up. */
	void emailFailed(String id, Instant next) {
		jdbc.update("update notification set email_attempts = email_attempts + 1, email_next_attempt = ?,"
				+ " email_state = ? where id = ?", next == null ? null : Timestamp.from(next),
				(next == null ? EmailState.FAILED : EmailState.PENDING).name(), id);
	}

	/** No e-mail after all (the recipient switched it off before it was sent). */
	void emailDropped(String id) {
		jdbc.update("update notification set email_state = 'NONE', email_next_attempt = null where id = ?", id);
	}

	private static final RowMapper<Stored> ROW = (rs, i) -> new Stored(rs.getString(1), rs.getString(2),
			NotificationKind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6),
			JSON.readValue(rs.getString(7), ARGUMENTS), rs.getTimestamp(8).toInstant(),
			rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant(), EmailState.valueOf(rs.getString(10)),
			rs.getInt(11));
}
