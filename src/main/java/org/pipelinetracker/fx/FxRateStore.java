package org.pipelinetracker.fx;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The imported rates (table {@code fx_rate}, as published) and their revision ({@code fx_rate_revision}), shared
 * by every node. A stored rate is never changed: an import adds the rates not stored yet, counts those stored with
 * the same value, and reports those stored with another value.
 */
@Repository
class FxRateStore {

	private final JdbcTemplate jdbc;
	private final TransactionTemplate transactions;

	FxRateStore(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** A rate offered again with another value than the one stored. */
	record Conflict(FxRate offered, FxRate stored) {
	}

	/** What an import changed. */
	record Stored(int added, int unchanged, List<Conflict> conflicts) {
	}

	/** The revision of the imported rates: raised by every import that adds one. */
	long revision() {
		Long revision = jdbc.queryForObject("select revision from fx_rate_revision where id = 1", Long.class);
		return revision == null ? 0 : revision;
	}

	/** Every imported rate. */
	List<FxRate> all() {
		return jdbc.query("select rate_date, currency, base_currency, nominal, rate, source, origin from fx_rate"
				+ " order by currency, rate_date", (rs, i) -> FxRate.published(rs.getDate(1).toLocalDate(),
						rs.getString(2), plain(rs.getBigDecimal(5)), BigDecimal.valueOf(rs.getLong(4)), rs.getString(3),
						rs.getString(6), rs.getString(7)));
	}

	/**
	 * Adds the rates not stored yet, in one transaction that first locks the revision (imports on several nodes run
	 * one after the other) and raises it when anything was added.
	 */
	Stored store(List<FxRate> rates, Instant importedAt, String importedBy) {
		return transactions.execute(status -> {
			jdbc.queryForObject("select revision from fx_rate_revision where id = 1 for update", Long.class);
			Map<String, FxRate> existing = existing(rates);
			int added = 0;
			int unchanged = 0;
			List<Conflict> conflicts = new ArrayList<>();
			List<Object[]> inserts = new ArrayList<>();
			for (FxRate rate : rates) {
				FxRate stored = existing.get(key(rate.date(), rate.currency(), rate.base()));
				if (stored == null) {
					inserts.add(new Object[] {Date.valueOf(rate.date()), rate.currency(), rate.base(),
							rate.nominal().longValueExact(), rate.rate(), rate.source(), rate.origin(),
							Timestamp.from(importedAt), importedBy});
					added++;
				}
				else if (stored.rate().compareTo(rate.rate()) == 0 && stored.nominal().compareTo(rate.nominal()) == 0) {
					unchanged++;
				}
				else {
					conflicts.add(new Conflict(rate, stored));
				}
			}
			if (!inserts.isEmpty()) {
				jdbc.batchUpdate("insert into fx_rate (rate_date, currency, base_currency, nominal, rate, source, origin,"
						+ " imported_at, imported_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", inserts);
				jdbc.update("update fx_rate_revision set revision = revision + 1 where id = 1");
			}
			return new Stored(added, unchanged, conflicts);
		});
	}

	private Map<String, FxRate> existing(List<FxRate> rates) {
		Map<String, FxRate> existing = new HashMap<>();
		for (LocalDate date : new TreeSet<>(rates.stream().map(FxRate::date).toList())) {
			jdbc.query("select rate_date, currency, base_currency, nominal, rate, source, origin from fx_rate"
					+ " where rate_date = ?", rs -> {
						FxRate stored = FxRate.published(rs.getDate(1).toLocalDate(), rs.getString(2),
								plain(rs.getBigDecimal(5)), BigDecimal.valueOf(rs.getLong(4)), rs.getString(3),
								rs.getString(6), rs.getString(7));
						existing.put(key(stored.date(), stored.currency(), stored.base()), stored);
					}, Date.valueOf(date));
		}
		return existing;
	}

	private static String key(LocalDate date, String currency, String base) {
		return date + "/" + currency + "/" + Objects.requireNonNull(base, "base");
	}

	/** A stored value without the column's padding zeros: 8.6100000000 → 8.61. */
	private static BigDecimal plain(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}
}
