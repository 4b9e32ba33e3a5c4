package org.pipelinetracker.project.app;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.pipelinetracker.project.app.Requests.Audited;
import org.pipelinetracker.project.app.Requests.MoneyRequest;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The requests of a commitment's later life and of the flows kept under their IATI code ({@link LoanWriteService}). */
public final class LoanRequests {

	private LoanRequests() {
	}

	/** Cancels {@code amount} of the undisbursed balance, or all of it when {@code amount} is absent; {@code on} defaults to today. */
	public record CancellationRequest(
			@Valid MoneyRequest amount,
			LocalDate on,
			@NotBlank @Size(max = 2000) String reason,
			@Size(max = 2000) String sourceUrl) implements Audited {
	}

	/** A principal repayment or an interest payment of a loan, in its currency, on {@code on}. */
	public record LoanPaymentRequest(
			@NotNull @Valid MoneyRequest amount,
			@NotNull LocalDate on,
			@Size(max = 2000) String reason,
			@Size(max = 2000) String sourceUrl) implements Audited {
	}

	/**
	 * A loan's effectiveness date and/or closing (final disbursement) date, as known on {@code on} (default today);
	 * a date left out stays as it was. A later closing date is an extension.
	 */
	public record LoanDatesRequest(
			LocalDate effectiveOn,
			LocalDate closingOn,
			LocalDate on,
			@Size(max = 2000) String reason,
			@Size(max = 2000) String sourceUrl) implements Audited {
	}

	/** An amount as published: with its sign. */
	public record SignedMoneyRequest(
			@NotNull @DecimalMin(value = "-" + Requests.MAX_AMOUNT) @DecimalMax(value = Requests.MAX_AMOUNT) BigDecimal amount,
			@NotBlank String currency) {
	}

	/** A flow kept under its IATI TransactionType code, as published (the import's). */
	public record TransactionRequest(
			@NotBlank @Pattern(regexp = "[0-9]{1,2}") String type,
			@NotNull @Valid SignedMoneyRequest value,
			@NotNull LocalDate transactionDate,
			@Pattern(regexp = Requests.ID, message = Requests.ID_MESSAGE) String fundingId,
			@Size(max = 200) String provider,
			@Size(max = 200) String receiver,
			@Size(max = 2000) String description,
			@Size(max = 2000) String reason,
			@Size(max = 2000) String sourceUrl) implements Audited {
	}
}
