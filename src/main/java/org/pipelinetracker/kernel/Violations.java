package org.pipelinetracker.kernel;

import jakarta.validation.ConstraintViolation;

import java.net.URI;
import java.net.URISyntaxException;

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

	/** An optional link must be an absolute http(s) URL or a path on this server starting with '/'. */
	public boolean checkUrl(String field, String url) {
		if (url == null || url.isBlank()) {
			return true;
		}
		boolean ok;
		try {
			URI uri = new URI(url.trim());
			ok = uri.isAbsolute()
					? ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null
					: url.startsWith("/") && !url.startsWith("//");
		}
		catch (URISyntaxException e) {
			ok = false;
		}
		return check(ok, field, "must be an http(s) URL or a path on this server starting with '/'");
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
