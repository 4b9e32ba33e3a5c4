package org.pipelinetracker.facility.app;

import jakarta.validation.Validator;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.pipelinetracker.facility.api.CreateFacilityCommand;
import org.pipelinetracker.facility.api.FacilityCreatedEvent;
import org.pipelinetracker.facility.api.FacilityId;
import org.pipelinetracker.facility.app.CreateFacilityRequest.MoneyRequest;
import org.pipelinetracker.project.api.CommandRejectedException;
import org.pipelinetracker.project.api.Money;
import org.pipelinetracker.reference.Codelists;
import org.pipelinetracker.kernel.AuditContext;
import org.pipelinetracker.kernel.InvalidRequestException;
import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.kernel.Violations;
import org.springframework.stereotype.Service;


/**
 * Validates a facility write completely (structure, currency, decimals, URL), turns it into a command with the
 * audit metadata and sends it. Public so that a data loader can open facilities through the same path as HTTP.
 */
@Service
public class FacilityWriteService {

	private final CommandGateway commands;
	private final EventStore eventStore;
	private final Validator validator;
	private final Codelists codelists;

	FacilityWriteService(CommandGateway commands, EventStore eventStore, Validator validator, Codelists codelists) {
		this.commands = commands;
		this.eventStore = eventStore;
		this.validator = validator;
		this.codelists = codelists;
	}

	/** Opens a facility; {@code actor} is who records it (already checked), reason and source come from the body. */
	public FacilityWriteResult create(CreateFacilityRequest r, String actor) {
		if (r == null) {
			throw InvalidRequestException.of("body", Text.of("problem.field.bodyRequired"));
		}
		Violations v = new Violations().addAll(validator.validate(r));
		Money limit = money(v, "limit", r.limit());
		if (r.validFrom() != null && r.validTo() != null && r.validTo().isBefore(r.validFrom())) {
			v.add("validTo", Text.of("problem.field.notBeforeValidFrom").with("validFrom", r.validFrom()));
		}
		v.checkUrl("sourceUrl", r.sourceUrl());
		v.throwIfAny();

		FacilityId id = FacilityId.of(r.facilityId());
		if (eventStore.lastSequenceNumberFor(id.value()).isPresent()) {
			throw alreadyUsed(id);
		}
		CreateFacilityCommand command = new CreateFacilityCommand(id, r.name().trim(), r.lender().trim(), limit,
				r.validFrom(), r.validTo());
		try {
			commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
					.andMetaData(new AuditContext(actor, r.reason(), r.sourceUrl()).toMetaData()));
		}
		catch (AggregateStreamCreationException race) {
			throw alreadyUsed(id);
		}
		return new FacilityWriteResult(id.value(), 0);
	}

	/** Checks currency and decimal places; returns the amount at the currency's scale, or null if invalid/absent. */
	private Money money(Violations v, String field, MoneyRequest m) {
		Codelists.ExactAmount exact = m == null ? null : codelists.exactAmount(v, field, m.amount(), m.currency());
		return exact == null ? null : new Money(exact.amount(), exact.currency());
	}


	private CommandRejectedException alreadyUsed(FacilityId id) {
		DomainEventStream stream = eventStore.readEvents(id.value());
		boolean facility = stream.hasNext() && stream.peek().getPayload() instanceof FacilityCreatedEvent;
		return CommandRejectedException.duplicate("facilityId", Text.of(facility ? "problem.rule.facilityExists"
				: "problem.rule.idUsedByProject").with("id", id));
	}
}
