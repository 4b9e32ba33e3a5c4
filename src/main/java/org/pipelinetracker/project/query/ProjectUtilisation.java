package org.pipelinetracker.project.query;

import org.pipelinetracker.kernel.FiscalCalendar;
import org.pipelinetracker.kernel.FiscalCalendar.Periodicity;
import org.pipelinetracker.project.query.ProjectView.FundingView;
import org.pipelinetracker.project.query.ProjectView.PlannedDisbursementView;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Planned against actual disbursement of one project, per currency (never converted: each currency is its own
 * group) and per fiscal period, as {@code GET /api/projects/{id}/utilisation} answers it. The plans are the current
 * planned disbursements (the latest revision of each); a plan counts in the fiscal period in which its own period
 * ends (its start when it has no end): it is money due to be paid out by then. The actuals are the disbursements
 * (IATI type 3; a reversal kept under its code is not one, as everywhere else). Ratios have four decimals, rounded
 * half-even, and are null (not 0) when there is nothing to divide by. The portfolio's figures
 * ({@link PortfolioUtilisation}) follow the same rules: both are summed by {@link UtilisationLedger}.
 */
public final class ProjectUtilisation {

	private ProjectUtilisation() {
	}

	/**
	 * The answer: on {@code onDate} ("to date"), in the fiscal calendar starting in {@code fiscalYearStartMonth}, by
	 * {@code periodicity}, one group per currency in which anything was committed, disbursed or planned.
	 */
	public record Utilisation(String projectId, LocalDate onDate, int fiscalYearStartMonth, Periodicity periodicity,
			List<CurrencyUtilisation> currencies, List<FundingUtilisation> fundings) {
	}

	/**
	 * One commitment, in its currency: what is committed, disbursed and undisbursed, disbursed ÷ committed, and the
	 * planned disbursements recorded under it (those of the whole project are in no funding's figures) to date against
	 * what it disbursed to date.
	 */
	public record FundingUtilisation(String fundingId, String funder, String currency, BigDecimal committed,
			BigDecimal disbursed, BigDecimal undisbursed, BigDecimal disbursedOfCommitted, BigDecimal plannedToDate,
			BigDecimal disbursedToDate, BigDecimal behindPlan, BigDecimal utilisation) {
	}

	/**
	 * One currency: {@code committed} (in force, after corrections and cancellations), {@code disbursed},
	 * {@code undisbursed} and {@code disbursedOfCommitted} (disbursed ÷ committed); {@code plannedToDate} (plans due by
	 * the date), {@code disbursedToDate}, {@code behindPlan} (planned to date − disbursed to date: negative when ahead)
	 * and {@code utilisation} (disbursed to date ÷ planned to date); then each fiscal period from the first with a plan
	 * or a disbursement to the last.
	 */
	public record CurrencyUtilisation(String currency, BigDecimal committed, BigDecimal disbursed,
			BigDecimal undisbursed, BigDecimal disbursedOfCommitted, BigDecimal plannedToDate, BigDecimal disbursedToDate,
			BigDecimal behindPlan, BigDecimal utilisation, List<PeriodUtilisation> periods) {
	}

	/** One fiscal period: {@code label} ({@code FY2025 Q3}), its dates, planned, disbursed and actual ÷ planned. */
	public record PeriodUtilisation(String label, LocalDate start, LocalDate end, BigDecimal planned,
			BigDecimal disbursed, BigDecimal utilisation) {
	}

	public static Utilisation of(ProjectView view, LocalDate onDate, FiscalCalendar calendar, Periodicity periodicity) {
		List<CurrencyUtilisation> currencies = new UtilisationLedger(onDate, calendar, periodicity)
				.add(view, f -> "", "").figures().stream().map(UtilisationLedger.GroupFigures::figures).toList();
		return new Utilisation(view.projectId, onDate, calendar.startMonth(), periodicity, currencies,
				fundings(view, onDate));
	}

	private static List<FundingUtilisation> fundings(ProjectView view, LocalDate onDate) {
		List<PlannedDisbursementView> plans = ProjectPlanLines.currentPlannedDisbursements(view);
		List<FundingUtilisation> fundings = new ArrayList<>();
		for (FundingView f : view.fundings) {
			String currency = f.amount.currency();
			BigDecimal disbursedToDate = f.disbursements.stream().filter(d -> !d.disbursedOn().isAfter(onDate))
					.map(d -> d.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
			BigDecimal plannedToDate = plans.stream().filter(p -> f.fundingId.equals(p.fundingId())
							&& p.value().currency().equals(currency)
							&& !UtilisationLedger.due(p).isAfter(onDate))
					.map(p -> p.value().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
			fundings.add(new FundingUtilisation(f.fundingId, f.funder, currency, f.amount.amount(),
					f.disbursed.amount(), f.undisbursed.amount(), UtilisationLedger.ratio(f.disbursed.amount(), f.amount.amount()),
					plannedToDate, disbursedToDate, plannedToDate.subtract(disbursedToDate),
					UtilisationLedger.ratio(disbursedToDate, plannedToDate)));
		}
		return fundings;
	}
}
