package org.pipelinetracker.project.web;

import org.pipelinetracker.fx.DisplayCurrencies;
import org.pipelinetracker.kernel.AuditContext;
import org.pipelinetracker.project.app.LoanRequests.CancellationRequest;
import org.pipelinetracker.project.app.LoanRequests.LoanDatesRequest;
import org.pipelinetracker.project.app.LoanRequests.LoanPaymentRequest;
import org.pipelinetracker.project.app.LoanWriteService;
import org.pipelinetracker.project.app.WriteResult;
import org.pipelinetracker.project.query.ProjectTransactions;
import org.pipelinetracker.project.query.ProjectTransactions.TransactionLine;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.project.api.CommandRejectedException;
import org.pipelinetracker.project.query.RepaymentSchedule;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * A commitment's later life and a project's money flows: cancel part or all of an undisbursed commitment, record a
 * loan's principal repayments and interest payments, list every money flow with its IATI transaction type.
 */
@RestController
@RequestMapping(path = "/api/projects", produces = "application/json")
class LoanController {

	private final LoanWriteService loans;
	private final ProjectTransactions transactions;
	private final DisplayCurrencies displayCurrencies;
	private final Clock clock;

	LoanController(LoanWriteService loans, ProjectTransactions transactions, DisplayCurrencies displayCurrencies,
			Clock clock) {
		this.clock = clock;
		this.loans = loans;
		this.transactions = transactions;
		this.displayCurrencies = displayCurrencies;
	}

	@PostMapping(path = "/{id}/fundings/{fundingId}/cancellations", consumes = "application/json")
	WriteResult cancelFunding(@PathVariable String id, @PathVariable String fundingId,
			@RequestBody CancellationRequest request, Principal principal) {
		return loans.cancelFunding(id, fundingId, request, AuditContext.of(principal));
	}

	@PostMapping(path = "/{id}/fundings/{fundingId}/repayments", consumes = "application/json")
	WriteResult recordRepayment(@PathVariable String id, @PathVariable String fundingId,
			@RequestBody LoanPaymentRequest request, Principal principal) {
		return loans.recordRepayment(id, fundingId, request, AuditContext.of(principal));
	}

	@PostMapping(path = "/{id}/fundings/{fundingId}/interest-payments", consumes = "application/json")
	WriteResult recordInterestPayment(@PathVariable String id, @PathVariable String fundingId,
			@RequestBody LoanPaymentRequest request, Principal principal) {
		return loans.recordInterestPayment(id, fundingId, request, AuditContext.of(principal));
	}

	@PostMapping(path = "/{id}/fundings/{fundingId}/dates", consumes = "application/json")
	WriteResult recordLoanDates(@PathVariable String id, @PathVariable String fundingId,
			@RequestBody LoanDatesRequest request, Principal principal) {
		return loans.recordLoanDates(id, fundingId, request, AuditContext.of(principal));
	}

	/**
	 * The repayment schedule of a loan with complete terms (rate, maturity, grace) and its standing on {@code asOf}
	 * (default today): outstanding principal, principal due and arrears. 409 for a funding without those terms.
	 */
	@GetMapping("/{id}/fundings/{fundingId}/schedule")
	RepaymentSchedule schedule(@PathVariable String id, @PathVariable String fundingId,
			@RequestParam(required = false) LocalDate asOf) {
		LocalDate on = asOf != null ? asOf : LocalDate.now(clock);
		if (!transactions.hasFunding(id, fundingId)) {
			transactions.of(id, DisplayCurrencies.DEFAULT).orElseThrow(() -> ProjectProblemHandler.notFound(id));
			throw CommandRejectedException.rule("fundingId", Text.of("problem.rule.noSuchFunding")
					.with("projectId", id).with("fundingId", fundingId));
		}
		return transactions.schedule(id, fundingId, on).orElseThrow(() -> CommandRejectedException.rule("fundingId",
				Text.of("problem.rule.noLoanTerms").with("fundingId", fundingId)));
	}

	/** @param displayCurrency the currency of each flow's {@code converted} (default USD) */
	@GetMapping("/{id}/transactions")
	List<TransactionLine> transactions(@PathVariable String id,
			@RequestParam(required = false) String displayCurrency) {
		String shownIn = displayCurrencies.resolve(displayCurrency, "displayCurrency");
		return transactions.of(id, shownIn).orElseThrow(() -> ProjectProblemHandler.notFound(id));
	}
}
