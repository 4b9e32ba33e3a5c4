package org.pipelinetracker.i18n;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** Each signed-in user's language, time zone and display currency (table {@code user_preference}, by user name). */
@Repository
class UserPreferences {

	/** What a user chose; either may be null (not chosen). */
	record Stored(String language, String timeZone, String displayCurrency) {
	}

	private final JdbcTemplate jdbc;

	UserPreferences(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Stored> find(String username) {
		return jdbc.query("select language, time_zone, display_currency from user_preference where username = ?",
				(rs, row) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3)), username).stream().findFirst();
	}

	/**
	 * Stores the choice; a null value keeps what was stored. Statement by statement, outside a transaction: when two
	 * first saves race, the insert that loses (a duplicate key) becomes an update.
	 */
	Stored save(String username, String language, String timeZone, String displayCurrency) {
		Timestamp now = Timestamp.from(Instant.now());
		String update = "update user_preference set language = coalesce(?, language), "
				+ "time_zone = coalesce(?, time_zone), display_currency = coalesce(?, display_currency), updated_at = ?"
				+ " where username = ?";
		if (jdbc.update(update, language, timeZone, displayCurrency, now, username) == 0) {
			try {
				jdbc.update("insert into user_preference (username, language, time_zone, display_currency, updated_at)"
						+ " values (?, ?, ?, ?, ?)", username, language, timeZone, displayCurrency, now);
			}
			catch (DuplicateKeyException concurrentFirstSave) {
				jdbc.update(update, language, timeZone, displayCurrency, now, username);
			}
		}
		return find(username).orElseThrow();
	}
}
