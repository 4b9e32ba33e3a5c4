package org.pipelinetracker.facility.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identifier of a credit facility, client-supplied (pattern {@value #PATTERN}), e.g. {@code EDCF-UZ-2024-2027}.
 * <p>
 * Facility and project ids share the event store's aggregate identifier column, so an id used by a project cannot
 * name a facility (and the other way round).
 */
public record FacilityId(String value) {

	public static final String PATTERN = "[A-Za-z0-9._-]{3,64}";

	private static final Pattern COMPILED = Pattern.compile(PATTERN);

	public FacilityId {
		Objects.requireNonNull(value, "facilityId");
		if (!COMPILED.matcher(value).matches()) {
			throw new IllegalArgumentException("facilityId must match " + PATTERN);
		}
	}

	@JsonCreator
	public static FacilityId of(String value) {
		return new FacilityId(value);
	}

	public static boolean isValid(String value) {
		return value != null && COMPILED.matcher(value).matches();
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
