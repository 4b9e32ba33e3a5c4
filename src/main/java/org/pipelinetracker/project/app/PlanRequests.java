package org.pipelinetracker.project.app;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.pipelinetracker.kernel.MultiLine;
import org.pipelinetracker.project.app.Requests.Audited;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The requests that record a project's plans ({@link PlanWriteService}). */
public final class PlanRequests {

	private PlanRequests() {
	}

	/** A planned amount: zero or more (a plan revised to nothing is a plan). */
	public record PlannedMoneyRequest(
			@NotNull @PositiveOrZero @DecimalMax(value = Requests.MAX_AMOUNT, message = Requests.MAX_AMOUNT_MESSAGE) BigDecimal amount,
			@NotBlank String currency) {
	}

	/**
	 * A budget for {@code periodStart} to {@code periodEnd} (at most twelve months), of the whole project or of the
	 * commitment {@code fundingId}; {@code type} IATI BudgetType (default "1" original, "2" revised), {@code status}
	 * IATI BudgetStatus (default "1" indicative, "2" committed); {@code recordedOn} (default today) the day it was known.
	 */
	public record BudgetRequest(
			@Pattern(regexp = Requests.ID, message = Requests.ID_MESSAGE) String fundingId,
			@NotNull LocalDate periodStart,
			@NotNull LocalDate periodEnd,
			@NotNull @Valid PlannedMoneyRequest value,
			String type,
			String status,
			LocalDate valueDate,
			LocalDate recordedOn,
			@MultiLine @Size(max = 2000) String reason,
			@Size(max = 2000) String sourceUrl) implements Audited {
	}

	/**
	 * A planned disbursement for {@code periodStart} to {@code periodEnd} (optional), of the whole project or under the
	 * commitment {@code fundingId}; {@code type} IATI BudgetType (optional), from {@code provider} to {@code receiver}
	 * (optional); {@code recordedOn} (default today) the day it was known.
	 */
	public record PlannedDisbursementRequest(
			@Pattern(regexp = Requests.ID, message = Requests.ID_MESSAGE) String fundingId,
			@NotNull LocalDate periodStart,
			LocalDate periodEnd,
			@NotNull @Valid PlannedMoneyRequest value,
			String type,
			LocalDate valueDate,
			@Size(max = 200) String provider,
			@Size(max = 200) String receiver,
			LocalDate recordedOn,
			@MultiLine @Size(max = 2000) String reason,
			@Size(max = 2000) String sourceUrl) implements Audited {
	}
}
