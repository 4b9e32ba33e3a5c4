package org.pipelinetracker.project.query;

import org.pipelinetracker.fx.Conversion;
import org.pipelinetracker.fx.FxRates;
import org.pipelinetracker.fx.RateTable;
import org.pipelinetracker.kernel.Await;
import org.pipelinetracker.project.api.MoneyEntryKind;
import org.pipelinetracker.project.api.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Answers from the approvals read model ({@link ApprovalsProjection}, eventually consistent: it follows the event
 * store within milliseconds): the money entries waiting for approval, oldest first, each with its USD value where a
 * rate of its effective date exists (null otherwise, never converted at 1).
 */
@Service
public class ApprovalQueries {

	/** One money entry submitted for approval. */
	public record ApprovalEntry(String id, String projectId, String projectTitle, MoneyEntryKind kind, String fundingId, Money amount,
			BigDecimal usd, LocalDate effectiveOn, String facilityId, String submittedBy, Instant submittedAt,
			String reason, String state, String decidedBy, Instant decidedAt, String decisionReason) {
	}

	private static final String COLUMNS = "a.entry_id, a.project_id, a.kind, a.funding_id, a.amount, a.currency,"
			+ " a.effective_on, a.facility_id, a.submitted_by, a.submitted_at, a.reason, a.state, a.decided_by,"
			+ " a.decided_at, a.decision_reason, p.title";
	private static final String FROM = " from approval_entry a left join project_view p on p.project_id = a.project_id";

	private final JdbcTemplate jdbc;
	private final FxRates fx;

	ApprovalQueries(JdbcTemplate jdbc, FxRates fx) {
		this.jdbc = jdbc;
		this.fx = fx;
	}

	/** The entries waiting for approval, oldest first; only those of {@code projectId} when it is given. */
	public List<ApprovalEntry> pending(String projectId) {
		RateTable rates = fx.current();
		return projectId == null
				? jdbc.query("select " + COLUMNS + FROM + " where a.state = 'PENDING'"
						+ " order by a.submitted_at, a.entry_id", row(rates))
				: jdbc.query("select " + COLUMNS + FROM + " where a.state = 'PENDING' and a.project_id = ?"
						+ " order by a.submitted_at, a.entry_id", row(rates), projectId);
	}

	/** The entry of this id, whatever its state. */
	public Optional<ApprovalEntry> find(String entryId) {
		return jdbc.query("select " + COLUMNS + FROM + " where a.entry_id = ?", row(fx.current()), entryId)
				.stream().findFirst();
	}

	/**
	 * Waits until the read model shows the entry decided (approved or rejected), for at most {@code timeout}, so
	 * the inbox a client reads right after its decision no longer lists it. Returns whether it does. Each look is
	 * its own short read, so a row the projection commits meanwhile is seen.
	 */
	public boolean awaitDecided(String entryId, Duration timeout) {
		return Await.until(() -> {
			List<String> state = jdbc.queryForList("select state from approval_entry where entry_id = ?", String.class,
					entryId);
			return !state.isEmpty() && !"PENDING".equals(state.get(0));
		}, timeout);
	}

	private static RowMapper<ApprovalEntry> row(RateTable rates) {
		return (rs, i) -> {
			String currency = rs.getString(6);
			BigDecimal amount = rs.getBigDecimal(5).setScale(RateTable.minorUnits(currency), RoundingMode.UNNECESSARY);
			LocalDate on = rs.getDate(7).toLocalDate();
			Conversion usd = rates.toUsd(amount, currency, on);
			return new ApprovalEntry(rs.getString(1), rs.getString(2), rs.getString(16), MoneyEntryKind.valueOf(rs.getString(3)),
					rs.getString(4), new Money(amount, currency), usd.converted() ? usd.usd() : null, on,
					rs.getString(8), rs.getString(9), rs.getTimestamp(10).toInstant(), rs.getString(11),
					rs.getString(12), rs.getString(13),
					rs.getTimestamp(14) == null ? null : rs.getTimestamp(14).toInstant(), rs.getString(15));
		};
	}
}
