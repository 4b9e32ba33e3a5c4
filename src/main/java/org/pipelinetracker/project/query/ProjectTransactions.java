package org.pipelinetracker.project.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.pipelinetracker.fx.Converted;
import org.pipelinetracker.fx.FxRates;
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.project.query.ProjectView.CancellationView;
import org.pipelinetracker.project.query.ProjectView.CorrectionView;
import org.pipelinetracker.project.query.ProjectView.DisbursementView;
import org.pipelinetracker.project.query.ProjectView.ExpenditureView;
import org.pipelinetracker.project.query.ProjectView.FundingView;
import org.pipelinetracker.project.query.ProjectView.IncomingFundsView;
import org.pipelinetracker.project.query.ProjectView.TransactionView;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every money flow of a project, as {@code GET /api/projects/{id}/transactions} lists it: each commitment at its
 * original amount (type 2), each correction (type 2, the difference) and cancellation (type 2, the negative amount
 * cancelled), each disbursement (3), incoming funds (1), expenditure (4), and every flow kept under its own code
 * (interest payment 5, loan repayment 6, 7 to 13, negative 1, 3 and 4), in value-date order (recording order on one
 * date, commitments' flows first), each with its value converted to the display currency at the rate of its date.
 */
@Service
public class ProjectTransactions {

	private final ProjectTimeline timeline;
	private final FxRates fx;

	ProjectTransactions(ProjectTimeline timeline, FxRates fx) {
		this.timeline = timeline;
		this.fx = fx;
	}

	/**
	 * One money flow: {@code type} the IATI TransactionType code, {@code kind} what it is here ({@code commitment},
	 * {@code correction}, {@code cancellation}, {@code disbursement}, {@code incoming-funds}, {@code expenditure} or
	 * {@code other}), {@code value} in its own currency with the publisher's sign, {@code converted} to the display
	 * currency with the rate and its date (null when no rate applies: never shown as zero).
	 */
	public record TransactionLine(String type, String kind, LocalDate date, Money value, String fundingId,
			String provider, String receiver, @JsonInclude(JsonInclude.Include.NON_NULL) String description,
			Converted converted) {
	}

	/** The project's flows, converted to {@code displayCurrency}; empty when there is no such project. */
	public Optional<List<TransactionLine>> of(String projectId, String displayCurrency) {
		return timeline.current(projectId).map(view -> lines(view, displayCurrency));
	}

	/**
	 * The repayment schedule of the loan {@code fundingId} and where it stands on {@code asOf}; empty when there is no
	 * such project or funding, or (a {@link IllegalStateException}) when the funding has no complete loan terms.
	 */
	public Optional<RepaymentSchedule> schedule(String projectId, String fundingId, LocalDate asOf) {
		return timeline.current(projectId).flatMap(view -> view.fundings.stream()
				.filter(f -> f.fundingId.equals(fundingId)).findFirst()
				.map(f -> RepaymentSchedule.scheduled(f) ? RepaymentSchedule.of(view, f, asOf) : null));
	}

	/** Whether the funding exists in the project (to tell a missing funding from one without loan terms). */
	public boolean hasFunding(String projectId, String fundingId) {
		return timeline.current(projectId).map(view -> view.fundings.stream()
				.anyMatch(f -> f.fundingId.equals(fundingId))).orElse(false);
	}

	List<TransactionLine> lines(ProjectView view, String displayCurrency) {
		List<TransactionLine> lines = new ArrayList<>();
		for (FundingView f : view.fundings) {
			lines.add(line("2", "commitment", f.committedOn, f.originalAmount, f, f.funder, null, null, displayCurrency));
			for (CorrectionView c : f.corrections) {
				lines.add(line("2", "correction", c.correctedOn(), c.newAmount().minus(c.previousAmount()), f, f.funder,
						null, c.reason(), displayCurrency));
			}
			for (CancellationView c : f.cancellations) {
				lines.add(line("2", "cancellation", c.cancelledOn(), Money.zero(c.cancelled().currency())
						.minus(c.cancelled()), f, f.funder, null, c.reason(), displayCurrency));
			}
			for (DisbursementView d : f.disbursements) {
				lines.add(line("3", "disbursement", d.disbursedOn(), d.amount(), f, f.funder, null, null,
						displayCurrency));
			}
		}
		for (IncomingFundsView i : view.incomingFunds) {
			lines.add(line("1", "incoming-funds", i.receivedOn(), i.amount(), funding(view, i.fundingId()), i.provider(),
					i.receiver(), i.description(), displayCurrency));
		}
		for (ExpenditureView e : view.expenditures) {
			lines.add(line("4", "expenditure", e.spentOn(), e.amount(), funding(view, e.fundingId()), e.provider(),
					e.receiver(), e.description(), displayCurrency));
		}
		for (TransactionView t : view.otherTransactions) {
			lines.add(line(t.type(), "other", t.transactionDate(), t.value(), funding(view, t.fundingId()), t.provider(),
					t.receiver(), t.description(), displayCurrency));
		}
		lines.sort(Comparator.comparing(TransactionLine::date)); // stable: on one date the order above
		return lines;
	}

	private TransactionLine line(String type, String kind, LocalDate date, Money value, FundingView funding,
			String provider, String receiver, String description, String displayCurrency) {
		Converted converted = fx.convert(value.amount(), value.currency(), displayCurrency, date).orElse(null);
		return new TransactionLine(type, kind, date, value, funding == null ? null : funding.fundingId, provider,
				receiver, description, converted);
	}

	private static FundingView funding(ProjectView view, String fundingId) {
		return fundingId == null ? null
				: view.fundings.stream().filter(f -> f.fundingId.equals(fundingId)).findFirst().orElse(null);
	}
}
