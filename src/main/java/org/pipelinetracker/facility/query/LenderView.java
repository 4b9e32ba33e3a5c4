package org.pipelinetracker.facility.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.project.query.LoanStanding;

import java.time.LocalDate;
import java.util.List;

/**
 * A lender's view of one facility on a date: every commitment drawing on it and where it stands
 * ({@link LoanStanding}), and the totals per currency. {@code unmatched} names the reservations of the facility for
 * which the project holds no commitment on that date although one was reserved on or before it (a reservation whose
 * commitment was never recorded; see docs/architecture/known-gaps.md): reported, not counted.
 */
public record LenderView(String facilityId, String name, String lender, Money limit, LocalDate asOf,
		List<Totals> totals, List<LoanStanding> loans, List<FacilityView.ProjectReservation> unmatched) {

	/**
	 * The sums of the commitments in one currency; {@code arrears} and {@code due} only over the {@code scheduled}
	 * commitments (those with complete loan terms), of {@code loans} in all; both null when none is scheduled.
	 */
	public record Totals(String currency, int loans, int scheduled, Money committed, Money disbursed,
			Money undisbursed, Money cancelled, Money repaid, Money outstanding, Money interestPaid,
			@JsonInclude(JsonInclude.Include.NON_NULL) Money due,
			@JsonInclude(JsonInclude.Include.NON_NULL) Money arrears) {
	}
}
