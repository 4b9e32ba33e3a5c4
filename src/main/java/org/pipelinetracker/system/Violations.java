package org.pipelinetracker.system;

import jakarta.validation.ConstraintViolation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Collects every problem with a request so the client learns them all at once.
 */
public final class Violations {

	private final List<FieldViolation> found = new ArrayList<>();

	public Violations addAll(Set<? extends ConstraintViolation<?>> constraintViolations) {
		constraintViolations.stream()
				.map(v -> new FieldViolation(v.getPropertyPath().toString(), v.getMessage()))
				.sorted(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::reason))
				.forEach(found::add);
		return this;
	}

	public Violations add(String field, String reason) {
		found.add(new FieldViolation(field, reason));
		return this;
	}

	/** Adds a violation unless {@code ok}. Returns {@code ok}. */
	public boolean check(boolean ok, String field, String reason) {
		if (!ok) {
			add(field, reason);
		}
		return ok;
	}

	public boolean has(String field) {
		return found.stream().anyMatch(v -> v.field().equals(field));
	}

	public void throwIfAny() {
		if (!found.isEmpty()) {
			throw new InvalidRequestException(found);
		}
	}
}
