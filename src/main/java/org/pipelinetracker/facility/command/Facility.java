package org.pipelinetracker.facility.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;
import org.pipelinetracker.facility.api.CreateFacilityCommand;
import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.facility.api.FacilityCreatedEvent;
import org.pipelinetracker.facility.api.FacilityHeadroomReleasedEvent;
import org.pipelinetracker.facility.api.FacilityHeadroomReservedEvent;
import org.pipelinetracker.facility.api.FacilityId;
import org.pipelinetracker.facility.api.ReleaseFacilityHeadroomCommand;
import org.pipelinetracker.facility.api.ReserveFacilityHeadroomCommand;
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.project.api.ProjectId;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import static org.pipelinetracker.project.api.CommandRejectedException.invalid;
import static org.pipelinetracker.project.api.CommandRejectedException.rule;

/**
 * A credit facility: one limit shared by many projects' commitments. Every reservation is checked here, against
 * the facility's whole history, so the sum reserved never exceeds the limit. Axon handles one command per
 * facility at a time, and the event store refuses a second append at the same sequence number, so two
 * reservations racing for the last headroom cannot both succeed.
 * <p>
 * Plain Java apart from Axon's annotations; its snapshot is its fields ({@link FacilityCommandConfiguration}).
 */
@Aggregate(snapshotTriggerDefinition = "projectSnapshotTrigger", cache = "facilityCache")
class Facility {

	private static final Pattern FUNDING_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	@AggregateIdentifier
	private FacilityId facilityId;
	private String currency;
	private BigDecimal limit;
	private LocalDate validFrom;
	private LocalDate validTo;
	/** The sum of every reservation still held. */
	private BigDecimal reserved = BigDecimal.ZERO;
	/** What is held per project, then per funding (commitment) of that project. */
	private Map<String, Map<String, BigDecimal>> reservations = new HashMap<>();

	Facility() {
		// required by Axon
	}

	@CommandHandler
	Facility(CreateFacilityCommand command) {
		requireText("name", command.name());
		requireText("lender", command.lender());
		if (command.limit() == null || !command.limit().isPositive()) {
			throw invalid("limit.amount", Text.of("problem.field.limitNotPositive"));
		}
		requireDate("validFrom", command.validFrom());
		requireDate("validTo", command.validTo());
		if (command.validTo().isBefore(command.validFrom())) {
			throw invalid("validTo", Text.of("problem.field.validToBeforeValidFrom").with("validTo", command.validTo())
					.with("validFrom", command.validFrom()));
		}
		AggregateLifecycle.apply(new FacilityCreatedEvent(command.facilityId(), command.name(), command.lender(),
				command.limit(), command.validFrom(), command.validTo()));
	}

	@CommandHandler
	Long handle(ReserveFacilityHeadroomCommand command) {
		requireIds(command.projectId(), command.fundingId());
		Money amount = command.amount();
		requirePositive(amount);
		requireFacilityCurrency(amount);
		requireDate("committedOn", command.committedOn());
		if (command.committedOn().isBefore(validFrom) || command.committedOn().isAfter(validTo)) {
			throw rule("committedOn", Text.of("problem.rule.outsideFacilityPeriod").with("date", command.committedOn())
					.with("facilityId", facilityId).with("from", validFrom).with("to", validTo));
		}
		BigDecimal remaining = limit.subtract(reserved);
		if (amount.amount().compareTo(remaining) > 0) {
			throw rule("amount.amount", Text.of("problem.rule.facilityLimitExceeded").with("amount", money(amount))
					.with("fundingId", command.fundingId()).with("projectId", command.projectId())
					.with("facilityId", facilityId).with("limit", money(limit)).with("reserved", money(reserved))
					.with("remaining", money(remaining)));
		}
		AggregateLifecycle.apply(new FacilityHeadroomReservedEvent(facilityId, command.projectId(), command.fundingId(),
				amount, command.committedOn()));
		return AggregateLifecycle.getVersion();
	}

	@CommandHandler
	Long handle(ReleaseFacilityHeadroomCommand command) {
		requireIds(command.projectId(), command.fundingId());
		Money amount = command.amount();
		requirePositive(amount);
		requireFacilityCurrency(amount);
		BigDecimal held = held(command.projectId(), command.fundingId());
		if (amount.amount().compareTo(held) > 0) {
			throw rule("amount.amount", (held.signum() == 0 ? Text.of("problem.rule.releaseNothingReserved")
					: Text.of("problem.rule.releaseMoreThanReserved").with("held", money(held)))
					.with("amount", money(amount)).with("fundingId", command.fundingId())
					.with("projectId", command.projectId()).with("facilityId", facilityId));
		}
		AggregateLifecycle.apply(new FacilityHeadroomReleasedEvent(facilityId, command.projectId(), command.fundingId(),
				amount, blankToNull(command.reason())));
		return AggregateLifecycle.getVersion();
	}

	// --- rules ------------------------------------------------------------------------------------------------

	private void requireFacilityCurrency(Money amount) {
		if (!currency.equals(amount.currency())) {
			throw rule("amount.currency", Text.of("problem.rule.facilityCurrency").with("facilityId", facilityId)
					.with("currency", currency).with("amount", money(amount)));
		}
	}

	private static void requirePositive(Money amount) {
		if (amount == null || amount.amount().signum() <= 0) {
			throw invalid("amount.amount", Text.of("problem.field.amountNotPositive"));
		}
	}

	private static void requireIds(String projectId, String fundingId) {
		requireText("projectId", projectId);
		if (!ProjectId.isValid(projectId)) {
			throw invalid("projectId", Text.of("problem.field.mustMatch").with("field", "projectId")
					.with("pattern", String.valueOf(ProjectId.PATTERN)));
		}
		requireText("fundingId", fundingId);
		if (!FUNDING_ID.matcher(fundingId).matches()) {
			throw invalid("fundingId", Text.of("problem.field.fundingIdFormat"));
		}
	}

	private static void requireText(String field, String value) {
		if (value == null || value.isBlank()) {
			throw invalid(field, Text.of("problem.field.required").with("field", field));
		}
	}

	private static void requireDate(String field, LocalDate date) {
		if (date == null) {
			throw invalid(field, Text.of("problem.field.required").with("field", field));
		}
	}

	private BigDecimal held(String projectId, String fundingId) {
		return reservations.getOrDefault(projectId, Map.of()).getOrDefault(fundingId, BigDecimal.ZERO);
	}

	/** An amount of the facility's currency, at the limit's scale, as the argument of a rejection. */
	private Text.Amount money(BigDecimal amount) {
		return Text.money(amount.setScale(Math.max(amount.scale(), limit.scale())), currency);
	}

	private static Text.Amount money(Money amount) {
		return Text.money(amount.amount(), amount.currency());
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}

	// --- state ------------------------------------------------------------------------------------------------

	@EventSourcingHandler
	void on(FacilityCreatedEvent event) {
		facilityId = event.facilityId();
		currency = event.limit().currency();
		limit = event.limit().amount();
		reserved = BigDecimal.ZERO.setScale(limit.scale());
		validFrom = event.validFrom();
		validTo = event.validTo();
	}

	@EventSourcingHandler
	void on(FacilityHeadroomReservedEvent event) {
		reservations.computeIfAbsent(event.projectId(), p -> new HashMap<>())
				.merge(event.fundingId(), event.amount().amount(), BigDecimal::add);
		reserved = reserved.add(event.amount().amount());
	}

	@EventSourcingHandler
	void on(FacilityHeadroomReleasedEvent event) {
		Map<String, BigDecimal> ofProject = reservations.get(event.projectId());
		BigDecimal left = ofProject.get(event.fundingId()).subtract(event.amount().amount());
		if (left.signum() == 0) {
			ofProject.remove(event.fundingId());
			if (ofProject.isEmpty()) {
				reservations.remove(event.projectId());
			}
		}
		else {
			ofProject.put(event.fundingId(), left);
		}
		reserved = reserved.subtract(event.amount().amount());
	}
}
