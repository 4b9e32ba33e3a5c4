package org.pipelinetracker.notification;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Each user's notification settings (table {@code notification_setting}); without a row, every kind and no e-mail. */
@Repository
class NotificationSettings {

	/** What a user chose: e-mail on or off, the address, the kinds they are told of. */
	record Setting(boolean email, String address, Set<NotificationKind> kinds) {

		static final Setting DEFAULT = new Setting(false, null, EnumSet.allOf(NotificationKind.class));

		Setting {
			kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
		}

		/** Whether an e-mail goes to this user. */
		boolean mailed() {
			return email && address != null && !address.isBlank();
		}
	}

	private final JdbcTemplate jdbc;

	NotificationSettings(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Setting find(String username) {
		return stored(username).orElse(Setting.DEFAULT);
	}

	private Optional<Setting> stored(String username) {
		return jdbc.query("select email_enabled, email_address, kinds from notification_setting where username = ?",
				(rs, i) -> new Setting(rs.getBoolean(1), rs.getString(2), kinds(rs.getString(3))), username)
				.stream().findFirst();
	}

	/** Stores the setting; statement by statement, so a first save that loses a race becomes an update. */
	Setting save(String username, Setting setting) {
		Timestamp now = Timestamp.from(Instant.now());
		String kinds = setting.kinds().stream().sorted().map(Enum::name).collect(Collectors.joining(","));
		String update = "update notification_setting set email_enabled = ?, email_address = ?, kinds = ?, updated_at = ?"
				+ " where username = ?";
		if (jdbc.update(update, setting.email(), setting.address(), kinds, now, username) == 0) {
			try {
				jdbc.update("insert into notification_setting (username, email_enabled, email_address, kinds, updated_at)"
						+ " values (?, ?, ?, ?, ?)", username, setting.email(), setting.address(), kinds, now);
			}
			catch (DuplicateKeyException concurrentFirstSave) {
				jdbc.update(update, setting.email(), setting.address(), kinds, now, username);
			}
		}
		return find(username);
	}

	private static Set<NotificationKind> kinds(String stored) {
		if (stored == null || stored.isBlank()) {
			return Set.of();
		}
		// a kind no longer known (a later version's, after a downgrade) is skipped, not an error
		return Arrays.stream(stored.split(",")).map(NotificationKind::parse).flatMap(Optional::stream)
				.collect(Collectors.toCollection(() -> EnumSet.noneOf(NotificationKind.class)));
	}
}
