package org.pipelinetracker.facility.query;

import org.pipelinetracker.kernel.Await;
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.reference.Codelists;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Answers facility queries from the facility-usage read model (eventually consistent: it follows the event store
 * within milliseconds).
 */
@Service
@Transactional(readOnly = true)
public class FacilityViews {

	private static final String FACILITY_COLUMNS = "select facility_id, name, lender, currency, limit_amount, committed,"
			+ " valid_from, valid_to, version from facility_view";

	private static final String PROJECT_COLUMNS = "select facility_id, project_id, funding_id, amount, committed_on"
			+ " from facility_project";

	private static final RowMapper<FacilityRow> FACILITY_ROW = (rs, n) -> new FacilityRow(rs.getString("facility_id"),
			rs.getString("name"), rs.getString("lender"), rs.getString("currency"), rs.getBigDecimal("limit_amount"),
			rs.getBigDecimal("committed"), rs.getObject("valid_from", LocalDate.class),
			rs.getObject("valid_to", LocalDate.class), rs.getLong("version"));

	private static final RowMapper<ProjectRow> PROJECT_ROW = (rs, n) -> new ProjectRow(rs.getString("facility_id"),
			rs.getString("project_id"), rs.getString("funding_id"), rs.getBigDecimal("amount"),
			rs.getObject("committed_on", LocalDate.class));

	private final JdbcTemplate jdbc;
	private final Codelists codelists;

	FacilityViews(JdbcTemplate jdbc, Codelists codelists) {
		this.jdbc = jdbc;
		this.codelists = codelists;
	}

	/** One facility, or empty if the read model has no such facility (yet). */
	public Optional<FacilityView> find(String facilityId) {
		return jdbc.query(FACILITY_COLUMNS + " where facility_id = ?", FACILITY_ROW, facilityId).stream()
				.findFirst()
				.map(row -> view(row, jdbc.query(PROJECT_COLUMNS + " where facility_id = ?"
						+ " order by project_id, funding_id", PROJECT_ROW, facilityId)));
	}

	/** Every facility, by id. */
	public List<FacilityView> list() {
		Map<String, List<ProjectRow>> byFacility = new LinkedHashMap<>();
		for (ProjectRow row : jdbc.query(PROJECT_COLUMNS + " order by facility_id, project_id, funding_id",
				PROJECT_ROW)) {
			byFacility.computeIfAbsent(row.facilityId(), id -> new ArrayList<>()).add(row);
		}
		return jdbc.query(FACILITY_COLUMNS + " order by facility_id", FACILITY_ROW).stream()
				.map(row -> view(row, byFacility.getOrDefault(row.facilityId(), List.of())))
				.toList();
	}

	/**
	 * Waits until the read model has applied the facility's events up to {@code version}, for at most
	 * {@code timeout}. Returns whether it has. Each look is its own short read, so a row committed meanwhile is seen.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public boolean awaitVersion(String facilityId, long version, Duration timeout) {
		return Await.until(() -> {
			List<Long> applied = jdbc.queryForList("select version from facility_view where facility_id = ?",
					Long.class, facilityId);
			return !applied.isEmpty() && applied.get(0) >= version;
		}, timeout);
	}

	private FacilityView view(FacilityRow row, List<ProjectRow> holdings) {
		String currency = row.currency();
		List<FacilityView.ProjectReservation> reservations = holdings.stream()
				.map(h -> new FacilityView.ProjectReservation(h.projectId(), h.fundingId(), money(h.amount(), currency),
						h.committedOn()))
				.toList();
		return new FacilityView(row.facilityId(), row.name(), row.lender(), money(row.limitAmount(), currency),
				money(row.committed(), currency), money(row.limitAmount().subtract(row.committed()), currency),
				row.validFrom(), row.validTo(), reservations, row.version());
	}

	/** The amount at its currency's scale (the table keeps 4 decimals for every currency). */
	private Money money(BigDecimal amount, String currency) {
		int digits = codelists.currencyFractionDigits(currency);
		int scale = Math.max(digits, amount.stripTrailingZeros().scale());
		return new Money(amount.setScale(scale, RoundingMode.UNNECESSARY), currency);
	}

	/** One row of {@code facility_view}: a facility, its limit and what is committed against it. */
	private record FacilityRow(String facilityId, String name, String lender, String currency, BigDecimal limitAmount,
			BigDecimal committed, LocalDate validFrom, LocalDate validTo, long version) {
	}

	/** One row of {@code facility_project}: what one commitment of a project holds of a facility. */
	private record ProjectRow(String facilityId, String projectId, String fundingId, BigDecimal amount,
			LocalDate committedOn) {
	}
}
