package org.pipelinetracker.project.app;

import jakarta.validation.Validator;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.pipelinetracker.project.api.CancelProjectCommand;
import org.pipelinetracker.project.api.CommandRejectedException;
import org.pipelinetracker.project.api.CommitFundingCommand;
import org.pipelinetracker.project.api.CompleteProjectCommand;
import org.pipelinetracker.project.api.ContentLanguage;
import org.pipelinetracker.project.api.CorrectFundingCommitmentCommand;
import org.pipelinetracker.project.api.FacilityHeadroom;
import org.pipelinetracker.project.api.FinaliseProjectCommand;
import org.pipelinetracker.project.api.FundViaEximbankCommand;
import org.pipelinetracker.project.api.LoanDates;
import org.pipelinetracker.project.api.LoanTerms;
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.project.api.MoneyEntryKind;
import org.pipelinetracker.project.api.Partner;
import org.pipelinetracker.project.api.ProjectId;
import org.pipelinetracker.project.api.ProposeProjectCommand;
import org.pipelinetracker.project.api.RecordDisbursementCommand;
import org.pipelinetracker.project.api.RecordExpenditureCommand;
import org.pipelinetracker.project.api.RecordIncomingFundsCommand;
import org.pipelinetracker.project.api.RecordMilestoneCommand;
import org.pipelinetracker.project.api.RecordProjectTextCommand;
import org.pipelinetracker.project.api.ResumeProjectCommand;
import org.pipelinetracker.project.api.SignAgreementCommand;
import org.pipelinetracker.project.api.StartImplementationCommand;
import org.pipelinetracker.project.api.SuspendProjectCommand;
import org.pipelinetracker.project.query.ProjectTimeline;
import org.pipelinetracker.project.query.ProjectView;
import org.pipelinetracker.project.app.Requests.Audited;
import org.pipelinetracker.project.app.Requests.CorrectionRequest;
import org.pipelinetracker.project.app.Requests.DisbursementRequest;
import org.pipelinetracker.project.app.Requests.EximbankFundingRequest;
import org.pipelinetracker.project.app.Requests.ExpenditureRequest;
import org.pipelinetracker.project.app.Requests.FundingRequest;
import org.pipelinetracker.project.app.Requests.IncomingFundsRequest;
import org.pipelinetracker.project.app.Requests.MilestoneRequest;
import org.pipelinetracker.project.app.Requests.MoneyRequest;
import org.pipelinetracker.project.app.Requests.PartnerRequest;
import org.pipelinetracker.project.app.Requests.ProjectTextRequest;
import org.pipelinetracker.project.app.Requests.ProposeProjectRequest;
import org.pipelinetracker.project.app.Requests.SignAgreementRequest;
import org.pipelinetracker.project.app.Requests.StageChangeRequest;
import org.pipelinetracker.reference.Codelists;
import org.pipelinetracker.kernel.AuditContext;
import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.kernel.Violations;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Validates a write request completely (structure, codelists, formats), turns it into a command with the audit
 * metadata and sends it.
 * Used by the HTTP API and by the demo-data loader, so both speak exactly the same language.
 */
@Service
public class ProjectWriteService {

	private final CommandGateway commands;
	private final Validator validator;
	private final Codelists codelists;
	private final Clock clock;
	private final ProjectTimeline timeline;
	private final ObjectProvider<FacilityHeadroom> facilities;
	private final ApprovalPolicy approvals;

	ProjectWriteService(CommandGateway commands, Validator validator, Codelists codelists,
			Clock clock, ProjectTimeline timeline, ObjectProvider<FacilityHeadroom> facilities, ApprovalPolicy approvals) {
		this.approvals = approvals;
		this.commands = commands;
		this.validator = validator;
		this.codelists = codelists;
		this.clock = clock;
		this.timeline = timeline;
		this.facilities = facilities;
	}

	public WriteResult propose(ProposeProjectRequest r, AuditContext audit) {
		Violations v = validate(r);
		String sector = r.sector() == null ? null : r.sector().trim();
		if (sector != null && !v.has("sector")) {
			v.check(codelists.isSector(sector), "sector", Text.of("problem.field.sectorUnknown").with("sector", sector));
		}
		String region = codelists.regionOf(v, "region", r.region());
		List<PartnerRequest> partnerRequests = r.partners() == null ? List.of() : r.partners();
		for (int i = 0; i < partnerRequests.size(); i++) {
			PartnerRequest p = partnerRequests.get(i);
			if (p != null && p.country() != null && !p.country().isBlank()) {
				v.check(codelists.isCountry(p.country().trim().toUpperCase(Locale.ROOT)), "partners[" + i + "].country",
						Text.of("problem.field.countryUnknown").with("country", p.country()));
			}
			String namesField = "partners[" + i + "].names";
			if (p != null && p.names() != null) {
				p.names().keySet().forEach(tag -> languageOrNull(v, tag, namesField));
			}
		}
		Money estimatedCost = money(v, "estimatedCost", r.estimatedCost());
		String language = r.language() == null || r.language().isBlank() ? null : language(v, r.language());
		v.checkUrl("sourceUrl", r.sourceUrl());
		v.throwIfAny();

		ProjectId id = r.projectId() == null || r.projectId().isBlank() ? ProjectId.generate() : ProjectId.of(r.projectId());
		// No look-up first: the event store's unique (aggregate, sequence) key refuses a second stream with this id
		// (AggregateStreamCreationException below), which saves a query on every proposal.
		List<Partner> partners = partnerRequests.stream().map(ProjectWriteService::partner).toList();
		ProposeProjectCommand command = new ProposeProjectCommand(id, r.title().trim(),
				r.description() == null ? null : r.description().trim(), sector, region, partners, estimatedCost,
				r.proposedOn(), r.plannedStart(), r.plannedEnd(), language);
		try {
			send(command, audit, r);
		}
		catch (AggregateStreamCreationException race) {
			throw alreadyExists(id);
		}
		return new WriteResult(id.value(), 0);
	}

	public WriteResult signAgreement(String projectId, SignAgreementRequest r, AuditContext audit) {
		Violations v = validate(r);
		v.checkUrl("documentUrl", r.documentUrl());
		v.checkUrl("sourceUrl", r.sourceUrl());
		v.throwIfAny();
		List<String> parties = r.parties() == null ? List.of() : r.parties().stream().map(String::trim).toList();
		return write(projectId, new SignAgreementCommand(id(projectId), r.agreementId(), r.type(), r.signedOn(), parties,
				blankToNull(r.documentUrl()), blankToNull(r.documentId())), audit, r);
	}

	public WriteResult fundViaEximbank(String projectId, EximbankFundingRequest r, AuditContext audit) {
		Violations v = validate(r);
		Money amount = money(v, "amount", r.amount());
		if (r.graceYears() != null && r.maturityYears() != null && r.graceYears() > r.maturityYears()) {
			v.add("graceYears", Text.of("problem.field.notLongerThanMaturity").with("maturityYears", r.maturityYears()));
		}
		v.checkUrl("sourceUrl", r.sourceUrl());
		v.throwIfAny();
		String facilityId = blankToNull(r.facilityId());
		FundViaEximbankCommand command = new FundViaEximbankCommand(id(projectId), r.fundingId(), r.instrument(), amount,
				r.committedOn(), new LoanTerms(r.interestRate(), r.maturityYears(), r.graceYears(), r.repaymentConvention()),
				facilityId, new LoanDates(r.effectiveOn(), r.closingOn()));
		Optional<String> entry = approvals.entryFor(MoneyEntryKind.COMMITMENT, amount, r.committedOn());
		if (entry.isPresent()) {
			// submitted for approval: the facility's headroom is reserved when it is approved (ApprovalService)
			return AuditedCommands.write(commands, projectId, command, audit, r, entry);
		}
		if (facilityId == null) {
			return write(projectId, command, audit, r);
		}
		// Reserve the facility's headroom first: two commitments racing for the last of it cannot both pass, since
		// the facility serialises its reservations. If the project then refuses the commitment, give it back.
		Map<String, Object> meta = audit.withReason(blankToNull(r.reason()), blankToNull(r.sourceUrl())).toMetaData();
		FacilityHeadroom headroom = facility();
		headroom.reserve(facilityId, projectId, r.fundingId(), amount, r.committedOn(), meta);
		try {
			return write(projectId, command, audit, r);
		}
		catch (RuntimeException refused) {
			headroom.release(facilityId, projectId, r.fundingId(), amount, "commitment refused: " + refused.getMessage(), meta);
			throw refused;
		}
	}

	public WriteResult commitFunding(String projectId, FundingRequest r, AuditContext audit) {
		Violations v = validate(r);
		Money amount = money(v, "amount", r.amount());
		v.checkUrl("sourceUrl", r.sourceUrl());
		v.throwIfAny();
		return AuditedCommands.write(commands, projectId, new CommitFundingCommand(id(projectId), r.fundingId(),
				r.source(), r.funder().trim(), amount, r.committedOn(), r.flowType()), audit, r,
				approvals.entryFor(MoneyEntryKind.COMMITMENT, amount, r.committedOn()));
	}

	public WriteResult recordDisbursement(String projectId, DisbursementRequest r, AuditContext audit) {
		return recordDisbursement(projectId, r, audit, false);
	}

	/**
	 * A disbursement as its publisher reported it (the IATI import): kept even outside the loan's effectiveness and
	 * closing dates (the importer notes it); every other rule applies.
	 */
	public WriteResult recordPublishedDisbursement(String projectId, DisbursementRequest r, AuditContext audit) {
		return recordDisbursement(projectId, r, audit, true);
	}

	private WriteResult recordDisbursement(String projectId, DisbursementRequest r, AuditContext audit,
			boolean published) {
		Violations v = validate(r);
		Money amount = money(v, "amount", r.amount());
		v.checkUrl("sourceUrl", r.sourceUrl());
		v.throwIfAny();
		return AuditedCommands.write(commands, projectId, new RecordDisbursementCommand(id(projectId), r.fundingId(),
				amount, r.disbursedOn(), published), audit, r,
				approvals.entryFor(MoneyEntryKind.DISBURSEMENT, amount, r.disbursedOn()));
	}

	public WriteResult recordIncomingFunds(String projectId, IncomingFundsRequest r, AuditContext audit) {
		Violations v = validate(r);
		Money amount = money(v, "amount", r.amount());
		v.checkUrl("sourceUrl", r.sourceUrl());
		v.throwIfAny();
		return write(projectId, new RecordIncomingFundsCommand(id(projectId), amount, r.receivedOn(),
				blankToNull(r.fundingId()), r.provider().trim(), blankToNull(r.receiver()), blankToNull(r.description())),
				audit, r);
	}

	public WriteResult recordExpenditure(String projectId, ExpenditureRequest r, AuditContext audit) {
		Violations v = validate(r);
		Money amount = money(v, "amount", r.amount());
		v.checkUrl("sourceUrl", r.sourceUrl());
		v.throwIfAny();
		return write(projectId, new RecordExpenditureCommand(id(projectId), amount, r.spentOn(),
				blankToNull(r.fundingId()), blankToNull(r.provider()), blankToNull(r.receiver()),
				blankToNull(r.description())), audit, r);
	}

	public WriteResult recordMilestone(String projectId, MilestoneRequest r, AuditContext audit) {
		Violations v = validate(r);
		v.checkUrl("sourceUrl", r.sourceUrl());
		v.throwIfAny();
		return write(projectId, new RecordMilestoneCommand(id(projectId), r.milestoneId(), blankToNull(r.name()),
				r.plannedOn(), r.achievedOn(), r.on()), audit, r);
	}

	/** The title and/or description in another language; blank texts are left to the project's rules to refuse. */
	public WriteResult recordText(String projectId, ProjectTextRequest r, AuditContext audit) {
		Violations v = validate(r);
		String language = v.has("language") ? null : language(v, r.language());
		v.checkUrl("sourceUrl", r.sourceUrl());
		v.throwIfAny();
		return write(projectId, new RecordProjectTextCommand(id(projectId), language, trim(r.title()),
				trim(r.description()), on(r.on())), audit, r);
	}

	public WriteResult start(String projectId, StageChangeRequest r, AuditContext audit) {
		validateStageChange(r);
		return write(projectId, new StartImplementationCommand(id(projectId), on(r.on())), audit, r);
	}

	public WriteResult suspend(String projectId, StageChangeRequest r, AuditContext audit) {
		validateStageChange(r);
		return write(projectId, new SuspendProjectCommand(id(projectId), on(r.on()), blankToNull(r.reason())), audit, r);
	}

	public WriteResult resume(String projectId, StageChangeRequest r, AuditContext audit) {
		validateStageChange(r);
		return write(projectId, new ResumeProjectCommand(id(projectId), on(r.on())), audit, r);
	}

	public WriteResult finalise(String projectId, StageChangeRequest r, AuditContext audit) {
		validateStageChange(r);
		return write(projectId, new FinaliseProjectCommand(id(projectId), on(r.on())), audit, r);
	}

	public WriteResult complete(String projectId, StageChangeRequest r, AuditContext audit) {
		validateStageChange(r);
		return write(projectId, new CompleteProjectCommand(id(projectId), on(r.on())), audit, r);
	}

	public WriteResult cancel(String projectId, StageChangeRequest r, AuditContext audit) {
		validateStageChange(r);
		return write(projectId, new CancelProjectCommand(id(projectId), on(r.on()), blankToNull(r.reason())), audit, r);
	}

	public WriteResult correctCommitment(String projectId, String fundingId, CorrectionRequest r, AuditContext audit) {
		Violations v = validate(r);
		Money amount = money(v, "amount", r.amount());
		v.checkUrl("sourceUrl", r.sourceUrl());
		v.throwIfAny();
		Optional<String> entry = approvals.entryFor(MoneyEntryKind.CORRECTION, amount, on(r.on()));
		if (entry.isPresent()) {
			// submitted for approval: a facility's usage moves when it is approved (ApprovalService)
			return AuditedCommands.write(commands, projectId, new CorrectFundingCommitmentCommand(id(projectId),
					fundingId, amount, r.reason().trim(), on(r.on()), null), audit, r, entry);
		}
		ProjectView project = timeline.current(projectId).orElse(null);
		ProjectView.FundingView funding = project == null ? null : project.fundings.stream()
				.filter(f -> f.fundingId.equals(fundingId)).findFirst().orElse(null);
		if (funding == null || funding.facilityId == null || !funding.amount.currency().equals(amount.currency())) {
			return write(projectId, new CorrectFundingCommitmentCommand(id(projectId), fundingId, amount,
					r.reason().trim(), on(r.on()), null), audit, r);
		}
		// The facility's usage moves by the difference from the version read here; the command applies only to that
		// version, so a concurrent change of the project fails it (409) instead of miscounting the facility.
		CorrectFundingCommitmentCommand command = new CorrectFundingCommitmentCommand(id(projectId), fundingId, amount,
				r.reason().trim(), on(r.on()), project.version);
		Map<String, Object> meta = audit.withReason(blankToNull(r.reason()), blankToNull(r.sourceUrl())).toMetaData();
		FacilityHeadroom headroom = facility();
		Money delta = amount.minus(funding.amount);
		if (delta.isPositive()) {
			headroom.reserve(funding.facilityId, projectId, fundingId, delta, command.correctedOn(), meta);
			try {
				return write(projectId, command, audit, r);
			}
			catch (RuntimeException refused) {
				headroom.release(funding.facilityId, projectId, fundingId, delta,
						"correction refused: " + refused.getMessage(), meta);
				throw refused;
			}
		}
		WriteResult result = write(projectId, command, audit, r);
		if (delta.amount().signum() < 0) {
			headroom.release(funding.facilityId, projectId, fundingId, Money.zero(delta.currency()).minus(delta),
					"commitment corrected to " + amount, meta);
		}
		return result;
	}

	// -------------------------------------------------------------------------------------------------------

	private FacilityHeadroom facility() {
		FacilityHeadroom headroom = facilities.getIfAvailable();
		if (headroom == null) {
			throw CommandRejectedException.rule("facilityId", Text.of("problem.rule.facilitiesUnavailable"));
		}
		return headroom;
	}

	private void validateStageChange(StageChangeRequest r) {
		Violations v = validate(r);
		v.checkUrl("sourceUrl", r.sourceUrl());
		v.throwIfAny();
	}

	private WriteResult write(String projectId, Object command, AuditContext audit, Requests.Audited request) {
		return AuditedCommands.write(commands, projectId, command, audit, request);
	}

	private Object send(Object command, AuditContext audit, Audited request) {
		return AuditedCommands.send(commands, command, audit, request);
	}

	private Violations validate(Object request) {
		return AuditedCommands.validate(validator, request);
	}

	/** Checks currency and decimal places; returns the amount at the currency's scale, or null if invalid/absent. */
	private Money money(Violations v, String field, MoneyRequest m) {
		Codelists.ExactAmount exact = m == null ? null : codelists.exactAmount(v, field, m.amount(), m.currency());
		return exact == null ? null : new Money(exact.amount(), exact.currency());
	}


	private LocalDate on(LocalDate date) {
		return date != null ? date : LocalDate.now(clock);
	}

	private static ProjectId id(String projectId) {
		return AuditedCommands.id(projectId);
	}

	private static CommandRejectedException alreadyExists(ProjectId id) {
		return CommandRejectedException.duplicate("projectId", Text.of("problem.rule.projectExists").with("projectId", id));
	}

	/** A partner as the proposal records it: trimmed, the country in upper case, the names keyed by canonical tags. */
	private static Partner partner(PartnerRequest p) {
		Map<String, String> names = new LinkedHashMap<>();
		if (p.names() != null) {
			p.names().forEach((tag, name) -> names.put(ContentLanguage.canonical(tag).orElse(tag), name.trim()));
		}
		String country = blankToNull(p.country());
		return new Partner(p.name().trim(), country == null ? null : country.toUpperCase(Locale.ROOT), p.role(),
				blankToNull(p.ref()), blankToNull(p.type()), names, blankToNull(p.activityId()),
				blankToNull(p.crsChannelCode()));
	}

	/** A language tag in its canonical form, or null with a violation on {@code field}. */
	static String languageOrNull(Violations v, String tag, String field) {
		String canonical = ContentLanguage.canonical(tag).orElse(null);
		v.check(canonical != null, field, Text.of("problem.field.languageTag").with("tag", tag)
				.with("examples", ContentLanguage.EXAMPLES));
		return canonical;
	}

	/** A language tag in its canonical form, or null with a violation. */
	private static String language(Violations v, String tag) {
		String canonical = ContentLanguage.canonical(tag).orElse(null);
		v.check(canonical != null, "language", Text.of("problem.field.languageTag").with("tag", tag)
				.with("examples", ContentLanguage.EXAMPLES));
		return canonical;
	}

	private static String trim(String s) {
		return s == null ? null : s.trim();
	}

	private static String blankToNull(String s) {
		return AuditedCommands.blankToNull(s);
	}
}
