package org.pipelinetracker.project.api;

/**
 * A command the project refused, with a message a user understands and, where one field is at fault, its name.
 */
public class CommandRejectedException extends RuntimeException {

	/** Why a command was refused; the web layer maps each to an HTTP status. */
	public enum Kind {
		/** A field's value is wrong in itself (400). */
		INVALID_INPUT,
		/** An id that is already used within the project (409). */
		DUPLICATE,
		/** The command is not allowed in the project's current state (409). */
		RULE_VIOLATION
	}

	private final Kind kind;
	private final String field;

	public CommandRejectedException(Kind kind, String field, String message) {
		super(message, null, false, false);
		this.kind = kind;
		this.field = field;
	}

	public static CommandRejectedException rule(String message) {
		return new CommandRejectedException(Kind.RULE_VIOLATION, null, message);
	}

	public static CommandRejectedException rule(String field, String message) {
		return new CommandRejectedException(Kind.RULE_VIOLATION, field, message);
	}

	public static CommandRejectedException duplicate(String field, String message) {
		return new CommandRejectedException(Kind.DUPLICATE, field, message);
	}

	public static CommandRejectedException invalid(String field, String message) {
		return new CommandRejectedException(Kind.INVALID_INPUT, field, message);
	}

	public Kind kind() {
		return kind;
	}

	/** The offending field, or null when the whole command is refused. */
	public String field() {
		return field;
	}
}
