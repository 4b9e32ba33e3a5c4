package org.pipelinetracker.project.web;

import org.pipelinetracker.fx.DisplayCurrencies;
import org.pipelinetracker.kernel.AuditContext;
import org.pipelinetracker.project.app.LoanRequests.CancellationRequest;
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

import java.security.Principal;
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

	LoanController(LoanWriteService loans, ProjectTransactions transactions, DisplayCurrencies displayCurrencies) {
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

	/** @param displayCurrency the currency of each flow's {@code converted} (default USD) */
	@GetMapping("/{id}/transactions")
	List<TransactionLine> transactions(@PathVariable String id,
			@RequestParam(required = false) String displayCurrency) {
		String shownIn = displayCurrencies.resolve(displayCurrency, "displayCurrency");
		return transactions.of(id, shownIn).orElseThrow(() -> ProjectProblemHandler.notFound(id));
	}
}
