package org.pipelinetracker.facility.query;

import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.reference.Codelists;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
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

	private static final long POLL_MILLIS = 10;

	private final FacilityRowRepository facilities;
	private final FacilityProjectRowRepository projects;
	private final Codelists codelists;

	FacilityViews(FacilityRowRepository facilities, FacilityProjectRowRepository projects, Codelists codelists) {
		this.facilities = facilities;
		this.projects = projects;
		this.codelists = codelists;
	}

	/** One facility, or empty if the read model has no such facility (yet). */
	public Optional<FacilityView> find(String facilityId) {
		return facilities.findById(facilityId)
				.map(row -> view(row, projects.findByFacilityIdOrderByProjectIdAscFundingIdAsc(facilityId)));
	}

	/** Every facility, by id. */
	public List<FacilityView> list() {
		Map<String, List<FacilityProjectRow>> byFacility = new LinkedHashMap<>();
		for (FacilityProjectRow row : projects.findAllByOrderByFacilityIdAscProjectIdAscFundingIdAsc()) {
			byFacility.computeIfAbsent(row.facilityId(), id -> new ArrayList<>()).add(row);
		}
		return facilities.findAll(Sort.by("facilityId")).stream()
				.map(row -> view(row, byFacility.getOrDefault(row.facilityId(), List.of())))
				.toList();
	}

	/**
	 * Waits until the read model has applied the facility's events up to {@code version}, for at most
	 * {@code timeout}. Returns whether it has. Each look is its own short read, so a row committed meanwhile is seen.
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public boolean awaitVersion(String facilityId, long version, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			Optional<FacilityRow> row = facilities.findById(facilityId);
			if (row.isPresent() && row.get().version() >= version) {
				return true;
			}
			if (System.nanoTime() >= deadline) {
				return false;
			}
			try {
				Thread.sleep(POLL_MILLIS);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return false;
			}
		}
	}

	private FacilityView view(FacilityRow row, List<FacilityProjectRow> holdings) {
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
}
