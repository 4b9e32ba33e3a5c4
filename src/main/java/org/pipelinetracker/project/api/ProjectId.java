package org.pipelinetracker.project.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Identifier of a project: client-supplied (pattern {@value #PATTERN}) or generated.
 */
public record ProjectId(String value) {

	public static final String PATTERN = "[A-Za-z0-9._-]{3,64}";

	private static final Pattern COMPILED = Pattern.compile(PATTERN);

	public ProjectId {
		Objects.requireNonNull(value, "projectId");
		if (!COMPILED.matcher(value).matches()) {
			throw new IllegalArgumentException("projectId must match " + PATTERN);
		}
	}

	@JsonCreator
	public static ProjectId of(String value) {
		return new ProjectId(value);
	}

	public static boolean isValid(String value) {
		return value != null && COMPILED.matcher(value).matches();
	}

	public static ProjectId generate() {
		return new ProjectId("PRJ-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase());
	}

	@JsonValue
	@Override
	public String value() {
		return value;
	}

	/** Axon stores the aggregate identifier as {@code toString()}: keep it the plain value. */
	@Override
	public String toString() {
		return value;
	}
}
