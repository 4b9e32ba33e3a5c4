package org.pipelinetracker.facility.query;

import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.project.query.LoanStanding;
import org.pipelinetracker.project.query.LoanStandings;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Builds a {@link LenderView}: the facility's reservations from the facility-usage read model, each commitment's
 * standing from the project's history cut at the date.
 */
@Service
public class LenderViews {

	private final FacilityViews facilities;
	private final LoanStandings standings;

	LenderViews(FacilityViews facilities, LoanStandings standings) {
		this.facilities = facilities;
		this.standings = standings;
	}

	/** The facility as its lender sees it on {@code asOf}; empty when there is no such facility. */
	public Optional<LenderView> of(String facilityId, LocalDate asOf) {
		return facilities.find(facilityId).map(facility -> of(facility, asOf));
	}

	/** {@link #of(String, LocalDate)} for a facility already read. */
	public LenderView of(FacilityView facility, LocalDate asOf) {
		List<LoanStanding> loans = new ArrayList<>();
		List<FacilityView.ProjectReservation> unmatched = new ArrayList<>();
		Set<String> seen = new LinkedHashSet<>();
		for (FacilityView.ProjectReservation reservation : facility.projects()) {
			if (!seen.add(reservation.projectId() + "\u0000" + reservation.fundingId())
					|| reservation.committedOn() != null && reservation.committedOn().isAfter(asOf)) {
				continue;
			}
			standings.of(reservation.projectId(), reservation.fundingId(), asOf)
					.ifPresentOrElse(loans::add, () -> unmatched.add(reservation));
		}
		return new LenderView(facility.facilityId(), facility.name(), facility.lender(), facility.limit(), asOf,
				totals(loans), loans, unmatched);
	}

	private static List<LenderView.Totals> totals(List<LoanStanding> loans) {
		Map<String, List<LoanStanding>> byCurrency = new TreeMap<>();
		loans.forEach(l -> byCurrency.computeIfAbsent(l.committed().currency(), c -> new ArrayList<>()).add(l));
		List<LenderView.Totals> totals = new ArrayList<>();
		byCurrency.forEach((currency, in) -> {
			List<LoanStanding> scheduled = in.stream().filter(LoanStanding::scheduled).toList();
			totals.add(new LenderView.Totals(currency, in.size(), scheduled.size(),
					sum(in, LoanStanding::committed, currency), sum(in, LoanStanding::disbursed, currency),
					sum(in, LoanStanding::undisbursed, currency), sum(in, LoanStanding::cancelled, currency),
					sum(in, LoanStanding::repaid, currency), sum(in, LoanStanding::outstanding, currency),
					sum(in, LoanStanding::interestPaid, currency),
					scheduled.isEmpty() ? null : sum(scheduled, LoanStanding::due, currency),
					scheduled.isEmpty() ? null : sum(scheduled, LoanStanding::arrears, currency)));
		});
		return totals;
	}

	private static Money sum(List<LoanStanding> loans, Function<LoanStanding, Money> amount, String currency) {
		return loans.stream().map(amount).reduce(Money.zero(currency), Money::plus);
	}
}
