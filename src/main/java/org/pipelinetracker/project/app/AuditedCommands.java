package org.pipelinetracker.project.app;

import jakarta.validation.Validator;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.pipelinetracker.kernel.AuditContext;
import org.pipelinetracker.kernel.InvalidRequestException;
import org.pipelinetracker.kernel.Text;
import org.pipelinetracker.kernel.Violations;
import org.pipelinetracker.project.api.MoneyEntrySubmittedEvent;
import org.pipelinetracker.project.api.ProjectId;
import org.pipelinetracker.project.app.Requests.Audited;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What every write service of the module does the same way: check a request body's constraints, send a command with
 * the request's audit metadata (who, why, from which source) and answer the project's new version; an invalid project
 * id is an unknown project.
 */
final class AuditedCommands {

	private AuditedCommands() {
	}

	/** Sends {@code command} with the audit metadata and the request's reason and source; answers the handler's result. */
	static Object send(CommandGateway commands, Object command, AuditContext audit, Audited request) {
		return send(commands, command, audit, request, Map.of());
	}

	/** {@link #send(CommandGateway, Object, AuditContext, Audited)}, with {@code more} metadata besides the audit's. */
	private static Object send(CommandGateway commands, Object command, AuditContext audit, Audited request,
			Map<String, ?> more) {
		AuditContext context = audit.withReason(blankToNull(request.reason()), blankToNull(request.sourceUrl()));
		return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(context.toMetaData())
				.andMetaData(more));
	}

	/**
	 * {@link #write}, the command submitted for approval under {@code approvalEntry} when there is one
	 * ({@link ApprovalPolicy}): the answer names the entry.
	 */
	static WriteResult write(CommandGateway commands, String projectId, Object command, AuditContext audit,
			Audited request, Optional<String> approvalEntry) {
		if (approvalEntry.isEmpty()) {
			return write(commands, projectId, command, audit, request);
		}
		Object version = send(commands, command, audit, request,
				Map.of(MoneyEntrySubmittedEvent.APPROVAL_ENTRY, approvalEntry.get()));
		return new WriteResult(projectId, ((Number) version).longValue(), approvalEntry.get());
	}

	/** {@link #send}, answering the project and its version after the command. */
	static WriteResult write(CommandGateway commands, String projectId, Object command, AuditContext audit,
			Audited request) {
		Object version = send(commands, command, audit, request);
		return new WriteResult(projectId, ((Number) version).longValue());
	}

	/** The body's constraint violations (to add the service's own checks to); 400 for no body at all. */
	static Violations validate(Validator validator, Object request) {
		if (request == null) {
			throw InvalidRequestException.of("body", Text.of("problem.field.bodyRequired"));
		}
		return new Violations().addAll(validator.validate(request));
	}

	/** The project id, or an unknown project (404) for one that cannot be an id. */
	static ProjectId id(String projectId) {
		if (!ProjectId.isValid(projectId)) {
			throw new AggregateNotFoundException(Objects.toString(projectId), "no project " + projectId);
		}
		return ProjectId.of(projectId);
	}

	static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}
}
