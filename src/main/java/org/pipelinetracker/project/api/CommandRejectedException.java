package org.pipelinetracker.project.api;

import org.pipelinetracker.kernel.Text;

/**
 * A command the project refused, with why as a {@link Text} of the message catalogue (a key and its typed
 * arguments: ids, dates, amounts, stages) and, where one field is at fault, its name. The message is the English
 * ({@link Text#english()}); the web layer writes {@link #text()} in the caller's language.
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
	private final transient Text text;

	public CommandRejectedException(Kind kind, String field, Text text) {
		super(text.english(), null, false, false);
		this.kind = kind;
		this.field = field;
		this.text = text;
	}

	public static CommandRejectedException rule(Text text) {
		return new CommandRejectedException(Kind.RULE_VIOLATION, null, text);
	}

	public static CommandRejectedException rule(String field, Text text) {
		return new CommandRejectedException(Kind.RULE_VIOLATION, field, text);
	}

	public static CommandRejectedException duplicate(String field, Text text) {
		return new CommandRejectedException(Kind.DUPLICATE, field, text);
	}

	public static CommandRejectedException invalid(String field, Text text) {
		return new CommandRejectedException(Kind.INVALID_INPUT, field, text);
	}

	public Kind kind() {
		return kind;
	}

	/** The offending field, or null when the whole command is refused. */
	public String field() {
		return field;
	}

	/** Why, to be written in the reader's language; {@link #getMessage()} is its English. */
	public Text text() {
		return text == null ? Text.verbatim(getMessage()) : text;
	}
}
