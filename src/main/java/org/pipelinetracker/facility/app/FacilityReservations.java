package org.pipelinetracker.facility.app;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.pipelinetracker.facility.api.FacilityId;
import org.pipelinetracker.facility.api.ReleaseFacilityHeadroomCommand;
import org.pipelinetracker.facility.api.ReserveFacilityHeadroomCommand;
import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.project.api.CommandRejectedException;
import org.pipelinetracker.project.api.FacilityHeadroom;
import org.pipelinetracker.project.api.Money;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.Map;

/**
 * Reserves and releases a facility's headroom for a project's commitment. Called by the project write path: before
 * recording a commitment that names a facility it reserves the amount (refused with
 * {@link CommandRejectedException} RULE_VIOLATION if the limit would be exceeded), and releases it again if the
 * project then refuses the commitment; a correction reserves or releases the difference.
 * <p>
 * Each call is one command on the Facility aggregate, in its own unit of work: call it from a service, not from
 * inside a command handler. Racing reservations on one facility are handled one at a time, each seeing the ones
 * before it, so together they never exceed the limit.
 */
@Service
public class FacilityReservations implements FacilityHeadroom {

	private final CommandGateway commands;

	FacilityReservations(CommandGateway commands) {
		this.commands = commands;
	}

	/**
	 * Reserves {@code amount} of facility {@code facilityId} for funding {@code fundingId} of project
	 * {@code projectId} (added to what that funding already holds). Returns the facility's version after the write.
	 * {@code metadata} (actor, reason, sourceUrl: {@code org.pipelinetracker.kernel.AuditMetadata}) goes onto the
	 * command and its event.
	 *
	 * @throws CommandRejectedException RULE_VIOLATION if there is no such facility, the currency differs from the
	 * facility's, {@code committedOn} is outside its validity or the limit would be exceeded; INVALID_INPUT for a
	 * missing or malformed id, amount or date
	 */
	@Override
	public long reserve(String facilityId, String projectId, String fundingId, Money amount, LocalDate committedOn,
			Map<String, Object> metadata) {
		return send(facilityId, new ReserveFacilityHeadroomCommand(id(facilityId), projectId, fundingId, amount,
				committedOn), metadata);
	}

	/**
	 * Gives back {@code amount} of what funding {@code fundingId} of project {@code projectId} holds of the facility.
	 *
	 * @throws CommandRejectedException RULE_VIOLATION if there is no such facility, the currency differs or more
	 * would be released than is reserved for that funding
	 */
	@Override
	public void release(String facilityId, String projectId, String fundingId, Money amount, String reason,
			Map<String, Object> metadata) {
		send(facilityId, new ReleaseFacilityHeadroomCommand(id(facilityId), projectId, fundingId, amount, reason),
				metadata);
	}

	private long send(String facilityId, Object command, Map<String, Object> metadata) {
		try {
			Object version = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
					.andMetaData(metadata == null ? Map.of() : metadata));
			return ((Number) version).longValue();
		}
		catch (AggregateNotFoundException unknown) {
			throw noSuchFacility(facilityId);
		}
		catch (IncompatibleAggregateException notAFacility) {
			throw noSuchFacility(facilityId); // the id names another aggregate's stream (a project's)
		}
	}

	private static FacilityId id(String facilityId) {
		if (!FacilityId.isValid(facilityId)) {
			throw noSuchFacility(facilityId);
		}
		return FacilityId.of(facilityId);
	}

	private static CommandRejectedException noSuchFacility(String facilityId) {
		return CommandRejectedException.rule("facilityId", Text.of("problem.rule.noSuchFacility")
				.with("facilityId", facilityId));
	}
}
