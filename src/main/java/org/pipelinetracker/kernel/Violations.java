package org.pipelinetracker.kernel;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.validation.metadata.ConstraintDescriptor;

import java.lang.annotation.Annotation;
import java.net.URI;
import java.net.URISyntaxException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects every problem with a request so the client learns them all at once. Each reason is a {@link Text} of the
 * catalogue, written in the caller's language when the request is answered.
 */
public final class Violations {

	/** The catalogue's texts of the standard constraints, for those whose message is Bean Validation's default. */
	private static final Map<Class<? extends Annotation>, String> CONSTRAINT_TEXTS = Map.of(
			NotNull.class, "problem.field.notNull",
			NotBlank.class, "problem.field.notBlank",
			NotEmpty.class, "problem.field.notEmpty",
			Size.class, "problem.field.size",
			Positive.class, "problem.field.positive",
			PositiveOrZero.class, "problem.field.positiveOrZero",
			Min.class, "problem.field.min",
			Max.class, "problem.field.max",
			Pattern.class, "problem.field.pattern");
	private static final java.util.regex.Pattern CATALOGUE_TEMPLATE = java.util.regex.Pattern.compile(
			"\\{(problem\\.[A-Za-z0-9_.-]+)}");
	private static final Set<String> NOT_ARGUMENTS = Set.of("message", "groups", "payload");

	private final List<FieldViolation> found = new ArrayList<>();

	/** Bean Validation's findings, sorted by field, each reason a text of the catalogue ({@link #textOf}). */
	public Violations addAll(Set<? extends ConstraintViolation<?>> constraintViolations) {
		constraintViolations.stream()
				.map(v -> new FieldViolation(v.getPropertyPath().toString(), textOf(v.getMessageTemplate(),
						v.getConstraintDescriptor(), v.getMessage())))
				.sorted(Comparator.comparing(FieldViolation::field).thenComparing(v -> v.reason().english()))
				.forEach(found::add);
		return this;
	}

	/**
	 * The text of a constraint's message: {@code "{problem.field.id}"} names a key of the catalogue; the default
	 * message of a standard constraint ({@code @NotNull}, {@code @Size}, ...) is the catalogue's text for it. The
	 * constraint's attributes ({@code min}, {@code max}, {@code value}, ...) are the arguments. Any other message is
	 * kept as {@code interpolated} (verbatim).
	 */
	public static Text textOf(String template, ConstraintDescriptor<?> descriptor, String interpolated) {
		java.util.regex.Matcher catalogue = CATALOGUE_TEMPLATE.matcher(template == null ? "" : template);
		String key = catalogue.matches() ? catalogue.group(1)
				: descriptor != null && template != null && template.startsWith("{jakarta.validation.constraints.")
						? CONSTRAINT_TEXTS.get(descriptor.getAnnotation().annotationType()) : null;
		if (key == null) {
			return Text.verbatim(interpolated);
		}
		Text text = Text.of(key);
		if (descriptor != null) {
			for (Map.Entry<String, Object> attribute : new java.util.TreeMap<>(descriptor.getAttributes()).entrySet()) {
				if (!NOT_ARGUMENTS.contains(attribute.getKey())) {
					text = text.with(attribute.getKey(), attribute.getValue());
				}
			}
		}
		return text;
	}

	public Violations add(String field, Text reason) {
		found.add(new FieldViolation(field, reason));
		return this;
	}

	/** A reason that is not in the catalogue (shown as it is in every language). */
	public Violations add(String field, String reason) {
		found.add(new FieldViolation(field, reason));
		return this;
	}

	/** Adds a violation unless {@code ok}. Returns {@code ok}. */
	public boolean check(boolean ok, String field, Text reason) {
		if (!ok) {
			add(field, reason);
		}
		return ok;
	}

	/** Adds a violation unless {@code ok}, with a reason that is not in the catalogue. Returns {@code ok}. */
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
		return check(ok, field, Text.of("problem.field.url"));
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
