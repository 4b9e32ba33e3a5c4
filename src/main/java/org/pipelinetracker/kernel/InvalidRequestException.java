package org.pipelinetracker.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * A request with one or more invalid fields; answered 400 with each field listed. The message is the English.
 */
public class InvalidRequestException extends RuntimeException {

	private final List<FieldViolation> violations;

	public InvalidRequestException(List<FieldViolation> violations) {
		super(summary(violations), null, false, false);
		this.violations = List.copyOf(violations);
	}

	public static InvalidRequestException of(String field, Text reason) {
		return new InvalidRequestException(List.of(new FieldViolation(field, reason)));
	}

	/** A reason that is not in the catalogue (shown as it is in every language). */
	public static InvalidRequestException of(String field, String reason) {
		return new InvalidRequestException(List.of(new FieldViolation(field, reason)));
	}

	public List<FieldViolation> violations() {
		return violations;
	}

	private static String summary(List<FieldViolation> violations) {
		List<String> parts = new ArrayList<>();
		for (FieldViolation v : violations) {
			parts.add(v.field() + ": " + v.reason().english());
		}
		return String.join("; ", parts);
	}
}
