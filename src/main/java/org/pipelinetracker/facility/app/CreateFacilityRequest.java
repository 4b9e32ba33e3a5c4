package org.pipelinetracker.facility.app;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.pipelinetracker.kernel.MultiLine;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The JSON body of {@code POST /api/facilities}. {@code reason} and {@code sourceUrl} are recorded in the event's
 * metadata with the actor.
 */
public record CreateFacilityRequest(
		@NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{3,64}", message = "{problem.field.longId}") String facilityId,
		@NotBlank @Size(max = 300) String name,
		@NotBlank @Size(max = 200) String lender,
		@NotNull @Valid MoneyRequest limit,
		@NotNull LocalDate validFrom,
		@NotNull LocalDate validTo,
		@MultiLine @Size(max = 2000) String reason,
		@Size(max = 2000) String sourceUrl) {

	/** An amount as a decimal string or JSON number, and an ISO 4217 currency code. */
	public record MoneyRequest(
			@NotNull @Positive @DecimalMax(value = "1000000000000000", message = "{problem.field.maxAmount}") BigDecimal amount,
			@NotBlank String currency) {
	}
}
