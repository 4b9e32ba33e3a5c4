package org.pipelinetracker.project.app;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.pipelinetracker.kernel.MultiLine;
import org.pipelinetracker.project.api.AgreementType;
import org.pipelinetracker.project.api.DocumentSource;
import org.pipelinetracker.project.api.ImportNote;
import org.pipelinetracker.project.api.EximbankInstrument;
import org.pipelinetracker.project.api.RepaymentConvention;
import org.pipelinetracker.project.api.FundingSource;
import org.pipelinetracker.project.api.PartnerRole;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The JSON bodies of every write. Each accepts an optional {@code reason} and {@code sourceUrl}, which are
 * recorded in the events' metadata with the actor. Every text is one line, except those marked {@link MultiLine}
 * (descriptions, reasons); none holds control characters, noncharacters or lone surrogates (read by the HTTP layer).
 */
public final class Requests {

	static final String ID = "[A-Za-z0-9._-]{1,64}";
	/** The messages of the constraints are keys of the message catalogue ({@code problem.field.*}). */
	static final String ID_MESSAGE = "{problem.field.id}";
	static final String LONG_ID_MESSAGE = "{problem.field.longId}";
	static final String MAX_AMOUNT_MESSAGE = "{problem.field.maxAmount}";
	static final String PERCENT_MESSAGE = "{problem.field.percent}";
	static final String MAX_AMOUNT = "1000000000000000";

	private Requests() {
	}

	/** Common audit fields of every write. */
	public interface Audited {
		String reason();

		String sourceUrl();
	}

	public record MoneyRequest(
			@NotNull @Positive @DecimalMax(value = MAX_AMOUNT, message = MAX_AMOUNT_MESSAGE) BigDecimal amount,
			@NotBlank String currency) {
	}

	/**
	 * A partner: its name and role; its ISO 3166-1 country when it has one (UN agencies and NGOs have none); and, as
	 * IATI's {@code participating-org} gives them, its organisation identifier ({@code ref}), OrganisationType code
	 * ({@code type}), name in each language ({@code names}: language tag → name), own activity identifier and CRS channel
	 * code.
	 */
	public record PartnerRequest(@NotBlank @Size(max = 200) String name, @Size(max = 2) String country,
			@NotNull PartnerRole role, @Size(max = 200) String ref, @Size(max = 10) String type,
			@Size(max = 20) Map<@NotBlank @Size(max = 35) String, @NotBlank @Size(max = 200) String> names,
			@Size(max = 200) String activityId, @Size(max = 20) String crsChannelCode) {

		/** A partner known by its name, country and role only. */
		public PartnerRequest(String name, String country, PartnerRole role) {
			this(name, country, role, null, null, null, null, null);
		}
	}

	public record ProposeProjectRequest(
			@Pattern(regexp = "[A-Za-z0-9._-]{3,64}", message = LONG_ID_MESSAGE) String projectId,
			@NotBlank @Size(max = 300) String title,
			@MultiLine @Size(max = 5000) String description,
			@NotBlank String sector,
			@NotBlank String region,
			@Size(max = 50) List<@Valid @NotNull PartnerRequest> partners,
			@Valid MoneyRequest estimatedCost,
			@NotNull LocalDate proposedOn,
			LocalDate plannedStart,
			LocalDate plannedEnd,
			@MultiLine @Size(max = 2000) String reason,
			@Size(max = 2000) String sourceUrl,
			@Size(max = 35) String language) implements Audited {

		/** A proposal whose title and description are in English. */
		public ProposeProjectRequest(String projectId, String title, String description, String sector, String region,
				List<PartnerRequest> partners, MoneyRequest estimatedCost, LocalDate proposedOn, LocalDate plannedStart,
				LocalDate plannedEnd, String reason, String sourceUrl) {
			this(projectId, title, description, sector, region, partners, estimatedCost, proposedOn, plannedStart,
					plannedEnd, reason, sourceUrl, null);
		}
	}

	/**
	 * The title and/or description in a language other than the original's ({@code language}, a BCP 47 tag); what is
	 * left out stays as recorded. {@code on}: the date it is effective from (default today).
	 */
	public record ProjectTextRequest(
			@NotBlank @Size(max = 35) String language,
			@Size(max = 300) String title,
			@MultiLine @Size(max = 5000) String description,
			LocalDate on,
			@MultiLine @Size(max = 2000) String reason,
			@Size(max = 2000) String sourceUrl) implements Audited {
	}

	/** An agreement; {@code documentId} (optional) names the project's document that is its text. */
	public record SignAgreementRequest(
			@NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String agreementId,
			@NotNull AgreementType type,
			@NotNull LocalDate signedOn,
			@Size(max = 20) List<@NotBlank @Size(max = 200) String> parties,
			@Size(max = 2000) String documentUrl,
			@MultiLine @Size(max = 2000) String reason,
			@Size(max = 2000) String sourceUrl,
			@Pattern(regexp = ID, message = ID_MESSAGE) String documentId) implements Audited {

		/** An agreement that names no kept document. */
		public SignAgreementRequest(String agreementId, AgreementType type, LocalDate signedOn, List<String> parties,
				String documentUrl, String reason, String sourceUrl) {
			this(agreementId, type, signedOn, parties, documentUrl, reason, sourceUrl, null);
		}
	}

	public record EximbankFundingRequest(
			@NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String fundingId,
			@NotNull EximbankInstrument instrument,
			@NotNull @Valid MoneyRequest amount,
			@NotNull LocalDate committedOn,
			@DecimalMin(value = "0", message = PERCENT_MESSAGE)
			@DecimalMax(value = "100", message = PERCENT_MESSAGE) BigDecimal interestRate,
			@Min(1) @Max(60) Integer maturityYears,
			@Min(0) @Max(60) Integer graceYears,
			@Pattern(regexp = "[A-Za-z0-9._-]{3,64}", message = LONG_ID_MESSAGE) String facilityId,
			@MultiLine @Size(max = 2000) String reason,
			@Size(max = 2000) String sourceUrl,
			RepaymentConvention repaymentConvention,
			LocalDate effectiveOn,
			LocalDate closingOn) implements Audited {

		/** A commitment with the default repayment convention and no loan dates. */
		public EximbankFundingRequest(String fundingId, EximbankInstrument instrument, MoneyRequest amount,
				LocalDate committedOn, BigDecimal interestRate, Integer maturityYears, Integer graceYears,
				String facilityId, String reason, String sourceUrl) {
			this(fundingId, instrument, amount, committedOn, interestRate, maturityYears, graceYears, facilityId, reason,
					sourceUrl, null, null, null);
		}
	}

	public record FundingRequest(
			@NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String fundingId,
			@NotNull FundingSource source,
			@NotBlank @Size(max = 200) String funder,
			@NotNull @Valid MoneyRequest amount,
			@NotNull LocalDate committedOn,
			@Pattern(regexp = "[0-9]{2}", message = "{problem.field.flowTypeCode}") String flowType,
			@MultiLine @Size(max = 2000) String reason,
			@Size(max = 2000) String sourceUrl) implements Audited {
	}

	public record DisbursementRequest(
			@NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String fundingId,
			@NotNull @Valid MoneyRequest amount,
			@NotNull LocalDate disbursedOn,
			@MultiLine @Size(max = 2000) String reason,
			@Size(max = 2000) String sourceUrl) implements Audited {
	}

	/** Incoming funds (IATI type 1): who sent them ({@code provider}) is required; {@code fundingId} links a commitment. */
	public record IncomingFundsRequest(
			@NotNull @Valid MoneyRequest amount,
			@NotNull LocalDate receivedOn,
			@Pattern(regexp = ID, message = ID_MESSAGE) String fundingId,
			@NotBlank @Size(max = 200) String provider,
			@Size(max = 200) String receiver,
			@MultiLine @Size(max = 2000) String description,
			@MultiLine @Size(max = 2000) String reason,
			@Size(max = 2000) String sourceUrl) implements Audited {
	}

	/** An expenditure (IATI type 4): {@code fundingId}, {@code provider}, {@code receiver} are optional. */
	public record ExpenditureRequest(
			@NotNull @Valid MoneyRequest amount,
			@NotNull LocalDate spentOn,
			@Pattern(regexp = ID, message = ID_MESSAGE) String fundingId,
			@Size(max = 200) String provider,
			@Size(max = 200) String receiver,
			@MultiLine @Size(max = 2000) String description,
			@MultiLine @Size(max = 2000) String reason,
			@Size(max = 2000) String sourceUrl) implements Audited {
	}

	public record MilestoneRequest(
			@NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String milestoneId,
			@Size(max = 300) String name,
			LocalDate plannedOn,
			LocalDate achievedOn,
			LocalDate on,
			@MultiLine @Size(max = 2000) String reason,
			@Size(max = 2000) String sourceUrl) implements Audited {
	}

	/** Start, suspend, resume, complete, cancel: the effective date (default today) and a reason. */
	public record StageChangeRequest(LocalDate on, @MultiLine @Size(max = 2000) String reason,
			@Size(max = 2000) String sourceUrl) implements Audited {
	}

	/**
	 * A document of the project (a link): its title and description in each language (language tag → text, in the
	 * order given), IANA media type, IATI DocumentCategory codes, ISO 639-1 languages and date. {@code on}: the date it
	 * is kept from (default today).
	 */
	public record DocumentRequest(
			@NotBlank @Pattern(regexp = ID, message = ID_MESSAGE) String documentId,
			@NotNull DocumentSource source,
			@NotBlank @Size(max = 2000) String url,
			@Size(max = 20) Map<@NotBlank @Size(max = 35) String, @NotBlank @Size(max = 1000) String> titles,
			@MultiLine @Size(max = 20) Map<@NotBlank @Size(max = 35) String, @NotBlank @Size(max = 5000) String> descriptions,
			@Size(max = 100) String format,
			@Size(max = 40) List<@NotBlank @Pattern(regexp = "[A-Za-z][0-9]{2}", message = "{problem.field.documentCategory}") String> categories,
			@Size(max = 40) List<@NotBlank @Size(max = 35) String> languages,
			LocalDate documentDate,
			LocalDate on,
			@MultiLine @Size(max = 2000) String reason,
			@Size(max = 2000) String sourceUrl) implements Audited {
	}

	/**
	 * The IATI activity status a publisher reported ({@code status}, 1-6), effective on {@code on}, the activity's
	 * actual start ({@code startedOn}, optional), who reported it and in which file.
	 */
	public record ActivityStatusRequest(
			@NotBlank @Size(max = 2) String status,
			@NotNull LocalDate on,
			LocalDate startedOn,
			@Size(max = 200) String reportingOrgRef,
			@Size(max = 300) String reportingOrgName,
			@Size(max = 300) String file,
			@Size(max = 60) String lastUpdated,
			@MultiLine @Size(max = 2000) String reason,
			@Size(max = 2000) String sourceUrl) implements Audited {
	}

	/** The data-quality notes of the latest import of a project. */
	public record ImportNotesRequest(
			@Size(max = 300) String file,
			@Size(max = 60) String lastUpdated,
			@NotNull @Size(max = 2000) List<@Valid @NotNull ImportNoteRequest> notes,
			@NotNull LocalDate on,
			@MultiLine @Size(max = 2000) String reason,
			@Size(max = 2000) String sourceUrl) implements Audited {
	}

	/** One import note: whether something was adjusted or not recorded, what it is about, and what and why. */
	public record ImportNoteRequest(@NotNull ImportNote.Kind kind, @Size(max = 500) String subject,
			@NotBlank @Size(max = 4000) String text) {
	}

	public record CorrectionRequest(
			@NotNull @Valid MoneyRequest amount,
			@NotBlank @MultiLine @Size(max = 2000) String reason,
			LocalDate on,
			@Size(max = 2000) String sourceUrl) implements Audited {
	}

	/** The approval or the rejection of a money entry; a rejection needs its reason. */
	public record ApprovalDecisionRequest(
			@MultiLine @Size(max = 2000) String reason,
			@Size(max = 2000) String sourceUrl) implements Audited {
	}
}
